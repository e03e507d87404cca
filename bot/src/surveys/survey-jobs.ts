import {
  bangkokDate,
  type IsoDate,
  inAudience,
  lineReach,
  type PostbackSigner,
  type ReminderPolicy,
  type SurveyDefinition,
  surveyAvailability,
  type WorkingDayCalendar,
} from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import {
  respondentOf,
  type StaffRecord,
  type StaffSource,
  staffRecords,
} from '../people/staff-record-repository';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceOnlySender,
  type OnceOutcome,
} from '../reports/once-only-sender';
import { inPool } from '../runtime/bounded-pool';
import type { Logger } from '../runtime/logger';
import { isQuietHour, type QuietHours } from '../runtime/quiet-hours';
import { discardClosedSurveyDrafts } from './discard-closed-drafts';
import { surveyInvitation, surveyReminder } from './survey-messages';
import { openSurveys, surveyFromDoc } from './survey-records';

// Invitations and capped reminders for open surveys, on the same rules as the report reminders: only
// between 08:00 and 20:00 Bangkok time, only on working days, each message once per key however often
// the scheduler (or HR's "open now") runs. Reminders go only to people without a completion, at most
// `maxReminders` of them, `everyWorkingDays` working days apart counted from the previous message,
// never after the survey closes.

export interface SurveyJobCollections extends StaffSource {
  readonly surveys: CollectionReference;
  readonly surveyDrafts: CollectionReference;
  readonly surveyCompletions: CollectionReference;
  /** once-only record of every message the scheduler sends */
  readonly notifications: CollectionReference;
}

export interface SurveyJobDeps {
  readonly db: Firestore;
  readonly c: SurveyJobCollections;
  readonly line: LineClient;
  readonly signer: PostbackSigner;
  readonly calendar: WorkingDayCalendar;
  readonly logger: Logger;
  readonly quietHours?: QuietHours;
  /** how messages go out: the morning digest gathers them per person; default one push per message */
  readonly sender?: OnceOnlySender;
  /** the staff records, read once for all of the morning's jobs; default read here */
  readonly staff?: () => Promise<readonly StaffRecord[]>;
}

export interface SurveyJobResult {
  readonly skipped?: 'quietHours' | 'notWorkingDay';
  /** open surveys looked at */
  readonly surveys: number;
  /** unsent drafts of closed surveys deleted this run */
  readonly draftsDiscarded: number;
  /** `skipped`: people who cannot be reached yet (not recorded: they are invited once they link) */
  readonly invitations: Readonly<Record<OnceOutcome, number>>;
  readonly reminders: Readonly<Record<OnceOutcome, number>>;
}

/** people whose invitation or reminder is claimed and sent at the same time */
const PEOPLE_IN_FLIGHT = 16;

export const inviteKey = (surveyId: string, employeeId: string) => `survey:${surveyId}:invite:${employeeId}`;
export const reminderKey = (surveyId: string, n: number, employeeId: string) =>
  `survey:${surveyId}:reminder${n}:${employeeId}`;

/**
 * Which reminder (1-based) is due today, given the dates the invitation and the earlier reminders were
 * sent (`sent[0]` is the invitation). A day the job did not run is made up with one reminder, not
 * several: the next one is counted from the previous one actually sent.
 */
export function dueSurveyReminder(
  policy: ReminderPolicy,
  sent: readonly (IsoDate | undefined)[],
  today: IsoDate,
  closesOn: IsoDate,
  calendar: WorkingDayCalendar,
): number | undefined {
  if (today > closesOn || !calendar.isWorkingDay(today)) return undefined;
  const every = Math.max(1, Math.floor(policy.everyWorkingDays));
  for (let n = 1; n <= policy.maxReminders; n++) {
    if (sent[n]) continue;
    const previous = sent[n - 1];
    if (!previous) return undefined;
    return calendar.addWorkingDays(previous, every) <= today ? n : undefined;
  }
  return undefined;
}

export async function runSurveyJobs(
  d: SurveyJobDeps,
  now: Date,
  o: { surveyId?: string } = {},
): Promise<SurveyJobResult> {
  const invitations = noOutcomes();
  const reminders = noOutcomes();
  const today = bangkokDate(now);
  // not a message, so not bound to quiet hours or working days
  const draftsDiscarded = await discardClosedSurveyDrafts(d.db, d.c, now);
  const result = (more: Partial<SurveyJobResult>): SurveyJobResult => ({
    surveys: 0,
    draftsDiscarded,
    invitations,
    reminders,
    ...more,
  });
  if (isQuietHour(now, d.quietHours)) return result({ skipped: 'quietHours' });
  if (!d.calendar.isWorkingDay(today)) return result({ skipped: 'notWorkingDay' });

  const snaps = o.surveyId
    ? [await d.c.surveys.doc(o.surveyId).get()].filter((s) => s.exists)
    : (await openSurveys(d.c.surveys).get()).docs;
  const open = snaps.map(surveyFromDoc).filter((s) => surveyAvailability(s, today) === 'open');
  if (open.length === 0) return result({});

  const staff = await (d.staff?.() ?? staffRecords(d.c).all());
  const sender = d.sender ?? createOnceOnlySender({ ...d, log: d.c.notifications, now });
  for (const s of open) {
    // three queries per survey rather than reads per person: who answered, who has a draft, what was sent
    const [completed, drafts, records] = await Promise.all([
      d.c.surveyCompletions.where('surveyId', '==', s.id).get(),
      d.c.surveyDrafts.where('surveyId', '==', s.id).get(),
      d.c.notifications.where('surveyId', '==', s.id).get(),
    ]);
    const known: SurveyRecords = {
      completed: new Set(completed.docs.map((x) => String(x.get('employeeId')))),
      started: new Set(drafts.docs.map((x) => String(x.get('employeeId')))),
      sent: new Map(
        records.docs.filter((x) => x.get('status') === 'sent').map((x) => [x.id, x.get('date') as IsoDate]),
      ),
      recorded: new Set(records.docs.map((x) => x.id)),
    };
    // one message per person per survey: people side by side, surveys one after the other (so each
    // person's digest keeps the surveys' order)
    const audience = staff.filter((person) => {
      const me = respondentOf(person);
      return me !== undefined && inAudience(s.audience, me);
    });
    await inPool(audience, PEOPLE_IN_FLIGHT, (person) =>
      remindOne(d, s, person, today, known, sender, invitations, reminders),
    );
  }
  d.logger.info('jobs.surveys', {
    today,
    surveys: open.length,
    invitations: { ...invitations },
    reminders: { ...reminders },
  });
  return result({ surveys: open.length });
}

interface SurveyRecords {
  readonly completed: ReadonlySet<string>;
  readonly started: ReadonlySet<string>;
  /** notification key → the Bangkok date it was sent */
  readonly sent: ReadonlyMap<string, IsoDate>;
  /** every notification key of the survey with a record, whatever its status */
  readonly recorded: ReadonlySet<string>;
}

async function remindOne(
  d: SurveyJobDeps,
  s: SurveyDefinition,
  person: StaffRecord,
  today: IsoDate,
  known: SurveyRecords,
  sender: OnceOnlySender,
  invitations: Record<OnceOutcome, number>,
  reminders: Record<OnceOutcome, number>,
): Promise<void> {
  const reach = lineReach(person);
  const max = Math.max(0, Math.floor(s.reminders.maxReminders));
  if (known.completed.has(person.id)) return; // answered (in chat or LIFF): nothing more to say
  if (!reach.reachable) {
    // not recorded: someone who links their LINE account later is still invited
    invitations.skipped++;
    return;
  }
  const to = { employeeId: person.id, lineUserId: reach.lineUserId };
  const sentOn = [
    known.sent.get(inviteKey(s.id, person.id)),
    ...Array.from({ length: max }, (_, i) => known.sent.get(reminderKey(s.id, i + 1, person.id))),
  ];
  if (!sentOn[0]) {
    const outcome = await sender.send({
      key: inviteKey(s.id, person.id),
      to,
      replies: surveyInvitation(s),
      meta: { surveyId: s.id, kind: 'surveyInvitation', date: today },
      priority: 'optional',
      unrecorded: !known.recorded.has(inviteKey(s.id, person.id)),
    });
    invitations[outcome]++;
    return; // never an invitation and a reminder on the same day
  }
  const n = dueSurveyReminder(s.reminders, sentOn, today, s.closesOn, d.calendar);
  if (n === undefined) return;
  const outcome = await sender.send({
    key: reminderKey(s.id, n, person.id),
    to,
    replies: surveyReminder(s, today, known.started.has(person.id)),
    meta: { surveyId: s.id, kind: 'surveyReminder', n, date: today },
    priority: 'optional',
    unrecorded: !known.recorded.has(reminderKey(s.id, n, person.id)),
  });
  reminders[outcome]++;
}
