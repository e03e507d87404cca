import type { NoFacts, TurnContext } from './context';
import type { InboundEvent } from './event';
import type { PostbackPayload, Reply } from './reply';

/** Something a flow asks the edge to do or to read, told apart by `type`. */
export interface Typed {
  readonly type: string;
}

/** What one step of a flow produces; `state: null` means the flow is finished. */
export interface FlowStep<S, E extends Typed = never> {
  readonly state: S | null;
  readonly replies: readonly Reply[];
  readonly effects?: readonly E[];
}

/**
 * A conversation flow is an explicit state machine: pure functions from (state, event, now) to the next
 * state and the replies, with side effects returned as data for the edge to carry out. `E` are the
 * effects it may ask for, `L` the facts it may ask to look up and `X` how those facts come back.
 */
export interface Flow<
  S extends { readonly flow: string },
  E extends Typed = never,
  L extends Typed = never,
  X = NoFacts,
> {
  readonly id: S['flow'];
  /** Thai name people see, e.g. in "you are in the middle of …" */
  readonly title: string;
  /** `payload` is the start button's, e.g. which report a reminder's button is for */
  start(now: Date, ctx: TurnContext<X>, payload?: PostbackPayload): FlowStep<S, E>;
  step(state: S, event: InboundEvent, now: Date, ctx: TurnContext<X>): FlowStep<S, E>;
  /** Asks the current question again, e.g. after "ทำต่อ" or a stale button. */
  prompt(state: S, now: Date, ctx: TurnContext<X>): readonly Reply[];
  /**
   * Facts this event needs from storage; the edge answers them in `ctx.facts` before `step`. `state` is
   * undefined for the event that starts the flow.
   */
  lookups?(state: S | undefined, event: InboundEvent): readonly L[];
  /** Said after ยกเลิก: where the answers given so far are (kept in a draft, or not kept at all). */
  readonly onCancel?: string;
  /** Only linked staff may use this flow (it stores data about them). */
  readonly needsPerson?: boolean;
}
