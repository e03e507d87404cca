// The maintained aggregates behind the HR/executive dashboard: one document per fiscal year
// (`stats/fy2570`), incremented in the same transaction as the ledger entry or report it counts, so a
// dashboard view reads one document instead of every record. `rebuildStats` recomputes it from the
// records; the two must always be equal.

/** Counters kept for the whole municipality and again per division. */
export interface StatsCounters {
  /** people with at least one ledger entry in the year (ได้รับการพัฒนาอย่างน้อย 1 ครั้ง) */
  readonly developed: number;
  /** people with at least one e-Learning course */
  readonly eLearning: number;
  /** people whose hours reached the municipality's yearly target */
  readonly reachedTarget: number;
  readonly hours: number;
  /** ledger entries (one per person per training) */
  readonly entries: number;
  /** post-training reports opened for the year's trainings */
  readonly reportsDue: number;
  /** reports submitted at least once (a resubmission after a return does not count again) */
  readonly reportsFiled: number;
  /** reports whose first submission was on or before the due date */
  readonly reportsOnTime: number;
  /** people with at least one entry in the ethics curriculum (mandatory for every level) */
  readonly ethics: number;
}

export interface FyStats extends StatsCounters {
  /** Buddhist-era fiscal year, e.g. 2570 */
  readonly fiscalYear: number;
  /** per division id; people without a division count under NO_DIVISION */
  readonly byDivision: Readonly<Record<string, Partial<StatsCounters>>>;
  /** job line (สายงาน) → ledger entries of job-line training (see JOB_LINE_CURRICULA) */
  readonly jobLineEntries: Readonly<Record<string, number>>;
  /** division → staff type → people with an ethics-curriculum entry (the mandatory-training table) */
  readonly ethicsByGroup: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * The staff side of the indicators (denominators): active people per division and per job line,
 * recomputed from the staff records whenever they are imported (and by the rebuild), not per view.
 */
export interface StaffStats {
  readonly active: number;
  readonly activeByDivision: Readonly<Record<string, number>>;
  readonly activeByJobLine: Readonly<Record<string, number>>;
  /** division → staff type → active people (the ethics table's denominators) */
  readonly activeByGroup: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const COUNTER_KEYS = [
  'developed',
  'eLearning',
  'reachedTarget',
  'hours',
  'entries',
  'reportsDue',
  'reportsFiled',
  'reportsOnTime',
  'ethics',
] as const satisfies readonly (keyof StatsCounters)[];

/** Division key for someone whose staff record names none (Firestore map keys cannot be empty). */
export const NO_DIVISION = '_none';

/** Document ids in the `stats` collection. */
export const fyStatsId = (fiscalYear: number) => `fy${fiscalYear}`;
export const STAFF_STATS_ID = 'staff';

export const emptyCounters = (): StatsCounters => ({
  developed: 0,
  eLearning: 0,
  reachedTarget: 0,
  hours: 0,
  entries: 0,
  reportsDue: 0,
  reportsFiled: 0,
  reportsOnTime: 0,
  ethics: 0,
});

export function emptyFyStats(fiscalYear: number): FyStats {
  return { fiscalYear, ...emptyCounters(), byDivision: {}, jobLineEntries: {}, ethicsByGroup: {} };
}

/** A stored stats document read back leniently: missing counters are 0. */
export function fyStatsFromData(fiscalYear: number, d: Record<string, unknown> | undefined): FyStats {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const counters = (o: unknown): StatsCounters => {
    const r = (o ?? {}) as Record<string, unknown>;
    return Object.fromEntries(COUNTER_KEYS.map((k) => [k, num(r[k])])) as unknown as StatsCounters;
  };
  const byDivision = Object.fromEntries(
    Object.entries((d?.byDivision ?? {}) as Record<string, unknown>).map(([k, v]) => [k, counters(v)]),
  );
  const jobLineEntries = Object.fromEntries(
    Object.entries((d?.jobLineEntries ?? {}) as Record<string, unknown>).map(([k, v]) => [k, num(v)]),
  );
  return {
    fiscalYear,
    ...counters(d),
    byDivision,
    jobLineEntries,
    ethicsByGroup: groupsFromData(d?.ethicsByGroup),
  };
}

/** A stored division → staff type → count map, numbers only. */
export function groupsFromData(o: unknown): Record<string, Record<string, number>> {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return Object.fromEntries(
    Object.entries((o ?? {}) as Record<string, unknown>).map(([division, byType]) => [
      division,
      Object.fromEntries(
        Object.entries((byType ?? {}) as Record<string, unknown>).map(([t, v]) => [t, num(v)]),
      ),
    ]),
  );
}

/** Staff type key for someone whose staff record names none (as the import defaults it). */
export const DEFAULT_STAFF_TYPE = 'municipalEmployee';

/** Staff counts from the staff records; people who left (`active: false`) are not counted. */
export function staffStatsFrom(
  people: Iterable<{
    readonly active?: boolean;
    readonly divisionId?: string;
    readonly jobLine?: string;
    readonly staffType?: string;
  }>,
): StaffStats {
  const byDivision: Record<string, number> = {};
  const byJobLine: Record<string, number> = {};
  const byGroup: Record<string, Record<string, number>> = {};
  let active = 0;
  for (const p of people) {
    if (p.active === false) continue;
    active++;
    const division = p.divisionId && p.divisionId.trim() !== '' ? p.divisionId : NO_DIVISION;
    byDivision[division] = (byDivision[division] ?? 0) + 1;
    const type = p.staffType?.trim() || DEFAULT_STAFF_TYPE;
    const group = byGroup[division] ?? {};
    group[type] = (group[type] ?? 0) + 1;
    byGroup[division] = group;
    const jobLine = p.jobLine?.trim();
    if (jobLine) byJobLine[jobLine] = (byJobLine[jobLine] ?? 0) + 1;
  }
  return { active, activeByDivision: byDivision, activeByJobLine: byJobLine, activeByGroup: byGroup };
}

export function staffStatsFromData(d: Record<string, unknown> | undefined): StaffStats {
  const map = (o: unknown) =>
    Object.fromEntries(
      Object.entries((o ?? {}) as Record<string, unknown>).filter(
        (e): e is [string, number] => typeof e[1] === 'number',
      ),
    );
  return {
    active: typeof d?.active === 'number' ? d.active : 0,
    activeByDivision: map(d?.activeByDivision),
    activeByJobLine: map(d?.activeByJobLine),
    activeByGroup: groupsFromData(d?.activeByGroup),
  };
}
