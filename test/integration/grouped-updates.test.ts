import type { Firestore } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { createGroupedUpdates } from '../../bot/src/outbox/grouped-updates';
import { useTestFirestore } from '../support/firestore';

// The outbox's delivered marks go to Firestore grouped (bot/src/outbox/grouped-updates.ts): against the
// emulator, every caller's update is committed when its promise resolves, many share one round trip,
// and one update that Firestore refuses fails alone.

const fs = useTestFirestore();

/** The client, counting the batches it is asked for. */
function counting(db: Firestore) {
  const counter = { batches: 0 };
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'batch')
        return () => {
          counter.batches++;
          return target.batch();
        };
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: wrapped, counter };
}

describe('grouped updates', () => {
  it('commits every update before its promise resolves, many in one batch', async () => {
    const col = fs.db.collection('grouped');
    const refs = Array.from({ length: 40 }, (_, i) => col.doc(`d${i}`));
    const seed = fs.db.batch();
    for (const r of refs) seed.set(r, { outbox: { delivered: false } });
    await seed.commit();
    const { db, counter } = counting(fs.db);
    const grouped = createGroupedUpdates(db);
    await Promise.all(
      refs.map(async (r, i) => {
        await grouped.update(r, { outbox: { delivered: true, n: i } });
        // resolved: this very update is already in Firestore
        expect((await r.get()).get('outbox')).toEqual({ delivered: true, n: i });
      }),
    );
    expect(counter.batches).toBeGreaterThanOrEqual(2); // the first goes alone, at once
    expect(counter.batches).toBeLessThan(refs.length);
  });

  it('a refused update (its document gone) fails alone; the others are committed', async () => {
    const col = fs.db.collection('grouped-refused');
    const kept = [col.doc('a'), col.doc('b'), col.doc('c')];
    for (const r of kept) await r.set({ outbox: { delivered: false } });
    const grouped = createGroupedUpdates(fs.db);
    const first = grouped.update(kept[0] as (typeof kept)[0], { outbox: { delivered: true } });
    // these wait for the first commit and go together, the missing one among them
    const results = await Promise.allSettled([
      grouped.update(kept[1] as (typeof kept)[0], { outbox: { delivered: true } }),
      grouped.update(col.doc('missing'), { outbox: { delivered: true } }),
      grouped.update(kept[2] as (typeof kept)[0], { outbox: { delivered: true } }),
    ]);
    await first;
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const r of kept) expect((await r.get()).get('outbox')).toEqual({ delivered: true });
    expect((await col.doc('missing').get()).exists).toBe(false);
  });
});
