import { REPORT_DUE_RULE, type WorkingDayCalendar } from '../calendar/working-days';
import { type Reply, text } from '../conversation/reply';
import { fileReportAction } from '../conversation/start-actions';
import { formatThaiDate, type IsoDate } from '../text/thai-date';
import type { TrainingReport } from './training-report';

// Which reminder a pending report earns today. The daily job asks this for every open report and sends
// each (report, kind) at most once: the edge claims a record keyed by both before sending, so a second
// run of the scheduler, or a retried one, finds the claim and sends nothing.

export type ReminderKind =
  /** when the training ends: the report is now due */
  | 'opened'
  | 'dueIn3'
  | 'dueIn1'
  | 'dueToday'
  | 'overdue'
  /** the supervisor hears that the report is late */
  | 'escalated';

export interface ReminderSettings {
  /** working days before the due date on which the person is reminded */
  readonly before: readonly (3 | 1)[];
  /** working days after the due date on which the supervisor is told (the person hears on day 1) */
  readonly escalateAfter: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { before: [3, 1], escalateAfter: 2 };

export interface PlannedReminder {
  readonly reportId: string;
  readonly kind: ReminderKind;
  /** who gets it: the report's owner, or their first approver / supervisor for escalations */
  readonly to: 'owner' | 'supervisor';
}

/**
 * Today's reminders for one report. Only reports still to be filed (pending) are reminded; nothing is
 * sent on a non-working day. A day the job did not run is not caught up with stale reminders: only the
 * stage that applies today is planned (its once-only record stops repeats), while the overdue notice
 * and the escalation are sent on the first run that finds them due.
 */
export function remindersFor(
  r: Pick<TrainingReport, 'id' | 'status' | 'dueDate'>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
  settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
): PlannedReminder[] {
  if (r.status !== 'pending' || !calendar.isWorkingDay(today)) return [];
  const out: PlannedReminder[] = [];
  if (today < r.dueDate) {
    const left = calendar.workingDaysBetween(today, r.dueDate);
    if (left === 3 && settings.before.includes(3)) out.push({ reportId: r.id, kind: 'dueIn3', to: 'owner' });
    if (left === 1 && settings.before.includes(1)) out.push({ reportId: r.id, kind: 'dueIn1', to: 'owner' });
  } else if (today === r.dueDate) {
    out.push({ reportId: r.id, kind: 'dueToday', to: 'owner' });
  } else {
    out.push({ reportId: r.id, kind: 'overdue', to: 'owner' });
    if (calendar.workingDaysBetween(r.dueDate, today) >= settings.escalateAfter)
      out.push({ reportId: r.id, kind: 'escalated', to: 'supervisor' });
  }
  return out;
}

/** The message for a reminder, as reply data. */
export function reminderReplies(
  kind: ReminderKind,
  r: Pick<TrainingReport, 'id' | 'trainingTitle' | 'dueDate' | 'employeeName' | 'returnDate'>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
): Reply[] {
  const due = formatThaiDate(r.dueDate);
  const title = `"${r.trainingTitle}"`;
  switch (kind) {
    case 'opened':
      return [
        {
          kind: 'card',
          title: 'ส่งรายงานผลการฝึกอบรม',
          altText: `กรุณาส่งรายงานผลการฝึกอบรม ${title} ภายใน ${due}`,
          lines: [
            `ขอบคุณที่เข้าร่วมการอบรม ${title} 🙏`,
            `กรุณาส่งรายงานผลการฝึกอบรมภายในวันที่ ${due}`,
            `(${REPORT_DUE_RULE}; กลับมาปฏิบัติงาน ${formatThaiDate(r.returnDate)} แก้ไขได้ในขั้นแรกของรายงาน)`,
          ],
          actions: [fileReportAction(r.id)],
        },
      ];
    case 'dueIn3':
    case 'dueIn1': {
      const n = kind === 'dueIn3' ? 3 : 1;
      return [
        text(`⏰ อีก ${n} วันทำการ ถึงกำหนดส่งรายงานผลการฝึกอบรม ${title} (ภายใน ${due})`, [
          fileReportAction(r.id),
        ]),
      ];
    }
    case 'dueToday':
      return [text(`⏰ วันนี้เป็นวันสุดท้ายของการส่งรายงานผลการฝึกอบรม ${title}`, [fileReportAction(r.id)])];
    case 'overdue': {
      const late = calendar.workingDaysBetween(r.dueDate, today);
      return [
        text(
          `รายงานผลการฝึกอบรม ${title} เลยกำหนดส่ง (${due}) มาแล้ว ${late} วันทำการ กรุณาส่งโดยเร็ว ฝ่ายบุคคลและผู้บังคับบัญชาจะเห็นรายการนี้`,
          [fileReportAction(r.id, 'ส่งรายงานตอนนี้')],
        ),
      ];
    }
    case 'escalated': {
      const late = calendar.workingDaysBetween(r.dueDate, today);
      return [
        text(
          `แจ้งเพื่อทราบ: ${r.employeeName} ยังไม่ได้ส่งรายงานผลการฝึกอบรม ${title} ซึ่งครบกำหนดเมื่อ ${due} (เลยมา ${late} วันทำการ) ระบบได้เตือนผู้รายงานแล้ว`,
        ),
      ];
    }
  }
}
