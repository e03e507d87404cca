import type { webhook } from '@line/bot-sdk';
import {
  lookupsFor,
  type PersonContext,
  type PostbackSigner,
  type Reply,
  step,
  type TurnContext,
  type WorkingDayCalendar,
} from '@phattana/shared';
import { turnFeatures } from '../features/registry';
import { LineApiError, LineUnavailableError } from '../line/line-api-error';
import type { LineClient } from '../line/line-client';
import { LINE_LIMITS } from '../line/line-limits';
import { batches, renderMessages } from '../line/render-messages';
import type { Logger } from '../runtime/logger';
import type { Task, TaskQueue } from '../runtime/task-queue';
import type { TurnStore } from '../store/turn-store';
import { retryKeyFor } from './retry-key';
import { toInboundEvent } from './to-inbound-event';

export interface EventHandlerDeps {
  line: LineClient;
  store: TurnStore;
  signer: PostbackSigner;
  tasks: TaskQueue;
  logger: Logger;
  clock: () => Date;
  /** show LINE's loading animation when a turn takes longer than this */
  loadingAfterMs: number;
  /** the municipality's details for the privacy notice */
  privacy: TurnContext['privacy'];
  liffId?: string;
  /** the working-day calendar with the municipality's holidays (cached by the caller) */
  calendar?: () => Promise<WorkingDayCalendar>;
  /** after a LINE account is linked (e.g. give the person their role's rich menu) */
  onLinked?: (userId: string, person: PersonContext) => Promise<void>;
  /**
   * Said in the reply of the turn that links an account (a reply is free, a push is not): e.g. what
   * waited for the person while they were unreachable. `room`: messages left in that reply.
   */
  linkedReplies?: (person: PersonContext, now: Date, room: number) => Promise<readonly Reply[]>;
}

export type EventOutcome = 'handled' | 'duplicate' | 'ignored' | 'unfollowed';

/** Processes one webhook event end to end: de-duplicate, step the conversation, reply. */
export async function handleEvent(e: webhook.Event, d: EventHandlerDeps): Promise<EventOutcome> {
  if (e.mode === 'standby') return 'ignored'; // another channel owns this chat (module mode)
  const userId = e.source?.type === 'user' ? e.source.userId : undefined;
  const now = d.clock();
  const inbound = toInboundEvent(e, d.signer, now);
  if (!inbound || !userId) return 'ignored';

  if (inbound.kind === 'unfollow') {
    // Blocking stops reminders; the person's history stays (it belongs to the municipality's records).
    await d.store.setFollowing(userId, false, now);
    return 'unfollowed';
  }

  const replyToken = 'replyToken' in e ? (e.replyToken as string | undefined) : undefined;
  const loading =
    replyToken && d.loadingAfterMs >= 0
      ? setTimeout(() => {
          d.line
            .showLoading(userId, 5)
            .catch((err) => d.logger.warn('line.loading_failed', { err: String(err) }));
        }, d.loadingAfterMs)
      : undefined;
  try {
    const calendar = await d.calendar?.();
    const turn = await d.store.runTurn(
      { userId, eventId: e.webhookEventId, eventTimestamp: e.timestamp, at: now },
      {
        lookups: (state) => lookupsFor(state, inbound),
        decide: (state, stored, facts) => {
          const r = step(state, inbound, now, {
            ...stored,
            facts,
            privacy: d.privacy,
            liffId: d.liffId,
            calendar,
          });
          // slow work the effects ask for (copying photos, sending broadcasts…), each feature's own
          const tasks: Task[] = turnFeatures.tasksFor(r.effects);
          return { state: r.state, effects: r.effects, result: { replies: r.replies, tasks } };
        },
      },
    );
    if (turn.duplicate) return 'duplicate';
    // Queued first thing after the commit, so a failed reply (whose redelivery is a duplicate) cannot
    // lose them; a failed enqueue must not fail the turn either, which is already saved.
    for (const s of turn.notificationsSkipped ?? [])
      d.logger.info('notify.skipped', {
        eventId: e.webhookEventId,
        employeeId: s.employeeId,
        reason: s.reason,
      });
    for (const task of [...turn.result.tasks, ...notificationTasks(turn.notifications ?? [], now, d)]) {
      await d.tasks.enqueue(task).catch((err) =>
        d.logger.error('task.enqueue_failed', {
          // a push carries message text: log only whom it was for
          ...(task.type === 'push' ? { type: task.type, to: task.to } : task),
          err: String(err),
        }),
      );
    }
    if (turn.linked && turn.person && d.onLinked) {
      // After the commit (a failed menu link must not undo the link itself), but awaited: Cloud
      // Functions throttles the CPU once the webhook has answered.
      await d
        .onLinked(userId, turn.person)
        .catch((err) => d.logger.warn('bot.on_linked_failed', { err: String(err) }));
    }
    let replies = turn.result.replies;
    if (turn.linked && turn.person && d.linkedReplies) {
      const room = LINE_LIMITS.messagesPerRequest - replies.length;
      const more = await d.linkedReplies(turn.person, now, room).catch((err): readonly Reply[] => {
        d.logger.warn('bot.linked_replies_failed', { err: String(err) });
        return []; // the link itself is saved; the person still gets the rest of the reply
      });
      replies = [...replies, ...more];
    }
    if (inbound.kind === 'follow') await d.store.setFollowing(userId, true, now);

    const messages = renderMessages(replies, {
      signer: d.signer,
      now,
      onTrim: (what) => d.logger.warn('line.trimmed', { eventId: e.webhookEventId, what }),
    });
    const [first, ...rest] = batches(messages);
    let pushIndex = 0;
    const pushLater = (msgs: readonly unknown[]) =>
      d.tasks.enqueue({
        type: 'push',
        to: userId,
        messages: msgs,
        retryKey: retryKeyFor(e.webhookEventId, pushIndex++),
      });
    if (first) {
      if (replyToken) {
        try {
          await d.line.reply(replyToken, first);
        } catch (err) {
          // The turn is saved; the person must still see the answer, so fall back to a push.
          if (
            !(err instanceof LineUnavailableError || (err instanceof LineApiError && err.isInvalidReplyToken))
          )
            throw err;
          d.logger.warn('line.reply_failed_pushing', { eventId: e.webhookEventId, err: err.message });
          await pushLater(first);
        }
      } else {
        await pushLater(first);
      }
    }
    for (const batch of rest) await pushLater(batch);
    return 'handled';
  } finally {
    if (loading) clearTimeout(loading);
  }
}

/**
 * The pushes a turn asked for to other people (the next approver, the person whose report was
 * returned), with retry keys from the effect's key, so a redelivered event never sends twice.
 */
function notificationTasks(
  notifications: NonNullable<
    Extract<Awaited<ReturnType<TurnStore['runTurn']>>, { duplicate: false }>['notifications']
  >,
  now: Date,
  d: EventHandlerDeps,
): Task[] {
  return notifications.flatMap((n) =>
    batches(renderMessages(n.replies, { signer: d.signer, now })).map(
      (messages, i): Task => ({ type: 'push', to: n.to, messages, retryKey: retryKeyFor(n.key, i) }),
    ),
  );
}
