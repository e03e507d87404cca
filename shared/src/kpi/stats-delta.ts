import type { HoursEntry } from '../ledger/hours-ledger';
import type { TrainingReport } from '../reports/training-report';
import { filedOnTime } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';
import type { CurriculumId } from '../trainings/training';
import {
  COUNTER_KEYS,
  DEFAULT_STAFF_TYPE,
  emptyFyStats,
  type FyStats,
  NO_DIVISION,
  type StatsCounters,
} from './fy-stats';
import { round2 } from './rounding';

// What one event (a credit, a report opened, a report filed) adds to the fiscal year's stats, as plain
// numbers: the edge turns every leaf into a server-side increment in the event's own transaction, and
// the rebuild folds the same deltas over the records, so both paths share one definition.

/** Nested numbers to add; absent keys add nothing. */
export type StatsDelta = { readonly [key: string]: number | StatsDelta };

/**
 * Job-line training (การพัฒนาตามสายงาน): a ledger entry from a curriculum about the work of the
 * person's own position (งานในหน้าที่ / ความรู้และทักษะเฉพาะของงานในแต่ละตำแหน่ง). A job line counts
 * as trained once anyone in it has such an entry in the year.
 */
export const JOB_LINE_CURRICULA: readonly CurriculumId[] = ['positionSkills', 'duties'];

export const isJobLineTraining = (curriculum: string | undefined): boolean =>
  curriculum !== undefined && (JOB_LINE_CURRICULA as readonly string[]).includes(curriculum);

/** Who is credited, from the staff record. */
export interface StatsPerson {
  readonly divisionId?: string;
  readonly jobLine?: string;
  readonly staffType?: string;
}

/** The curriculum every level must have an entry in each year (กลยุทธ์ด้านจริยธรรม). */
export const ETHICS_CURRICULUM: CurriculumId = 'ethics';

/** What the credit transaction read before writing: the person's totals so far and the target. */
export interface CreditPrior {
  /** the person's totals for the entry's fiscal year before this entry; undefined when there are none */
  readonly totals?: {
    readonly trainings: number;
    readonly hours: number;
    readonly eLearningCourses: number;
    /** hours so far in the ethics curriculum (byCurriculum.ethics); absent counts as none */
    readonly ethicsHours?: number;
  };
  readonly person?: StatsPerson;
  /** the municipality's yearly hours target (0 or less: nobody "reaches" it) */
  readonly hoursTarget: number;
}

const divisionKey = (divisionId: string | undefined) =>
  divisionId && divisionId.trim() !== '' ? divisionId : NO_DIVISION;

/** Half-hour precision: sums of whole and half hours stay exact. */

function counters(c: Partial<StatsCounters>): Partial<StatsCounters> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0)) as Partial<StatsCounters>;
}

/** A ledger entry's contribution: the person's first entry makes them developed, and so on. */
export function creditDelta(prior: CreditPrior, e: HoursEntry): StatsDelta {
  const before = prior.totals ?? { trainings: 0, hours: 0, eLearningCourses: 0 };
  const after = round2(before.hours + e.hours);
  const target = prior.hoursTarget;
  const c = counters({
    entries: 1,
    hours: e.hours,
    developed: before.trainings === 0 ? 1 : 0,
    eLearning: e.method === 'eLearning' && before.eLearningCourses === 0 ? 1 : 0,
    reachedTarget: target > 0 && before.hours < target && after >= target ? 1 : 0,
    ethics: e.curriculum === ETHICS_CURRICULUM && !((before.ethicsHours ?? 0) > 0) ? 1 : 0,
  });
  const jobLine = prior.person?.jobLine?.trim();
  const division = divisionKey(prior.person?.divisionId);
  const staffType = prior.person?.staffType?.trim() || DEFAULT_STAFF_TYPE;
  return {
    ...c,
    byDivision: { [division]: c },
    ...(jobLine && isJobLineTraining(e.curriculum) ? { jobLineEntries: { [jobLine]: 1 } } : {}),
    ...(c.ethics ? { ethicsByGroup: { [division]: { [staffType]: 1 } } } : {}),
  };
}

/** A report opened for an attendee: one more report due. */
export function reportOpenedDelta(r: Pick<TrainingReport, 'divisionId'>): StatsDelta {
  return { reportsDue: 1, byDivision: { [divisionKey(r.divisionId)]: { reportsDue: 1 } } };
}

/**
 * A report saved as submitted: counts only the first submission (the stored report had no
 * `firstSubmittedAt` yet), so a resubmission after a return adds nothing.
 */
export function reportFiledDelta(
  before: Pick<TrainingReport, 'firstSubmittedAt'> | undefined,
  after: Pick<TrainingReport, 'firstSubmittedAt' | 'dueDate' | 'divisionId'>,
  bangkokDateOf: (d: Date) => IsoDate,
): StatsDelta {
  if (before?.firstSubmittedAt !== undefined || after.firstSubmittedAt === undefined) return {};
  const c = counters({ reportsFiled: 1, reportsOnTime: filedOnTime(after, bangkokDateOf) ? 1 : 0 });
  return { ...c, byDivision: { [divisionKey(after.divisionId)]: c } };
}

export const isEmptyDelta = (d: StatsDelta): boolean =>
  Object.values(d).every((v) => (typeof v === 'number' ? v === 0 : isEmptyDelta(v)));

/** Adds a delta to plain stats (the rebuild, and tests of what the increments must give). */
export function addDelta<T extends object>(stats: T, delta: StatsDelta): T {
  const out: Record<string, unknown> = { ...(stats as Record<string, unknown>) };
  for (const [k, v] of Object.entries(delta)) {
    out[k] =
      typeof v === 'number'
        ? round2(((out[k] as number | undefined) ?? 0) + v)
        : addDelta((out[k] as object | undefined) ?? {}, v);
  }
  return out as T;
}

export interface StatsRecords {
  readonly fiscalYear: number;
  readonly hoursTarget: number;
  /** the year's ledger entries (others are ignored) */
  readonly entries: Iterable<HoursEntry>;
  /** staff records by employee id: division and job line as they are now */
  readonly people: ReadonlyMap<string, StatsPerson>;
  /** the year's post-training reports (by their training's last day) */
  readonly reports: Iterable<Pick<TrainingReport, 'divisionId' | 'firstSubmittedAt' | 'dueDate'>>;
  readonly bangkokDateOf: (d: Date) => IsoDate;
}

/** The stats recomputed from the records: what the maintained document must equal. */
export function statsFromRecords(r: StatsRecords): FyStats {
  let stats = emptyFyStats(r.fiscalYear);
  const totals = new Map<
    string,
    { trainings: number; hours: number; eLearningCourses: number; ethicsHours: number }
  >();
  const sorted = [...r.entries]
    .filter((e) => e.fiscalYear === r.fiscalYear)
    .sort((a, b) => a.creditedAt.localeCompare(b.creditedAt) || a.id.localeCompare(b.id));
  for (const e of sorted) {
    const before = totals.get(e.employeeId);
    const person = r.people.get(e.employeeId);
    stats = addDelta(
      stats,
      creditDelta(
        { hoursTarget: r.hoursTarget, ...(before ? { totals: before } : {}), ...(person ? { person } : {}) },
        e,
      ),
    );
    const t = before ?? { trainings: 0, hours: 0, eLearningCourses: 0, ethicsHours: 0 };
    totals.set(e.employeeId, {
      trainings: t.trainings + 1,
      hours: round2(t.hours + e.hours),
      eLearningCourses: t.eLearningCourses + (e.method === 'eLearning' ? 1 : 0),
      ethicsHours: round2(t.ethicsHours + (e.curriculum === ETHICS_CURRICULUM ? e.hours : 0)),
    });
  }
  for (const report of r.reports) {
    stats = addDelta(stats, reportOpenedDelta(report));
    stats = addDelta(stats, reportFiledDelta(undefined, report, r.bangkokDateOf));
  }
  return stats;
}

/** Both as comparable plain data (byDivision counters completed with zeros), e.g. to check drift. */
export function normaliseStats(s: FyStats): FyStats {
  const full = (c: Partial<StatsCounters>) =>
    Object.fromEntries(COUNTER_KEYS.map((k) => [k, c[k] ?? 0])) as unknown as StatsCounters;
  const sortKeys = <V>(o: Readonly<Record<string, V>>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    fiscalYear: s.fiscalYear,
    ...full(s),
    byDivision: sortKeys(Object.fromEntries(Object.entries(s.byDivision).map(([k, v]) => [k, full(v)]))),
    jobLineEntries: sortKeys(s.jobLineEntries),
    ethicsByGroup: sortKeys(
      Object.fromEntries(
        Object.entries(s.ethicsByGroup ?? {})
          .map(
            ([k, v]) =>
              [k, sortKeys(Object.fromEntries(Object.entries(v).filter(([, n]) => n !== 0)))] as const,
          )
          .filter(([, v]) => Object.keys(v).length > 0),
      ),
    ),
  };
}
