import {
  addDelta,
  bangkokDate,
  type FyStats,
  fiscalYearRange,
  fyStatsId,
  type HoursEntry,
  normaliseStats,
  STAFF_STATS_ID,
  type StaffStats,
  type StatsDelta,
  type StatsPerson,
  staffStatsFrom,
  statsFromRecords,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { type StaffRecord, type StaffSource, staffRecords } from '../people/staff-record-repository';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import { readStoredStats } from './stored-stats';

// The truth check and migration for the maintained stats: recompute a fiscal year's document from the
// records (ledger entries, reports, staff), read in pages without blocking anyone.

export interface StatsCollections extends StaffSource, ReportSource {
  readonly municipality: DocumentReference;
  readonly hoursLedger: CollectionReference;
  readonly stats: CollectionReference;
}

export interface RebuildResult {
  readonly stats: FyStats;
  readonly staff: StaffStats;
  /** whether the stored document differed from the records (it should not, once it was rebuilt) */
  readonly drifted: boolean;
  readonly previous: FyStats | undefined;
}

/** What the staff counts need of a record (an empty field is a missing one, as the counts expect). */
const STAFF_STATS_FIELDS = ['active', 'divisionId', 'jobLine', 'staffType'] as const;
const staffFactsOf = (r: StaffRecord) => ({
  active: r.active,
  divisionId: r.divisionId || undefined,
  jobLine: r.jobLine || undefined,
  staffType: r.staffType || undefined,
});

/** Records read per page: a rebuild never holds a whole fiscal year in one request. */
const PAGE = 500;

/**
 * Recomputes `stats/fy<fy>` and `stats/staff` from the records. Everything is read in pages inside one
 * read-only transaction: one consistent snapshot that takes no locks, so credits, report openings and
 * linking go on meanwhile. The year's document is then written as the records minus what its shards
 * held at that snapshot: increments committed after it are on the shards, not in the records read, and
 * add on top; those committed before are in both and cancel. Nothing is counted twice or lost, and a
 * rebuild never resets a shard someone is writing.
 */
export async function rebuildStats(
  db: Firestore,
  c: StatsCollections,
  fiscalYear: number,
  now: Date,
): Promise<RebuildResult> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const read = await db.runTransaction(
    async (tx) => {
      const [stored, entries, reports, staff, municipality] = await Promise.all([
        readStoredStats(c.stats, fiscalYear, tx),
        pages(tx, c.hoursLedger.where('fiscalYear', '==', fiscalYear)),
        reportRecords(c).endingBetween(start, end, { tx, pageSize: PAGE }),
        staffRecords(c).allInPages(tx, PAGE, STAFF_STATS_FIELDS),
        tx.get(c.municipality),
      ]);
      return { stored, entries, reports, staff, municipality };
    },
    { readOnly: true },
  );
  const hoursTarget = Number(read.municipality.get('yearlyHoursTarget') ?? 0) || 0;
  const people = new Map<string, StatsPerson>();
  const staffFacts = read.staff.map((r) => {
    const facts = staffFactsOf(r);
    people.set(r.id, {
      ...(facts.divisionId ? { divisionId: facts.divisionId } : {}),
      ...(facts.jobLine ? { jobLine: facts.jobLine } : {}),
      ...(facts.staffType ? { staffType: facts.staffType } : {}),
    });
    return facts;
  });
  const stats = statsFromRecords({
    fiscalYear,
    hoursTarget,
    entries: read.entries.map((d) => ({ ...(d.data() as HoursEntry), id: d.id })),
    people,
    reports: read.reports,
    bangkokDateOf: bangkokDate,
  });
  const staff = staffStatsFrom(staffFacts);
  const at = Timestamp.fromDate(now);
  const base = addDelta(stats, negated(read.stored.shardSum));
  const batch = db.batch();
  batch.set(c.stats.doc(fyStatsId(fiscalYear)), {
    ...base,
    fiscalYear,
    hoursTarget,
    rebuiltAt: at,
    updatedAt: at,
  });
  batch.set(c.stats.doc(STAFF_STATS_ID), { ...staff, updatedAt: at });
  await batch.commit();
  const { stored } = read;
  const previous = stored.base.exists || Object.keys(stored.shardSum).length > 0 ? stored.stats : undefined;
  const drifted =
    previous === undefined ||
    JSON.stringify(normaliseStats(previous)) !== JSON.stringify(normaliseStats(stats));
  return { stats, staff, drifted, previous };
}

/** Every document of a query, PAGE at a time, inside the transaction's snapshot. */
async function pages(tx: Transaction, q: Query): Promise<QueryDocumentSnapshot[]> {
  const out: QueryDocumentSnapshot[] = [];
  let page = await tx.get(q.limit(PAGE));
  for (;;) {
    out.push(...page.docs);
    const last = page.docs.at(-1);
    if (page.size < PAGE || !last) return out;
    page = await tx.get(q.startAfter(last).limit(PAGE));
  }
}

/** The shards' counters with their signs turned, numbers only (never their timestamps). */
function negated(sum: Record<string, unknown>): StatsDelta {
  const out: Record<string, number | StatsDelta> = {};
  for (const [k, v] of Object.entries(sum)) {
    if (typeof v === 'number') out[k] = -v;
    else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
      out[k] = negated(v as Record<string, unknown>);
  }
  return out;
}

/**
 * Recomputes `stats/staff` (active people per division and job line) from the staff records. Run after
 * every change to the staff list (the import does; so must any page that edits a staff record).
 */
export async function refreshStaffStats(
  c: StaffSource & Pick<StatsCollections, 'stats'>,
  now: Date,
): Promise<StaffStats> {
  const staff = staffStatsFrom((await staffRecords(c).all({ fields: STAFF_STATS_FIELDS })).map(staffFactsOf));
  await c.stats.doc(STAFF_STATS_ID).set({ ...staff, updatedAt: Timestamp.fromDate(now) });
  return staff;
}
