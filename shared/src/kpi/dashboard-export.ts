import { STAFF_TYPE_LABELS, type StaffType } from '../domain/organisation';
import type { HoursTotals } from '../ledger/hours-ledger';
import type { ExportTable } from '../surveys/survey-export';
import type { DashboardData } from './indicators';
import { round1 } from './rounding';

// The dashboard as evidence for the LPA assessment and ITA (Thai headers, one row per person or per
// division), for a CSV or a sheet of the workbook. Yes/no cells are words, not booleans, so they read
// the same in every spreadsheet program.

const YES = 'ใช่';
const NO = 'ไม่ใช่';
const yesNo = (b: boolean) => (b ? YES : NO);

export interface ExportPerson {
  readonly code: string;
  readonly name: string;
  readonly divisionId: string;
  readonly position: string;
  readonly staffType: StaffType;
  readonly jobLine?: string;
  readonly active: boolean;
}

export const PEOPLE_EXPORT_HEADERS = [
  'รหัสพนักงาน',
  'ชื่อ-สกุล',
  'หน่วยงาน',
  'ตำแหน่ง',
  'ประเภทบุคลากร',
  'สายงาน',
  'สถานะ',
  'จำนวนครั้งที่ได้รับการพัฒนา',
  'ชั่วโมงการพัฒนา',
  'เรียน e-Learning',
  'ได้รับการพัฒนาอย่างน้อย 1 ครั้ง',
  'ชั่วโมงถึงเป้าหมาย',
] as const;

/**
 * One row per person: everyone still working, plus anyone who left but was developed in the year (their
 * hours are part of the year's record). Sorted by division order, then employee code.
 */
export function peopleExportTable(input: {
  readonly people: readonly ExportPerson[];
  readonly totals: ReadonlyMap<string, Pick<HoursTotals, 'trainings' | 'hours' | 'eLearningCourses'>>;
  readonly divisions: DashboardData['divisions'];
  readonly hoursTarget: number;
}): ExportTable {
  const order = new Map(input.divisions.map((d, i) => [d.divisionId, i]));
  const names = new Map(input.divisions.map((d) => [d.divisionId, d.name]));
  const rows = input.people
    .filter((p) => p.active || (input.totals.get(p.code)?.trainings ?? 0) > 0)
    .sort(
      (a, b) =>
        (order.get(a.divisionId) ?? order.size) - (order.get(b.divisionId) ?? order.size) ||
        a.code.localeCompare(b.code),
    )
    .map((p) => {
      const t = input.totals.get(p.code);
      const trainings = t?.trainings ?? 0;
      const hours = t?.hours ?? 0;
      return [
        p.code,
        p.name,
        names.get(p.divisionId) ?? p.divisionId,
        p.position,
        STAFF_TYPE_LABELS[p.staffType] ?? p.staffType,
        p.jobLine ?? '',
        p.active ? 'ปฏิบัติงาน' : 'พ้นสภาพ',
        trainings,
        hours,
        yesNo((t?.eLearningCourses ?? 0) > 0),
        yesNo(trainings > 0),
        yesNo(input.hoursTarget > 0 && hours >= input.hoursTarget),
      ];
    });
  return { headers: PEOPLE_EXPORT_HEADERS, rows };
}

export const DIVISION_EXPORT_HEADERS = [
  'หน่วยงาน',
  'บุคลากร (คน)',
  'ได้รับการพัฒนา (คน)',
  'ร้อยละที่ได้รับการพัฒนา',
  'เรียน e-Learning (คน)',
  'ชั่วโมงถึงเป้าหมาย (คน)',
  'ชั่วโมงการพัฒนารวม',
  'ชั่วโมงเฉลี่ยต่อคน',
  'รายงานที่ต้องส่ง',
  'ส่งรายงานแล้ว',
  'ส่งรายงานตรงเวลา',
  'ร้อยละการตอบแบบสำรวจ',
] as const;

/** One row per division and a municipality total (the same numbers as the dashboard). */
export function divisionsExportTable(d: DashboardData): ExportTable {
  const rows = d.divisions.map((r) => [
    r.name,
    r.staff,
    r.developed,
    r.developedPercent,
    r.eLearning,
    r.reachedTarget,
    r.hours,
    r.hoursPerPerson,
    r.reportsDue,
    r.reportsFiled,
    r.reportsOnTime,
    r.surveyResponsePercent,
  ]);
  const total = (f: (r: DashboardData['divisions'][number]) => number) =>
    d.divisions.reduce((n, r) => n + f(r), 0);
  const developed = total((r) => r.developed);
  const value = (id: string) => d.indicators.find((i) => i.id === id)?.value ?? null;
  rows.push([
    'รวมทั้งเทศบาล',
    d.staff,
    developed,
    value('developed'),
    total((r) => r.eLearning),
    total((r) => r.reachedTarget),
    d.hours,
    d.staff > 0 ? round1(d.hours / d.staff) : null,
    total((r) => r.reportsDue),
    total((r) => r.reportsFiled),
    total((r) => r.reportsOnTime),
    value('surveyResponse'),
  ]);
  return { headers: DIVISION_EXPORT_HEADERS, rows };
}

export const INDICATOR_EXPORT_HEADERS = [
  'ตัวชี้วัด',
  'ผลการดำเนินงาน (ร้อยละ)',
  'ผลงาน',
  'จากทั้งหมด',
  'เป้าหมาย (ร้อยละ)',
  'ผลการประเมิน',
] as const;

export function indicatorsExportTable(d: DashboardData): ExportTable {
  return {
    headers: INDICATOR_EXPORT_HEADERS,
    rows: d.indicators.map((i) => [
      i.label,
      i.value,
      i.numerator,
      i.denominator,
      i.target,
      i.met === null ? 'ยังไม่มีข้อมูล' : i.met ? 'บรรลุเป้าหมาย' : 'ยังไม่บรรลุเป้าหมาย',
    ]),
  };
}
