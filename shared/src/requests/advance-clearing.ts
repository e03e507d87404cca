import type { WorkingDayCalendar } from '../calendar/working-days';
import { type Reply, text } from '../conversation/reply';
import { addDays, formatThaiDate, type IsoDate } from '../text/thai-date';
import { bahtText, type TrainingRequest } from './training-request';

// Clearing the advance (ส่งใช้เงินยืม) after official travel: the usual rule for an official-travel
// advance is to send the receipts and any money left within 15 days of coming back (นับจากวันกลับมาถึง).
// HR sets its municipality's number (`advanceClearingDays` on the municipality record); a deadline that
// falls on a weekend or holiday moves to the next working day. Reminders follow the report's: 3 and 1
// working days before, on the day, once overdue; each sent once, on working days, in the morning job.

export const DEFAULT_ADVANCE_CLEARING_DAYS = 15;
export const ADVANCE_CLEARING_DAYS_LIMITS = { min: 1, max: 120 } as const;

export function advanceClearBy(calendar: WorkingDayCalendar, returnDate: IsoDate, days: number): IsoDate {
  const last = addDays(returnDate, days);
  return calendar.isWorkingDay(last) ? last : calendar.addWorkingDays(last, 1);
}

export type AdvanceReminderKind = 'advanceIn3' | 'advanceIn1' | 'advanceDueToday' | 'advanceOverdue';

/** Today's reminder for an uncleared advance, if any (at most one kind a day, four in all). */
export function advanceReminderFor(
  r: Pick<TrainingRequest, 'advance' | 'status'>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): AdvanceReminderKind | undefined {
  const a = r.advance;
  if (!a || a.clearedAt || r.status !== 'approved' || !calendar.isWorkingDay(today)) return undefined;
  if (today === a.clearBy) return 'advanceDueToday';
  if (today > a.clearBy) return 'advanceOverdue';
  const left = calendar.workingDaysBetween(today, a.clearBy);
  return left === 3 ? 'advanceIn3' : left === 1 ? 'advanceIn1' : undefined;
}

export function advanceReminderReplies(
  kind: AdvanceReminderKind,
  r: Pick<TrainingRequest, 'course' | 'advance'>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): Reply[] {
  const a = r.advance;
  if (!a) return [];
  const what = `เงินยืม ${bahtText(a.amount)} สำหรับการอบรม "${r.course.title}"`;
  const by = formatThaiDate(a.clearBy);
  switch (kind) {
    case 'advanceIn3':
    case 'advanceIn1':
      return [
        text(
          `⏰ อีก ${kind === 'advanceIn3' ? 3 : 1} วันทำการ ถึงกำหนดส่งใช้${what} (ภายใน ${by}) กรุณาส่งหลักฐานการจ่ายและเงินเหลือจ่าย (ถ้ามี) ที่กองคลัง`,
        ),
      ];
    case 'advanceDueToday':
      return [text(`⏰ วันนี้เป็นวันสุดท้ายของการส่งใช้${what} กรุณาส่งหลักฐานการจ่ายที่กองคลัง`)];
    case 'advanceOverdue':
      return [
        text(
          `${what} เลยกำหนดส่งใช้ (${by}) มาแล้ว ${calendar.workingDaysBetween(a.clearBy, today)} วันทำการ กรุณาส่งใช้โดยเร็ว ฝ่ายบุคคลเห็นรายการนี้`,
        ),
      ];
  }
}
