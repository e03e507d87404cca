import type { LineReach, MessagePriority, PostbackSigner, Reply } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { MessageHeldBackError } from '../budget/budget-gate';
import type { LineClient } from '../line/line-client';
import { batches, renderMessages } from '../line/render-messages';
import type { Logger } from '../runtime/logger';
import { EXPIRE_AT, expireAt, KEEP_DAYS } from '../store/expire-at';
import { retryKeyFor } from '../webhook/retry-key';

// Sends a message at most once per key, however often the scheduler runs or retries. The key is claimed
// in Firestore before the push; the push's X-Line-Retry-Key comes from the same key, so a run that died
// between claiming and recording "sent" can push again and LINE itself drops the repeat (409). The retry
// key comes from the record's path, so two municipalities sharing one LINE account never share one.

export interface OnceRecipient {
  lineUserId?: string;
  employeeId: string;
  skipReason?: string;
}

/** Whom a once-only message goes to: their LINE id, or why it is recorded as skipped. */
export const onceRecipient = (employeeId: string, reach: LineReach): OnceRecipient =>
  reach.reachable ? { employeeId, lineUserId: reach.lineUserId } : { employeeId, skipReason: reach.reason };

/** `heldBack`: the message budget kept it back; like `failed` it is tried again on the next run */
export type OnceOutcome = 'sent' | 'alreadySent' | 'skipped' | 'failed' | 'heldBack';

export const noOutcomes = (): Record<OnceOutcome, number> => ({
  sent: 0,
  alreadySent: 0,
  skipped: 0,
  failed: 0,
  heldBack: 0,
});

export interface OnceMessage {
  key: string;
  to: OnceRecipient;
  replies: readonly Reply[];
  meta?: Record<string, unknown>;
  /** how it ranks when the monthly message quota runs short; default essential */
  priority?: MessagePriority;
  /**
   * the caller has just read the once-only records and this key has none: a sender that would read it
   * first to plan may skip that read (the claim still reads it, so nothing goes twice)
   */
  unrecorded?: boolean;
}

export interface OnceOnlySender {
  send(o: OnceMessage): Promise<OnceOutcome>;
}

export function createOnceOnlySender(d: {
  db: Firestore;
  /** one document per key: municipalities/{m}/notifications */
  log: CollectionReference;
  line: LineClient;
  signer: PostbackSigner;
  logger: Logger;
  now: Date;
}): OnceOnlySender {
  return {
    async send({ key, to, replies, meta, priority }) {
      const ref = d.log.doc(key);
      const claim = await d.db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const status = snap.get('status') as string | undefined;
        if (status === 'sent' || status === 'skipped') return 'done' as const;
        // someone who left, never linked or blocked the bot: recorded at once, not retried every day
        const skip = to.skipReason ?? (to.lineUserId ? undefined : 'notLinked');
        tx.set(
          ref,
          {
            ...(skip ? { status: 'skipped', reason: skip } : { status: 'claimed' }),
            employeeId: to.employeeId,
            attempts: Number(snap.get('attempts') ?? 0) + 1,
            claimedAt: Timestamp.fromDate(d.now),
            [EXPIRE_AT]: expireAt(d.now, KEEP_DAYS.notification),
            ...(meta ?? {}),
          },
          { merge: true },
        );
        return skip ? ('skipped' as const) : ('claimed' as const);
      });
      if (claim === 'done') return 'alreadySent';
      if (claim === 'skipped' || !to.lineUserId) return 'skipped';
      try {
        const messages = renderMessages(replies, { signer: d.signer, now: d.now });
        let n = 0;
        const purpose = String(meta?.kind ?? 'notice');
        for (const batch of batches(messages))
          await d.line.push(to.lineUserId, batch, retryKeyFor(ref.path, n++), { priority, purpose, key });
        await ref.set({ status: 'sent', sentAt: Timestamp.fromDate(d.now) }, { merge: true });
        return 'sent';
      } catch (err) {
        if (err instanceof MessageHeldBackError) {
          await ref.set({ status: 'heldBack', reason: err.reason }, { merge: true });
          return 'heldBack';
        }
        d.logger.warn('notify.push_failed', { key, err: (err as Error).message });
        await ref.set({ status: 'failed', error: (err as Error).message }, { merge: true });
        return 'failed';
      }
    },
  };
}
