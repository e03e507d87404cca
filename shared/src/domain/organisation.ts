// A municipality's organisation is configuration, not code: each one has its own divisions, staff
// types and approval chain. These are the shapes stored in Firestore.

export type StaffType = 'municipalEmployee' | 'teacher' | 'permanentWorker' | 'contractEmployee';
export type Role = 'staff' | 'supervisor' | 'hr' | 'executive';

export const STAFF_TYPE_LABELS: Record<StaffType, string> = {
  municipalEmployee: 'พนักงานเทศบาล',
  teacher: 'พนักงานครูเทศบาล',
  permanentWorker: 'ลูกจ้างประจำ',
  contractEmployee: 'พนักงานจ้าง',
};

export interface Division {
  readonly id: string;
  readonly name: string;
}

export interface Municipality {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly divisions: readonly Division[];
  /** training hours each person should reach per fiscal year (many municipalities commit to 40) */
  readonly yearlyHoursTarget: number;
}

export interface Employee {
  readonly id: string;
  readonly municipalityId: string;
  readonly code: string;
  readonly name: string;
  readonly divisionId: string;
  readonly position: string;
  /** ระดับ, e.g. ปฏิบัติการ / ชำนาญการ / ชำนาญการพิเศษ, or ต้น / กลาง / สูง for executives */
  readonly level?: string;
  readonly staffType: StaffType;
  readonly jobLine: string;
  readonly supervisorId: string | null;
  readonly roles: readonly Role[];
  readonly active: boolean;
  /** set once the person links their LINE account */
  readonly lineUserId?: string;
}
