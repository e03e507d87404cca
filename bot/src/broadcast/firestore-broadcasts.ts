import {
  type BroadcastFilter,
  type BroadcastPreview,
  broadcastReminderReplies,
  broadcastReminderText,
  type Division,
  ETHICS_CURRICULUM,
  MULTICAST_MAX,
  PREVIEW_NAMES,
  type RecipientSelection,
  selectRecipients,
  selectWithoutEthics,
  toBatches,
  type WorkingDayCalendar,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';
import { readOwingIndex } from '../owing/owing-index-store';
import { EXPIRE_AT, expireAt, KEEP_DAYS } from '../store/expire-at';
import { withoutUndefined } from '../store/without-undefined';
import { retryKeyFor } from '../webhook/retry-key';
import type { BatchRecord, BatchStatus, BroadcastActor, BroadcastRecord } from './broadcast-records';

// Reminder broadcasts in Firestore. Preparing reads who owes what from its index (bot/src/owing/: the
// open reports and the staff fields, in ≤ 65 reads however many staff) and freezes the recipients into
// batch documents, so what HR confirmed is exactly what is sent. Sending claims the broadcast with a
// lease in a transaction, so two runs never work on it at once.

export interface BroadcastCollections {
  /** municipalities/{m}: its `divisions` resolve a division typed by name */
  readonly municipality: DocumentReference;
  readonly broadcasts: CollectionReference;
  /** the year's ledger totals: who has an ethics-curriculum entry (the `noEthicsTraining` reminder) */
  readonly hoursTotals?: CollectionReference;
}

/** A run that has not finished by then is presumed dead and another may take over. */
export const SEND_LEASE_MS = 5 * 60_000;

export const batchRetryKey = (broadcastId: string, index: number) =>
  retryKeyFor(`broadcast:${broadcastId}`, index);

export type PrepareResult =
  | {
      readonly status: 'prepared' | 'alreadyPrepared';
      readonly preview: BroadcastPreview;
      readonly to: string;
    }
  /** cancelled, already sent, or unknown: nothing to show */
  | { readonly status: 'nothingToDo'; readonly reason: string };

export type ClaimResult =
  | {
      readonly claimed: true;
      readonly broadcast: BroadcastRecord;
      /** every batch not sent yet: pending, failed before (both sent now) or rejected for good */
      readonly unsent: readonly BatchRecord[];
      readonly run: number;
    }
  | { readonly claimed: false; readonly reason: 'notQueued' | 'busy' | 'notFound'; readonly status?: string };

export interface BroadcastStore {
  prepare(
    broadcastId: string,
    now: Date,
    calendar: () => Promise<WorkingDayCalendar>,
  ): Promise<PrepareResult>;
  claimForSending(broadcastId: string, now: Date): Promise<ClaimResult>;
  recordBatch(
    broadcastId: string,
    index: number,
    outcome: { status: BatchStatus; attempts: number; error?: string },
    at: Date,
  ): Promise<void>;
  /** the totals over every batch; status 'partial' while retryable ones remain */
  finish(
    broadcastId: string,
    at: Date,
    totals: { delivered: number; failed: number; retryable: number },
  ): Promise<'sent' | 'partial'>;
}

export function createFirestoreBroadcastStore(db: Firestore, c: BroadcastCollections): BroadcastStore {
  const batchesOf = (id: string) => c.broadcasts.doc(id).collection('batches');

  /** People who owe a report, narrowed by the filter: from the who-owes-what index (≤ 65 reads). */
  async function selectOwing(
    filter: BroadcastFilter,
    today: string,
    calendar: () => Promise<WorkingDayCalendar>,
  ): Promise<RecipientSelection> {
    const { reports, employees } = await readOwingIndex(c.municipality);
    return selectRecipients(
      reports,
      employees,
      filter,
      today,
      filter.kind === 'dueWithin' ? await calendar() : undefined,
    );
  }

  /** Active staff without an ethics entry in the year: the staff from the index and the year's totals. */
  async function selectEthics(
    filter: Extract<BroadcastFilter, { kind: 'noEthicsTraining' }>,
  ): Promise<RecipientSelection> {
    if (!c.hoursTotals) throw new Error('the ethics reminder needs the hoursTotals collection');
    const [{ employees }, totals] = await Promise.all([
      readOwingIndex(c.municipality),
      c.hoursTotals
        .where('fiscalYear', '==', filter.fiscalYear)
        .select('employeeId', `byCurriculum.${ETHICS_CURRICULUM}`)
        .get(),
    ]);
    const trained = new Set(
      totals.docs
        .filter((d) => Number(d.get(`byCurriculum.${ETHICS_CURRICULUM}`) ?? 0) > 0)
        .map((d) => String(d.get('employeeId'))),
    );
    return selectWithoutEthics(employees, trained, filter);
  }
  return {
    async prepare(broadcastId, now, calendar) {
      const ref = c.broadcasts.doc(broadcastId);
      const snap = await ref.get();
      if (!snap.exists) return { status: 'nothingToDo', reason: 'notFound' };
      const b = snap.data() as BroadcastRecord;
      if (b.status === 'draft')
        return { status: 'alreadyPrepared', preview: previewOf(b), to: b.requestedBy.lineUserId };
      if (b.status !== 'preparing') return { status: 'nothingToDo', reason: b.status };

      const { filter, problem } = await resolveDivision(b.filter, c.municipality);
      const selection =
        filter.kind === 'noEthicsTraining'
          ? await selectEthics(filter)
          : await selectOwing(filter, b.today, calendar);
      const batches = toBatches(selection.recipients, MULTICAST_MAX);
      const message = broadcastReminderReplies(filter);
      const draft = {
        status: 'draft',
        filter,
        ...(problem ? { problem } : {}),
        recipientCount: selection.recipients.length,
        excluded: selection.excluded,
        matchedPeople: selection.matchedPeople,
        matchedReports: selection.matchedReports,
        batchCount: batches.length,
        sampleNames: selection.recipients.slice(0, PREVIEW_NAMES).map((r) => r.name),
        message: withoutUndefined(message),
        messageText: broadcastReminderText(filter),
        preparedAt: Timestamp.fromDate(now),
      } satisfies Partial<Record<keyof BroadcastRecord | 'preparedAt', unknown>>;
      // One atomic write, conditional on the request as we read it: a second prepare of the same
      // broadcast (a retried task) fails the precondition instead of writing the batches again.
      const w = db.batch();
      w.update(ref, draft, { lastUpdateTime: snap.updateTime as Timestamp });
      batches.forEach((people, index) => {
        w.set(batchesOf(broadcastId).doc(String(index)), {
          index,
          employeeIds: people.map((p) => p.employeeId),
          lineUserIds: people.map((p) => p.lineUserId),
          status: 'pending',
          attempts: 0,
          retryKey: batchRetryKey(broadcastId, index),
        } satisfies BatchRecord);
      });
      try {
        await w.commit();
      } catch (err) {
        if ((err as { code?: number }).code === 9 /* FAILED_PRECONDITION */) {
          const again = (await ref.get()).data() as BroadcastRecord;
          return again.status === 'draft'
            ? { status: 'alreadyPrepared', preview: previewOf(again), to: again.requestedBy.lineUserId }
            : { status: 'nothingToDo', reason: again.status };
        }
        throw err;
      }
      return {
        status: 'prepared',
        preview: previewOf({ ...b, ...draft, status: 'draft' }),
        to: b.requestedBy.lineUserId,
      };
    },

    async claimForSending(broadcastId, now) {
      const ref = c.broadcasts.doc(broadcastId);
      const claim = await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        if (!snap.exists) return { claimed: false, reason: 'notFound' } as const;
        const b = snap.data() as BroadcastRecord;
        const lease = snap.get('leaseUntil') as Timestamp | undefined;
        const leaseLive = b.status === 'sending' && lease !== undefined && lease.toMillis() > now.getTime();
        if (leaseLive) return { claimed: false, reason: 'busy', status: b.status } as const;
        if (b.status !== 'queued' && b.status !== 'partial' && b.status !== 'sending')
          return { claimed: false, reason: 'notQueued', status: b.status } as const;
        const run = (b.sendRuns ?? 0) + 1;
        tx.update(ref, {
          status: 'sending',
          sendRuns: run,
          leaseUntil: Timestamp.fromMillis(now.getTime() + SEND_LEASE_MS),
          ...(run === 1 ? { sendStartedAt: Timestamp.fromDate(now) } : {}),
        });
        return { claimed: true, broadcast: b, run } as const;
      });
      if (!claim.claimed) return claim;
      // batches sent by an earlier run are not read again, let alone sent
      const open = await batchesOf(broadcastId)
        .where('status', 'in', ['pending', 'failed', 'rejected'])
        .get();
      const unsent = open.docs.map((d) => d.data() as BatchRecord).sort((a, b) => a.index - b.index);
      return { ...claim, unsent };
    },

    async recordBatch(broadcastId, index, o, at) {
      await batchesOf(broadcastId)
        .doc(String(index))
        .update({
          status: o.status,
          attempts: o.attempts,
          ...(o.status === 'sent'
            ? { sentAt: Timestamp.fromDate(at), [EXPIRE_AT]: expireAt(at, KEEP_DAYS.sentBroadcastBatch) }
            : { lastFailedAt: Timestamp.fromDate(at) }),
          ...(o.error ? { lastError: o.error.slice(0, 500) } : {}),
        });
    },

    async finish(broadcastId, at, totals) {
      const status = totals.retryable > 0 ? 'partial' : 'sent';
      await c.broadcasts.doc(broadcastId).update({
        status,
        deliveredCount: totals.delivered,
        failedCount: totals.failed,
        leaseUntil: null,
        ...(status === 'sent'
          ? { finishedAt: Timestamp.fromDate(at) }
          : { lastRunAt: Timestamp.fromDate(at) }),
      });
      return status;
    },
  };
}

/** The actor fields of a turn's person, for the audit trail. */
export function actorOf(
  person: { employeeId: string; name: string } | undefined,
  lineUserId: string,
): BroadcastActor {
  return { employeeId: person?.employeeId ?? '', name: person?.name ?? '', lineUserId };
}

export function previewOf(b: BroadcastRecord): BroadcastPreview {
  return {
    broadcastId: b.id,
    filter: b.filter,
    recipientCount: b.recipientCount ?? 0,
    excluded: b.excluded ?? { left: 0, notLinked: 0, blocked: 0, noStaffRecord: 0 },
    sampleNames: b.sampleNames ?? [],
    messageText: b.messageText ?? '',
    ...(b.problem ? { problem: b.problem } : {}),
    ...(b.sending ? { sending: b.sending } : {}),
  };
}

/** A division typed in chat (id or name) becomes the municipality's division id. */
async function resolveDivision(
  filter: BroadcastFilter,
  municipality: DocumentReference,
): Promise<{ filter: BroadcastFilter; problem?: string }> {
  if (filter.kind !== 'division' && !(filter.kind === 'noEthicsTraining' && filter.divisionId))
    return { filter };
  const divisions = ((await municipality.get()).get('divisions') as Division[] | undefined) ?? [];
  const typed = (filter.divisionId ?? '').trim().toLowerCase();
  const found =
    divisions.find((d) => d.id.toLowerCase() === typed) ??
    divisions.find((d) => d.name.toLowerCase() === typed) ??
    divisions.find((d) => d.name.toLowerCase().includes(typed));
  if (!found) return { filter, problem: `ไม่พบกอง "${filter.divisionId}" ในรายชื่อหน่วยงานของเทศบาล` };
  return { filter: { ...filter, divisionId: found.id, divisionName: found.name } };
}
