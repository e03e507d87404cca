import {
  bangkokDate,
  fiscalYearOf,
  type HoursEntry,
  type HoursReportRow,
  type HoursTotals,
  type HoursView,
  isEditable,
  summarizeHours,
  type TrainingReport,
} from '@phattana/shared';
import type { CollectionReference, DocumentReference } from 'firebase-admin/firestore';
import { entriesOf } from '../idp/idp-docs';
import { isOpenStatus } from '../reports/report-records';
import { type ReportSource, reportRecords } from '../reports/report-repository';

// The person's training hours page (GET /api/hours/mine): what is stored about them (one port, read
// from Firestore here) and the page's view built from it by one pure function the unit tests drive.

/** Everything the page is built from: one person's stored hours and reports. */
export interface MyHoursData {
  /** the ledger entries of the year asked for */
  readonly entries: readonly HoursEntry[];
  /** their totals of every year */
  readonly totals: readonly HoursTotals[];
  readonly yearlyHoursTarget: number | undefined;
  /** all their post-training reports, whatever the year */
  readonly reports: readonly TrainingReport[];
}

/** What the hours route needs; the route's unit test gives an in-memory one. */
export interface MyHoursSource {
  read(employeeId: string, fiscalYear: number): Promise<MyHoursData>;
}

export function firestoreMyHours(
  c: ReportSource & {
    readonly hoursLedger: CollectionReference;
    readonly hoursTotals: CollectionReference;
    readonly municipality: DocumentReference;
  },
): MyHoursSource {
  return {
    async read(employeeId, fy) {
      const [entries, totals, municipality, reports] = await Promise.all([
        entriesOf(c.hoursLedger, employeeId, fy),
        c.hoursTotals.where('employeeId', '==', employeeId).get(),
        c.municipality.get(),
        reportRecords(c).ofPerson(employeeId),
      ]);
      return {
        entries,
        totals: totals.docs.map((t) => t.data() as HoursTotals),
        yearlyHoursTarget: municipality.get('yearlyHoursTarget') as number | undefined,
        reports,
      };
    },
  };
}

/**
 * Totals by method and curriculum, progress toward the target, this year's reports and anything still
 * owed (what can be filed first, soonest due first; then the rest newest first), and the years to pick.
 */
export function myHoursView(data: MyHoursData, employeeId: string, fy: number, now: Date): HoursView {
  const summary = summarizeHours({
    employeeId,
    fiscalYear: fy,
    entries: data.entries,
    totals: data.totals,
    yearlyHoursTarget: data.yearlyHoursTarget,
  });
  const today = bangkokDate(now);
  const open = isOpenStatus;
  const rows = data.reports
    // this year's trainings, and anything still owed whatever its year
    .filter((r) => fiscalYearOf(r.endDate) === fy || open(r.status))
    .map(
      (r): HoursReportRow => ({
        id: r.id,
        trainingTitle: r.trainingTitle,
        status: r.status,
        endDate: r.endDate,
        dueDate: r.dueDate,
        hours: r.hours,
        overdue: open(r.status) && r.dueDate < today,
        editable: isEditable(r),
      }),
    )
    .sort(
      (a, b) =>
        Number(b.editable) - Number(a.editable) ||
        (a.editable ? a.dueDate.localeCompare(b.dueDate) : b.endDate.localeCompare(a.endDate)) ||
        a.id.localeCompare(b.id),
    );
  const years = [...new Set([fy, ...data.totals.map((t) => t.fiscalYear)])].sort((a, b) => b - a);
  return { summary, reports: rows, years };
}
