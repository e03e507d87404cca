import type { IdpGoal } from '../idp/idp-plan';
import { graphemeLength } from '../text/graphemes';
import { addDays, formatThaiDate, type IsoDate, isIsoDate, normaliseDigits } from '../text/thai-date';
import type { Training } from '../trainings/training';
import { REQUEST_STATUS_LABELS, type RequestedCourse, type TrainingRequest } from './training-request';

// A training request as the person sends it (chat's last step, or the LIFF form), checked field by
// field with Thai messages against what the edge read: HR's catalogue, the person's other requests
// and attendances, and their IDP goals. One checker for both places, so they refuse the same things.

export interface RequestInput {
  /** a catalogue training's id; without it the course is external and described below */
  readonly trainingId?: unknown;
  readonly title?: unknown;
  readonly organiser?: unknown;
  readonly startDate?: unknown;
  readonly endDate?: unknown;
  readonly hours?: unknown;
  readonly place?: unknown;
  readonly cost?: unknown;
  readonly budgetLine?: unknown;
  readonly returnDate?: unknown;
  readonly reason?: unknown;
  readonly idpGoalId?: unknown;
}

export type RequestField = keyof RequestInput | 'request';
export type RequestErrors = Partial<Record<RequestField, string>>;

/** Something already in the person's calendar: another request, or a training they attend. */
export interface BusyPeriod {
  readonly title: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly trainingId?: string;
  /** set for requests: their status decides the message */
  readonly requestStatus?: TrainingRequest['status'];
}

export interface RequestCheckContext {
  readonly today: IsoDate;
  /** HR's catalogue, by id */
  readonly catalogue: ReadonlyMap<string, Training>;
  /** the person's live requests (sent or approved) and the trainings they attend */
  readonly busy: readonly BusyPeriod[];
  readonly goals: readonly IdpGoal[];
}

export interface CheckedRequest {
  readonly course: RequestedCourse;
  readonly returnDate: IsoDate;
  readonly reason: string;
  readonly idpGoalId?: string;
  readonly competencyId?: string;
}

export const REQUEST_LIMITS = {
  title: { min: 3, max: 200 },
  organiser: { min: 2, max: 200 },
  place: { min: 2, max: 200 },
  budgetLine: { min: 2, max: 200 },
  reason: { min: 10, max: 1000 },
  hours: { min: 0.5, max: 500 },
  /** baht */
  cost: { max: 10_000_000 },
  /** travel back may take a few days after the course */
  returnDaysAfterEnd: 7,
} as const;

/** Baht typed by a person: Thai or Arabic digits, thousands commas, "บาท"; undefined when not a number. */
export function parseBaht(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= 0 ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const t = normaliseDigits(raw)
    .trim()
    .replace(/\s*บาท$/, '')
    .replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  return Number(t);
}

const clean = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');

export function checkRequest(
  input: RequestInput,
  ctx: RequestCheckContext,
): { ok: CheckedRequest } | { errors: RequestErrors } {
  const errors: RequestErrors = {};
  const text = (field: 'title' | 'organiser' | 'place' | 'budgetLine' | 'reason', label: string) => {
    const v = clean(input[field]);
    const { min, max } = REQUEST_LIMITS[field];
    const n = graphemeLength(v);
    if (n < min) errors[field] = `กรุณาระบุ${label} (อย่างน้อย ${min} ตัวอักษร)`;
    else if (n > max) errors[field] = `${label}ยาวเกินไป (${n} ตัวอักษร) ไม่เกิน ${max} ตัวอักษร`;
    return v;
  };
  const date = (field: 'startDate' | 'endDate' | 'returnDate', label: string): IsoDate => {
    const v = clean(input[field]);
    if (!v) errors[field] = `กรุณาระบุ${label}`;
    else if (!isIsoDate(v)) errors[field] = `${label}ไม่ถูกต้อง กรุณาเลือกจากปฏิทิน`;
    return v;
  };

  let course: Omit<RequestedCourse, 'cost' | 'budgetLine'> | undefined;
  const trainingId = clean(input.trainingId);
  if (trainingId) {
    const t = ctx.catalogue.get(trainingId);
    if (!t) errors.trainingId = 'ไม่พบหลักสูตรนี้ในรายการของฝ่ายบุคคล กรุณาเลือกใหม่';
    else
      course = {
        source: 'catalogue',
        trainingId: t.id,
        title: t.title,
        organiser: t.organiser,
        startDate: t.startDate,
        endDate: t.endDate,
        hours: t.hours,
        ...(clean(input.place) ? { place: clean(input.place) } : {}),
      };
  } else {
    const title = text('title', 'ชื่อหลักสูตร');
    const organiser = text('organiser', 'หน่วยงานผู้จัด');
    const place = text('place', 'สถานที่อบรม');
    const startDate = date('startDate', 'วันเริ่มอบรม');
    const endDate = date('endDate', 'วันสิ้นสุดการอบรม');
    const hours = typeof input.hours === 'number' ? input.hours : Number(normaliseDigits(clean(input.hours)));
    if (!clean(String(input.hours ?? '')) || !Number.isFinite(hours))
      errors.hours = 'กรุณาระบุจำนวนชั่วโมงอบรมเป็นตัวเลข เช่น 6 หรือ 12.5';
    else if (hours < REQUEST_LIMITS.hours.min || hours > REQUEST_LIMITS.hours.max)
      errors.hours = `จำนวนชั่วโมงต้องอยู่ระหว่าง ${REQUEST_LIMITS.hours.min} ถึง ${REQUEST_LIMITS.hours.max}`;
    if (!errors.startDate && !errors.endDate && endDate < startDate)
      errors.endDate = `วันสิ้นสุดต้องไม่ก่อนวันเริ่ม (${formatThaiDate(startDate)})`;
    course = { source: 'external', title, organiser, place, startDate, endDate, hours };
  }

  const cost = parseBaht(input.cost);
  if (input.cost === undefined || input.cost === null || input.cost === '')
    errors.cost = 'กรุณาระบุค่าใช้จ่าย (บาท) พิมพ์ 0 ถ้าไม่มีค่าใช้จ่าย';
  else if (cost === undefined) errors.cost = 'ค่าใช้จ่ายต้องเป็นตัวเลข (บาท) เช่น 3500 หรือ 3,500.50';
  else if (cost > REQUEST_LIMITS.cost.max) errors.cost = 'ค่าใช้จ่ายสูงเกินไป กรุณาตรวจสอบจำนวนเงิน';
  const budgetLine =
    cost && cost > 0
      ? text('budgetLine', 'งบประมาณที่ใช้ (แผนงาน/รายการ)')
      : clean(input.budgetLine) || undefined;
  const reason = text('reason', 'เหตุผลที่ขอไปอบรม');

  let goal: IdpGoal | undefined;
  const idpGoalId = clean(input.idpGoalId);
  if (idpGoalId) {
    goal = ctx.goals.find((g) => g.id === idpGoalId);
    if (!goal) errors.idpGoalId = 'ไม่พบเป้าหมายนี้ในแผนพัฒนารายบุคคลของท่าน กรุณาเลือกใหม่';
  }

  let returnDate = course?.endDate ?? '';
  if (clean(input.returnDate)) returnDate = date('returnDate', 'วันที่กลับมาปฏิบัติงาน');

  if (course && !errors.startDate && !errors.endDate && !errors.trainingId) {
    if (course.startDate <= ctx.today)
      errors[trainingId ? 'trainingId' : 'startDate'] = 'ขออนุมัติได้เฉพาะการอบรมที่ยังไม่เริ่ม (วันเริ่มต้องหลังวันนี้)';
    if (!errors.returnDate && returnDate) {
      if (returnDate < course.endDate)
        errors.returnDate = `วันที่กลับมาปฏิบัติงานต้องไม่ก่อนวันสุดท้ายของการอบรม (${formatThaiDate(course.endDate)})`;
      else if (returnDate > addDays(course.endDate, REQUEST_LIMITS.returnDaysAfterEnd))
        errors.returnDate = `วันที่กลับมาปฏิบัติงานต้องไม่เกิน ${REQUEST_LIMITS.returnDaysAfterEnd} วันหลังวันสุดท้ายของการอบรม`;
    }
    const clash = clashWith(course, ctx.busy);
    if (clash) errors.request = clash;
  }

  if (Object.keys(errors).length > 0 || !course) return { errors };
  return {
    ok: {
      course: { ...course, cost: cost ?? 0, ...(budgetLine ? { budgetLine } : {}) },
      returnDate,
      reason,
      ...(goal ? { idpGoalId: goal.id, competencyId: goal.competencyId } : {}),
    },
  };
}

const sameTitle = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** Why this course cannot be requested next to what is already in the person's calendar. */
function clashWith(
  c: Pick<RequestedCourse, 'trainingId' | 'title' | 'startDate' | 'endDate'>,
  busy: readonly BusyPeriod[],
): string | undefined {
  for (const b of busy) {
    const same =
      (c.trainingId !== undefined && b.trainingId === c.trainingId) ||
      (sameTitle(b.title, c.title) && b.startDate === c.startDate);
    if (same)
      return b.requestStatus
        ? `ท่านขอไปอบรมหลักสูตร "${b.title}" แล้ว (${REQUEST_STATUS_LABELS[b.requestStatus]}) ไม่ต้องขอซ้ำ`
        : `ท่านมีรายชื่อเข้าอบรมหลักสูตร "${b.title}" อยู่แล้ว ไม่ต้องขออนุมัติอีก`;
  }
  for (const b of busy) {
    if (c.startDate <= b.endDate && b.startDate <= c.endDate)
      return `ช่วงวันที่ทับกับ "${b.title}" (${formatThaiDate(b.startDate)} – ${formatThaiDate(b.endDate)}) ${
        b.requestStatus ? `ซึ่งท่านขอไว้แล้ว (${REQUEST_STATUS_LABELS[b.requestStatus]})` : 'ที่ท่านมีรายชื่อเข้าอบรม'
      } กรุณาเลือกหลักสูตรหรือช่วงวันอื่น`;
  }
  return undefined;
}
