import { fiscalYearOfInstant, type HoursEntry, totalsFromEntries } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { seedDemoDevelopment } from '../../dev/src/seed/demo-development';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { useTestFirestore } from '../support/firestore';

// The development data `npm start` seeds (hours, IDPs) is consistent with itself, and seeding twice
// changes nothing.

const fs = useTestFirestore();

describe('demo development seed', () => {
  it('writes hours whose totals equal their entries, and the demo IDPs, the same on every start', async () => {
    const now = new Date();
    const fy = fiscalYearOfInstant(now);
    const m = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await seedDemoDevelopment(m, now);
    await seedDemoDevelopment(m, now);
    const entries = (await m.collection('hoursLedger').get()).docs.map((d) => d.data() as HoursEntry);
    expect(entries.filter((e) => e.employeeId === 'E010' && e.fiscalYear === fy)).toHaveLength(2);
    for (const t of (await m.collection('hoursTotals').get()).docs) {
      const { employeeId, fiscalYear } = t.data();
      expect(t.data()).toMatchObject(totalsFromEntries(employeeId, fiscalYear, entries));
    }
    expect((await m.collection('hoursTotals').doc(`E010__${fy}`).get()).data()).toMatchObject({
      hours: 24,
      eLearningCourses: 1,
    });
    // every credited entry has its approved report
    for (const e of entries)
      expect((await m.collection('reports').doc(e.id).get()).get('status')).toBe('approved');
    const idp = async (id: string) => (await m.collection('idps').doc(`${id}__${fy}`).get()).data();
    expect(await idp('E010')).toMatchObject({ status: 'draft', version: 1 });
    expect(await idp('E011')).toMatchObject({ status: 'submitted', supervisorId: 'E009' });
    expect(await idp('E027')).toMatchObject({ status: 'agreed', agreedBy: 'E026' });
  });
});
