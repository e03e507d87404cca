import { fiscalYearOf } from '../calendar/fiscal-year';
import type { DevelopmentMethodId } from '../domain/development-methods';
import { round2 } from '../kpi/rounding';
import { reportIdFor } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';

// The training-hours ledger: one entry per training a person completed, and a per-person, per-fiscal-
// year total kept beside the entries. Entries are the truth; totals are derived and written in the same
// transaction as the entry, so they cannot drift. An entry's id is its source, so crediting twice is
// impossible.

/** What a completed training contributes, from a report or from the training itself. */
export interface CreditableTraining {
  readonly trainingId: string;
  readonly title: string;
  readonly method: DevelopmentMethodId;
  readonly curriculum?: string;
  readonly hours: number;
  readonly endDate: IsoDate;
}

export interface HoursEntry extends CreditableTraining {
  /** the report id (or training id + employee) it comes from */
  readonly id: string;
  readonly employeeId: string;
  /** Buddhist-era fiscal year of the training's last day, e.g. 2569 */
  readonly fiscalYear: number;
  /** why it counts: an approved report, attendance where no report is asked, or HR-verified */
  readonly source: 'approvedReport' | 'attendance' | 'verifiedExternal';
  readonly creditedAt: string;
}

export interface HoursTotals {
  readonly employeeId: string;
  readonly fiscalYear: number;
  readonly hours: number;
  readonly trainings: number;
  readonly byMethod: Readonly<Record<string, number>>;
  readonly byCurriculum: Readonly<Record<string, number>>;
  /** e-Learning courses completed: plans ask for at least one a year */
  readonly eLearningCourses: number;
}

/**
 * The ledger entry for one person and one training, keyed like the report (one entry per attendee per
 * training), in the fiscal year of the training's last day.
 */
export function hoursEntry(
  employeeId: string,
  t: CreditableTraining,
  source: HoursEntry['source'],
  now: Date,
): HoursEntry {
  return {
    id: reportIdFor(t.trainingId, employeeId),
    employeeId,
    fiscalYear: fiscalYearOf(t.endDate),
    trainingId: t.trainingId,
    title: t.title,
    method: t.method,
    ...(t.curriculum ? { curriculum: t.curriculum } : {}),
    hours: t.hours,
    endDate: t.endDate,
    source,
    creditedAt: now.toISOString(),
  };
}

export const totalsIdFor = (employeeId: string, fiscalYear: number) => `${employeeId}__${fiscalYear}`;

export function emptyTotals(employeeId: string, fiscalYear: number): HoursTotals {
  return {
    employeeId,
    fiscalYear,
    hours: 0,
    trainings: 0,
    byMethod: {},
    byCurriculum: {},
    eLearningCourses: 0,
  };
}

/** Half-hour precision keeps float sums exact enough (hours are whole or half). */

export function addEntry(t: HoursTotals, e: HoursEntry): HoursTotals {
  if (t.employeeId !== e.employeeId || t.fiscalYear !== e.fiscalYear)
    throw new RangeError(`entry ${e.id} does not belong to totals ${t.employeeId}/${t.fiscalYear}`);
  const bump = (m: Readonly<Record<string, number>>, key: string | undefined) =>
    key ? { ...m, [key]: round2((m[key] ?? 0) + e.hours) } : m;
  return {
    ...t,
    hours: round2(t.hours + e.hours),
    trainings: t.trainings + 1,
    byMethod: bump(t.byMethod, e.method),
    byCurriculum: bump(t.byCurriculum, e.curriculum),
    eLearningCourses: t.eLearningCourses + (e.method === 'eLearning' ? 1 : 0),
  };
}

/** Totals recomputed from entries: what the maintained totals must always equal. */
export function totalsFromEntries(employeeId: string, fiscalYear: number, entries: Iterable<HoursEntry>) {
  let t = emptyTotals(employeeId, fiscalYear);
  for (const e of entries) if (e.employeeId === employeeId && e.fiscalYear === fiscalYear) t = addEntry(t, e);
  return t;
}
