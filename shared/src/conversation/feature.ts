import type { NoFacts, TurnContext } from './context';
import type { Flow, Typed } from './flow';
import type { Reply } from './reply';
import type { RegistrationGuard } from './state';

/** Typed words a feature answers at once, in one turn, without starting its flow. */
export interface InstantAnswer<E extends Typed, X> {
  readonly words: ReadonlySet<string>;
  answer(
    now: Date,
    ctx: TurnContext<X>,
  ): { readonly replies: readonly Reply[]; readonly effects: readonly E[] };
}

/**
 * A chat feature as the conversation kernel sees it: its flow and how people reach it. The kernel
 * (step) loops over a list of these and names none of them; a feature's types (state, effects,
 * lookups, facts) travel in its type parameters, so the app's unions are derived from the list.
 */
export interface ChatFeature<
  S extends { readonly flow: string },
  E extends Typed = never,
  L extends Typed = never,
  X = NoFacts,
> {
  readonly flow: Flow<S, E, L, X>;
  /** typed words that start the flow, besides its start button (compared after normaliseInput) */
  readonly startWords?: readonly string[];
  /** the feature's line in the "เมนู" help for registered people */
  readonly menuLine?: string;
  readonly instant?: InstantAnswer<E, X>;
  /**
   * This feature links a LINE account to a staff record (one feature does): people who are not
   * registered are sent to it, and its guard against guessing survives the flow.
   */
  readonly registration?: S extends RegistrationGuard ? true : never;
}

/** What a list of features asks of the edge, as unions. */
// biome-ignore lint/suspicious/noExplicitAny: matching any feature's type parameters
export type AnyChatFeature = ChatFeature<any, any, any, any>;
export type StateOf<F> = F extends ChatFeature<infer S, infer _E, infer _L, infer _X> ? S : never;
export type EffectOf<F> = F extends ChatFeature<infer _S, infer E, infer _L, infer _X> ? E : never;
export type LookupOf<F> = F extends ChatFeature<infer _S, infer _E, infer L, infer _X> ? L : never;
/** every feature's facts in one object (each lookup type has one fact, under its own key) */
export type FactsOf<F> = UnionToIntersection<
  F extends ChatFeature<infer _S, infer _E, infer _L, infer X> ? X : never
>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
