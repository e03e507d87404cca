import { advanceReminderFor, advanceReminderReplies, bangkokDate, lineReach } from '@phattana/shared';
import { staffRecords } from '../people/staff-record-repository';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceOutcome,
  onceRecipient,
} from '../reports/once-only-sender';
import { isQuietHour } from '../runtime/quiet-hours';
import type { RequestJobDeps } from './request-job-deps';
import { requestFromDoc } from './request-records';

// The advance's clearing reminders (ส่งใช้เงินยืม), on the report reminders' rules: only in the morning
// job, only on working days between 08:00 and 20:00, 3 and 1 working days before the deadline, on the
// day and once overdue (four at most), each once per (request, kind) however often the job runs, and
// through the same sender (the morning digest and the message budget's gate).

export async function runAdvanceReminders(d: RequestJobDeps): Promise<Record<OnceOutcome, number>> {
  const messages = noOutcomes();
  const today = bangkokDate(d.now);
  if (isQuietHour(d.now, d.quietHours) || !d.calendar.isWorkingDay(today)) return messages;
  const approved = (await d.c.trainingRequests.where('status', '==', 'approved').get()).docs.map(
    requestFromDoc,
  );
  const sender = d.sender ?? createOnceOnlySender({ ...d, log: d.c.notifications });
  for (const r of approved) {
    const kind = advanceReminderFor(r, today, d.calendar);
    if (!kind) continue;
    const reach = lineReach(await staffRecords(d.c).byId(r.employeeId));
    const outcome = await sender.send({
      key: `${r.id}__${kind}`,
      to: onceRecipient(r.employeeId, reach),
      replies: advanceReminderReplies(kind, r, today, d.calendar),
      meta: { requestId: r.id, kind },
      priority: kind === 'advanceIn3' || kind === 'advanceIn1' ? 'optional' : 'essential',
    });
    messages[outcome]++;
  }
  d.logger.info('jobs.advance_reminders', { today, ...messages });
  return messages;
}
