import { fiscalYearLabel, fiscalYearRange } from '../calendar/fiscal-year';
import type { Division } from '../domain/organisation';
import { type EthicsTrainingTable, ethicsTrainingTable } from '../ethics/ethics-training';
import type { SurveyKind, SurveyStatus } from '../surveys/survey';
import {
  describeRule,
  describeVerdict,
  evaluateTarget,
  type LastYear,
  type TargetRule,
  type TargetVerdict,
} from '../targets/target-rule';
import type { IsoDate } from '../text/thai-date';
import { type FyStats, NO_DIVISION, type StaffStats, type StatsCounters } from './fy-stats';
import { percent, round1 } from './rounding';

// The plan's indicators (ตัวชี้วัดตามแผนพัฒนาบุคลากร) from the maintained stats, the staff counts and the
// survey counters: pure arithmetic, so the dashboard and its exports show the same numbers.

export const INDICATOR_IDS = [
  'developed',
  'jobLines',
  'reportsFiled',
  'reportsOnTime',
  'reportsShared',
  'surveyResponse',
  'fiveS',
  'eLearning',
  'reachedTarget',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** Thai label, what it measures, and the default target in percent (a municipality may set its own). */
export const INDICATOR_DEFINITIONS: Readonly<
  Record<IndicatorId, { readonly label: string; readonly description: string; readonly target: number }>
> = {
  developed: {
    label: 'บุคลากรได้รับการพัฒนาอย่างน้อย 1 ครั้ง',
    description: 'ผู้ที่มีชั่วโมงอบรมในปีงบประมาณอย่างน้อย 1 รายการ ต่อบุคลากรที่ปฏิบัติงานอยู่',
    target: 80,
  },
  jobLines: {
    label: 'สายงานที่ได้รับการพัฒนาตามสายงาน',
    description: 'สายงานที่มีผู้ผ่านหลักสูตรงานในหน้าที่หรือหลักสูตรเฉพาะตำแหน่งอย่างน้อย 1 รายการ ต่อสายงานทั้งหมด',
    target: 80,
  },
  reportsFiled: {
    label: 'ส่งรายงานผลการฝึกอบรม',
    description: 'รายงานที่ส่งแล้ว ต่อรายงานที่ต้องส่งของการอบรมในปีงบประมาณ',
    target: 90,
  },
  reportsOnTime: {
    label: 'ส่งรายงานภายใน 7 วันทำการ',
    description: 'รายงานที่ส่งครั้งแรกภายในกำหนด ต่อรายงานที่ส่งแล้ว',
    target: 90,
  },
  reportsShared: {
    label: 'รายงานที่แบ่งปันให้เพื่อนร่วมงาน',
    description:
      'รายงานที่อนุมัติแล้วในปีงบประมาณซึ่งเผยแพร่ในคลังความรู้หรือนำเสนอในการประชุมประจำเดือน ต่อรายงานที่อนุมัติแล้ว (LPA ด้าน 2)',
    target: 90,
  },
  surveyResponse: {
    label: 'ตอบแบบสำรวจ',
    description: 'คำตอบต่อผู้ที่ได้รับแบบสำรวจ (ความต้องการฝึกอบรม ความพึงพอใจ และอื่น ๆ ยกเว้น 5ส)',
    target: 90,
  },
  fiveS: {
    label: 'เข้าร่วมกิจกรรม 5ส',
    description: 'ผู้บันทึกกิจกรรม 5ส ต่อผู้ที่ได้รับเชิญ',
    target: 90,
  },
  eLearning: {
    label: 'เรียน e-Learning อย่างน้อย 1 หลักสูตร',
    description: 'ผู้ที่ผ่านหลักสูตร e-Learning อย่างน้อย 1 หลักสูตร ต่อบุคลากรที่ปฏิบัติงานอยู่',
    target: 80,
  },
  reachedTarget: {
    label: 'ชั่วโมงอบรมถึงเป้าหมาย',
    description: 'ผู้ที่มีชั่วโมงอบรมสะสมถึงเป้าหมายรายปีของเทศบาล ต่อบุคลากรที่ปฏิบัติงานอยู่',
    target: 80,
  },
};

export interface Indicator {
  readonly id: IndicatorId;
  readonly label: string;
  readonly description: string;
  /** percent with one decimal; null when there is nothing to divide by yet */
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
  /** percent */
  readonly target: number;
  /** the year's rule (its percent is `target`) */
  readonly rule: TargetRule;
  /** null when `value` is null */
  readonly met: boolean | null;
  /** how `met` was decided (a "not below last year" rule may pass below the percent) */
  readonly verdict: TargetVerdict;
  /** the rule and the verdict in Thai, e.g. 'ไม่น้อยกว่าร้อยละ 80 หรือไม่ต่ำกว่าผลของปีที่แล้ว' */
  readonly ruleText: string;
  readonly verdictText: string;
}

/** The counters a survey document keeps (written by the survey flow as people answer). */
export interface SurveyCounters {
  readonly id: string;
  readonly kind: SurveyKind;
  readonly status: SurveyStatus;
  readonly responseCount: number;
  readonly audienceCount: number;
  readonly responsesByDivision: Readonly<Record<string, number>>;
  readonly audienceByDivision: Readonly<Record<string, number>>;
}

export interface DivisionRow {
  readonly divisionId: string;
  readonly name: string;
  readonly staff: number;
  readonly developed: number;
  readonly developedPercent: number | null;
  readonly eLearning: number;
  readonly reachedTarget: number;
  readonly hours: number;
  readonly hoursPerPerson: number | null;
  readonly reportsDue: number;
  readonly reportsFiled: number;
  readonly reportsOnTime: number;
  /** all surveys of the year except 5ส */
  readonly surveyResponsePercent: number | null;
}

/** GET /api/dashboard?fy= */
export interface DashboardData {
  readonly fiscalYear: number;
  readonly label: string;
  readonly range: { readonly start: IsoDate; readonly end: IsoDate };
  readonly hoursTarget: number;
  readonly staff: number;
  readonly hours: number;
  readonly indicators: readonly Indicator[];
  readonly divisions: readonly DivisionRow[];
  /** fiscal years HR may pick */
  readonly years: readonly number[];
  /** when the stats document last changed (ISO), if it exists */
  readonly updatedAt: string | null;
  /** mandatory ethics training per division and staff type */
  readonly ethicsTraining: EthicsTrainingTable;
}

export { percent } from './rounding';

export const NO_DIVISION_NAME = 'ไม่ระบุหน่วยงาน';

export interface DashboardInput {
  readonly stats: FyStats;
  readonly staff: StaffStats;
  readonly surveys: readonly SurveyCounters[];
  readonly divisions: readonly Division[];
  readonly hoursTarget: number;
  readonly targets?: Partial<Record<IndicatorId, number>>;
  /** the fiscal year's rules HR set (targets/fy<year>); they win over `targets` */
  readonly rules?: Partial<Record<IndicatorId, TargetRule>>;
  /** what a "not below last year" rule compares with */
  readonly lastYear?: Partial<Record<IndicatorId, LastYear>>;
  readonly years: readonly number[];
  readonly updatedAt?: string | null;
  /** the year's approved reports in the knowledge library, and those shared (published or presented) */
  readonly library?: { readonly approved: number; readonly shared: number };
}

export function dashboardFrom(i: DashboardInput): DashboardData {
  const { stats, staff } = i;
  const asked = i.surveys.filter((s) => s.status !== 'draft');
  const sum = (ss: readonly SurveyCounters[], f: (s: SurveyCounters) => number) =>
    ss.reduce((n, s) => n + f(s), 0);
  const general = asked.filter((s) => s.kind !== 'fiveS');
  const fiveS = asked.filter((s) => s.kind === 'fiveS');
  const jobLines = Object.entries(staff.activeByJobLine).filter(([, n]) => n > 0);
  const trainedJobLines = jobLines.filter(([jl]) => (stats.jobLineEntries[jl] ?? 0) > 0).length;

  const indicator = (id: IndicatorId, numerator: number, denominator: number): Indicator => {
    const d = INDICATOR_DEFINITIONS[id];
    const rule: TargetRule = i.rules?.[id] ?? { comparison: 'atLeast', percent: i.targets?.[id] ?? d.target };
    const value = percent(numerator, denominator);
    const verdict = evaluateTarget(rule, value, i.lastYear?.[id]);
    return {
      id,
      label: d.label,
      description: d.description,
      value,
      numerator,
      denominator,
      target: rule.percent,
      rule,
      met: verdict.met,
      verdict,
      ruleText: describeRule(rule),
      verdictText: describeVerdict(verdict),
    };
  };

  const names = new Map(i.divisions.map((d) => [d.id, d.name]));
  const ids = [
    ...i.divisions.map((d) => d.id),
    ...[...Object.keys(staff.activeByDivision), ...Object.keys(stats.byDivision)]
      .filter((id) => !names.has(id))
      .sort(),
  ].filter((id, n, all) => all.indexOf(id) === n);
  const divisions = ids.map((id): DivisionRow => {
    const c: Partial<StatsCounters> = stats.byDivision[id] ?? {};
    const people = staff.activeByDivision[id] ?? 0;
    const hours = c.hours ?? 0;
    const responses = sum(general, (s) => s.responsesByDivision[id] ?? 0);
    const audience = sum(general, (s) => s.audienceByDivision[id] ?? 0);
    return {
      divisionId: id,
      name: names.get(id) ?? (id === NO_DIVISION ? NO_DIVISION_NAME : id),
      staff: people,
      developed: c.developed ?? 0,
      developedPercent: percent(c.developed ?? 0, people),
      eLearning: c.eLearning ?? 0,
      reachedTarget: c.reachedTarget ?? 0,
      hours,
      hoursPerPerson: people > 0 ? round1(hours / people) : null,
      reportsDue: c.reportsDue ?? 0,
      reportsFiled: c.reportsFiled ?? 0,
      reportsOnTime: c.reportsOnTime ?? 0,
      surveyResponsePercent: percent(responses, audience),
    };
  });

  return {
    fiscalYear: stats.fiscalYear,
    label: fiscalYearLabel(stats.fiscalYear),
    range: fiscalYearRange(stats.fiscalYear),
    hoursTarget: i.hoursTarget,
    staff: staff.active,
    hours: stats.hours,
    indicators: [
      indicator('developed', stats.developed, staff.active),
      indicator('jobLines', trainedJobLines, jobLines.length),
      indicator('reportsFiled', stats.reportsFiled, stats.reportsDue),
      indicator('reportsOnTime', stats.reportsOnTime, stats.reportsFiled),
      indicator('reportsShared', i.library?.shared ?? 0, i.library?.approved ?? 0),
      indicator(
        'surveyResponse',
        sum(general, (s) => s.responseCount),
        sum(general, (s) => s.audienceCount),
      ),
      indicator(
        'fiveS',
        sum(fiveS, (s) => s.responseCount),
        sum(fiveS, (s) => s.audienceCount),
      ),
      indicator('eLearning', stats.eLearning, staff.active),
      indicator('reachedTarget', stats.reachedTarget, staff.active),
    ],
    divisions,
    years: i.years,
    updatedAt: i.updatedAt ?? null,
    ethicsTraining: ethicsTrainingTable(stats, staff, i.divisions, NO_DIVISION_NAME),
  };
}

/** A survey document's counters read leniently (a survey not yet opened has none). */
export function surveyCountersFromData(id: string, d: Record<string, unknown>): SurveyCounters {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const map = (o: unknown) =>
    Object.fromEntries(Object.entries((o ?? {}) as Record<string, unknown>).map(([k, v]) => [k, num(v)]));
  return {
    id,
    kind: (d.kind as SurveyKind | undefined) ?? 'custom',
    status: (d.status as SurveyStatus | undefined) ?? 'draft',
    responseCount: num(d.responseCount),
    audienceCount: num(d.audienceCount),
    responsesByDivision: map(d.responsesByDivision),
    audienceByDivision: map(d.audienceByDivision),
  };
}
