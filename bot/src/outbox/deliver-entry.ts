import { LineApiError } from '../line/line-api-error';
import type { LineClient } from '../line/line-client';
import type { Logger } from '../runtime/logger';
import type { TaskQueue } from '../runtime/task-queue';
import { retryKeyFor } from '../webhook/retry-key';
import type { DeliveredVia, Outbox, OutboxEntry } from './outbox-entry';

export interface DeliveryDeps {
  line: LineClient;
  tasks: TaskQueue;
  outbox: Outbox;
  logger: Logger;
}

/**
 * Sends what a committed turn left in its outbox: its follow-up tasks, then the answer, as the reply
 * when a reply token is at hand and LINE takes it, otherwise (any failure: retries exhausted, timeout,
 * invalid token) by push, one X-Line-Retry-Key per batch derived from the event, so a push sent again
 * by a redelivery or the sweeper is accepted by LINE once. Marked delivered last: a crash before that
 * leaves the entry for the sweeper.
 *
 * Exactly once as the person sees it, and the trade-offs:
 * - A reply whose first attempt timed out (or got a 5xx) but reached LINE makes the retry answer
 *   "invalid reply token". That is taken as delivered ('reply-presumed') and nothing is pushed: a reply
 *   token lives about a minute and our retries come within seconds, so LINE refusing it right after our
 *   own uncertain attempt means that attempt used it. Pushing instead would show the answer twice every
 *   time a reply is slow; the rare case this gets wrong (LINE dropped the timed-out attempt and the token
 *   expired in those seconds) loses one answer, which the person sees as no reaction and can repeat.
 * - A reply and a push share no de-duplication at LINE, so an answer delivered by reply is pushed again
 *   only if the process dies between LINE's 200 and the mark below (a few milliseconds).
 * - The mark is awaited before the webhook answers, as its own write (grouped with other turns' marks
 *   into one commit, firestore-outbox.ts), not left for the person's next turn to carry: Cloud Functions
 *   throttles an instance's CPU once it has answered, so a mark still in memory (or a write not yet on
 *   the wire) could wait minutes, and the sweeper would push a second copy of an answer LINE delivered.
 */
export async function deliverEntry(
  eventId: string,
  entry: OutboxEntry,
  replyToken: string | undefined,
  d: DeliveryDeps,
): Promise<DeliveredVia> {
  // safe to queue twice (every task is idempotent); a failure leaves the entry for the sweeper
  for (const task of entry.tasks) await d.tasks.enqueue(task);
  const [first] = entry.batches;
  let via: DeliveredVia = first ? 'push' : 'nothing';
  let pushFrom = 0;
  if (first && replyToken) {
    const replied = await reply(d, eventId, replyToken, first.messages);
    if (replied) {
      via = replied;
      pushFrom = 1;
    }
  }
  for (let i = pushFrom; i < entry.batches.length; i++) {
    await d.tasks.enqueue({
      type: 'push',
      to: entry.to,
      messages: entry.batches[i]?.messages ?? [],
      retryKey: retryKeyFor(eventId, i),
    });
  }
  await d.outbox.markDelivered(eventId, via);
  return via;
}

async function reply(
  d: DeliveryDeps,
  eventId: string,
  token: string,
  messages: readonly unknown[],
): Promise<'reply' | 'reply-presumed' | undefined> {
  try {
    await d.line.reply(token, messages as Parameters<LineClient['reply']>[1]);
    return 'reply';
  } catch (err) {
    if (err instanceof LineApiError && err.isInvalidReplyToken && err.afterUncertainAttempt) {
      d.logger.info('line.reply_presumed_delivered', { eventId });
      return 'reply-presumed';
    }
    d.logger.warn('line.reply_failed_pushing', { eventId, err: (err as Error).message });
    return undefined;
  }
}

/** How old an undelivered entry must be before a sweeper sends it (the turn's own delivery goes first). */
export const OUTBOX_SWEEP_AFTER_MS = 30_000;

/**
 * Delivers what turns left unsent a while ago (a crash between commit and delivery, a failed enqueue):
 * the scheduled sweeper for everyone, and each person's next event for their own. By push only: the
 * reply tokens are long gone.
 */
export async function sweepOutbox(
  d: DeliveryDeps,
  o: { userId?: string; now: Date; olderThanMs: number; limit?: number },
): Promise<number> {
  const pending = await d.outbox.pending({
    userId: o.userId,
    before: new Date(o.now.getTime() - o.olderThanMs),
    limit: o.limit ?? 100,
  });
  let delivered = 0;
  for (const { eventId, entry } of pending) {
    try {
      await deliverEntry(eventId, entry, undefined, d);
      delivered++;
      d.logger.warn('outbox.swept', { eventId, to: entry.to });
    } catch (err) {
      d.logger.error('outbox.sweep_failed', { eventId, err: (err as Error).message });
    }
  }
  return delivered;
}
