import type { ConsentRecord, ConversationState, PersonContext, Typed } from '@phattana/shared';
import type { TurnStore } from './turn-store';

/**
 * For unit tests only: the same contract as the Firestore store, in memory. It answers no lookups and
 * writes no effects anywhere: it records them in order, so a test can see what a turn asked for.
 * `remember` says what an effect changes in what the store knows about the person (e.g. consent).
 */
export function createMemoryTurnStore(
  o: {
    remember?: (
      effect: Typed,
      stored: { person?: PersonContext; consent?: ConsentRecord },
    ) => { person?: PersonContext; consent?: ConsentRecord };
  } = {},
) {
  const events = new Set<string>();
  const states = new Map<string, ConversationState<{ readonly flow: string }>>();
  const people = new Map<string, { person?: PersonContext; consent?: ConsentRecord }>();
  const following = new Map<string, boolean>();
  const effects: Array<{ userId: string; eventId: string; effect: Typed }> = [];
  let queue = Promise.resolve();
  const store: TurnStore = {
    runTurn(input, plan) {
      const run = async () => {
        if (events.has(input.eventId)) return { duplicate: true } as const;
        const known = people.get(input.userId) ?? {};
        let stored = known;
        const before = states.get(input.userId) as Parameters<typeof plan.decide>[0];
        const outcome = plan.decide(before, stored, {} as Parameters<typeof plan.decide>[2]);
        events.add(input.eventId);
        states.set(input.userId, structuredClone(outcome.state));
        for (const effect of outcome.effects) {
          effects.push({ userId: input.userId, eventId: input.eventId, effect });
          if (o.remember) stored = o.remember(effect, stored);
        }
        people.set(input.userId, stored);
        return {
          duplicate: false,
          result: outcome.result,
          person: stored.person,
          linked: stored.person !== known.person,
        } as const;
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
