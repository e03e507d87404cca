import { randomUUID } from 'node:crypto';
import { type CollectionReference, Timestamp, type Transaction } from 'firebase-admin/firestore';
import type { Logger } from '../runtime/logger';
import type { Task } from '../runtime/task-queue';
import { EXPIRE_AT } from '../store/expire-at';
import { processedEventExpiry } from '../webhook/replay-window';
import { type DeliveryDeps, deliverEntry } from './deliver-entry';
import { fromStoredOutbox, type OutboxEntry, toStoredOutbox } from './outbox-entry';

/** Work an API write recorded in its own transaction, to queue once that transaction has committed. */
export interface CommittedWork {
  readonly key: string;
  readonly entry: OutboxEntry;
}

/**
 * The outbox for writes that are not chat turns (the LIFF API's broadcast confirm, a survey opened, an
 * approval's notifications): the follow-up tasks are written in the write's own transaction as an
 * outbox entry (on a processed-event record of their own, `api-<uuid>`, with the same expiry), and
 * queued after the commit. A crash or a failed enqueue between the commit and the queue leaves the
 * entry undelivered, and the outbox sweeper queues it later: nothing queued after a commit is lost.
 * Every task is safe to run twice (broadcast batches and pushes carry retry keys), so a sweep racing
 * a slow delivery costs nothing the person sees.
 */
export function createAfterCommit(o: {
  processedEvents: CollectionReference;
  delivery: DeliveryDeps;
  logger: Logger;
}) {
  return {
    /** Inside the transaction, after its reads: records `tasks` (for `to`, a LINE user id, or ''). */
    record(tx: Transaction, tasks: readonly Task[], to = ''): CommittedWork | undefined {
      if (tasks.length === 0) return undefined;
      const key = `api-${randomUUID()}`;
      const outbox = toStoredOutbox({ to, batches: [], tasks, delivered: false });
      const now = Date.now();
      tx.create(o.processedEvents.doc(key), {
        processedAt: Timestamp.fromMillis(now),
        [EXPIRE_AT]: Timestamp.fromDate(processedEventExpiry(now)),
        outbox,
      });
      // delivered as read back from the record, exactly what the sweeper would send
      const entry = fromStoredOutbox(outbox) as OutboxEntry;
      return { key, entry };
    },
    /**
     * After the commit: queues the work and marks it delivered. Never throws: the write stands, and
     * whatever failed here is the sweeper's (logged, so a stuck queue shows).
     */
    async deliver(work: CommittedWork | undefined): Promise<void> {
      if (!work) return;
      await deliverEntry(work.key, work.entry, undefined, o.delivery).catch((err) =>
        o.logger.warn('outbox.after_commit_failed', { key: work.key, err: (err as Error).message }),
      );
    },
  };
}

export type AfterCommit = ReturnType<typeof createAfterCommit>;
