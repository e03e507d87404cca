import type {
  ConsentRecord,
  ConversationState,
  Effect,
  Facts,
  Lookup,
  PersonContext,
  Reply,
} from '@phattana/shared';

export interface TurnInput {
  /** LINE user id: one conversation document per person */
  readonly userId: string;
  /** LINE's webhookEventId: the same event is processed once, even when redelivered */
  readonly eventId: string;
  /** event time from LINE (ms), kept with the state */
  readonly eventTimestamp: number;
  /** the clock's time for this turn (invite expiry is judged against it) */
  readonly at: Date;
}

/** What the store knows about the person before the turn, read with the state. */
export interface StoredContext {
  readonly person?: PersonContext;
  readonly consent?: ConsentRecord;
}

export interface TurnPlan<T> {
  /** facts to read in the same transaction, chosen from the current state */
  lookups(state: ConversationState | undefined): readonly Lookup[];
  /** must be pure: it may run more than once under contention */
  decide(state: ConversationState | undefined, stored: StoredContext, facts: Facts): TurnOutcome<T>;
}

export interface TurnOutcome<T> {
  readonly state: ConversationState;
  readonly effects: readonly Effect[];
  readonly result: T;
}

export type TurnResultOf<T> =
  | { readonly duplicate: true }
  | {
      readonly duplicate: false;
      readonly result: T;
      readonly person?: PersonContext;
      /** pushes to other people the turn asked for (e.g. the next approver), to send after the commit */
      readonly notifications?: readonly { to: string; replies: readonly Reply[]; key: string }[];
      readonly notificationsSkipped?: readonly { employeeId: string; reason: string }[];
    };

/**
 * The port for conversation state. `runTurn` is atomic: it reads the person's state (and any facts the
 * flow asked for), refuses an event it has already processed, and writes the new state, the event's id
 * and the effects together, or does nothing at all.
 */
export interface TurnStore {
  runTurn<T>(input: TurnInput, plan: TurnPlan<T>): Promise<TurnResultOf<T>>;
  /** who follows the bot: unfollow stops reminders without deleting anything */
  setFollowing(userId: string, following: boolean, at: Date): Promise<void>;
}
