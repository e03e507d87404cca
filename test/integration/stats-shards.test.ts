import { type HoursEntry, hoursEntry, normaliseStats } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { creditHours } from '../../bot/src/reports/credit-hours';
import { COUNTER_SHARDS } from '../../bot/src/stats/counter-shards';
import { readCreditPrior } from '../../bot/src/stats/credit-prior';
import { rebuildStats } from '../../bot/src/stats/rebuild-stats';
import { readStoredStats } from '../../bot/src/stats/stored-stats';
import { useTestFirestore } from '../support/firestore';

// No hot stats document, on the real emulator: credits increment random shards of `stats/fy<year>`
// (never the document itself), the view adds at most SHARDS + 1 documents, and a rebuild read in pages
// while credits keep committing leaves the maintained numbers equal to the records.

const fs = useTestFirestore();
const m = () => fs.db.collection('municipalities').doc('shards');
const c = () => municipalityCollections(m());
const NOW = new Date('2026-12-04T02:00:00Z');

beforeEach(async () => {
  await fs.reset();
  await m().set({
    name: 'เทศบาลทดสอบ',
    yearlyHoursTarget: 20,
    divisions: [{ id: 'finance', name: 'กองคลัง' }],
  });
});

async function seedStaff(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `S${String(i).padStart(4, '0')}`);
  const batch = fs.db.batch();
  for (const id of ids)
    batch.set(c().employees.doc(id), {
      id,
      name: `บุคลากร ${id}`,
      divisionId: 'finance',
      active: true,
      roles: ['staff'],
    });
  await batch.commit();
  return ids;
}

const entry = (employeeId: string, i: number): HoursEntry =>
  hoursEntry(
    employeeId,
    {
      trainingId: `T${i}`,
      title: `หลักสูตร ${i}`,
      method: i % 2 ? 'eLearning' : 'training',
      hours: 7.5,
      endDate: '2026-11-20',
    },
    'attendance',
    new Date(NOW.getTime() + i),
  );

const credit = (e: HoursEntry) =>
  fs.db.runTransaction(async (tx) => {
    const prior = await readCreditPrior(tx, c(), e.employeeId, e.fiscalYear);
    creditHours(tx, c(), e, Timestamp.fromDate(NOW), prior);
  });

describe('sharded stats counters', () => {
  it('spreads the increments over the shards and never writes the year document itself', async () => {
    const staff = await seedStaff(40);
    await Promise.all(staff.map((id, i) => credit(entry(id, i))));
    const year = c().stats.doc('fy2570');
    expect((await year.get()).exists).toBe(false);
    const shards = await year.collection('shards').get();
    // 40 credits over 16 shards: several shards, none beyond the fixed number
    expect(shards.size).toBeGreaterThan(4);
    expect(shards.size).toBeLessThanOrEqual(COUNTER_SHARDS);
    const stored = await readStoredStats(c().stats, 2570);
    expect(stored.stats).toMatchObject({ entries: 40, developed: 40, hours: 300, eLearning: 20 });
    expect(stored.stats.byDivision.finance).toMatchObject({ entries: 40, developed: 40 });
    expect(stored.updatedAt).toBe(NOW.toISOString());
  });

  it('rebuilds in pages while credits commit, and the document plus its shards equal the records', async () => {
    const staff = await seedStaff(520); // more than one page of staff
    // half the credits before, half during the rebuild; some people cross the 20 h target meanwhile
    const before = staff.slice(0, 40).map((id, i) => entry(id, i));
    await Promise.all(before.map(credit));
    const during = staff.slice(0, 20).flatMap((id, i) => [entry(id, 10_000 + i), entry(id, 20_000 + i)]);
    const [first] = await Promise.all([rebuildStats(fs.db, c(), 2570, NOW), ...during.map(credit)]);
    expect(first.drifted).toBe(false);
    expect(first.stats.entries).toBeGreaterThanOrEqual(40);

    const maintained = (await readStoredStats(c().stats, 2570)).stats;
    const truth = await rebuildStats(fs.db, c(), 2570, NOW);
    expect(truth.stats).toMatchObject({ entries: 80, developed: 40, reachedTarget: 20 });
    expect(normaliseStats(maintained)).toEqual(normaliseStats(truth.stats));
    expect(truth.drifted).toBe(false);
    expect(truth.staff.active).toBe(520);
    // and after the rebuild's write the sum is still the records
    expect(normaliseStats((await readStoredStats(c().stats, 2570)).stats)).toEqual(
      normaliseStats(truth.stats),
    );
  });
});
