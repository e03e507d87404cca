import type { Firestore } from 'firebase-admin/firestore';
import { demoHolidays } from './demo-holidays';
import { demoEmployees, demoMunicipality, demoTrainings } from './demo-municipality';

/** Writes the demo municipality. Fixed document ids make it safe to run on every start. */
export async function seedDemo(
  db: Firestore,
): Promise<{ employees: number; trainings: number; holidays: number }> {
  const batch = db.batch();
  const m = db.collection('municipalities').doc(demoMunicipality.id);
  batch.set(m, demoMunicipality);
  for (const e of demoEmployees) batch.set(m.collection('employees').doc(e.id), e);
  for (const t of demoTrainings) batch.set(m.collection('trainings').doc(t.id), t);
  for (const h of demoHolidays) batch.set(m.collection('holidays').doc(h.date), h);
  await batch.commit();
  return { employees: demoEmployees.length, trainings: demoTrainings.length, holidays: demoHolidays.length };
}
