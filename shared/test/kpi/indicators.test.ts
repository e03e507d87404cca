import { describe, expect, it } from 'vitest';
import {
  divisionsExportTable,
  indicatorsExportTable,
  peopleExportTable,
} from '../../src/kpi/dashboard-export';
import { emptyFyStats, type FyStats, staffStatsFrom } from '../../src/kpi/fy-stats';
import {
  dashboardFrom,
  percent,
  type SurveyCounters,
  surveyCountersFromData,
} from '../../src/kpi/indicators';
import { exportCsv } from '../../src/surveys/survey-export';

const divisions = [
  { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  { id: 'finance', name: 'กองคลัง' },
];

const staff = staffStatsFrom([
  ...Array.from({ length: 6 }, (_, i) => ({
    divisionId: 'palad',
    jobLine: i < 3 ? 'บริหารงานทั่วไป' : 'ทรัพยากรบุคคล',
  })),
  ...Array.from({ length: 4 }, () => ({ divisionId: 'finance', jobLine: 'การเงินและบัญชี' })),
  { divisionId: 'finance', jobLine: 'การเงินและบัญชี', active: false },
]);

const stats: FyStats = {
  ...emptyFyStats(2570),
  developed: 8,
  eLearning: 5,
  reachedTarget: 3,
  hours: 250,
  entries: 20,
  reportsDue: 20,
  reportsFiled: 18,
  reportsOnTime: 16,
  byDivision: {
    palad: { developed: 5, hours: 150, eLearning: 3, reportsDue: 12, reportsFiled: 11 },
    finance: { developed: 3, hours: 100, eLearning: 2, reachedTarget: 3 },
  },
  jobLineEntries: { การเงินและบัญชี: 2, ทรัพยากรบุคคล: 1, ผู้ที่ลาออกไปแล้ว: 4 },
};

const survey = (o: Partial<SurveyCounters>): SurveyCounters => ({
  id: 's',
  kind: 'satisfaction',
  status: 'closed',
  responseCount: 0,
  audienceCount: 0,
  responsesByDivision: {},
  audienceByDivision: {},
  ...o,
});

describe('the plan’s indicators', () => {
  const d = dashboardFrom({
    stats,
    staff,
    divisions,
    hoursTarget: 40,
    years: [2571, 2570],
    surveys: [
      survey({
        responseCount: 9,
        audienceCount: 10,
        responsesByDivision: { palad: 5 },
        audienceByDivision: { palad: 6 },
      }),
      survey({ kind: 'trainingNeeds', responseCount: 8, audienceCount: 10 }),
      survey({ kind: 'fiveS', responseCount: 10, audienceCount: 10 }),
      // a draft has asked nobody yet
      survey({ kind: 'fiveS', status: 'draft', responseCount: 0, audienceCount: 10 }),
    ],
  });
  const by = Object.fromEntries(d.indicators.map((i) => [i.id, i]));

  it('divide by the people working now and compare with the LPA targets', () => {
    expect(staff.active).toBe(10);
    expect(by.developed).toMatchObject({ value: 80, numerator: 8, denominator: 10, target: 80, met: true });
    expect(by.eLearning).toMatchObject({ value: 50, met: false });
    expect(by.reachedTarget).toMatchObject({ value: 30, numerator: 3, met: false });
    expect(by.reportsFiled).toMatchObject({
      value: 90,
      numerator: 18,
      denominator: 20,
      target: 90,
      met: true,
    });
    // on time among the filed ones
    expect(by.reportsOnTime).toMatchObject({ value: 88.9, numerator: 16, denominator: 18, met: false });
  });

  it('count a job line once anyone in it had job-line training; only job lines of people working now', () => {
    expect(by.jobLines).toMatchObject({ numerator: 2, denominator: 3, value: 66.7, target: 80, met: false });
  });

  it('sum the survey counters, 5ส apart, and leave out drafts', () => {
    expect(by.surveyResponse).toMatchObject({
      numerator: 17,
      denominator: 20,
      value: 85,
      target: 90,
      met: false,
    });
    expect(by.fiveS).toMatchObject({ numerator: 10, denominator: 10, value: 100, met: true });
  });

  it('gives a row per division with percentages and hours per person', () => {
    expect(d.divisions.map((r) => r.name)).toEqual(['สำนักปลัดเทศบาล', 'กองคลัง']);
    expect(d.divisions[0]).toMatchObject({
      staff: 6,
      developed: 5,
      developedPercent: 83.3,
      hours: 150,
      hoursPerPerson: 25,
      surveyResponsePercent: 83.3,
    });
    expect(d.divisions[1]).toMatchObject({
      staff: 4,
      developedPercent: 75,
      reachedTarget: 3,
      surveyResponsePercent: null,
    });
    expect(d).toMatchObject({
      label: 'ปีงบประมาณ พ.ศ. 2570',
      range: { start: '2026-10-01', end: '2027-09-30' },
    });
  });

  it('has no value and no verdict before there is anything to divide by', () => {
    const empty = dashboardFrom({
      stats: emptyFyStats(2571),
      staff: staffStatsFrom([]),
      divisions,
      hoursTarget: 40,
      years: [2571],
      surveys: [],
    });
    expect(empty.indicators.every((i) => i.value === null && i.met === null)).toBe(true);
    expect(percent(0, 0)).toBeNull();
  });

  it('takes a municipality’s own targets', () => {
    const own = dashboardFrom({
      stats,
      staff,
      divisions,
      hoursTarget: 40,
      years: [2570],
      surveys: [],
      targets: { developed: 90 },
    });
    expect(own.indicators.find((i) => i.id === 'developed')).toMatchObject({ target: 90, met: false });
  });

  it('reads survey counters leniently', () => {
    expect(surveyCountersFromData('x', { kind: 'fiveS', status: 'open', responseCount: 3 })).toMatchObject({
      kind: 'fiveS',
      responseCount: 3,
      audienceCount: 0,
      audienceByDivision: {},
    });
  });

  it('exports the same numbers with Thai headers', () => {
    const divisionsTable = divisionsExportTable(d);
    expect(divisionsTable.headers[0]).toBe('หน่วยงาน');
    expect(divisionsTable.rows.at(-1)).toEqual(['รวมทั้งเทศบาล', 10, 8, 80, 5, 3, 250, 25, 12, 11, 0, 85]);
    expect(indicatorsExportTable(d).rows[0]).toEqual([
      'บุคลากรได้รับการพัฒนาอย่างน้อย 1 ครั้ง',
      80,
      8,
      10,
      80,
      'บรรลุเป้าหมาย',
    ]);
    const people = peopleExportTable({
      people: [
        {
          code: 'E2',
          name: 'นายสอง',
          divisionId: 'finance',
          position: 'นักวิชาการเงินและบัญชี',
          staffType: 'municipalEmployee',
          active: true,
        },
        {
          code: 'E1',
          name: 'นางหนึ่ง',
          divisionId: 'palad',
          position: 'นักทรัพยากรบุคคล',
          staffType: 'contractEmployee',
          active: true,
        },
        {
          code: 'E3',
          name: 'นายลาออก',
          divisionId: 'palad',
          position: 'x',
          staffType: 'municipalEmployee',
          active: false,
        },
        {
          code: 'E4',
          name: 'นายพ้นสภาพ',
          divisionId: 'palad',
          position: 'y',
          staffType: 'teacher',
          active: false,
        },
      ],
      totals: new Map([
        ['E1', { trainings: 3, hours: 41, eLearningCourses: 1 }],
        ['E3', { trainings: 1, hours: 6, eLearningCourses: 0 }],
      ]),
      divisions: d.divisions,
      hoursTarget: 40,
    });
    expect(people.rows.map((r) => r[0])).toEqual(['E1', 'E3', 'E2']);
    expect(people.rows[0]).toEqual([
      'E1',
      'นางหนึ่ง',
      'สำนักปลัดเทศบาล',
      'นักทรัพยากรบุคคล',
      'พนักงานจ้าง',
      '',
      'ปฏิบัติงาน',
      3,
      41,
      'ใช่',
      'ใช่',
      'ใช่',
    ]);
    expect(people.rows[2]?.slice(7)).toEqual([0, 0, 'ไม่ใช่', 'ไม่ใช่', 'ไม่ใช่']);
    const csv = exportCsv(people);
    expect(csv.startsWith('\uFEFF"รหัสพนักงาน","ชื่อ-สกุล"')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(people.rows.length + 2);
  });
});
