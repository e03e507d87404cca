import { HELD_BACK_REASON_TH, type PostbackSigner } from '@phattana/shared';
import { MessageHeldBackError } from '../budget/budget-gate';
import { LineApiError } from '../line/line-api-error';
import type { LineClient } from '../line/line-client';
import { renderMessages } from '../line/render-messages';
import { inPool } from '../runtime/bounded-pool';
import type { Logger } from '../runtime/logger';
import type { BatchRecord, BatchStatus } from './broadcast-records';
import type { BroadcastStore } from './firestore-broadcasts';

// Sends a confirmed broadcast: one multicast per stored batch (≤ 500 people), each with the batch's own
// X-Line-Retry-Key. A batch LINE already accepted answers 409 on a repeat and counts as delivered, so a
// run that died after sending but before recording cannot message anyone twice. LINE's 429s are waited
// out (line-http honours Retry-After); a batch that still fails is retried in a later round of this run
// and, failing that, by the next run, which never touches the batches already sent.

export interface SendBroadcastDeps {
  store: BroadcastStore;
  line: Pick<LineClient, 'multicast'>;
  signer: PostbackSigner;
  logger: Logger;
  clock: () => Date;
  /** multicasts in flight at once (LINE allows 200 requests/s for multicast) */
  concurrency?: number;
  /** passes over the failed batches within one run */
  rounds?: number;
  /** wait between rounds when LINE gave no Retry-After */
  roundBackoffMs?: number;
  /** upper bound on one wait between rounds */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type SendResult =
  | {
      readonly status: 'sent' | 'partial';
      readonly delivered: number;
      readonly failed: number;
      readonly total: number;
      /** batches this run sent (accepted now, or 409: accepted by an earlier attempt) */
      readonly batchesSent: number;
      readonly run: number;
      readonly requestedBy: string;
    }
  | { readonly status: 'skipped'; readonly reason: string };

export async function sendBroadcast(broadcastId: string, d: SendBroadcastDeps): Promise<SendResult> {
  const now = d.clock();
  const claim = await d.store.claimForSending(broadcastId, now);
  if (!claim.claimed) {
    d.logger.info('broadcast.send_skipped', { broadcastId, reason: claim.reason, status: claim.status });
    return { status: 'skipped', reason: claim.reason };
  }
  const b = claim.broadcast;
  const messages = renderMessages(b.message ?? [], {
    signer: d.signer,
    now,
    onTrim: (what) => d.logger.warn('line.trimmed', { broadcastId, what }),
  });
  const state = new Map<number, { batch: BatchRecord; status: BatchStatus; attempts: number }>(
    claim.unsent.map((batch) => [batch.index, { batch, status: batch.status, attempts: batch.attempts }]),
  );
  const rounds = d.rounds ?? 3;
  const sleep = d.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let batchesSent = 0;
  for (let round = 1; round <= rounds; round++) {
    const todo = [...state.values()].filter((s) => s.status === 'pending' || s.status === 'failed');
    if (todo.length === 0) break;
    let waitMs = 0;
    await inPool(todo, d.concurrency ?? 4, async (s) => {
      s.attempts++;
      let error: string | undefined;
      try {
        await d.line.multicast(s.batch.lineUserIds, messages, s.batch.retryKey, {
          priority: 'optional',
          purpose: 'hrBroadcast',
          key: `broadcast:${broadcastId}:${s.batch.index}`,
        });
        s.status = 'sent';
        batchesSent++;
      } catch (err) {
        error = (err as Error).message;
        // 4xx other than 429: LINE refuses the request itself, the same request will be refused again;
        // held back by the message budget: not again this run (HR sees it; a later send can retry it)
        const permanent =
          err instanceof MessageHeldBackError ||
          (err instanceof LineApiError && err.status >= 400 && err.status < 500 && err.status !== 429);
        if (err instanceof MessageHeldBackError) error = HELD_BACK_REASON_TH[err.reason];
        s.status = permanent ? 'rejected' : 'failed';
        if (err instanceof LineApiError && err.retryAfterMs) waitMs = Math.max(waitMs, err.retryAfterMs);
        d.logger.warn('broadcast.batch_failed', { broadcastId, index: s.batch.index, round, err: error });
      }
      await d.store.recordBatch(
        broadcastId,
        s.batch.index,
        { status: s.status, attempts: s.attempts, error },
        d.clock(),
      );
    });
    const left = [...state.values()].some((s) => s.status === 'failed');
    if (left && round < rounds) {
      const wait = waitMs || (d.roundBackoffMs ?? 2000) * 2 ** (round - 1);
      await sleep(Math.min(wait, d.maxWaitMs ?? 30_000));
    }
  }
  const total = b.recipientCount ?? 0;
  let failed = 0;
  let retryable = 0;
  for (const s of state.values()) {
    if (s.status === 'sent') continue;
    failed += s.batch.lineUserIds.length;
    if (s.status === 'failed' || s.status === 'pending') retryable++;
  }
  const delivered = total - failed;
  const status = await d.store.finish(broadcastId, d.clock(), { delivered, failed, retryable });
  d.logger.info('broadcast.sent', { broadcastId, status, delivered, failed, batchesSent, run: claim.run });
  return {
    status,
    delivered,
    failed,
    total,
    batchesSent,
    run: claim.run,
    requestedBy: b.requestedBy.lineUserId,
  };
}
