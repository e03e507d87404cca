import type { Firestore } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { createGroupedReads } from '../../bot/src/store/grouped-reads';
import { useTestFirestore } from '../support/firestore';

// The webhook's routing reads go to Firestore grouped (bot/src/store/grouped-reads.ts): against the
// emulator, every caller gets its own document as it is when asked for, many share one getAll, and
// nothing is remembered between groups.

const fs = useTestFirestore();

/** The client, counting the getAll round trips it is asked for. */
function counting(db: Firestore) {
  const counter = { getAlls: 0 };
  const wrapped = new Proxy(db, {
    get(target, key, receiver) {
      if (key === 'getAll')
        return (...args: Parameters<Firestore['getAll']>) => {
          counter.getAlls++;
          return target.getAll(...args);
        };
      return Reflect.get(target, key, receiver);
    },
  });
  return { db: wrapped, counter };
}

describe('grouped reads', () => {
  it('gives each caller its own document, many in one getAll', async () => {
    const col = fs.db.collection('grouped-reads');
    const refs = Array.from({ length: 40 }, (_, i) => col.doc(`u${i}`));
    const seed = fs.db.batch();
    // every third one missing: a person never linked
    refs.forEach((r, i) => {
      if (i % 3 !== 0) seed.set(r, { municipalityId: `m${i}` });
    });
    await seed.commit();
    const { db, counter } = counting(fs.db);
    const reads = createGroupedReads(db);
    // the same person twice in one group (two events of one delivery) reads the same
    const asked = [...refs, refs[5] as (typeof refs)[0]];
    const snaps = await Promise.all(asked.map((r) => reads.get(r)));
    snaps.forEach((s, i) => {
      const n = i === refs.length ? 5 : i;
      expect(s.id).toBe(`u${n}`);
      expect(s.exists).toBe(n % 3 !== 0);
      if (n % 3 !== 0) expect(s.get('municipalityId')).toBe(`m${n}`);
    });
    expect(counter.getAlls).toBeGreaterThanOrEqual(2); // the first goes alone, at once
    expect(counter.getAlls).toBeLessThan(asked.length);
  });

  it('reads again after a change: no snapshot older than the request', async () => {
    const ref = fs.db.collection('grouped-reads-fresh').doc('u1');
    await ref.set({ municipalityId: 'a' });
    const reads = createGroupedReads(fs.db);
    expect((await reads.get(ref)).get('municipalityId')).toBe('a');
    await ref.set({ municipalityId: 'b' });
    expect((await reads.get(ref)).get('municipalityId')).toBe('b');
    await ref.delete();
    expect((await reads.get(ref)).exists).toBe(false);
  });

  it('a failed round trip fails its group; the next group reads normally', async () => {
    const col = fs.db.collection('grouped-reads-fail');
    await col.doc('ok').set({ municipalityId: 'm' });
    let fail = true;
    const flaky = new Proxy(fs.db, {
      get(target, key, receiver) {
        if (key === 'getAll')
          return (...args: Parameters<Firestore['getAll']>) => {
            if (fail) {
              fail = false;
              return Promise.reject(new Error('UNAVAILABLE'));
            }
            return target.getAll(...args);
          };
        return Reflect.get(target, key, receiver);
      },
    });
    const reads = createGroupedReads(flaky);
    await expect(reads.get(col.doc('ok'))).rejects.toThrow('UNAVAILABLE');
    expect((await reads.get(col.doc('ok'))).get('municipalityId')).toBe('m');
  });
});
