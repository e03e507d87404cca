import type { ConversationState, Effect } from '@phattana/shared';
import type { TurnStore } from './turn-store';

/** For unit tests only: the same contract as the Firestore store, in memory. */
export function createMemoryTurnStore() {
  const events = new Set<string>();
  const states = new Map<string, ConversationState>();
  const following = new Map<string, boolean>();
  const effects: Array<{ userId: string; eventId: string; effect: Effect }> = [];
  let queue = Promise.resolve();
  const store: TurnStore = {
    runTurn(input, decide) {
      const run = async () => {
        if (events.has(input.eventId)) return { duplicate: true } as const;
        const outcome = decide(states.get(input.userId));
        events.add(input.eventId);
        states.set(input.userId, structuredClone(outcome.state));
        for (const effect of outcome.effects)
          effects.push({ userId: input.userId, eventId: input.eventId, effect });
        return { duplicate: false, result: outcome.result } as const;
      };
      const p = queue.then(run);
      queue = p.then(
        () => undefined,
        () => undefined,
      );
      return p;
    },
    async setFollowing(userId, f) {
      following.set(userId, f);
    },
  };
  return { store, states, following, effects };
}
