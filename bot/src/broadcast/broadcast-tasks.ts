import {
  type BroadcastSendingNotes,
  broadcastPreviewReplies,
  broadcastResultReplies,
  type PostbackSigner,
  type Reply,
  type WorkingDayCalendar,
} from '@phattana/shared';
import type { LineClient } from '../line/line-client';
import { batches, renderMessages } from '../line/render-messages';
import type { Logger } from '../runtime/logger';
import { isQuietHour, nextSendingTime, type QuietHours } from '../runtime/quiet-hours';
import { retryKeyFor } from '../webhook/retry-key';
import { type SendBroadcastDeps, sendBroadcast } from './broadcast-sender';
import type { BroadcastStore } from './firestore-broadcasts';

/** Queued after an HR turn commits; safe to run more than once. */
export type BroadcastTask =
  | { readonly type: 'broadcastPrepare'; readonly broadcastId: string }
  | { readonly type: 'broadcastSend'; readonly broadcastId: string };

export interface BroadcastTaskDeps {
  store: BroadcastStore;
  line: LineClient;
  signer: PostbackSigner;
  logger: Logger;
  clock: () => Date;
  /** the municipality's working days, for "due within N working days" */
  calendar: () => Promise<WorkingDayCalendar>;
  /** notes the preview's sending time, cost against the month's quota and recent reminders (budget/) */
  notes?: (broadcastId: string, now: Date) => Promise<BroadcastSendingNotes>;
  /** records that a broadcast confirmed outside hours goes out at `until` (the morning release sends it) */
  defer?: (broadcastId: string, until: Date) => Promise<void>;
  quietHours?: QuietHours;
  /** sender tuning (tests and the bench shorten the waits) */
  sender?: Partial<
    Pick<SendBroadcastDeps, 'concurrency' | 'rounds' | 'roundBackoffMs' | 'maxWaitMs' | 'sleep'>
  >;
}

/** Some batches could not be sent; thrown so that Cloud Tasks runs the task again later. */
export class BroadcastIncompleteError extends Error {
  override readonly name = 'BroadcastIncompleteError';
  constructor(
    readonly broadcastId: string,
    readonly failed: number,
  ) {
    super(`broadcast ${broadcastId}: ${failed} recipients not sent yet`);
  }
}

export async function runBroadcastTask(task: BroadcastTask, d: BroadcastTaskDeps): Promise<void> {
  switch (task.type) {
    case 'broadcastPrepare': {
      const r = await d.store.prepare(task.broadcastId, d.clock(), d.calendar);
      if (r.status === 'nothingToDo') {
        d.logger.info('broadcast.prepare_skipped', { broadcastId: task.broadcastId, reason: r.reason });
        return;
      }
      d.logger.info('broadcast.prepared', {
        broadcastId: task.broadcastId,
        recipients: r.preview.recipientCount,
      });
      const sending = r.preview.sending ?? (await d.notes?.(task.broadcastId, d.clock()));
      // a re-run pushes the same preview under the same key: LINE drops the repeat
      await push(
        d,
        r.to,
        broadcastPreviewReplies({ ...r.preview, ...(sending ? { sending } : {}) }),
        `broadcast:${task.broadcastId}:preview`,
      );
      return;
    }
    case 'broadcastSend': {
      const now = d.clock();
      if (d.defer && isQuietHour(now, d.quietHours)) {
        // HR confirmed at night: it stays queued and goes out at the morning's opening hour
        await d.defer(task.broadcastId, nextSendingTime(now, d.quietHours));
        d.logger.info('broadcast.deferred', { broadcastId: task.broadcastId });
        return;
      }
      const r = await sendBroadcast(task.broadcastId, { ...d, ...d.sender });
      if (r.status === 'skipped') return;
      await push(
        d,
        r.requestedBy,
        broadcastResultReplies(r),
        `broadcast:${task.broadcastId}:result:${r.run}`,
      );
      if (r.status === 'partial') throw new BroadcastIncompleteError(task.broadcastId, r.failed);
      return;
    }
  }
}

async function push(d: BroadcastTaskDeps, to: string, replies: readonly Reply[], key: string): Promise<void> {
  const now = d.clock();
  const messages = renderMessages(replies, {
    signer: d.signer,
    now,
    onTrim: (what) => d.logger.warn('line.trimmed', { key, what }),
  });
  let n = 0;
  for (const batch of batches(messages)) await d.line.push(to, batch, retryKeyFor(key, n++));
}
