import type { ConsentRecord, ConversationState, PersonContext, Typed } from '@phattana/shared';

import {
  type DocumentData,
  type DocumentReference,
  type Firestore,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { turnFeatures } from '../features/registry';
import { type OutboxEntry, toStoredOutbox } from '../outbox/outbox-entry';
import { indexStaffWrite } from '../owing/owing-writes';
import { processedEventExpiry } from '../webhook/replay-window';
import { createConversationCache, type KnownConversation } from './conversation-cache';
import { EXPIRE_AT } from './expire-at';
import { applyWrites, replaceFields, updateArgs } from './merge-writes';
import type { Notification, TurnCollections, TurnSettings } from './turn-feature';
import type { AnyTurnFeature, TurnFeatureIndex } from './turn-features';
import type { TurnStore } from './turn-store';
import type { TurnWriter } from './turn-writer';
import { withoutUndefined } from './without-undefined';

export { birthDateHash } from '../people/birth-date-hash';

/** Where a turn reads and writes: the municipality's collections and the bot's own. */
export type FirestoreTurnStoreCollections = TurnCollections;

export interface FirestoreTurnStoreOptions extends TurnSettings {
  /** conversation documents kept in memory between a person's turns (0: read at every turn) */
  rememberedConversations?: number;
  /** the features' adapters (the bot's registry unless a test adds one) */
  features?: TurnFeatureIndex;
}

/**
 * How many of a person's latest webhook event ids are remembered for de-duplication. LINE redelivers
 * an event within minutes of the first attempt; nobody sends this many messages in that time.
 */
export const REMEMBERED_EVENT_IDS = 100;

/** Optimistic attempts before a turn gives up (and LINE redelivers the event). */
const OPTIMISTIC_ATTEMPTS = 5;

/**
 * Conversation state in Firestore. The de-duplication record lives in the person's own conversation
 * document. An ordinary turn reads that document (or remembers it from the person's previous turn),
 * decides, and commits state, event id and effects in one batch on the condition that the document is
 * unchanged since it was read; if it changed, the turn starts again. Turns with lookups (an invite, a
 * staff record, a report) read and write in one transaction instead, so a code cannot be used twice.
 */
export function createFirestoreTurnStore(
  db: Firestore,
  c: FirestoreTurnStoreCollections,
  o: FirestoreTurnStoreOptions,
): TurnStore {
  const features = o.features ?? turnFeatures;
  const known = createConversationCache({
    maxEntries: o.rememberedConversations ?? 1000,
    maxAgeMs: 10 * 60_000,
  });
  const transactional: Pick<TurnStore, 'runTurn'> = {
    async runTurn(input, plan) {
      known.forget(input.userId); // a transaction does not say when it wrote
      const stateRef = c.conversations.doc(input.userId);
      const processedRef = c.processedEvents.doc(input.eventId);
      return db.runTransaction(async (tx) => {
        const [snap, processed] = await tx.getAll(stateRef, processedRef);
        const { recent, state, stored } = readTurn(snap?.data());
        if (recent.includes(input.eventId) || processed?.exists) return { duplicate: true } as const;
        const turn = startTurn(features, input, stored.person, c, o, Timestamp.now());
        const read = turn.reader(tx);
        const facts: Record<string, unknown> = {};
        for (const l of plan.lookups(state)) facts[l.type] = await read.lookup(l);
        const outcome = plan.decide(state, stored, facts as Parameters<typeof plan.decide>[2]);
        // every read before the first write, as Firestore requires (who to notify, credit totals…)
        await read.prepare(outcome.effects);
        const update = conversationUpdate(outcome.state, recent, input, turn.now);
        turn.write(outcome.effects, tx, update);
        // each field of the update replaced whole (merge-writes.ts, replaceFields), as the batch path does
        tx.set(stateRef, update, { mergeFields: Object.keys(update) });
        tx.create(
          processedRef,
          processedEventRecord(input, turn.now, plan.outbox?.(outcome.result, read.notifications)),
        );
        return {
          duplicate: false,
          result: outcome.result,
          person: turn.person(),
          linked: turn.person() !== stored.person,
          notifications: read.notifications,
          notificationsSkipped: read.notificationsSkipped,
        } as const;
      });
    },
  };
  return {
    async runTurn(input, plan) {
      const stateRef = c.conversations.doc(input.userId);
      for (let attempt = 1; ; attempt++) {
        const seen = known.get(input.userId) ?? (await readConversation(stateRef));
        const data = seen?.data;
        const { recent, state, stored } = readTurn(data);
        if (recent.includes(input.eventId)) return { duplicate: true } as const;
        if (plan.lookups(state).length > 0) return transactional.runTurn(input, plan);
        const outcome = plan.decide(state, stored, {} as Parameters<typeof plan.decide>[2]);
        if (!outcome.effects.every(features.batchable)) return transactional.runTurn(input, plan);
        const batch = db.batch();
        const turn = startTurn(features, input, stored.person, c, o, Timestamp.now());
        const update = conversationUpdate(outcome.state, recent, input, turn.now);
        turn.write(outcome.effects, batch, update);
        // fails the batch (ALREADY_EXISTS) when any instance processed this event, for anyone
        batch.create(
          c.processedEvents.doc(input.eventId),
          processedEventRecord(input, turn.now, plan.outbox?.(outcome.result, [])),
        );
        // The same change as the transaction's set, as field paths: update() takes a precondition.
        const writes = replaceFields(update);
        if (seen) batch.update(stateRef, ...updateArgs(writes), { lastUpdateTime: seen.updateTime });
        else batch.create(stateRef, update);
        try {
          const results = await batch.commit(); // the conversation document is written last
          const after = applyWrites(data ?? {}, writes);
          const updateTime = results[results.length - 1]?.writeTime;
          if (after && updateTime) known.set(input.userId, { updateTime, data: after });
          else known.forget(input.userId);
          return {
            duplicate: false,
            result: outcome.result,
            person: turn.person(),
            linked: turn.person() !== stored.person,
          } as const;
        } catch (err) {
          known.forget(input.userId);
          if (isWriteConflict(err) && (await c.processedEvents.doc(input.eventId).get()).exists)
            return { duplicate: true } as const;
          if (!isWriteConflict(err) || attempt >= OPTIMISTIC_ATTEMPTS) throw err;
          // the first retry is usually a stale memory, not contention: read again at once
          if (attempt > 1) await sleep(Math.random() * 25 * 2 ** attempt);
        }
      }
    },
    async setFollowing(userId, following, at) {
      known.forget(userId);
      const ref = c.conversations.doc(userId);
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const person = snap.exists ? (snap.get('person') as PersonContext | undefined) : undefined;
        const when = Timestamp.fromDate(at);
        tx.set(ref, { following, followChangedAt: when }, { merge: true });
        // Reminders go by the staff record: mark the link inactive there too, history stays.
        if (person) {
          tx.set(c.employees.doc(person.employeeId), { lineFollowing: following }, { merge: true });
          indexStaffWrite(tx, c.employees.doc(person.employeeId), { lineFollowing: following });
        }
      });
    },
  };
}

/**
 * One turn's meeting with the adapters: each gets its own scratch (what its lookups read, for its
 * effects), lookups and preparing reads go through the transaction, effects through the transaction
 * or the batch, in the order the flow asked for them.
 */
function startTurn(
  features: TurnFeatureIndex,
  input: { userId: string; eventId: string; at: Date },
  person: PersonContext | undefined,
  c: TurnCollections,
  settings: TurnSettings,
  now: Timestamp,
) {
  const turn = { person };
  const scratches = new Map<string, unknown>();
  const io = <X extends object>(f: AnyTurnFeature, extra: X) => {
    if (!scratches.has(f.id)) scratches.set(f.id, f.scratch?.());
    return {
      userId: input.userId,
      eventId: input.eventId,
      at: input.at,
      now,
      c,
      settings,
      scratch: scratches.get(f.id),
      // one person for the whole turn: an effect that links the account sets it for the effects after it
      get person() {
        return turn.person;
      },
      set person(p: PersonContext | undefined) {
        turn.person = p;
      },
      ...extra,
    };
  };
  return {
    now,
    person: () => turn.person,
    reader(tx: Transaction) {
      const notifications: Notification[] = [];
      const notificationsSkipped: { employeeId: string; reason: string }[] = [];
      const extra = { tx, notifications, notificationsSkipped, conversation: {} };
      return {
        notifications,
        notificationsSkipped,
        lookup(l: Typed) {
          const { feature, run } = features.lookupOf(l.type);
          return run(l, io(feature, extra));
        },
        /** each adapter's preparing reads, given its own effects of this turn */
        async prepare(effects: readonly Typed[]) {
          const groups = new Map<AnyTurnFeature, Typed[]>();
          for (const e of effects) {
            const { feature } = features.effectOf(e.type);
            if (feature.prepare) groups.set(feature, [...(groups.get(feature) ?? []), e]);
          }
          for (const [feature, own] of groups) await feature.prepare?.(own, io(feature, extra));
        },
      };
    },
    write(effects: readonly Typed[], w: TurnWriter, conversation: Record<string, unknown>) {
      for (const e of effects) {
        const { feature, handler } = features.effectOf(e.type);
        handler.write(e, io(feature, { w, conversation }));
      }
    },
  };
}

/** What a turn needs from the person's conversation document. */
function readTurn(data: DocumentData | undefined) {
  return {
    recent: (data?.recentEventIds as string[] | undefined) ?? [],
    // whatever flow is stored, read back as the flows wrote it (the store never looks inside)
    state: data?.state as ConversationState<never> | undefined,
    stored: {
      person: data?.person as PersonContext | undefined,
      consent: data?.consent as ConsentRecord | undefined,
    },
  };
}

/** The conversation document's change for a turn; effects may add to it (consent, the linked person). */
function conversationUpdate(
  state: ConversationState<{ readonly flow: string }>,
  recent: readonly string[],
  input: { eventId: string; eventTimestamp: number },
  now: Timestamp,
): Record<string, unknown> {
  return {
    state: withoutUndefined(state),
    recentEventIds: [...recent.slice(-(REMEMBERED_EVENT_IDS - 1)), input.eventId],
    lastEventAt: Timestamp.fromMillis(input.eventTimestamp),
    updatedAt: now,
  };
}

/** The deployment-wide record that this event was processed, until LINE can no longer redeliver it. */
function processedEventRecord(
  input: { eventTimestamp: number },
  now: Timestamp,
  outbox: OutboxEntry | undefined,
): Record<string, unknown> {
  // no user id: only the outbox names the person, and only until it is delivered
  return {
    processedAt: now,
    [EXPIRE_AT]: Timestamp.fromDate(processedEventExpiry(input.eventTimestamp)),
    // what the turn must still send: the transactional outbox (bot/src/outbox/)
    ...(outbox ? { outbox: toStoredOutbox(outbox) } : {}),
  };
}

async function readConversation(ref: DocumentReference): Promise<KnownConversation | undefined> {
  const snap = await ref.get();
  return snap.exists && snap.updateTime
    ? { updateTime: snap.updateTime, data: snap.data() ?? {} }
    : undefined;
}

/** Another write reached the conversation document first (or created it): the turn must start over. */
function isWriteConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  // NOT_FOUND, ALREADY_EXISTS, FAILED_PRECONDITION, ABORTED
  return code === 5 || code === 6 || code === 9 || code === 10;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
