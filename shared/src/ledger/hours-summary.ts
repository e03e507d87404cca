import { fiscalYearRange } from '../calendar/fiscal-year';
import { developmentMethod } from '../domain/development-methods';
import { round2 } from '../kpi/rounding';
import { CURRICULA } from '../trainings/training';
import type { HoursEntry, HoursTotals } from './hours-ledger';
import { totalsFromEntries } from './hours-ledger';

// A person's training hours in one fiscal year, with how far they are toward the municipality's
// yearly targets: the hours target (e.g. 40 h), being developed at least once, and at least one
// e-Learning course. Computed from the ledger entries (the truth), so the list and the totals agree.

export interface HoursBucket {
  readonly id: string;
  readonly name: string;
  readonly hours: number;
}

export interface HoursTargetProgress {
  /** null when the municipality has set no hours target */
  readonly target: number | null;
  readonly done: number;
  readonly remaining: number;
  /** 0–100, capped */
  readonly percent: number;
  readonly met: boolean;
}

export interface HoursSummary {
  readonly fiscalYear: number;
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly trainings: number;
  readonly byMethod: readonly HoursBucket[];
  readonly byCurriculum: readonly HoursBucket[];
  readonly targets: {
    readonly hours: HoursTargetProgress;
    /** developed at least once this fiscal year */
    readonly developed: { readonly met: boolean; readonly trainings: number };
    /** at least one e-Learning course this fiscal year */
    readonly eLearning: { readonly met: boolean; readonly courses: number };
  };
  /** this year's entries, latest first */
  readonly entries: readonly HoursEntry[];
  /** earlier fiscal years from the maintained totals, latest first */
  readonly previousYears: readonly Pick<
    HoursTotals,
    'fiscalYear' | 'hours' | 'trainings' | 'eLearningCourses'
  >[];
}

export const NO_CURRICULUM = 'none';

function buckets(m: Readonly<Record<string, number>>, name: (id: string) => string): HoursBucket[] {
  return Object.entries(m)
    .filter(([, h]) => h > 0)
    .map(([id, hours]) => ({ id, name: name(id), hours: round2(hours) }))
    .sort((a, b) => b.hours - a.hours || a.id.localeCompare(b.id));
}

export function targetProgress(done: number, target: number | null | undefined): HoursTargetProgress {
  const t = typeof target === 'number' && target > 0 ? target : null;
  if (t === null) return { target: null, done, remaining: 0, percent: 100, met: true };
  return {
    target: t,
    done,
    remaining: round2(Math.max(0, t - done)),
    percent: Math.min(100, Math.floor((done / t) * 100)),
    met: done >= t,
  };
}

export function summarizeHours(o: {
  readonly employeeId: string;
  readonly fiscalYear: number;
  /** the person's ledger entries; other people's and other years' are ignored */
  readonly entries: Iterable<HoursEntry>;
  /** the person's maintained totals of any years; this year's and later ones are ignored */
  readonly totals?: Iterable<HoursTotals>;
  /** the municipality's `yearlyHoursTarget` */
  readonly yearlyHoursTarget?: number | null;
}): HoursSummary {
  const { start, end } = fiscalYearRange(o.fiscalYear);
  const mine = [...o.entries].filter((e) => e.employeeId === o.employeeId && e.fiscalYear === o.fiscalYear);
  const t = totalsFromEntries(o.employeeId, o.fiscalYear, mine);
  const byCurriculum: Record<string, number> = { ...t.byCurriculum };
  const unassigned = round2(t.hours - Object.values(t.byCurriculum).reduce((a, b) => a + b, 0));
  if (unassigned > 0) byCurriculum[NO_CURRICULUM] = unassigned;
  return {
    fiscalYear: o.fiscalYear,
    start,
    end,
    hours: t.hours,
    trainings: t.trainings,
    byMethod: buckets(t.byMethod, (id) => developmentMethod(id)?.name ?? id),
    byCurriculum: buckets(byCurriculum, (id) =>
      id === NO_CURRICULUM ? 'ไม่ระบุหลักสูตร' : (CURRICULA.find((c) => c.id === id)?.name ?? id),
    ),
    targets: {
      hours: targetProgress(t.hours, o.yearlyHoursTarget),
      developed: { met: t.trainings > 0, trainings: t.trainings },
      eLearning: { met: t.eLearningCourses > 0, courses: t.eLearningCourses },
    },
    entries: mine.sort((a, b) => b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id)),
    previousYears: [...(o.totals ?? [])]
      .filter((x) => x.employeeId === o.employeeId && x.fiscalYear < o.fiscalYear)
      .sort((a, b) => b.fiscalYear - a.fiscalYear)
      .map(({ fiscalYear, hours, trainings, eLearningCourses }) => ({
        fiscalYear,
        hours: round2(hours ?? 0),
        trainings: trainings ?? 0,
        eLearningCourses: eLearningCourses ?? 0,
      })),
  };
}
