import type {
  ConsentRecord,
  ConversationState,
  Effect,
  Facts,
  FlowState,
  Lookup,
  PersonContext,
  Reply,
  Typed,
} from '@phattana/shared';
import type { OutboxEntry } from '../outbox/outbox-entry';
import type { Notification } from './turn-feature';

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

/**
 * One turn's decision. The chat's own types by default; a test may drive the store with a flow of its
 * own (its state `S`, effects `E`, lookups `L` and facts `X`), given adapters for them.
 */
export interface TurnPlan<
  T,
  S extends { readonly flow: string } = FlowState,
  E extends Typed = Effect,
  L extends Typed = Lookup,
  X = Facts,
> {
  /** facts to read in the same transaction, chosen from the current state */
  lookups(state: ConversationState<S> | undefined): readonly L[];
  /** must be pure: it may run more than once under contention */
  decide(state: ConversationState<S> | undefined, stored: StoredContext, facts: X): TurnOutcome<T, S, E>;
  /**
   * What the turn must send, written in the same atomic write as its state (the outbox), given the
   * decision and the pushes to other people the store resolved. Pure, like `decide`.
   */
  outbox?(result: T, notifications: readonly Notification[]): OutboxEntry;
}

export interface TurnOutcome<T, S extends { readonly flow: string } = FlowState, E extends Typed = Effect> {
  readonly state: ConversationState<S>;
  readonly effects: readonly E[];
  readonly result: T;
}

export type TurnResultOf<T> =
  | { readonly duplicate: true }
  | {
      readonly duplicate: false;
      readonly result: T;
      readonly person?: PersonContext;
      /** an effect of this turn linked the LINE account to `person` */
      readonly linked?: boolean;
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
  runTurn<
    T,
    S extends { readonly flow: string } = FlowState,
    E extends Typed = Effect,
    L extends Typed = Lookup,
    X = Facts,
  >(input: TurnInput, plan: TurnPlan<T, S, E, L, X>): Promise<TurnResultOf<T>>;
  /** who follows the bot: unfollow stops reminders without deleting anything */
  setFollowing(userId: string, following: boolean, at: Date): Promise<void>;
}
