import {
  addDays,
  bangkokDate,
  type IsoDate,
  inAudience,
  lineReach,
  remindersFor,
  surveyAvailability,
  type WorkingDayCalendar,
} from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { respondentOf, type StaffSource, staffRecords } from '../people/staff-record-repository';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import { dueSurveyReminder, inviteKey, reminderKey } from '../surveys/survey-jobs';
import { openSurveys, surveyFromDoc } from '../surveys/survey-records';

// What the morning jobs still plan to push before the month ends, in LINE messages: one digest per
// person per working day that has anything for them (report reminders not sent yet, survey
// invitations and reminders not sent yet), plus HR reminders confirmed and waiting. Survey reminders
// are counted as if nobody still owing an answer answers before the month ends: the forecast is
// what the budget must be ready for, never less.

export async function forecastRestOfMonth(d: {
  c: StaffSource &
    ReportSource & {
      surveys: CollectionReference;
      surveyCompletions: CollectionReference;
      notifications: CollectionReference;
      broadcasts: CollectionReference;
    };
  calendar: WorkingDayCalendar;
  now: Date;
}): Promise<number> {
  const today = bangkokDate(d.now);
  const monthEnd = `${today.slice(0, 7)}-31` as IsoDate;
  const days: IsoDate[] = [];
  for (
    let day = addDays(today, 1);
    day <= monthEnd && day.slice(0, 7) === today.slice(0, 7);
    day = addDays(day, 1)
  )
    if (d.calendar.isWorkingDay(day)) days.push(day);

  const [staff, pending, sent, open, queued] = await Promise.all([
    staffRecords(d.c).all(),
    reportRecords(d.c).withStatus('pending'),
    d.c.notifications.where('status', 'in', ['sent', 'skipped']).get(),
    openSurveys(d.c.surveys).get(),
    d.c.broadcasts.where('status', '==', 'queued').get(),
  ]);
  const done = new Set(sent.docs.map((x) => x.id));
  const reachable = new Map(staff.flatMap((p) => (lineReach(p).reachable ? [[p.id, p] as const] : [])));
  const supervisorOf = (id: string) => reachable.get(id)?.supervisorId ?? undefined;
  /** "day|employeeId": one digest each */
  const digests = new Set<string>();

  for (const r of pending) {
    const counted = new Set<string>();
    for (const day of days)
      for (const plan of remindersFor(r, day, d.calendar)) {
        const key = `${r.id}__${plan.kind}`;
        if (done.has(key) || counted.has(key)) continue;
        counted.add(key);
        const to = plan.to === 'owner' ? r.employeeId : supervisorOf(r.employeeId);
        if (to && reachable.has(to)) digests.add(`${day}|${to}`);
      }
  }
  const sentOn = new Map(
    sent.docs.filter((x) => x.get('status') === 'sent').map((x) => [x.id, x.get('date') as IsoDate]),
  );
  for (const s of open.docs.map(surveyFromDoc)) {
    const answered = new Set(
      (await d.c.surveyCompletions.where('surveyId', '==', s.id).get()).docs.map((x) =>
        String(x.get('employeeId')),
      ),
    );
    const max = Math.max(0, Math.floor(s.reminders.maxReminders));
    for (const p of reachable.values()) {
      const me = respondentOf(p);
      if (!me || !inAudience(s.audience, me) || answered.has(p.id)) continue;
      // the invitation and each reminder, as the morning job would send them day by day
      const dates: (IsoDate | undefined)[] = [
        done.has(inviteKey(s.id, p.id)) ? (sentOn.get(inviteKey(s.id, p.id)) ?? today) : undefined,
        ...Array.from({ length: max }, (_, i) => {
          const key = reminderKey(s.id, i + 1, p.id);
          return done.has(key) ? (sentOn.get(key) ?? today) : undefined;
        }),
      ];
      for (const day of days) {
        if (surveyAvailability(s, day) !== 'open') continue;
        if (!dates[0]) {
          dates[0] = day;
          digests.add(`${day}|${p.id}`);
          continue; // never an invitation and a reminder on the same day
        }
        const n = dueSurveyReminder(s.reminders, dates, day, s.closesOn, d.calendar);
        if (n === undefined) continue;
        dates[n] = day;
        digests.add(`${day}|${p.id}`);
      }
    }
  }
  const broadcasts = queued.docs.reduce((n, b) => n + Number(b.get('recipientCount') ?? 0), 0);
  return digests.size + broadcasts;
}
