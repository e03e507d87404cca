/**
 * What registration keeps beside its flow: wrong answers and the lock they cause. Kept in the
 * conversation, not in the flow, so that cancelling or restarting registration cannot reset the count.
 */
export interface RegistrationGuard {
  readonly failures: number;
  readonly lockedUntil?: string;
}

/** Per-person conversation state, stored as one Firestore document and changed once per turn. */
export interface ConversationState<S extends { readonly flow: string } = { readonly flow: string }> {
  readonly flow: S | null;
  /** counts turns; useful to see in logs whether a state is older than expected */
  readonly turn: number;
  /** the registration feature's guard (the stored field keeps its first name) */
  readonly linkGuard?: RegistrationGuard;
}

export const EMPTY_CONVERSATION: ConversationState<never> = { flow: null, turn: 0 };
