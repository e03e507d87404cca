import type { HeldBackReason, MessagePriority } from '@phattana/shared';
import { LineMonthlyLimitError } from '../line/line-api-error';
import type { LineClient, SendOptions, SendOutcome } from '../line/line-client';
import type { MessageBudget } from './message-budget';

// The one gate on every paid send: push and multicast pass through `withMessageBudget`, which asks the
// budget first, counts what LINE accepted and turns LINE's "monthly limit" into a held-back message.
// Replies are free and pass untouched. It wraps a LineClient and returns one, so it composes with any
// other wrapper around the same port (an outbox, a logger).

/** The budget kept this message back; the caller records it as not sent (never as failed-and-retry-now). */
export class MessageHeldBackError extends Error {
  override readonly name = 'MessageHeldBackError';
  constructor(
    readonly reason: HeldBackReason,
    readonly recipients: number,
    readonly priority: MessagePriority,
  ) {
    super(`message held back (${reason}) for ${recipients} recipient(s)`);
  }
}

export function withMessageBudget(line: LineClient, budget: MessageBudget): LineClient {
  const gated = async (
    recipients: number,
    retryKey: string,
    opts: SendOptions | undefined,
    send: () => Promise<SendOutcome | undefined>,
  ): Promise<SendOutcome | undefined> => {
    const priority = opts?.priority ?? 'essential';
    const held = async (reason: HeldBackReason) => {
      await budget.heldBack({
        priority,
        reason,
        recipients,
        purpose: opts?.purpose ?? 'push',
        key: opts?.key ?? retryKey,
      });
      return new MessageHeldBackError(reason, recipients, priority);
    };
    const decision = await budget.decide(recipients, priority);
    if (!decision.send) throw await held(decision.reason);
    let outcome: SendOutcome | undefined;
    try {
      outcome = await send();
    } catch (err) {
      if (!(err instanceof LineMonthlyLimitError)) throw err;
      await budget.closed();
      throw await held('monthlyLimit');
    }
    // a retried task LINE had accepted before (409 for its retry key) was counted the first time
    if (outcome !== 'repeat') await budget.sent(recipients);
    return outcome;
  };
  return {
    ...line,
    push: (to, messages, retryKey, opts) =>
      gated(1, retryKey, opts, () => line.push(to, messages, retryKey, opts)),
    multicast: (to, messages, retryKey, opts) =>
      gated(new Set(to).size, retryKey, opts, () => line.multicast(to, messages, retryKey, opts)),
  };
}
