import { randomBytes } from 'node:crypto';
import { bangkokDate, createWorkingDayCalendar } from '@phattana/shared';
import { type DocumentReference, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { createFirestoreBroadcastStore } from '../../bot/src/broadcast/firestore-broadcasts';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { rebuildOwingIndex } from '../../bot/src/owing/owing-index-store';
import { countFirestoreOps } from './firestore-op-counter';

// Firestore reads to plan one HR reminder broadcast (every pending report's owner), measured the same
// way by bench/broadcast.ts and bench/scale.ts: the prepare step alone (what HR's tap costs in reads:
// the request, the who-owes-what index, the selection), counted at the Admin SDK.

/**
 * `n` linked, following staff written straight into `municipality`, each owing a report (every fifth
 * two), then the who-owes-what index rebuilt from them, as after deploying to a municipality with data.
 */
export async function seedOwingStaff(
  db: Firestore,
  municipality: DocumentReference,
  n: number,
): Promise<void> {
  let batch = db.batch();
  let writes = 0;
  for (let i = 0; i < n; i++) {
    const id = `P${String(i).padStart(6, '0')}`;
    batch.set(municipality.collection('employees').doc(id), {
      id,
      code: id,
      name: `พนักงานสาธิต ${i + 1}`,
      divisionId: 'palad',
      roles: ['staff'],
      active: true,
      lineUserId: `U${randomBytes(16).toString('hex')}`,
      lineFollowing: true,
    });
    for (let r = 0; r < (i % 5 === 0 ? 2 : 1); r++) {
      batch.set(municipality.collection('reports').doc(`PT${r}__${id}`), {
        id: `PT${r}__${id}`,
        trainingId: `PT${r}`,
        trainingTitle: `หลักสูตรสาธิต ${r + 1}`,
        employeeId: id,
        employeeName: `พนักงานสาธิต ${i + 1}`,
        dueDate: r === 0 ? '2026-01-10' : '2026-02-10',
        status: 'pending',
      });
      writes++;
    }
    if (++writes >= 400) {
      await batch.commit();
      batch = db.batch();
      writes = 0;
    }
  }
  await batch.commit();
  await rebuildOwingIndex(municipality);
}

/** Plans an "everyone who owes a report" reminder in `municipality` and counts the reads it took. */
export async function broadcastPlanReads(
  db: Firestore,
  municipality: DocumentReference,
  now: Date,
): Promise<{ reads: number; recipients: number; wallMs: number }> {
  const c = municipalityCollections(municipality);
  const store = createFirestoreBroadcastStore(db, c);
  const id = `bench-plan-${randomBytes(4).toString('hex')}`;
  await c.broadcasts.doc(id).set({
    id,
    status: 'preparing',
    source: 'liff',
    filter: { kind: 'allPending' },
    today: bangkokDate(now),
    requestedBy: { employeeId: 'HR-BENCH', name: 'bench', lineUserId: 'Ubench' },
    requestedAt: Timestamp.fromDate(now),
  });
  const ops = countFirestoreOps();
  const t0 = performance.now();
  const prepared = await store.prepare(id, now, async () => createWorkingDayCalendar([]));
  const wallMs = performance.now() - t0;
  const reads = ops.counts.reads;
  ops.restore();
  if (prepared.status === 'nothingToDo') throw new Error(`planning found nothing to do: ${prepared.reason}`);
  return { reads, recipients: prepared.preview.recipientCount, wallMs };
}
