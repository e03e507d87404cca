import { FieldValue } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { useTestFirestore } from '../../test/support/firestore';

const fs = useTestFirestore();

describe('real Firestore emulator', () => {
  it('serialises contended transactions without losing updates', async () => {
    const ref = fs.db.collection('counters').doc('c');
    await ref.set({ n: 0 });
    await Promise.all(
      Array.from({ length: 10 }, () =>
        fs.db.runTransaction(async (tx) => {
          const snap = await tx.get(ref);
          tx.update(ref, { n: (snap.get('n') as number) + 1 });
        }),
      ),
    );
    expect((await ref.get()).get('n')).toBe(10);
  });

  it('create() refuses an existing document (used for webhook de-duplication)', async () => {
    const ref = fs.db.collection('once').doc('x');
    await ref.create({ at: FieldValue.serverTimestamp() });
    await expect(ref.create({})).rejects.toMatchObject({ code: 6 });
  });

  it('reset clears only this project', async () => {
    await fs.db.collection('r').doc('a').set({ v: 1 });
    await fs.reset();
    expect((await fs.db.collection('r').doc('a').get()).exists).toBe(false);
  });
});
