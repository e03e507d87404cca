import {
  backfillNameSortKeys,
  birthDateHash,
  createHolidayCalendarSource,
  municipalityCollections,
  openEndedTrainings,
  rebuildOwingIndex,
} from '@phattana/bot';
import { bangkokDate, nameSortKey } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { DEV_BIRTH_DATE_PEPPER } from '../dev-settings';
import { seedDemoDevelopment } from './demo-development';
import { seedDemoEthicsQuestions } from './demo-ethics-questions';
import { demoHolidays } from './demo-holidays';
import {
  demoBirthDate,
  demoEmployees,
  demoInviteCode,
  demoMunicipality,
  demoRecentTraining,
  demoTrainings,
  demoUpcomingTraining,
} from './demo-municipality';
import { seedDemoStats } from './demo-stats';
import { seedDemoSurveys } from './demo-surveys';
import { seedDemoTargets } from './demo-targets';
import { seedPlatform } from './seed-platform';

/** Writes the demo municipality. Fixed document ids make it safe to run on every start. */
export async function seedDemo(
  db: Firestore,
  now: Date = new Date(),
): Promise<{ employees: number; trainings: number; holidays: number }> {
  const batch = db.batch();
  const m = db.collection('municipalities').doc(demoMunicipality.id);
  batch.set(m, demoMunicipality);
  for (const e of demoEmployees) {
    const hash = birthDateHash(DEV_BIRTH_DATE_PEPPER, e.code, demoBirthDate(e.code));
    batch.set(m.collection('employees').doc(e.id), {
      ...e,
      nameSortKey: nameSortKey(e.name),
      birthDateHash: hash,
    });
    batch.set(m.collection('invites').doc(demoInviteCode(e.code)), {
      employeeId: e.id,
      expiresAt: '2099-12-31',
      usedBy: null,
      revoked: false,
      issuedBy: 'seed',
    });
  }
  const trainings = [
    ...demoTrainings,
    demoRecentTraining(bangkokDate(now)),
    demoUpcomingTraining(bangkokDate(now)),
  ];
  for (const t of trainings) batch.set(m.collection('trainings').doc(t.id), t);
  for (const h of demoHolidays) batch.set(m.collection('holidays').doc(h.date), h);
  await batch.commit();
  // the recent course's reports are open from the start (as the morning job would open them), so the
  // README's walk works on a holiday too: E010 can write the report from the menu before any ⏰
  const c = municipalityCollections(m);
  await openEndedTrainings(
    { db, c, calendar: await createHolidayCalendarSource(c.holidays).get(), now },
    bangkokDate(now),
  );
  await seedDemoSurveys(m, bangkokDate(now));
  await seedDemoDevelopment(m, now);
  await seedDemoTargets(m, now);
  await seedDemoEthicsQuestions(m, now);
  // last: the dashboard's stats are recomputed from what the seeders above wrote
  await seedDemoStats(db, m, now);
  // a second municipality, the national holiday list and the province office: tenancy in `npm start`
  await seedPlatform(db, now);
  // staff records a previous start wrote before the Thai sort key existed get it, as a deployment's would
  for (const ref of await db.collection('municipalities').listDocuments())
    await backfillNameSortKeys(ref.collection('employees'));
  // the seeders write records straight into Firestore: the who-owes-what index is built from them
  for (const municipality of (await db.collection('municipalities').get()).docs)
    await rebuildOwingIndex(municipality.ref);
  return { employees: demoEmployees.length, trainings: trainings.length, holidays: demoHolidays.length };
}
