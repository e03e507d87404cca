import { bangkokDate, lineReach, needsTravelOrder, travelOrderNeededReplies } from '@phattana/shared';
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

// HR is told, in the morning job, of each approved request still waiting for its travel order
// (คำสั่งไปราชการ): once per (request, HR officer), through the same sender as the reminders (the
// morning digest and the message budget's gate), on working days outside quiet hours, and no more once
// the order is recorded or the course has started.

export async function runTravelOrderNotices(d: RequestJobDeps): Promise<Record<OnceOutcome, number>> {
  const messages = noOutcomes();
  const today = bangkokDate(d.now);
  if (isQuietHour(d.now, d.quietHours) || !d.calendar.isWorkingDay(today)) return messages;
  const waiting = (await d.c.trainingRequests.where('status', '==', 'approved').get()).docs
    .map(requestFromDoc)
    .filter((r) => needsTravelOrder(r, today));
  if (waiting.length === 0) return messages;
  const hr = (await staffRecords(d.c).withRole('hr')).filter((p) => p.active);
  const sender = d.sender ?? createOnceOnlySender({ ...d, log: d.c.notifications });
  for (const r of waiting) {
    for (const p of hr) {
      const reach = lineReach(p);
      const outcome = await sender.send({
        key: `${r.id}__travelOrderNeeded__${p.id}`,
        to: onceRecipient(p.id, reach),
        replies: travelOrderNeededReplies(r, d.liffId),
        meta: { requestId: r.id, kind: 'travelOrderNeeded' },
        // HR's own step in the chain: the course cannot be attended on official duty without it
        priority: 'essential',
      });
      messages[outcome]++;
    }
  }
  d.logger.info('jobs.travel_order_notices', { today, waiting: waiting.length, ...messages });
  return messages;
}
