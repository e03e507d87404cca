import type { PostbackSigner } from '@phattana/shared';
import { batches, renderMessages } from '../line/render-messages';
import type { Notification } from '../reports/report-turn-io';
import type { Logger } from '../runtime/logger';
import type { TaskQueue } from '../runtime/task-queue';
import { retryKeyFor } from '../webhook/retry-key';

/**
 * Queues the pushes an API write caused, after its transaction committed, exactly as a chat turn does:
 * rendered by the one renderer, each batch with a retry key derived from the notice's key, so a retried
 * request or task is accepted by LINE once.
 */
export async function enqueueNotifications(
  d: { readonly tasks: TaskQueue; readonly signer: PostbackSigner; readonly logger: Logger },
  notifications: readonly Notification[],
  now: Date,
): Promise<void> {
  for (const n of notifications) {
    const messages = batches(renderMessages(n.replies, { signer: d.signer, now }));
    for (const [i, batch] of messages.entries()) {
      await d.tasks.enqueue({ type: 'push', to: n.to, messages: batch, retryKey: retryKeyFor(n.key, i) });
    }
    // a push carries message text: log only whom it was for
    d.logger.info('api.push_queued', { to: n.to, key: n.key });
  }
}
