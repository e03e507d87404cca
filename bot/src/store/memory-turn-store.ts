import type { ConsentRecord, ConversationState, Effect, PersonContext } from '@phattana/shared';
import type { TurnStore } from './turn-store';

/**
 * For unit tests only: the same contract as the Firestore store, in memory. It answers no lookups
 * (no staff records), so it suits flows that need none.
 */
export function createMemoryTurnStore() {
  const events = new Set<string>();
  const states = new Map<string, ConversationState>();
  const people = new Map<string, { person?: PersonContext; consent?: ConsentRecord }>();
  const following = new Map<string, boolean>();
  const effects: Array<{ userId: string; eventId: string; effect: Effect }> = [];
  let queue = Promise.resolve();
  const store: TurnStore = {
    runTurn(input, plan) {
      const run = async () => {
        if (events.has(input.eventId)) return { duplicate: true } as const;
        const stored = people.get(input.userId) ?? {};
        const outcome = plan.decide(states.get(input.userId), stored, {});
        events.add(input.eventId);
        states.set(input.userId, structuredClone(outcome.state));
        for (const effect of outcome.effects) {
          effects.push({ userId: input.userId, eventId: input.eventId, effect });
          if (effect.type === 'consentRecorded')
            people.set(input.userId, { ...stored, consent: effect.consent });
        }
        return { duplicate: false, result: outcome.result, person: stored.person } as const;
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
  return { store, states, people, following, effects };
}
