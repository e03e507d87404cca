import type { DevelopmentMethodId } from '../domain/development-methods';
import type { IsoDate } from '../text/thai-date';

// A training the municipality sends people to (or runs itself). HR creates them; each attendee then
// owes a post-training report unless HR marks the training as not needing one.

/** Curricula of the municipal staff-development plan (หลักสูตรการพัฒนา). */
export const CURRICULA = [
  { id: 'basic', name: 'หลักสูตรความรู้พื้นฐานในการปฏิบัติราชการ' },
  { id: 'duties', name: 'หลักสูตรการพัฒนาเกี่ยวกับงานในหน้าที่ที่รับผิดชอบ' },
  { id: 'positionSkills', name: 'หลักสูตรความรู้และทักษะเฉพาะของงานในแต่ละตำแหน่ง' },
  { id: 'management', name: 'หลักสูตรด้านการบริหาร' },
  { id: 'ethics', name: 'หลักสูตรด้านคุณธรรมและจริยธรรม' },
] as const;
export type CurriculumId = (typeof CURRICULA)[number]['id'];

export const ORGANISER_KINDS = [
  { id: 'self', name: 'เทศบาลจัดเอง' },
  { id: 'dla', name: 'กรมส่งเสริมการปกครองท้องถิ่น' },
  { id: 'province', name: 'จังหวัด/ท้องถิ่นจังหวัด' },
  { id: 'university', name: 'สถาบันการศึกษา' },
  { id: 'other', name: 'หน่วยงานอื่น' },
] as const;
export type OrganiserKind = (typeof ORGANISER_KINDS)[number]['id'];

export interface Training {
  readonly id: string;
  readonly title: string;
  readonly organiser: string;
  readonly organiserKind?: OrganiserKind;
  readonly method: DevelopmentMethodId;
  readonly curriculum?: CurriculumId;
  /** the competency or IDP goal it serves, free text or a competency id */
  readonly competency?: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly hours: number;
  /** employee ids */
  readonly attendees: readonly string[];
  /** false for e.g. an orientation where no report is asked; hours then count on attendance */
  readonly reportRequired?: boolean;
}
