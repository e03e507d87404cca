import { type RegionKpis, regionKpisFrom, regionRowFrom } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { municipalityCollections } from '../municipality-collections';
import { readDashboard } from '../stats/dashboard-data';
import { platformCollections } from './platform-collections';

/**
 * Each member municipality's dashboard from its maintained stats (the same O(1) reads as HR's view, so
 * the region's view costs the number of members, not of staff), reduced to its headline figures.
 */
export async function readRegionKpis(
  db: Firestore,
  municipalityIds: readonly string[],
  fiscalYear: number,
  now: Date,
): Promise<RegionKpis> {
  const p = platformCollections(db);
  const rows = await Promise.all(
    municipalityIds.map(async (id) => {
      const c = municipalityCollections(p.municipalities.doc(id));
      const [data, record] = await Promise.all([readDashboard(db, c, fiscalYear, now), c.municipality.get()]);
      return regionRowFrom(id, String(record.get('name') ?? id), data);
    }),
  );
  return regionKpisFrom(fiscalYear, rows);
}
