import { beforeEach, describe, expect, it } from 'vitest';
import { createFirestoreBudgetLedger } from '../../bot/src/budget/budget-ledger';
import { createCoalescedIncrements } from '../../bot/src/stats/coalesced-increments';
import { readCounterShards, sumCounters } from '../../bot/src/stats/counter-shards';
import { useTestFirestore } from '../support/firestore';

// What keeps the morning job off hot documents, on the real emulator: counts that come faster than a
// document takes them are added up and written once a gap (each caller still waits for its own count
// to be written).

const fs = useTestFirestore();

beforeEach(async () => {
  await fs.reset();
});

const shardsOf = async (path: string) => (await fs.db.doc(path).collection('shards').get()).docs;

describe('coalesced increments', () => {
  it('adds up increments that arrive together into one shard write; a later one waits for the gap', async () => {
    const counts = createCoalescedIncrements({ gapMs: 1500 });
    const month = fs.db.collection('messageBudget').doc('2026-12');
    // forty pushes counted at the same moment, two municipalities
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => counts.add(month, { sent: { [i % 2 ? 'm-a' : 'm-b']: 1 } })),
    );
    // right after a write, the next ones are held for the gap (from the first write's start) and go
    // together in a second write
    const later = Promise.all([counts.add(month, { sent: { 'm-a': 3 } }), counts.add(month, { total: 2 })]);
    const first = await shardsOf(month.path);
    await later;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1450);
    expect(first).toHaveLength(1);
    expect(first[0]?.data()).toEqual({ sent: { 'm-a': 20, 'm-b': 20 } });
    const all = sumCounters([...(await readCounterShards(month))]);
    expect(all).toEqual({ sent: { 'm-a': 23, 'm-b': 20 }, total: 2 });
  });

  it('a lone increment is written at once', async () => {
    const counts = createCoalescedIncrements({ gapMs: 5000 });
    const t0 = Date.now();
    await counts.add(fs.db.collection('counted').doc('x'), { n: 1 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(sumCounters(await readCounterShards(fs.db.collection('counted').doc('x')))).toEqual({ n: 1 });
  });

  it('one caller at a time is never held for the gap (its pace is its own round trips)', async () => {
    const counts = createCoalescedIncrements({ gapMs: 5000 });
    const counted = fs.db.collection('counted').doc('one-by-one');
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await counts.add(counted, { n: 1 });
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(sumCounters(await readCounterShards(counted))).toEqual({ n: 3 });
  });

  it('tells every waiting caller when the write that carried its count failed', async () => {
    const counts = createCoalescedIncrements({ gapMs: 10 });
    // a document id Firestore refuses: the shard lives under it, so the write fails
    const bad = fs.db.collection('counted').doc('__bad__');
    const results = await Promise.allSettled([counts.add(bad, { n: 1 }), counts.add(bad, { n: 2 })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('the budget ledger counts every municipality’s sends exactly, in fewer writes than sends', async () => {
    const months = fs.db.collection('budget').doc('oa-1').collection('months');
    const ledger = createFirestoreBudgetLedger(fs.db, months);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        ledger.recordSent('2026-12', i % 3 ? 'm-a' : 'm-b', i % 5 ? 1 : 500),
      ),
    );
    const shards = await readCounterShards(months.doc('2026-12'));
    expect(sumCounters(shards).sent).toEqual({ 'm-a': 1 * 16 + 500 * 4, 'm-b': 1 * 8 + 500 * 2 });
    expect(shards.length).toBeLessThan(30);
  });
});
