import { fiscalYearOf } from '../calendar/fiscal-year';
import { type IsoDate, isIsoDate } from '../text/thai-date';

// The municipal standards' item 1.13: a policy meeting every month, twelve a fiscal year. HR records
// each one (date, agenda, how many attended); the evidence pack lists them against the twelve.

export const MEETINGS_PER_YEAR = 12;

export interface PolicyMeeting {
  readonly date: IsoDate;
  readonly fiscalYear: number;
  readonly agenda: string;
  readonly attendance: number;
}

export function parsePolicyMeeting(
  raw: unknown,
  today: IsoDate,
): { meeting: PolicyMeeting } | { errors: Record<string, string> } {
  const r = (raw ?? {}) as { date?: unknown; agenda?: unknown; attendance?: unknown };
  const errors: Record<string, string> = {};
  const date = typeof r.date === 'string' ? r.date.trim() : '';
  if (!isIsoDate(date)) errors.date = 'กรุณาเลือกวันที่ประชุม';
  else if (date > today) errors.date = 'วันที่ประชุมต้องไม่เป็นวันในอนาคต';
  const agenda = typeof r.agenda === 'string' ? r.agenda.trim() : '';
  if (agenda.length < 3) errors.agenda = 'กรุณาพิมพ์วาระการประชุม';
  else if (agenda.length > 500) errors.agenda = 'วาระการประชุมยาวเกินไป ไม่เกิน 500 ตัวอักษร';
  const n =
    typeof r.attendance === 'string' && r.attendance.trim() !== '' ? Number(r.attendance) : r.attendance;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 10000)
    errors.attendance = 'จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็มตั้งแต่ 1 คน';
  if (Object.keys(errors).length > 0) return { errors };
  return { meeting: { date, fiscalYear: fiscalYearOf(date), agenda, attendance: n as number } };
}

/** Months of the fiscal year (ต.ค.–ก.ย.) with at least one meeting, for "12 a year". */
export function monthsWithMeetings(meetings: readonly Pick<PolicyMeeting, 'date'>[]): number {
  return new Set(meetings.map((m) => m.date.slice(0, 7))).size;
}
