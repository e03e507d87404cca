import type { RequestAction, TrainingRequest } from './training-request';

// The request's trail as rows for the audit archive (one row per step, oldest first): the date, the
// step in Thai, who did it, and what was recorded. Pure, so the archive's XLSX and printable page
// and the LIFF request page all show the same thing.

export interface RequestTrailRow {
  /** ISO instant of the step */
  readonly date: string;
  readonly step: string;
  readonly actor: string;
  readonly detail: string;
}

export const REQUEST_STEP_LABELS: Record<RequestAction, string> = {
  requested: 'ยื่นคำขออนุมัติไปอบรม',
  approved: 'ผู้บังคับบัญชาอนุมัติ',
  returned: 'ส่งกลับให้แก้ไข',
  refused: 'ไม่อนุมัติ',
  travelOrder: 'ออกคำสั่งไปราชการ',
  advance: 'ยืมเงินทดรองราชการ',
  reportOpened: 'เปิดรายงานผลการฝึกอบรม',
  advanceCleared: 'ส่งใช้เงินยืมแล้ว',
};

export function requestTrailRows(request: Pick<TrainingRequest, 'trail'>): RequestTrailRow[] {
  return [...request.trail]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((s) => ({
      date: s.at,
      step: REQUEST_STEP_LABELS[s.action],
      actor: s.byName,
      detail: s.detail ?? '',
    }));
}
