import {
  type ApprovalChainSetting,
  addDays,
  bangkokDate,
  DEFAULT_REMINDER_SETTINGS,
  EMPTY_REPORT_PARTS,
  type Employee,
  fiscalYearOf,
  hoursEntry,
  type IsoDate,
  lineReach,
  markReportOpened,
  type PostbackSigner,
  type ReminderSettings,
  reminderReplies,
  remindersFor,
  reportDueDate,
  reportIdFor,
  reportOpenedDelta,
  resolveApprovalChain,
  type Training,
  type TrainingReport,
  type WorkingDayCalendar,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import { indexReportWrite } from '../owing/owing-writes';
import { type StaffRecord, type StaffSource, staffRecords } from '../people/staff-record-repository';
import { requestFromDoc } from '../requests/request-records';
import { inPool } from '../runtime/bounded-pool';
import type { Logger } from '../runtime/logger';
import { isQuietHour, type QuietHours } from '../runtime/quiet-hours';
import { readCreditPrior } from '../stats/credit-prior';
import { applyStatsDelta } from '../stats/stats-writes';
import { withoutUndefined } from '../store/without-undefined';
import { creditHours } from './credit-hours';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceOnlySender,
  type OnceOutcome,
  onceRecipient,
} from './once-only-sender';
import { reportRecords } from './report-repository';

// The daily job (a Thai morning, on working days): open the reports of trainings that have ended and
// tell each attendee, then remind whoever still owes a report, escalate late ones to the supervisor and
// give HR the day's late list. Every message is sent once per (report, kind), whatever the retries.

export interface DailyJobCollections extends StaffSource {
  readonly municipality: DocumentReference;
  readonly trainings: CollectionReference;
  readonly reports: CollectionReference;
  readonly hoursLedger: CollectionReference;
  readonly hoursTotals: CollectionReference;
  /** once-only record of every reminder and notice sent by the scheduler */
  readonly notifications: CollectionReference;
  /** the dashboard's maintained stats: reports opened and attendance credits count there */
  readonly stats?: CollectionReference;
  /** training requests: a report opened from an approved request is noted on its trail */
  readonly trainingRequests?: CollectionReference;
}

/** Where an attendee who came through a request returns (written when the request was approved). */
interface RequestReturn {
  readonly requestId: string;
  readonly returnDate: IsoDate;
}

/** Trainings that ended longer ago than this are left for HR (no surprise reports for old courses). */
export const OPEN_REPORTS_LOOKBACK_DAYS = 30;

export interface DailyJobDeps {
  db: Firestore;
  c: DailyJobCollections;
  line: LineClient;
  signer: PostbackSigner;
  calendar: WorkingDayCalendar;
  logger: Logger;
  now: Date;
  reminders?: ReminderSettings;
  quietHours?: QuietHours;
  /** how messages go out: the morning digest gathers them per person; default one push per message */
  sender?: OnceOnlySender;
  /** the staff records, read once for all of the morning's jobs; default read here */
  staff?: () => Promise<readonly StaffRecord[]>;
}

export interface DailyJobResult {
  readonly skipped?: 'quietHours' | 'notWorkingDay';
  readonly trainingsOpened: number;
  readonly reportsOpened: number;
  readonly hoursCreditedOnAttendance: number;
  readonly messages: Readonly<Record<OnceOutcome, number>>;
  readonly overdue: number;
}

export async function runDailyReportJobs(d: DailyJobDeps): Promise<DailyJobResult> {
  const messages = noOutcomes();
  const today = bangkokDate(d.now);
  const empty = { trainingsOpened: 0, reportsOpened: 0, hoursCreditedOnAttendance: 0, messages, overdue: 0 };
  if (isQuietHour(d.now, d.quietHours)) return { ...empty, skipped: 'quietHours' };

  const opened = await openEndedTrainings(d, today);
  if (!d.calendar.isWorkingDay(today)) {
    // reports are opened on any day (so due dates are known), but nobody is messaged at the weekend
    return { ...empty, ...opened, skipped: 'notWorkingDay' };
  }

  const people = new Map((await (d.staff?.() ?? staffRecords(d.c).all())).map((p) => [p.id, p]));
  const setting =
    ((await d.c.municipality.get()).get('approvalChain') as ApprovalChainSetting | undefined) ?? {};
  const sender = d.sender ?? createOnceOnlySender({ ...d, log: d.c.notifications });
  const send = async (o: Parameters<typeof sender.send>[0]) => {
    messages[await sender.send(o)]++;
  };
  const target = (employeeId: string | undefined) => {
    return onceRecipient(employeeId ?? 'unknown', lineReach(employeeId ? people.get(employeeId) : undefined));
  };
  const supervisorOf = (employeeId: string) => {
    try {
      return resolveApprovalChain(employeeId, people, { ...setting, maxSteps: 1 }).approvers[0]?.id;
    } catch {
      return undefined;
    }
  };

  const pending = await reportRecords(d.c).withStatus('pending');
  const late: TrainingReport[] = [];
  const reminders: SendOrder[] = [];
  for (const r of pending) {
    if (r.dueDate < today) late.push(r);
    for (const plan of remindersFor(r, today, d.calendar, d.reminders ?? DEFAULT_REMINDER_SETTINGS)) {
      reminders.push({
        key: `${r.id}__${plan.kind}`,
        to: plan.to === 'owner' ? target(r.employeeId) : target(supervisorOf(r.employeeId)),
        replies: reminderReplies(plan.kind, r, today, d.calendar),
        meta: { reportId: r.id, kind: plan.kind },
        // the early reminders can wait for a fuller quota; due today, late and escalated cannot
        priority: plan.kind === 'dueIn3' || plan.kind === 'dueIn1' ? 'optional' : 'essential',
      });
    }
  }
  await sendPerPerson(reminders, send);
  // "your report is due" for reports opened lately; claimed once each, so a run that died after opening
  // a training but before telling people makes up for it on the next run
  const recent = new Date(d.now.getTime() - 3 * 86_400_000).toISOString();
  const notices: SendOrder[] = [];
  for (const r of pending) {
    const openedAt = r.history.find((h) => h.action === 'opened')?.at;
    if (!openedAt || openedAt < recent) continue;
    notices.push({
      key: `${r.id}__opened`,
      to: target(r.employeeId),
      replies: reminderReplies('opened', r, today, d.calendar),
      meta: { reportId: r.id, kind: 'opened' },
    });
  }
  await sendPerPerson(notices, send);
  if (late.length > 0) {
    const hr = [...people.values()].filter((p) => p.active && p.roles.includes('hr'));
    const reportIds = late.map((r) => r.id).sort();
    for (const p of hr) {
      // HR can see the list whenever they ask (ผู้ค้างส่งรายงาน in LIFF, "แจ้งเตือนผู้ค้างส่ง" in chat):
      // it is pushed again only when a report is late that no earlier list told them of
      const told = await lateReportsToldTo(d.c.notifications, p.id);
      if (reportIds.every((id) => told.has(id))) continue;
      await send({
        key: `hrLateList__${today}__${p.id}`,
        to: target(p.id),
        replies: [hrLateListReply(late, people, today, d.calendar)],
        meta: { kind: 'hrLateList', date: today, reportIds },
      });
    }
  }
  d.logger.info('jobs.daily_reports', { today, ...opened, ...messages, overdue: late.length });
  return { ...opened, messages, overdue: late.length };
}

type SendOrder = Parameters<OnceOnlySender['send']>[0];

/** Messages sent side by side across people (PEOPLE_IN_FLIGHT at a time), in order for each person. */
const PEOPLE_IN_FLIGHT = 16;

async function sendPerPerson(orders: readonly SendOrder[], send: (o: SendOrder) => Promise<void>) {
  const byPerson = new Map<string, SendOrder[]>();
  for (const o of orders) {
    const mine = byPerson.get(o.to.employeeId) ?? [];
    mine.push(o);
    byPerson.set(o.to.employeeId, mine);
  }
  await inPool([...byPerson.values()], PEOPLE_IN_FLIGHT, async (mine) => {
    for (const o of mine) await send(o);
  });
}

/** The late reports the lists HR already received named (the notification records keep them). */
async function lateReportsToldTo(
  notifications: CollectionReference,
  employeeId: string,
): Promise<Set<string>> {
  const lists = await notifications
    .where('kind', '==', 'hrLateList')
    .where('employeeId', '==', employeeId)
    .get();
  return new Set(
    lists.docs
      .filter((x) => x.get('status') === 'sent')
      .flatMap((x) => (x.get('reportIds') as string[] | undefined) ?? []),
  );
}

function hrLateListReply(
  late: readonly TrainingReport[],
  people: ReadonlyMap<string, Employee>,
  today: IsoDate,
  calendar: WorkingDayCalendar,
) {
  const shown = [...late]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .slice(0, 10)
    .map(
      (r) =>
        `• ${people.get(r.employeeId)?.name ?? r.employeeName}: ${r.trainingTitle} (เลย ${calendar.workingDaysBetween(r.dueDate, today)} วันทำการ)`,
    );
  const more = late.length > shown.length ? `\n…และอีก ${late.length - shown.length} รายการ` : '';
  return {
    kind: 'text' as const,
    text: `รายงานผลการฝึกอบรมที่เลยกำหนด ${late.length} รายการ\n${shown.join('\n')}${more}\n\nพิมพ์ "แจ้งเตือนผู้ค้างส่ง" เพื่อส่งข้อความเตือนทุกคนพร้อมกัน`,
  };
}

/**
 * Trainings that ended (the day after their last day) get one pending report per attendee, due the 7th
 * working day after the last day. Where the training asks for no report, its hours count at once.
 * One transaction per training, so a re-run never opens a training twice.
 */
export async function openEndedTrainings(
  d: Pick<DailyJobDeps, 'db' | 'c' | 'calendar' | 'now'>,
  today: IsoDate,
): Promise<{ trainingsOpened: number; reportsOpened: number; hoursCreditedOnAttendance: number }> {
  const since = addDays(today, -OPEN_REPORTS_LOOKBACK_DAYS);
  const ended = await d.c.trainings.where('endDate', '<', today).where('endDate', '>=', since).get();
  let trainingsOpened = 0;
  let reportsOpened = 0;
  let hoursCreditedOnAttendance = 0;
  for (const doc of ended.docs) {
    if (doc.get('reportsOpened') === true) continue;
    const created = await d.db.runTransaction(async (tx) => {
      const t = await tx.get(doc.ref);
      if (t.get('reportsOpened') === true) return undefined;
      const training = { ...(t.data() as Training), id: t.id };
      const attendees = await staffRecords(d.c).byIds(training.attendees, { tx });
      const opened = await reportRecords(d.c).byIds(
        training.attendees.map((id) => reportIdFor(training.id, id)),
        { tx },
      );
      // attendees who came through an approved request: their return date, and the request's trail
      const returns = (t.get('requestReturns') ?? {}) as Record<string, RequestReturn | undefined>;
      const requestSnaps = await Promise.all(
        training.attendees.map((id) => {
          const requestId = returns[id]?.requestId;
          return requestId && d.c.trainingRequests ? tx.get(d.c.trainingRequests.doc(requestId)) : undefined;
        }),
      );
      const fiscalYear = fiscalYearOf(training.endDate);
      // attendance credits count in the stats from the person's totals so far: read before any write
      const priors =
        d.c.stats && training.reportRequired === false
          ? await Promise.all(training.attendees.map((id) => readCreditPrior(tx, d.c, id, fiscalYear)))
          : [];
      const at = Timestamp.fromDate(d.now);
      const iso = d.now.toISOString();
      let reports = 0;
      let credited = 0;
      training.attendees.forEach((id, i) => {
        const a = attendees.get(id);
        if (!a?.active || opened.has(reportIdFor(training.id, id))) return;
        if (training.reportRequired === false) {
          const entry = hoursEntry(a.id, { ...training, trainingId: training.id }, 'attendance', d.now);
          creditHours(tx, d.c, entry, at, priors[i]);
          credited++;
          return;
        }
        const returnDate = returns[a.id]?.returnDate ?? training.endDate;
        const report: TrainingReport = {
          id: reportIdFor(training.id, a.id),
          trainingId: training.id,
          trainingTitle: training.title,
          method: training.method,
          ...(training.curriculum ? { curriculum: training.curriculum } : {}),
          hours: training.hours,
          startDate: training.startDate,
          endDate: training.endDate,
          employeeId: a.id,
          employeeName: a.name,
          ...(a.divisionId !== '' ? { divisionId: a.divisionId } : {}),
          returnDate,
          dueDate: reportDueDate(d.calendar, returnDate),
          ...EMPTY_REPORT_PARTS,
          history: [{ action: 'opened', by: 'system', at: iso }],
        };
        const request = requestSnaps[i];
        tx.create(d.c.reports.doc(report.id), {
          ...report,
          ...(request?.exists ? { requestId: request.id } : {}),
          updatedAt: at,
          lastAction: 'opened',
        });
        indexReportWrite(tx, d.c.reports.doc(report.id), report);
        if (request?.exists)
          tx.set(request.ref, {
            ...withoutUndefined(markReportOpened(requestFromDoc(request), report, d.now)),
            updatedAt: at,
            lastAction: 'reportOpened',
          });
        if (d.c.stats) applyStatsDelta(tx, d.c.stats, fiscalYear, reportOpenedDelta(report), at);
        reports++;
      });
      tx.update(doc.ref, { reportsOpened: true, reportsOpenedAt: at });
      return { reports, credited };
    });
    if (!created) continue;
    trainingsOpened++;
    reportsOpened += created.reports;
    hoursCreditedOnAttendance += created.credited;
  }
  return { trainingsOpened, reportsOpened, hoursCreditedOnAttendance };
}
