import {
  BAD_FISCAL_YEAR,
  fiscalYearOfInstant,
  fiscalYearRange,
  type HoursEntry,
  type HoursTotals,
  type ReportStatus,
  type TrainingReport,
} from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { hoursRoutes } from '../src/api/hours-routes';
import type { MyHoursData, MyHoursSource } from '../src/hours/my-hours';
import { serveRoutes } from './support/route-harness';

// The person's hours page in process over an in-memory MyHoursSource: no emulator. What is stored and
// how it is read stays in the browser test (test/browser/liff-idp-hours.test.ts) with the emulator.

const NOW = new Date('2026-12-16T02:00:00Z'); // today 2026-12-16 in Bangkok
const FY = fiscalYearOfInstant(NOW);
const { start } = fiscalYearRange(FY);
const ME = 'E010';

const entry = (id: string, hours: number, fiscalYear = FY): HoursEntry => ({
  id,
  employeeId: ME,
  fiscalYear,
  trainingId: id,
  title: `อบรม ${id}`,
  method: 'training',
  hours,
  endDate: fiscalYear === FY ? start : '2025-12-01',
  source: 'approvedReport',
  creditedAt: NOW.toISOString(),
});
const totals = (fiscalYear: number, hours: number): HoursTotals => ({
  employeeId: ME,
  fiscalYear,
  hours,
  trainings: 1,
  byMethod: { training: hours },
  byCurriculum: {},
  eLearningCourses: 0,
});
const report = (id: string, status: ReportStatus, endDate: string, dueDate: string) =>
  ({ id, trainingTitle: `อบรม ${id}`, status, endDate, dueDate, hours: 6 }) as TrainingReport;

const DATA: MyHoursData = {
  entries: [entry('T1', 6), entry('T2', 3.5)],
  totals: [totals(FY - 1, 12), totals(FY - 2, 20)],
  yearlyHoursTarget: 20,
  reports: [
    report('old-approved', 'approved', '2025-11-01', '2025-11-12'), // last year, done: not shown
    report('old-owed', 'pending', '2025-09-20', '2025-10-01'), // last year, still owed: shown, overdue
    report('returned', 'returned', '2026-12-10', '2026-12-21'),
    report('sent', 'submitted', '2026-11-01', '2026-11-12'),
    report('approved', 'approved', '2026-12-01', '2026-12-10'),
  ],
};

const asked: string[] = [];
const source: MyHoursSource = {
  async read(employeeId, fy) {
    asked.push(`${employeeId} ${fy}`);
    return DATA;
  },
};

const api = serveRoutes({
  mount: '/hours',
  person: () => ({ employeeId: ME, name: 'คุณ E010', roles: ['staff'] }),
  router: () => hoursRoutes(source, { clock: () => NOW }),
});

describe('hours route over an in-memory MyHoursSource', () => {
  it('shows the year’s totals against the target, what can be filed first (soonest due), then the rest newest first, and the years to pick', async () => {
    const res = await fetch(api.url(`/mine?fy=${FY}`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // biome-ignore lint/suspicious/noExplicitAny: response body, read by assertions
    const body = (await res.json()) as any;
    expect(body.summary).toMatchObject({ fiscalYear: FY, hours: 9.5, trainings: 2 });
    expect(body.summary.targets.hours).toMatchObject({ target: 20, done: 9.5, remaining: 10.5, met: false });
    expect(body.summary.previousYears.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([
      FY - 1,
      FY - 2,
    ]);
    expect(body.reports).toEqual([
      {
        id: 'old-owed',
        trainingTitle: 'อบรม old-owed',
        status: 'pending',
        endDate: '2025-09-20',
        dueDate: '2025-10-01',
        hours: 6,
        overdue: true,
        editable: true,
      },
      expect.objectContaining({ id: 'returned', overdue: false, editable: true }),
      expect.objectContaining({ id: 'approved', overdue: false, editable: false }),
      expect.objectContaining({ id: 'sent', overdue: false, editable: false }),
    ]);
    expect(body.years).toEqual([FY, FY - 1, FY - 2]);
    expect(asked.at(-1)).toBe(`${ME} ${FY}`);
  });

  it('asks for the signed-in person’s own year only, and answers a year it cannot show in Thai', async () => {
    asked.length = 0;
    const res = await fetch(api.url(`/mine?fy=${FY - 1}`));
    // biome-ignore lint/suspicious/noExplicitAny: response body, read by assertions
    const body = (await res.json()) as any;
    expect(body.summary.fiscalYear).toBe(FY - 1);
    expect(body.years).toEqual([FY - 1, FY - 2]);
    // last year's trainings, and what is owed whatever its year; this year's done ones are not last year's
    expect(body.reports.map((r: { id: string }) => r.id)).toEqual(['old-owed', 'returned', 'old-approved']);
    for (const fy of ['1999', 'abc', String(FY + 10)]) {
      const bad = await fetch(api.url(`/mine?fy=${fy}`));
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ message: BAD_FISCAL_YEAR });
    }
    expect(asked).toEqual([`${ME} ${FY - 1}`]);
  });
});
