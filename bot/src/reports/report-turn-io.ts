import {
  ApprovalChainError,
  type ApprovalChainSetting,
  bangkokDate,
  type CreditPrior,
  type Effect,
  type Employee,
  fiscalYearOf,
  isReportId,
  lineReach,
  type Reply,
  type ReportEffect,
  type ReportFacts,
  type ReportLookup,
  reportFiledDelta,
  resolveApprovalChain,
  type TrainingReport,
} from '@phattana/shared';
import type {
  CollectionReference,
  DocumentReference,
  Timestamp,
  Transaction,
} from 'firebase-admin/firestore';
import { publishToLibrary } from '../library/library-records';
import { indexReportWrite } from '../owing/owing-writes';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { applyStatsDelta } from '../stats/stats-writes';
import type { TurnWriter } from '../store/turn-writer';
import { withoutUndefined } from '../store/without-undefined';
import { creditHours } from './credit-hours';
import { reportRecords } from './report-repository';

export { reportFromDoc } from './report-records';

// What a conversational turn reads and writes about post-training reports, inside the turn's
// transaction: the report itself (so chat and LIFF edits of one draft serialise), the person's open
// reports, the approval chain, and the hours ledger. Firestore wants every read before the first write,
// so reading (lookups, notification targets) and writing (effects) are separate steps.

export interface ReportCollections extends StaffSource {
  /** municipalities/{m}: its `approvalChain` setting says where sign-off stops */
  readonly municipality: DocumentReference;
  readonly reports: CollectionReference;
  readonly hoursLedger: CollectionReference;
  readonly hoursTotals: CollectionReference;
  /** the dashboard's maintained stats (credits and first submissions count there) */
  readonly stats?: CollectionReference;
  /** the knowledge library: a report's last approval publishes it there in the same write */
  readonly library?: CollectionReference;
}

/** How far up the supervisor links we read at most (a loop or a broken link stops sooner). */
const MAX_CHAIN_READS = 12;

/** Reads one report lookup in the transaction; returns the report it read, if any. */
export async function resolveReportLookup(
  tx: Transaction,
  l: ReportLookup,
  person: { employeeId: string } | undefined,
  c: ReportCollections,
  facts: { -readonly [K in keyof ReportFacts]: ReportFacts[K] },
): Promise<TrainingReport | undefined> {
  const stored = reportRecords(c);
  switch (l.type) {
    case 'report': {
      // a postback is signed, but an id no report can have is still "not found", never a Firestore error
      if (!isReportId(l.reportId)) {
        facts.report = { status: 'notFound' };
        return undefined;
      }
      const report = await stored.byId(l.reportId, { tx });
      facts.report = report ? { status: 'ok', report } : { status: 'notFound' };
      return report;
    }
    case 'myOpenReports': {
      if (!person) {
        facts.myOpenReports = [];
        return undefined;
      }
      facts.myOpenReports = (await stored.open({ employeeId: person.employeeId, tx }))
        .map(({ id, trainingTitle, dueDate, status, endDate }) => ({
          id,
          trainingTitle,
          dueDate,
          status,
          endDate,
        }))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
      return undefined;
    }
    case 'approvalChain': {
      facts.approvalChain = await readApprovalChain(tx, l.employeeId, c);
      return undefined;
    }
  }
}

async function readApprovalChain(
  tx: Transaction,
  employeeId: string,
  c: ReportCollections,
): Promise<NonNullable<ReportFacts['approvalChain']>> {
  const municipality = await tx.get(c.municipality);
  const setting = (municipality.get('approvalChain') as ApprovalChainSetting | undefined) ?? {};
  const people = new Map<string, Employee>();
  let next: string | null = employeeId;
  for (let i = 0; next !== null && i < MAX_CHAIN_READS && !people.has(next); i++) {
    const e = await staffRecords(c).byId(next, { tx });
    if (!e) break;
    people.set(e.id, e);
    next = e.supervisorId;
  }
  try {
    const chain = resolveApprovalChain(employeeId, people, setting);
    return { status: 'ok', approvers: chain.approvers.map((a) => ({ id: a.id, name: a.name })) };
  } catch (err) {
    if (err instanceof ApprovalChainError) return { status: 'error', message: err.message };
    throw err;
  }
}

export interface Notification {
  readonly to: string;
  readonly replies: readonly Reply[];
  readonly key: string;
}

/**
 * The LINE accounts that `notifyEmployee` effects go to, read before the turn writes anything. People
 * who left, never linked or blocked the bot are skipped (and logged by the caller).
 */
export async function resolveNotifications(
  tx: Transaction,
  effects: readonly Effect[],
  c: StaffSource,
): Promise<{ send: Notification[]; skipped: Array<{ employeeId: string; reason: string }> }> {
  const send: Notification[] = [];
  const skipped: Array<{ employeeId: string; reason: string }> = [];
  for (const e of effects) {
    if (e.type !== 'notifyEmployee') continue;
    const reach = lineReach(await staffRecords(c).byId(e.employeeId, { tx }));
    if (reach.reachable) send.push({ to: reach.lineUserId, replies: e.replies, key: e.key });
    else skipped.push({ employeeId: e.employeeId, reason: reach.reason });
  }
  return { send, skipped };
}

/**
 * Writes one report effect. A `reportSaved` must be for a report this turn read (`read`, as it was),
 * so an edit never lands on a document the turn did not see.
 */
export function applyReportEffect(
  effect: ReportEffect,
  w: Pick<TurnWriter, 'set' | 'create'>,
  c: ReportCollections,
  now: Timestamp,
  read: ReadonlyMap<string, TrainingReport>,
  /** what each credit's transaction read first (readCreditPriors), by ledger entry id */
  credits?: ReadonlyMap<string, CreditPrior>,
): void {
  switch (effect.type) {
    case 'reportSaved': {
      const before = read.get(effect.report.id);
      if (!before) throw new Error(`reportSaved for ${effect.report.id} without reading it in this turn`);
      w.set(c.reports.doc(effect.report.id), {
        ...withoutUndefined(effect.report),
        updatedAt: now,
        lastAction: effect.action,
      });
      indexReportWrite(w, c.reports.doc(effect.report.id), effect.report);
      if (c.stats && effect.action === 'submitted') {
        const first = before.firstSubmittedAt;
        const delta = reportFiledDelta(
          first ? { firstSubmittedAt: first } : undefined,
          effect.report,
          bangkokDate,
        );
        applyStatsDelta(w, c.stats, fiscalYearOf(effect.report.endDate), delta, now);
      }
      if (c.library && effect.report.status === 'approved' && before.status !== 'approved')
        publishToLibrary(w, c.library, effect.report, now);
      return;
    }
    case 'hoursCredited':
      creditHours(w, c, effect.entry, now, credits?.get(effect.entry.id));
      return;
    case 'reportPhotoReceived':
    case 'notifyEmployee':
      // carried out after the commit (a task copies the image; pushes go out)
      return;
  }
}
