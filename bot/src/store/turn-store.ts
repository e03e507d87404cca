import type { ConversationState, Effect } from '@phattana/shared';

export interface TurnInput {
  /** LINE user id: one conversation document per person */
  readonly userId: string;
  /** LINE's webhookEventId: the same event is processed once, even when redelivered */
  readonly eventId: string;
  /** event time from LINE (ms), kept with the state */
  readonly eventTimestamp: number;
}

export interface TurnOutcome<T> {
  readonly state: ConversationState;
  readonly effects: readonly Effect[];
  readonly result: T;
}

export type TurnResultOf<T> =
  | { readonly duplicate: true }
  | { readonly duplicate: false; readonly result: T };

/**
 * The port for conversation state. `runTurn` is atomic: it reads the person's state, refuses an event
 * it has already processed, and writes the new state, the event's id and any effects together, or
 * does nothing at all.
 * `decide` may run more than once under contention, so it must be pure.
 */
export interface TurnStore {
  runTurn<T>(
    input: TurnInput,
    decide: (state: ConversationState | undefined) => TurnOutcome<T>,
  ): Promise<TurnResultOf<T>>;
  /** who follows the bot: unfollow stops reminders without deleting anything */
  setFollowing(userId: string, following: boolean, at: Date): Promise<void>;
}
