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
import type { LineClient } from '../line/line-client';
import { LINE_LIMITS } from '../line/line-limits';
import { batches, type RenderOptions, renderMessages } from '../line/render-messages';
import { type DeliveryDeps, deliverEntry, OUTBOX_SWEEP_AFTER_MS, sweepOutbox } from '../outbox/deliver-entry';
import type { Outbox } from '../outbox/outbox-entry';
import type { Logger } from '../runtime/logger';
import type { Task, TaskQueue } from '../runtime/task-queue';
import type { Notification } from '../store/turn-feature';
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
  /** public addresses of pictures shown small in cards (report photos to approvers) */
  mediaUrl?: RenderOptions['mediaUrl'];
  /** the working-day calendar with the municipality's holidays (cached by the caller) */
  calendar?: () => Promise<WorkingDayCalendar>;
  /** after a LINE account is linked (e.g. give the person their role's rich menu) */
  onLinked?: (userId: string, person: PersonContext) => Promise<void>;
  /** the turns' outbox (with a store that writes it); without one, nothing is left to deliver later */
  outbox?: Outbox;
  /** a person's next event delivers what their turns left unsent this long ago */
  sweepAfterMs?: number;
  /**
   * Said in the reply of the turn that links an account (a reply is free, a push is not): e.g. what
   * waited for the person while they were unreachable. `room`: messages left in that reply.
   */
  linkedReplies?: (
    person: PersonContext,
    now: Date,
    room: number,
    userId?: string,
  ) => Promise<readonly Reply[]>;
}

export type EventOutcome = 'handled' | 'duplicate' | 'redelivered' | 'ignored' | 'unfollowed';

/** Without a store that writes an outbox: deliver at once, nothing to find later. */
const NO_OUTBOX: Outbox = {
  undelivered: async () => undefined,
  markDelivered: async () => undefined,
  pending: async () => [],
};

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
    // the pushes to other people, rendered once: for the stored outbox, then reused for the delivery
    let rendered: { from: readonly Notification[]; tasks: Task[] } | undefined;
    const pushesFor = (notifications: readonly Notification[]): Task[] => {
      if (rendered?.from !== notifications)
        rendered = { from: notifications, tasks: notificationTasks(notifications, now, d) };
      return rendered.tasks;
    };
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
          const messages = renderMessages(r.replies, {
            signer: d.signer,
            mediaUrl: d.mediaUrl,
            now,
            onTrim: (what) => d.logger.warn('line.trimmed', { eventId: e.webhookEventId, what }),
          });
          return {
            state: r.state,
            effects: r.effects,
            result: { batches: batches(messages).map((m) => ({ messages: m })), tasks },
          };
        },
        outbox: (result, notifications) => ({
          to: userId,
          batches: result.batches,
          tasks: [...result.tasks, ...pushesFor(notifications)],
          delivered: false,
        }),
      },
    );
    const outbox = d.outbox ?? NO_OUTBOX;
    const delivery = { line: d.line, tasks: d.tasks, outbox, logger: d.logger };
    if (turn.duplicate) {
      // Committed before (LINE redelivers when we answered 500 or too late, or the process died after
      // the commit): whatever that turn left unsent goes now, instead of being dropped.
      const left = await outbox.undelivered(e.webhookEventId);
      if (!left) return 'duplicate';
      await deliverEntry(e.webhookEventId, left, replyToken, delivery);
      return 'redelivered';
    }
    for (const s of turn.notificationsSkipped ?? [])
      d.logger.info('notify.skipped', {
        eventId: e.webhookEventId,
        employeeId: s.employeeId,
        reason: s.reason,
      });
    if (turn.linked && turn.person && d.onLinked) {
      // After the commit (a failed menu link must not undo the link itself), but awaited: Cloud
      // Functions throttles the CPU once the webhook has answered.
      await d
        .onLinked(userId, turn.person)
        .catch((err) => d.logger.warn('bot.on_linked_failed', { err: String(err) }));
    }
    let outgoing = turn.result.batches;
    if (turn.linked && turn.person && d.linkedReplies) {
      // Read after the commit (the person is known only now) and added to the free reply. Not in the
      // stored outbox: should this delivery crash, the sweeper resends the turn's own answer without
      // this list, which "งานรออนุมัติ" and the menu can always show again.
      const [first, ...rest] = outgoing;
      const room = LINE_LIMITS.messagesPerRequest - (first?.messages.length ?? 0);
      const more = await d.linkedReplies(turn.person, now, room, userId).catch((err): readonly Reply[] => {
        d.logger.warn('bot.linked_replies_failed', { err: String(err) });
        return []; // the link itself is saved; the person still gets the rest of the reply
      });
      const extra = renderMessages(more, { signer: d.signer, now, mediaUrl: d.mediaUrl });
      if (extra.length > 0)
        outgoing = [
          ...batches([...(first?.messages ?? []), ...extra]).map((messages) => ({ messages })),
          ...rest,
        ];
    }
    if (inbound.kind === 'follow') await d.store.setFollowing(userId, true, now);

    await deliverEntry(
      e.webhookEventId,
      {
        to: userId,
        batches: outgoing,
        tasks: [...turn.result.tasks, ...(turn.notifications ? pushesFor(turn.notifications) : [])],
        delivered: false,
      },
      replyToken,
      delivery,
    );
    if (d.outbox)
      sweepFor(userId, now, { ...delivery, outbox: d.outbox }, d.sweepAfterMs ?? OUTBOX_SWEEP_AFTER_MS);
    return 'handled';
  } finally {
    if (loading) clearTimeout(loading);
  }
}

/**
 * The pushes a turn asked for to other people (the next approver, the person whose report was
 * returned), with retry keys from the effect's key, so a redelivered event never sends twice.
 */
function notificationTasks(notifications: readonly Notification[], now: Date, d: EventHandlerDeps): Task[] {
  return notifications.flatMap((n) =>
    batches(renderMessages(n.replies, { signer: d.signer, now, mediaUrl: d.mediaUrl })).map(
      (messages, i): Task => ({
        type: 'push',
        to: n.to,
        messages,
        retryKey: retryKeyFor(n.key, i),
        notice: true,
      }),
    ),
  );
}

/**
 * The person's own earlier answers left unsent (a crash, a failed enqueue), looked for on their next
 * event at most once a minute per instance, after the current answer: never in its way.
 */
const lastSweep = new Map<string, number>();
function sweepFor(userId: string, now: Date, d: DeliveryDeps, olderThanMs: number) {
  const at = lastSweep.get(userId) ?? 0;
  if (now.getTime() - at < 60_000) return;
  lastSweep.set(userId, now.getTime());
  if (lastSweep.size > 10_000) lastSweep.clear();
  void sweepOutbox(d, { userId, now, olderThanMs, limit: 20 }).catch((err) =>
    d.logger.error('outbox.sweep_failed', { err: (err as Error).message }),
  );
}
