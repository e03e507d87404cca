import { randomBytes } from 'node:crypto';
import { createFirestoreTurnStore, municipalityCollections } from '@phattana/bot';
import { type ConversationState, consentRecord, type Effect } from '@phattana/shared';
import { FieldPath, FieldValue, Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { applyWrites, mergeWrites, updateArgs } from '../../bot/src/store/merge-writes';
import type { TurnPlan } from '../../bot/src/store/turn-store';
import { REPLAY_WINDOW_MS } from '../../bot/src/webhook/replay-window';
import { useTestFirestore } from '../support/firestore';

// The optimistic turn (read or remember the conversation, decide, commit a batch conditioned on the
// document being unchanged) must keep the transaction's guarantees: every turn lands once, in full.

const fs = useTestFirestore();
const db = fs.db;
const municipality = db.collection('municipalities').doc('m');
const c = {
  ...municipalityCollections(municipality),
  conversations: db.collection('conversations'),
  processedEvents: db.collection('processedEvents'),
  externalTrainings: db.collection('externalTrainings'),
};
const store = createFirestoreTurnStore(db, c, { birthDatePepper: 'test-pepper' });
const newUser = () => `U${randomBytes(16).toString('hex')}`;
let seq = 0;
const input = (userId: string, eventId = `ev-${++seq}-${randomBytes(4).toString('hex')}`) => ({
  userId,
  eventId,
  eventTimestamp: Date.now(),
  at: new Date(),
});

/** Counts turns in the state, logs a data request per turn (keyed by the event) and says what it saw. */
const logRequest: Effect = { type: 'dataRequestLogged', kind: 'access', dueBy: '2026-12-31' };
const logsRequest: TurnPlan<{ turnBefore: number; employeeId?: string }> = {
  lookups: () => [],
  decide: (state, stored) => ({
    state: { flow: null, turn: (state?.turn ?? 0) + 1 } satisfies ConversationState,
    effects: [logRequest],
    result: { turnBefore: state?.turn ?? 0, employeeId: stored.person?.employeeId },
  }),
};
const stored = async (userId: string) => (await c.conversations.doc(userId).get()).data();

describe('Firestore turn store: optimistic turns', () => {
  it('lands a person’s turns in order, each with its event id and effect', async () => {
    const user = newUser();
    const events = [input(user), input(user), input(user)];
    const seen: number[] = [];
    for (const e of events) {
      const r = await store.runTurn(e, logsRequest);
      if (!r.duplicate) seen.push(r.result.turnBefore);
    }
    expect(seen).toEqual([0, 1, 2]);
    const doc = await stored(user);
    expect(doc?.state).toEqual({ flow: null, turn: 3 });
    expect(doc?.recentEventIds).toEqual(events.map((e) => e.eventId));
    for (const e of events) expect((await c.dataRequests.doc(e.eventId).get()).exists).toBe(true);
  });

  it('loses nothing when two turns of one person race, whether the document exists or not', async () => {
    for (const existing of [false, true]) {
      const user = newUser();
      if (existing) await store.runTurn(input(user), logsRequest);
      const a = input(user);
      const b = input(user);
      const results = await Promise.all([store.runTurn(a, logsRequest), store.runTurn(b, logsRequest)]);
      const before = results.map((r) => (r.duplicate ? -1 : r.result.turnBefore)).sort();
      const base = existing ? 1 : 0;
      expect(before).toEqual([base, base + 1]); // one saw the other's state: neither overwrote the other
      const doc = await stored(user);
      expect(doc?.state.turn).toBe(base + 2);
      expect(doc?.recentEventIds).toEqual(expect.arrayContaining([a.eventId, b.eventId]));
      expect((await c.dataRequests.doc(a.eventId).get()).exists).toBe(true);
      expect((await c.dataRequests.doc(b.eventId).get()).exists).toBe(true);
    }
  });

  it('refuses an event it has already processed, also when the redelivery races the first delivery', async () => {
    const user = newUser();
    const e = input(user);
    expect((await store.runTurn(e, logsRequest)).duplicate).toBe(false);
    expect((await store.runTurn(e, logsRequest)).duplicate).toBe(true);
    const twin = input(user);
    const both = await Promise.all([store.runTurn(twin, logsRequest), store.runTurn(twin, logsRequest)]);
    expect(both.filter((r) => !r.duplicate)).toHaveLength(1);
    const doc = await stored(user);
    expect(doc?.state.turn).toBe(2);
    expect(doc?.recentEventIds).toEqual([e.eventId, twin.eventId]);
  });

  it('remembers processed events deployment-wide, beyond a person’s latest ids, until LINE stops redelivering', async () => {
    const user = newUser();
    const e = input(user);
    expect((await store.runTurn(e, logsRequest)).duplicate).toBe(false);
    // the person's own recent ids forget it (another instance, or 100 events later) …
    await c.conversations.doc(user).update({ recentEventIds: [] });
    const fresh = createFirestoreTurnStore(db, c, { birthDatePepper: 'test-pepper' });
    expect((await fresh.runTurn(e, logsRequest)).duplicate).toBe(true);
    // … and the same id arriving for someone else (a forged or replayed body) is refused too
    expect((await fresh.runTurn({ ...e, userId: newUser() }, logsRequest)).duplicate).toBe(true);
    // through the transactional path as well (a turn that reads facts)
    const withLookup = { ...logsRequest, lookups: () => [{ type: 'myOpenReports' as const }] };
    expect((await fresh.runTurn({ ...e, userId: newUser() }, withLookup)).duplicate).toBe(true);
    const record = await c.processedEvents.doc(e.eventId).get();
    expect(record.get('processedAt')).toBeInstanceOf(Timestamp);
    const expires = (record.get('expireAt') as Timestamp).toMillis();
    expect(expires - e.eventTimestamp).toBeGreaterThanOrEqual(REPLAY_WINDOW_MS);
    expect((await stored(user))?.state.turn).toBe(1);
  });

  it('sees changes made elsewhere between turns (remembered documents are only a hint)', async () => {
    const user = newUser();
    await store.runTurn(input(user), logsRequest);
    // e.g. HR links or unlinks the person, or a PDPA deletion removes the conversation
    await c.conversations.doc(user).update({ person: { employeeId: 'E9', name: 'x', roles: ['staff'] } });
    const linked = await store.runTurn(input(user), logsRequest);
    expect(!linked.duplicate && linked.result).toEqual({ turnBefore: 1, employeeId: 'E9' });
    await c.conversations.doc(user).delete();
    const fresh = input(user);
    const restarted = await store.runTurn(fresh, logsRequest);
    expect(!restarted.duplicate && restarted.result).toEqual({ turnBefore: 0, employeeId: undefined });
    expect((await stored(user))?.recentEventIds).toEqual([fresh.eventId]);
  });

  it('keeps consent recorded in a turn, and the next turn starts from it', async () => {
    const user = newUser();
    const consent = consentRecord('granted', new Date('2026-11-20T03:00:00Z'));
    const plan: TurnPlan<string | undefined> = {
      lookups: () => [],
      decide: (state, s) => ({
        state: { flow: null, turn: (state?.turn ?? 0) + 1 },
        effects: s.consent ? [] : [{ type: 'consentRecorded', consent }],
        result: s.consent?.decision,
      }),
    };
    const first = await store.runTurn(input(user), plan);
    const second = await store.runTurn(input(user), plan);
    expect(!first.duplicate && first.result).toBeUndefined();
    expect(!second.duplicate && second.result).toBe('granted');
    expect((await stored(user))?.consent).toEqual(consent);
  });
});

describe('the stored conversation state is the one the turn decided', () => {
  type Draft = { readonly flow: 'draft'; readonly at: string; readonly draft: Record<string, string> };
  // the first turn answers both dates; the second changes the start date, which voids the end date
  const drafts: Draft[] = [
    { flow: 'draft', at: 'confirm', draft: { startDate: '2026-12-01', endDate: '2026-12-03' } },
    { flow: 'draft', at: 'endDate', draft: { startDate: '2026-12-05' } },
  ];
  const plan = (withLookup: boolean): TurnPlan<Draft | null | undefined, Draft> => ({
    lookups: () => (withLookup ? [{ type: 'myOpenReports' as const }] : []),
    decide: (state) => {
      const turn = state?.turn ?? 0;
      return {
        state: { flow: drafts[Math.min(turn, 1)] as Draft, turn: turn + 1 },
        effects: [],
        result: state?.flow,
      };
    },
  });
  for (const [path, withLookup] of [
    ['batch', false],
    ['transaction', true],
  ] as const)
    it(`keeps no field the flow dropped (${path})`, async () => {
      const user = newUser();
      await store.runTurn(input(user), plan(withLookup));
      await store.runTurn(input(user), plan(withLookup));
      expect((await stored(user))?.state).toEqual({ flow: drafts[1], turn: 2 });
      // the next turn starts from it, remembered or read
      const third = await store.runTurn(input(user), plan(withLookup));
      expect(!third.duplicate && third.result).toEqual(drafts[1]);
      const fresh = createFirestoreTurnStore(db, c, { birthDatePepper: 'test-pepper' });
      const fourth = await fresh.runTurn(input(user), plan(withLookup));
      expect(!fourth.duplicate && fourth.result).toEqual(drafts[1]);
    });
});

describe('merge writes as field paths', () => {
  it('change a document exactly as set(…, { merge: true }) does, and predict the result', async () => {
    const before = {
      state: { flow: { flow: 'x', title: 'เดิม', org: 'เก่า', nested: { keep: 1, drop: 2 } }, turn: 1 },
      person: { employeeId: 'E1', roles: ['staff', 'hr'] },
      other: 'kept',
    };
    const change = {
      state: { flow: { flow: 'x', title: 'ใหม่', nested: { drop: 3 }, empty: {} }, turn: 2, guard: null },
      person: { roles: ['staff'] },
      recentEventIds: ['a', 'b'],
      at: Timestamp.fromMillis(1_790_000_000_000),
      when: new Date('2026-11-20T03:00:00Z'),
    };
    const viaSet = c.conversations.doc(`merge-set-${randomBytes(4).toString('hex')}`);
    const viaUpdate = c.conversations.doc(`merge-update-${randomBytes(4).toString('hex')}`);
    await viaSet.set(before);
    await viaUpdate.set(before);
    await viaSet.set(change, { merge: true });
    const writes = mergeWrites(change);
    await viaUpdate.update(...updateArgs(writes));
    const a = (await viaSet.get()).data();
    const b = (await viaUpdate.get()).data();
    expect(b).toEqual(a);
    expect(applyWrites(before, writes)).toEqual(a);
    expect(before.state.flow.org).toBe('เก่า'); // the prediction copies, never changes its input
  });

  it('cannot predict server-side transforms, so such a turn is not remembered', () => {
    expect(applyWrites({}, mergeWrites({ n: FieldValue.increment(1) }))).toBeUndefined();
    expect(updateArgs(mergeWrites({ 'a.b': 1 }))[0]).toEqual(new FieldPath('a.b'));
  });
});
