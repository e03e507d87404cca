import {
  bangkokDate,
  fiscalYearOf,
  type HoursReportRow,
  type HoursTotals,
  type HoursView,
  isEditable,
  summarizeHours,
} from '@phattana/shared';
import express, { type Router } from 'express';
import { entriesOf } from '../idp/idp-docs';
import { isOpenStatus, reportFromDoc } from '../reports/report-records';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// The person's training hours for one fiscal year: totals by method and curriculum from the ledger
// entries, progress toward the municipality's targets, their post-training reports with status and due
// date (a pending one opens the same LIFF form the chat links to), and earlier years' totals.

export function createHoursRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    const now = d.clock();
    const fy = fiscalYearParam(req, res, now);
    if (fy === undefined) return;
    const [entries, totals, municipality, reports] = await Promise.all([
      entriesOf(c.hoursLedger, person.employeeId, fy),
      c.hoursTotals.where('employeeId', '==', person.employeeId).get(),
      c.municipality.get(),
      c.reports.where('employeeId', '==', person.employeeId).get(),
    ]);
    const allTotals = totals.docs.map((t) => t.data() as HoursTotals);
    const summary = summarizeHours({
      employeeId: person.employeeId,
      fiscalYear: fy,
      entries,
      totals: allTotals,
      yearlyHoursTarget: municipality.get('yearlyHoursTarget') as number | undefined,
    });
    const today = bangkokDate(now);
    const open = isOpenStatus;
    const rows = reports.docs
      .map((s) => reportFromDoc(s))
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
    const years = [...new Set([fy, ...allTotals.map((t) => t.fiscalYear)])].sort((a, b) => b - a);
    const body: HoursView = { summary, reports: rows, years };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });

  return router;
}
