import { type HoursEntry, hoursEntry, totalsFromEntries } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { creditHours } from '../../bot/src/reports/credit-hours';
import { useTestFirestore } from '../support/firestore';

// The hours ledger on the real emulator: totals are derived from the entries and written with them, so
// however many credits for one person land at once, the totals equal what the entries add up to.

const fs = useTestFirestore();
const m = fs.db.collection('municipalities').doc('m');
const c = { hoursLedger: m.collection('hoursLedger'), hoursTotals: m.collection('hoursTotals') };
const METHODS = ['training', 'eLearning', 'seminar', 'coaching'] as const;

describe('hours ledger', () => {
  it('keeps the totals equal to the entries under concurrent credits, and refuses a second credit', async () => {
    const entries: HoursEntry[] = Array.from({ length: 24 }, (_, i) =>
      hoursEntry(
        'E010',
        {
          trainingId: `T${i}`,
          title: `หลักสูตร ${i}`,
          method: METHODS[i % METHODS.length] as (typeof METHODS)[number],
          ...(i % 3 === 0 ? { curriculum: 'duties' } : {}),
          hours: 1.5 + (i % 4),
          endDate: i % 5 === 0 ? '2026-09-30' : `2026-11-0${1 + (i % 9)}`, // two fiscal years
        },
        'approvedReport',
        new Date('2026-12-01T03:00:00Z'),
      ),
    );
    // each credit in its own transaction, all at once, as approvals landing together would
    await Promise.all(
      entries.map((e) => fs.db.runTransaction(async (tx) => creditHours(tx, c, e, Timestamp.now()))),
    );
    for (const fy of [2569, 2570]) {
      const stored = (await c.hoursTotals.doc(`E010__${fy}`).get()).data();
      const expected = totalsFromEntries('E010', fy, entries);
      expect(expected.trainings).toBeGreaterThan(0);
      expect(stored).toMatchObject({
        hours: expected.hours,
        trainings: expected.trainings,
        eLearningCourses: expected.eLearningCourses,
        byMethod: expected.byMethod,
        byCurriculum: expected.byCurriculum,
      });
    }
    // crediting the same source again fails as a whole: neither the entry nor the totals change
    const again = entries[1] as HoursEntry;
    await expect(
      fs.db.runTransaction(async (tx) => creditHours(tx, c, again, Timestamp.now())),
    ).rejects.toThrow();
    expect((await c.hoursTotals.doc('E010__2570').get()).get('trainings')).toBe(
      totalsFromEntries('E010', 2570, entries).trainings,
    );
  });
});
