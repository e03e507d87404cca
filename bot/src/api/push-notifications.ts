import type { PostbackSigner } from '@phattana/shared';
import type { Transaction } from 'firebase-admin/firestore';
import { batches, type RenderOptions, renderMessages } from '../line/render-messages';
import type { AfterCommit, CommittedWork } from '../outbox/after-commit';
import type { Notification } from '../reports/report-turn-io';
import type { Logger } from '../runtime/logger';
import type { PushTask } from '../runtime/task-queue';
import { retryKeyFor } from '../webhook/retry-key';

/**
 * Inside an API write's transaction: the pushes it causes, recorded with it in the outbox
 * (outbox/after-commit.ts), exactly as a chat turn records them: rendered by the one renderer, each
 * batch with a retry key derived from the notice's key, so a retried request, task or sweep is
 * accepted by LINE once.
 */
export function recordNotifications(
  d: {
    readonly afterCommit: AfterCommit;
    readonly signer: PostbackSigner;
    readonly mediaUrl?: RenderOptions['mediaUrl'];
  },
  tx: Transaction,
  notifications: readonly Notification[],
  now: Date,
): CommittedWork | undefined {
  const tasks: PushTask[] = notifications.flatMap((n) =>
    batches(renderMessages(n.replies, { signer: d.signer, now, mediaUrl: d.mediaUrl })).map(
      (messages, i): PushTask => ({
        type: 'push',
        to: n.to,
        messages,
        retryKey: retryKeyFor(n.key, i),
        notice: true, // quiet hours apply: kept at night, sent at 08:00
      }),
    ),
  );
  return d.afterCommit.record(tx, tasks);
}

/** After the commit: queues what `recordNotifications` recorded (a failure is the sweeper's). */
export async function sendNotifications(
  d: { readonly afterCommit: AfterCommit; readonly logger: Logger },
  work: CommittedWork | undefined,
  notifications: readonly Notification[],
): Promise<void> {
  // notices with no recorded work would be lost without a trace: say so rather than "queued"
  if (!work && notifications.length > 0) {
    d.logger.error('api.push_not_recorded', { to: notifications.map((n) => n.to) });
    return;
  }
  await d.afterCommit.deliver(work);
  // a push carries message text: log only whom it was for
  for (const n of notifications) d.logger.info('api.push_queued', { to: n.to, key: n.key });
}
