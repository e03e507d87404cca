import { DEVELOPMENT_METHODS, type DevelopmentMethodId } from '../domain/development-methods';
import { addDays, type IsoDate, isIsoDate } from '../text/thai-date';
import { CURRICULA, type CurriculumId, ORGANISER_KINDS, type OrganiserKind, type Training } from './training';

// A training as HR types it in the LIFF management page, checked field by field with Thai messages.
// Whether the attendees exist is for the edge to check (it reads the staff list).

export type TrainingInput = Omit<Training, 'id'>;
export type TrainingField = keyof TrainingInput;
/** Thai messages by field; `training` is for problems with the body as a whole. */
export type TrainingErrors = Partial<Record<TrainingField | 'training', string>>;

export const TRAINING_LIMITS = {
  title: { min: 3, max: 200 },
  organiser: { min: 2, max: 200 },
  competency: { max: 200 },
  hours: { min: 0.5, max: 500 },
  /** longest span from the first to the last day */
  days: 366,
  attendees: 2000,
} as const;

const FIELDS: readonly TrainingField[] = [
  'title',
  'organiser',
  'organiserKind',
  'method',
  'curriculum',
  'competency',
  'startDate',
  'endDate',
  'hours',
  'attendees',
  'reportRequired',
];

export function parseTrainingInput(raw: unknown): { training: TrainingInput } | { errors: TrainingErrors } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { errors: { training: 'ไม่พบข้อมูลการอบรมที่จะบันทึก' } };
  const b = raw as Record<string, unknown>;
  const errors: TrainingErrors = {};
  const unknown = Object.keys(b).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.training = `ระบบไม่รู้จักช่อง ${unknown.join(', ')}`;

  const text = (field: 'title' | 'organiser', label: string) => {
    const v = typeof b[field] === 'string' ? (b[field] as string).trim().replace(/\s+/g, ' ') : '';
    const { min, max } = TRAINING_LIMITS[field];
    if (v.length < min) errors[field] = `กรุณาระบุ${label} (อย่างน้อย ${min} ตัวอักษร)`;
    else if (v.length > max) errors[field] = `${label}ยาวเกินไป (${v.length} ตัวอักษร) ไม่เกิน ${max} ตัวอักษร`;
    return v;
  };
  const title = text('title', 'ชื่อหลักสูตร/การอบรม');
  const organiser = text('organiser', 'หน่วยงานผู้จัด');

  const organiserKind = optionalChoice(b.organiserKind, ORGANISER_KINDS) as OrganiserKind | undefined | null;
  if (organiserKind === null) errors.organiserKind = 'กรุณาเลือกประเภทผู้จัดจากรายการ';
  const method = optionalChoice(b.method, DEVELOPMENT_METHODS) as DevelopmentMethodId | undefined | null;
  if (!method) errors.method = 'กรุณาเลือกวิธีการพัฒนาจากรายการ';
  const curriculum = optionalChoice(b.curriculum, CURRICULA) as CurriculumId | undefined | null;
  if (curriculum === null) errors.curriculum = 'กรุณาเลือกหลักสูตรจากรายการ';

  let competency: string | undefined;
  if (b.competency !== undefined && b.competency !== null && b.competency !== '') {
    if (typeof b.competency !== 'string') errors.competency = 'กรุณาพิมพ์สมรรถนะเป็นข้อความ';
    else {
      competency = b.competency.trim() || undefined;
      if (competency && competency.length > TRAINING_LIMITS.competency.max)
        errors.competency = `ข้อความยาวเกินไป ไม่เกิน ${TRAINING_LIMITS.competency.max} ตัวอักษร`;
    }
  }

  const date = (field: 'startDate' | 'endDate', label: string): IsoDate => {
    const v = typeof b[field] === 'string' ? (b[field] as string).trim() : '';
    if (!v) errors[field] = `กรุณาระบุ${label}`;
    else if (!isIsoDate(v)) errors[field] = `${label}ไม่ถูกต้อง กรุณาเลือกจากปฏิทิน`;
    return v;
  };
  const startDate = date('startDate', 'วันเริ่มอบรม');
  const endDate = date('endDate', 'วันสิ้นสุดการอบรม');
  if (!errors.startDate && !errors.endDate) {
    if (endDate < startDate) errors.endDate = 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มอบรม';
    else if (endDate > addDays(startDate, TRAINING_LIMITS.days))
      errors.endDate = `ช่วงการอบรมยาวเกิน ${TRAINING_LIMITS.days} วัน กรุณาตรวจสอบวันที่`;
  }

  const hours = typeof b.hours === 'string' && b.hours.trim() !== '' ? Number(b.hours) : b.hours;
  const { min: hMin, max: hMax } = TRAINING_LIMITS.hours;
  if (typeof hours !== 'number' || !Number.isFinite(hours)) errors.hours = 'กรุณาระบุจำนวนชั่วโมงเป็นตัวเลข';
  else if (hours < hMin || hours > hMax || Math.round(hours * 2) !== hours * 2)
    errors.hours = `จำนวนชั่วโมงต้องอยู่ระหว่าง ${hMin} ถึง ${hMax} (ทีละครึ่งชั่วโมง)`;

  let attendees: string[] = [];
  if (b.attendees === undefined) attendees = [];
  else if (!Array.isArray(b.attendees) || b.attendees.some((a) => typeof a !== 'string'))
    errors.attendees = 'รายชื่อผู้เข้าอบรมไม่ถูกต้อง';
  else {
    attendees = [...new Set((b.attendees as string[]).map((a) => a.trim()).filter(Boolean))];
    if (attendees.length > TRAINING_LIMITS.attendees)
      errors.attendees = `ผู้เข้าอบรมเกิน ${TRAINING_LIMITS.attendees} คน กรุณาแบ่งเป็นหลายรุ่น`;
  }

  let reportRequired = true;
  if (b.reportRequired !== undefined) {
    if (typeof b.reportRequired !== 'boolean') errors.reportRequired = 'กรุณาเลือกว่าต้องส่งรายงานหรือไม่';
    else reportRequired = b.reportRequired;
  }

  if (Object.keys(errors).length > 0) return { errors };
  return {
    training: {
      title,
      organiser,
      ...(organiserKind ? { organiserKind } : {}),
      method: method as DevelopmentMethodId,
      ...(curriculum ? { curriculum } : {}),
      ...(competency ? { competency } : {}),
      startDate,
      endDate,
      hours: hours as number,
      attendees,
      reportRequired,
    },
  };
}

/** undefined when not given, null when given but not one of the list's ids. */
function optionalChoice(value: unknown, list: readonly { readonly id: string }[]): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && list.some((x) => x.id === value) ? value : null;
}
