import {
  bangkokDate,
  type FyStats,
  fiscalYearRange,
  fyStatsFromData,
  fyStatsId,
  type HoursEntry,
  normaliseStats,
  STAFF_STATS_ID,
  type StaffStats,
  type StatsPerson,
  staffStatsFrom,
  statsFromRecords,
  type TrainingReport,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';

// The truth check and migration for the maintained stats: recompute a fiscal year's document from the
// records (ledger entries, reports, staff) and write it whole.

export interface StatsCollections {
  readonly municipality: DocumentReference;
  readonly employees: CollectionReference;
  readonly hoursLedger: CollectionReference;
  readonly reports: CollectionReference;
  readonly stats: CollectionReference;
}

export interface RebuildResult {
  readonly stats: FyStats;
  readonly staff: StaffStats;
  /** whether the stored document differed from the records (it should not, once it was rebuilt) */
  readonly drifted: boolean;
  readonly previous: FyStats | undefined;
}

/**
 * Recomputes `stats/fy<fy>` and `stats/staff` in one transaction. The stats document is read first: a
 * credit committing meanwhile must write that document, so it waits for the rebuild and adds its
 * increment on top, or it committed before and the rebuild's queries see its entry. Either way nothing
 * is counted twice or lost.
 */
export async function rebuildStats(
  db: Firestore,
  c: StatsCollections,
  fiscalYear: number,
  now: Date,
): Promise<RebuildResult> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const ref = c.stats.doc(fyStatsId(fiscalYear));
  return db.runTransaction(async (tx) => {
    const stored = await tx.get(ref);
    const [entries, reports, employees, municipality] = await Promise.all([
      tx.get(c.hoursLedger.where('fiscalYear', '==', fiscalYear)),
      tx.get(c.reports.where('endDate', '>=', start).where('endDate', '<=', end)),
      tx.get(c.employees),
      tx.get(c.municipality),
    ]);
    const hoursTarget = Number(municipality.get('yearlyHoursTarget') ?? 0) || 0;
    const people = new Map<string, StatsPerson>();
    const staffRecords = employees.docs.map((d) => {
      const divisionId = d.get('divisionId') as string | undefined;
      const jobLine = d.get('jobLine') as string | undefined;
      const staffType = d.get('staffType') as string | undefined;
      people.set(d.id, {
        ...(divisionId ? { divisionId } : {}),
        ...(jobLine ? { jobLine } : {}),
        ...(staffType ? { staffType } : {}),
      });
      return { active: d.get('active') !== false, divisionId, jobLine, staffType };
    });
    const stats = statsFromRecords({
      fiscalYear,
      hoursTarget,
      entries: entries.docs.map((d) => ({ ...(d.data() as HoursEntry), id: d.id })),
      people,
      reports: reports.docs.map((d) => d.data() as TrainingReport),
      bangkokDateOf: bangkokDate,
    });
    const staff = staffStatsFrom(staffRecords);
    const at = Timestamp.fromDate(now);
    tx.set(ref, { ...stats, hoursTarget, rebuiltAt: at, updatedAt: at });
    tx.set(c.stats.doc(STAFF_STATS_ID), { ...staff, updatedAt: at });
    const previous = stored.exists ? fyStatsFromData(fiscalYear, stored.data()) : undefined;
    const drifted =
      previous === undefined ||
      JSON.stringify(normaliseStats(previous)) !== JSON.stringify(normaliseStats(stats));
    return { stats, staff, drifted, previous };
  });
}

/**
 * Recomputes `stats/staff` (active people per division and job line) from the staff records. Run after
 * every change to the staff list (the import does; so must any page that edits a staff record).
 */
export async function refreshStaffStats(
  c: Pick<StatsCollections, 'employees' | 'stats'>,
  now: Date,
): Promise<StaffStats> {
  const snap = await c.employees.select('active', 'divisionId', 'jobLine', 'staffType').get();
  const staff = staffStatsFrom(
    snap.docs.map((d) => ({
      active: d.get('active') !== false,
      divisionId: d.get('divisionId') as string | undefined,
      jobLine: d.get('jobLine') as string | undefined,
      staffType: d.get('staffType') as string | undefined,
    })),
  );
  await c.stats.doc(STAFF_STATS_ID).set({ ...staff, updatedAt: Timestamp.fromDate(now) });
  return staff;
}
