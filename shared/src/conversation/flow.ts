import type { Lookup, TurnContext } from './context';
import type { Effect } from './effect';
import type { InboundEvent } from './event';
import type { PostbackPayload, Reply } from './reply';

/** What one step of a flow produces; `state: null` means the flow is finished. */
export interface FlowStep<S> {
  readonly state: S | null;
  readonly replies: readonly Reply[];
  readonly effects?: readonly Effect[];
}

/**
 * A conversation flow is an explicit state machine: pure functions from (state, event, now) to the next
 * state and the replies, with side effects returned as data for the edge to carry out.
 */
export interface Flow<S extends { readonly flow: string }> {
  readonly id: S['flow'];
  /** Thai name people see, e.g. in "you are in the middle of …" */
  readonly title: string;
  /** `payload` is the start button's, e.g. which report a reminder's button is for */
  start(now: Date, ctx: TurnContext, payload?: PostbackPayload): FlowStep<S>;
  step(state: S, event: InboundEvent, now: Date, ctx: TurnContext): FlowStep<S>;
  /** Asks the current question again, e.g. after "ทำต่อ" or a stale button. */
  prompt(state: S, now: Date, ctx: TurnContext): readonly Reply[];
  /**
   * Facts this event needs from storage; the edge answers them in `ctx.facts` before `step`. `state` is
   * undefined for the event that starts the flow.
   */
  lookups?(state: S | undefined, event: InboundEvent): readonly Lookup[];
  /** Only linked staff may use this flow (it stores data about them). */
  readonly needsPerson?: boolean;
}
