import { randomBytes } from 'node:crypto';
import {
  createFirestoreTurnStore,
  createMemoryTurnStore,
  indexTurnFeatures,
  municipalityCollections,
  TURN_FEATURES,
  type TurnFeature,
  type TurnPlan,
  type TurnStore,
} from '@phattana/bot';
import {
  type ChatFeature,
  type ConversationState,
  createConversation,
  type Effect,
  type Facts,
  FEATURES,
  type FlowState,
  type InboundEvent,
  type Lookup,
  normaliseDigits,
  type Reply,
  text,
} from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { useTestFirestore } from '../support/firestore';

// A new chat feature needs its own folder on each side and one line in each registry, nothing else.
// This file is that feature, a toy: "นับแกะ" asks how many sheep, keeps a running total read in the
// turn's transaction, notes each count with a blind (batchable) write and queues a task for the total.
// Below, the two "registry lines" are the `[...FEATURES, toyFeature]` and `[...TURN_FEATURES, toyTurn]`.

// ── shared/src/features/sheep/ (the flow, its edge types, start words, menu line) ──────────────────

interface SheepState {
  readonly flow: 'sheep';
  readonly at: 'count';
}
type SheepEffect =
  | { readonly type: 'sheepNoted'; readonly count: number }
  | { readonly type: 'sheepTotalled'; readonly total: number };
type SheepLookup = { readonly type: 'sheepSoFar' };
interface SheepFacts {
  readonly sheepSoFar?: number;
}

const sheepFeature: ChatFeature<SheepState, SheepEffect, SheepLookup, SheepFacts> = {
  flow: {
    id: 'sheep',
    title: 'นับแกะ',
    start: () => ({ state: { flow: 'sheep', at: 'count' }, replies: [text('กี่ตัวคะ')] }),
    prompt: () => [text('กี่ตัวคะ')],
    // the running total is read with the answer, in the same transaction as its write
    lookups: (state, event) => (state && event.kind === 'text' ? [{ type: 'sheepSoFar' }] : []),
    step(state, event, _now, ctx) {
      const n = event.kind === 'text' ? Number(normaliseDigits(event.text).trim()) : Number.NaN;
      if (!Number.isInteger(n) || n < 1) return { state, replies: [text('กรุณาพิมพ์จำนวนเป็นตัวเลข เช่น 3')] };
      const total = (ctx.facts?.sheepSoFar ?? 0) + n;
      return {
        state: null,
        replies: [text(`รวม ${total} ตัว`)],
        effects: [
          { type: 'sheepNoted', count: n },
          { type: 'sheepTotalled', total },
        ],
      };
    },
  },
  startWords: ['นับแกะ'],
  menuLine: 'นับแกะ: ทดลองนับ',
};

// ── bot/src/features/sheep-turn.ts (its lookups, effect writes and whether they batch, its tasks) ──

type SheepTask = { readonly type: 'sheepAnnounce'; readonly total: number };
const announced: number[] = [];

const sheepTurn: TurnFeature<SheepEffect, SheepLookup, SheepFacts, SheepTask, { read?: boolean }> = {
  id: 'sheep',
  scratch: () => ({}),
  lookups: {
    async sheepSoFar(_l, io) {
      io.scratch.read = true;
      const snap = await io.tx.get(io.c.municipality.collection('sheep').doc(io.userId));
      return (snap.get('total') as number | undefined) ?? 0;
    },
  },
  effects: {
    sheepNoted: {
      batchable: true,
      write: (e, io) =>
        io.w.create(io.c.municipality.collection('sheepNotes').doc(io.eventId), { count: e.count }),
    },
    sheepTotalled: {
      write(e, io) {
        if (!io.scratch.read) throw new Error('sheepTotalled without reading the total in this turn');
        io.w.set(io.c.municipality.collection('sheep').doc(io.userId), { total: e.total });
      },
    },
  },
  tasksFor: (e) => (e.type === 'sheepTotalled' ? [{ type: 'sheepAnnounce', total: e.total }] : []),
  tasks: {
    async sheepAnnounce(task) {
      announced.push(task.total);
    },
  },
};

// ── the two registry lines ─────────────────────────────────────────────────────────────────────────

type ToyChat = [FlowState | SheepState, Effect | SheepEffect, Lookup | SheepLookup, Facts & SheepFacts];
const build = (features: readonly ChatFeature<ToyChat[0], ToyChat[1], ToyChat[2], ToyChat[3]>[]) =>
  createConversation<ToyChat[0], ToyChat[1], ToyChat[2], ToyChat[3]>(features);
const conversation = build([...FEATURES, sheepFeature]);
const adapters = indexTurnFeatures([...TURN_FEATURES, sheepTurn]);

// ── driving it ────────────────────────────────────────────────────────────────────────────────────

const fs = useTestFirestore();
const privacy = { municipalityName: 'เทศบาลทดสอบ', retentionYears: 5, contact: 'hr@example.org' };
let seq = 0;

/** One turn of the toy through a turn store, the way handle-event drives the real chat. */
async function say(store: TurnStore, userId: string, words: string) {
  const event: InboundEvent = { kind: 'text', text: words };
  const now = new Date('2026-12-07T03:00:00Z');
  const plan: TurnPlan<
    { replies: readonly Reply[]; effects: readonly (Effect | SheepEffect)[] },
    FlowState | SheepState,
    Effect | SheepEffect,
    Lookup | SheepLookup,
    Facts & SheepFacts
  > = {
    lookups: (state) => conversation.lookupsFor(state, event),
    decide: (state, stored, facts) => {
      const r = conversation.step(state, event, now, { ...stored, facts, privacy });
      return { state: r.state, effects: r.effects, result: { replies: r.replies, effects: r.effects } };
    },
  };
  const turn = await store.runTurn(
    {
      userId,
      eventId: `toy-${++seq}-${randomBytes(4).toString('hex')}`,
      eventTimestamp: now.getTime(),
      at: now,
    },
    plan,
  );
  if (turn.duplicate) throw new Error('unexpected duplicate');
  return turn.result;
}
const replyText = (r: { replies: readonly Reply[] }) =>
  r.replies.map((x) => (x.kind === 'text' ? x.text : '')).join('\n');

describe('a toy feature added in its own folders plus one registry line each side', () => {
  it('starts by its word, is listed in the menu and runs through step with the in-memory store', async () => {
    const { store, states, effects } = createMemoryTurnStore();
    expect(replyText(await say(store, 'U-mem', 'นับแกะ'))).toBe('กี่ตัวคะ');
    expect(states.get('U-mem')?.flow).toEqual({ flow: 'sheep', at: 'count' });
    expect(replyText(await say(store, 'U-mem', 'สาม'))).toContain('กรุณาพิมพ์จำนวนเป็นตัวเลข');
    // the memory store answers no lookups: the total starts from nothing
    expect(replyText(await say(store, 'U-mem', '๓'))).toBe('รวม 3 ตัว');
    expect(effects.map((e) => e.effect)).toEqual([
      { type: 'sheepNoted', count: 3 },
      { type: 'sheepTotalled', total: 3 },
    ]);
    expect(states.get('U-mem')?.flow).toBeNull();
    const menu = await say(store, 'U-mem', 'เมนู');
    // a registered person sees the feature's line; nobody is registered in this store
    expect(replyText(menu)).toContain('ลงทะเบียน');
    const registered = conversation.step(undefined, { kind: 'text', text: 'เมนู' }, new Date(), {
      privacy,
      person: { employeeId: 'E1', name: 'ทดสอบ', roles: ['staff'] },
    });
    expect(replyText(registered)).toContain('• นับแกะ: ทดลองนับ');
  });

  it('reads its lookup and writes its effects in the Firestore turn, and names its tasks', async () => {
    const municipality = fs.db.collection('municipalities').doc('toy');
    const store = createFirestoreTurnStore(
      fs.db,
      {
        ...municipalityCollections(municipality),
        conversations: fs.db.collection('conversations'),
        processedEvents: fs.db.collection('processedEvents'),
        externalTrainings: fs.db.collection('externalTrainings'),
      },
      { birthDatePepper: 'toy-pepper', features: adapters },
    );
    const user = `U${randomBytes(8).toString('hex')}`;
    await say(store, user, 'นับแกะ');
    const first = await say(store, user, '4');
    await say(store, user, 'นับแกะ');
    const second = await say(store, user, '5');
    expect(replyText(first)).toBe('รวม 4 ตัว');
    // the second count saw the first one's total, read in the turn's transaction
    expect(replyText(second)).toBe('รวม 9 ตัว');
    expect((await municipality.collection('sheep').doc(user).get()).data()).toEqual({ total: 9 });
    const notes = await municipality.collection('sheepNotes').get();
    expect(notes.docs.map((d) => d.get('count')).sort()).toEqual([4, 5]);
    const stored = (await fs.db.collection('conversations').doc(user).get()).data();
    expect(stored?.state).toMatchObject({ flow: null, turn: 4 });

    // its tasks are found by the same index that createBot's runTask uses
    const tasks = adapters.tasksFor(second.effects);
    expect(tasks).toEqual([{ type: 'sheepAnnounce', total: 9 }]);
    await adapters.taskOf('sheepAnnounce')?.(tasks[0]!, {} as never);
    expect(announced).toEqual([9]);
    // a blind note alone may go in the optimistic batch; the total may not
    expect(adapters.batchable({ type: 'sheepNoted' })).toBe(true);
    expect(adapters.batchable({ type: 'sheepTotalled' })).toBe(false);
  });

  it('refuses a second claim on a start word, an effect, a lookup or a task', () => {
    expect(() => build([...FEATURES, { ...sheepFeature, startWords: ['แบบสำรวจ'] }])).toThrow(
      /start word "แบบสำรวจ"/,
    );
    expect(() => build([...FEATURES, sheepFeature, sheepFeature])).toThrow(/two features/);
    expect(() => indexTurnFeatures([...TURN_FEATURES, sheepTurn, { ...sheepTurn, id: 'again' }])).toThrow(
      /claimed twice/,
    );
    const stored: ConversationState = { flow: null, turn: 0 };
    expect(conversation.lookupsFor(stored, { kind: 'text', text: 'นับแกะ' })).toEqual([]);
  });
});
