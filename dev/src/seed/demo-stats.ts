import { municipalityCollections, rebuildStats } from '@phattana/bot';
import { fiscalYearOfInstant } from '@phattana/shared';
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

/**
 * The dashboard's stats for the demo, built the way a migration builds them: recomputed from whatever
 * the other seeders wrote (staff, ledger entries, reports), for this fiscal year and the last. Runs
 * after every other seeder.
 */
export async function seedDemoStats(db: Firestore, m: DocumentReference, now: Date): Promise<number[]> {
  const c = municipalityCollections(m);
  const current = fiscalYearOfInstant(now);
  const years = [current - 1, current];
  for (const fy of years) await rebuildStats(db, c, fy, now);
  return years;
}
