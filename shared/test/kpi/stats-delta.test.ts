import { describe, expect, it } from 'vitest';
import type { DevelopmentMethodId } from '../../src/domain/development-methods';
import { emptyFyStats, type FyStats, NO_DIVISION } from '../../src/kpi/fy-stats';
import {
  addDelta,
  creditDelta,
  normaliseStats,
  reportFiledDelta,
  reportOpenedDelta,
  statsFromRecords,
} from '../../src/kpi/stats-delta';
import { type HoursEntry, hoursEntry } from '../../src/ledger/hours-ledger';
import { bangkokDate } from '../../src/text/thai-date';

const AT = new Date('2027-01-10T03:00:00Z');
const entry = (
  employeeId: string,
  trainingId: string,
  o: { hours?: number; method?: DevelopmentMethodId; curriculum?: string; endDate?: string } = {},
): HoursEntry =>
  hoursEntry(
    employeeId,
    {
      trainingId,
      title: trainingId,
      method: o.method ?? 'training',
      ...(o.curriculum ? { curriculum: o.curriculum } : {}),
      hours: o.hours ?? 6,
      endDate: o.endDate ?? '2027-01-08',
    },
    'approvedReport',
    AT,
  );

describe('what one credit adds to the year’s stats', () => {
  const person = { divisionId: 'finance', jobLine: 'การเงินและบัญชี' };

  it('makes a person developed with their first entry only', () => {
    const first = creditDelta({ hoursTarget: 40, person }, entry('E1', 'T1'));
    expect(first).toMatchObject({
      developed: 1,
      entries: 1,
      hours: 6,
      byDivision: { finance: { developed: 1 } },
    });
    const second = creditDelta(
      { hoursTarget: 40, person, totals: { trainings: 1, hours: 6, eLearningCourses: 0 } },
      entry('E1', 'T2'),
    );
    expect(second.developed).toBeUndefined();
    expect(second).toMatchObject({ entries: 1, hours: 6, byDivision: { finance: { hours: 6 } } });
  });

  it('counts the first e-Learning course, and the credit whose hours cross the target', () => {
    const totals = { trainings: 3, hours: 36, eLearningCourses: 0 };
    const d = creditDelta(
      { hoursTarget: 40, person, totals },
      entry('E1', 'T9', { method: 'eLearning', hours: 4 }),
    );
    expect(d).toMatchObject({ eLearning: 1, reachedTarget: 1, hours: 4 });
    const beyond = creditDelta(
      { hoursTarget: 40, person, totals: { trainings: 4, hours: 40, eLearningCourses: 1 } },
      entry('E1', 'T10', { method: 'eLearning', hours: 3 }),
    );
    expect(beyond.eLearning).toBeUndefined();
    expect(beyond.reachedTarget).toBeUndefined();
    const short = creditDelta({ hoursTarget: 40, person, totals }, entry('E1', 'T11', { hours: 3.5 }));
    expect(short.reachedTarget).toBeUndefined();
    // no target set: nobody "reaches" it
    expect(creditDelta({ hoursTarget: 0, person }, entry('E1', 'T12')).reachedTarget).toBeUndefined();
  });

  it('counts job-line training (งานในหน้าที่ / เฉพาะตำแหน่ง) under the person’s job line only', () => {
    expect(
      creditDelta({ hoursTarget: 40, person }, entry('E1', 'T1', { curriculum: 'duties' })).jobLineEntries,
    ).toEqual({ การเงินและบัญชี: 1 });
    expect(
      creditDelta({ hoursTarget: 40, person }, entry('E1', 'T2', { curriculum: 'positionSkills' }))
        .jobLineEntries,
    ).toEqual({ การเงินและบัญชี: 1 });
    for (const curriculum of ['basic', 'ethics', 'management', undefined])
      expect(
        creditDelta({ hoursTarget: 40, person }, entry('E1', 'T3', curriculum ? { curriculum } : {}))
          .jobLineEntries,
      ).toBeUndefined();
  });

  it('puts someone without a staff record or division under "no division"', () => {
    expect(creditDelta({ hoursTarget: 40 }, entry('X', 'T1')).byDivision).toEqual({
      [NO_DIVISION]: { developed: 1, entries: 1, hours: 6 },
    });
  });
});

describe('what reports add', () => {
  it('counts an opened report as due, per division', () => {
    expect(reportOpenedDelta({ divisionId: 'works' })).toEqual({
      reportsDue: 1,
      byDivision: { works: { reportsDue: 1 } },
    });
  });

  it('counts the first submission once, on time by the Bangkok date of the first submission', () => {
    const onTime = { firstSubmittedAt: '2027-01-19T16:30:00Z', dueDate: '2027-01-19', divisionId: 'works' };
    // 16:30 UTC is 23:30 in Bangkok, still the due date
    expect(reportFiledDelta(undefined, onTime, bangkokDate)).toEqual({
      reportsFiled: 1,
      reportsOnTime: 1,
      byDivision: { works: { reportsFiled: 1, reportsOnTime: 1 } },
    });
    // 17:30 UTC is already the next day in Bangkok: late
    const late = { ...onTime, firstSubmittedAt: '2027-01-19T17:30:00Z' };
    expect(reportFiledDelta(undefined, late, bangkokDate)).toEqual({
      reportsFiled: 1,
      byDivision: { works: { reportsFiled: 1 } },
    });
    // a resubmission after a return: the stored report already had a first submission
    expect(reportFiledDelta({ firstSubmittedAt: onTime.firstSubmittedAt }, onTime, bangkokDate)).toEqual({});
  });
});

describe('stats recomputed from the records', () => {
  it('equal the deltas added one event at a time, in any order', () => {
    const people = new Map([
      ['E1', { divisionId: 'finance', jobLine: 'การเงินและบัญชี' }],
      ['E2', { divisionId: 'works', jobLine: 'ช่างโยธา' }],
    ]);
    const entries = [
      entry('E1', 'T1', { hours: 20, curriculum: 'duties' }),
      entry('E1', 'T2', { hours: 20.5, method: 'eLearning' }),
      entry('E2', 'T1', { hours: 20 }),
      entry('E2', 'T3', { hours: 3, method: 'eLearning' }),
      entry('E2', 'T4', { hours: 3, method: 'eLearning', endDate: '2026-09-30' }), // FY2569: ignored
    ];
    const reports = [
      { divisionId: 'finance', dueDate: '2027-01-19', firstSubmittedAt: '2027-01-12T02:00:00Z' },
      { divisionId: 'works', dueDate: '2027-01-19', firstSubmittedAt: '2027-01-25T02:00:00Z' },
      { divisionId: 'works', dueDate: '2027-01-19' },
    ];
    const rebuilt = statsFromRecords({
      fiscalYear: 2570,
      hoursTarget: 40,
      entries: [...entries].reverse(),
      people,
      reports,
      bangkokDateOf: bangkokDate,
    });
    expect(rebuilt).toMatchObject({
      developed: 2,
      eLearning: 2,
      reachedTarget: 1,
      hours: 63.5,
      entries: 4,
      reportsDue: 3,
      reportsFiled: 2,
      reportsOnTime: 1,
      jobLineEntries: { การเงินและบัญชี: 1 },
      byDivision: {
        finance: { developed: 1, eLearning: 1, reachedTarget: 1, hours: 40.5, reportsOnTime: 1 },
        works: { developed: 1, eLearning: 1, hours: 23, reportsDue: 2, reportsFiled: 1 },
      },
    });

    // the maintained path: each credit sees the totals before it
    let live: FyStats = emptyFyStats(2570);
    const totals = new Map<string, { trainings: number; hours: number; eLearningCourses: number }>();
    for (const e of entries.filter((x) => x.fiscalYear === 2570)) {
      const before = totals.get(e.employeeId);
      live = addDelta(
        live,
        creditDelta(
          { hoursTarget: 40, person: people.get(e.employeeId), ...(before ? { totals: before } : {}) },
          e,
        ),
      );
      const t = before ?? { trainings: 0, hours: 0, eLearningCourses: 0 };
      totals.set(e.employeeId, {
        trainings: t.trainings + 1,
        hours: t.hours + e.hours,
        eLearningCourses: t.eLearningCourses + (e.method === 'eLearning' ? 1 : 0),
      });
    }
    for (const r of reports) {
      live = addDelta(live, reportOpenedDelta(r));
      live = addDelta(live, reportFiledDelta(undefined, r, bangkokDate));
    }
    expect(normaliseStats(live)).toEqual(normaliseStats(rebuilt));
  });
});

describe('fiscal-year boundaries', () => {
  it('counts a training ending 30 Sep 2026 in FY2569 and one ending 1 Oct 2026 in FY2570', () => {
    const entries = [
      entry('E1', 'T-sep', { endDate: '2026-09-30', hours: 3 }),
      entry('E1', 'T-oct', { endDate: '2026-10-01', hours: 5 }),
    ];
    expect(entries.map((e) => e.fiscalYear)).toEqual([2569, 2570]);
    const of = (fiscalYear: number) =>
      statsFromRecords({
        fiscalYear,
        hoursTarget: 4,
        entries,
        people: new Map(),
        reports: [],
        bangkokDateOf: bangkokDate,
      });
    // each year on its own: the person is developed in both, reaches the 4-hour target only in FY2570
    expect(of(2569)).toMatchObject({ developed: 1, hours: 3, entries: 1, reachedTarget: 0 });
    expect(of(2570)).toMatchObject({ developed: 1, hours: 5, entries: 1, reachedTarget: 1 });
  });
});
