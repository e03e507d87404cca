import {
  acceptedFiscalYears,
  type DashboardData,
  type Division,
  dashboardFrom,
  type ExportPerson,
  fiscalYearOfInstant,
  type HoursTotals,
  INDICATOR_IDS,
  type IndicatorId,
  isShared,
  lastYearOf,
  NO_DIVISION,
  STAFF_STATS_ID,
  type StaffStats,
  staffStatsFromData,
  surveyCountersFromData,
} from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { countedSurveyData } from '../surveys/survey-counters';
import { surveysOfYear } from '../surveys/survey-records';
import { readTargetYears } from '../targets/target-docs';
import { rebuildStats, refreshStaffStats, type StatsCollections } from './rebuild-stats';
import { readStoredStats } from './stored-stats';

// The dashboard of one fiscal year from the maintained documents: the municipality, `stats/fy<fy>` and its shards,
// `stats/staff` and the year's few survey documents — never the ledger or the reports. The year's
// stats are rebuilt from the records only when they were never rebuilt (the first view after the
// feature arrived) or the hours target changed since (who "reached" it depends on it).

export interface DashboardCollections extends StatsCollections {
  readonly surveys: CollectionReference;
  readonly hoursTotals: CollectionReference;
  readonly targets: CollectionReference;
  /** the knowledge library: its entries of the year give "reports shared with colleagues" */
  readonly library: CollectionReference;
}

/** Fiscal years the dashboard offers: the accepted ones that have begun (a year not begun has nothing to count). */
export function selectableYears(now: Date): number[] {
  const current = fiscalYearOfInstant(now);
  return acceptedFiscalYears(now).filter((fy) => fy <= current);
}

export async function readDashboard(
  db: Firestore,
  c: DashboardCollections,
  fiscalYear: number,
  now: Date,
): Promise<DashboardData> {
  const [
    municipality,
    { stats: maintained, base: stored, updatedAt: maintainedAt },
    staffDoc,
    surveys,
    [lastYear, thisYear],
    library,
  ] = await Promise.all([
    c.municipality.get(),
    readStoredStats(c.stats, fiscalYear),
    c.stats.doc(STAFF_STATS_ID).get(),
    surveysOfYear(c.surveys, fiscalYear).get(),
    readTargetYears(db, c.targets, [fiscalYear - 1, fiscalYear]),
    c.library.where('fiscalYear', '==', fiscalYear).get(),
  ]);
  const hoursTarget = Number(municipality.get('yearlyHoursTarget') ?? 0) || 0;
  const divisions = (municipality.get('divisions') as Division[] | undefined) ?? [];
  let stats = maintained;
  let staff = staffStatsFromData(staffDoc.data());
  let updatedAt = maintainedAt;
  if (
    !staffDoc.exists ||
    stored.get('rebuiltAt') === undefined ||
    // counted before the ethics table existed: its counters come from the records once
    stored.get('ethicsByGroup') === undefined ||
    stored.get('hoursTarget') !== hoursTarget
  ) {
    const rebuilt = await rebuildStats(db, c, fiscalYear, now);
    stats = rebuilt.stats;
    staff = rebuilt.staff;
    updatedAt = now.toISOString();
  } else if (staffDoc.get('activeByGroup') === undefined || (await staffChanged(c, staff, divisions))) {
    staff = await refreshStaffStats(c, now);
  }
  const data = dashboardFrom({
    stats,
    staff,
    surveys: await Promise.all(
      surveys.docs.map(async (d) => surveyCountersFromData(d.id, await countedSurveyData(d))),
    ),
    divisions,
    hoursTarget,
    targets: (municipality.get('kpiTargets') as Partial<Record<IndicatorId, number>> | undefined) ?? {},
    ...(thisYear ? { rules: thisYear.rules } : {}),
    // a year never recorded has no document: its figures are unknown, not the defaults
    // (lastYearOf(undefined) knows neither)
    lastYear: Object.fromEntries(INDICATOR_IDS.map((id) => [id, lastYearOf(lastYear, id)])),
    years: selectableYears(now),
    updatedAt,
    // every approved report has an entry (published or internal), so the year's entries are its approvals
    library: {
      approved: library.size,
      shared: library.docs.filter((d) =>
        isShared({ visibility: d.get('visibility'), presentation: d.get('presentation') }),
      ).length,
    },
  });
  return data;
}

/** Everyone on the staff list and their totals of the year, for the people export (not a view). */
export async function readExportPeople(
  c: StaffSource & Pick<DashboardCollections, 'hoursTotals'>,
  fiscalYear: number,
): Promise<{ people: ExportPerson[]; totals: Map<string, HoursTotals> }> {
  const [staff, totals] = await Promise.all([
    staffRecords(c).all(),
    c.hoursTotals.where('fiscalYear', '==', fiscalYear).get(),
  ]);
  const people = staff.map(
    (r): ExportPerson => ({
      code: r.id,
      name: r.name,
      divisionId: r.divisionId,
      position: r.position,
      staffType: r.staffType || 'municipalEmployee',
      ...(r.jobLine ? { jobLine: r.jobLine } : {}),
      active: r.active,
    }),
  );
  return {
    people,
    totals: new Map(totals.docs.map((d) => [String(d.get('employeeId')), d.data() as HoursTotals])),
  };
}

/**
 * Whether the staff list changed since `stats/staff` was computed, by server-side count() aggregations
 * (active people in all and per division: no staff record is read). Whichever page or import changed
 * a record, the next view then recomputes the staff counts and the job-line set once.
 */
async function staffChanged(
  c: StaffSource,
  staff: StaffStats,
  divisions: readonly Division[],
): Promise<boolean> {
  const records = staffRecords(c);
  const ids = [...new Set([...divisions.map((d) => d.id), ...Object.keys(staff.activeByDivision)])].filter(
    (id) => id !== NO_DIVISION,
  );
  const [total, ...byDivision] = await Promise.all([
    records.countActive(),
    ...ids.map((id) => records.countActive(id)),
  ]);
  if (total !== staff.active) return true;
  return ids.some((id, i) => byDivision[i] !== (staff.activeByDivision[id] ?? 0));
}
