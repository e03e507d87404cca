import { REPORT_STATUS_LABELS } from '../reports/report-status-labels';
import type { TrainingReport } from '../reports/training-report';
import { type RequestAction, reportOpenedDetail, type TrainingRequest } from './training-request';

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

/** The report opened from the request, as it stands now (the person may have corrected the return date). */
export type ReportNow = Pick<TrainingReport, 'status' | 'returnDate' | 'dueDate'>;

/**
 * The rows; with the report that was opened from the request, its opening row says the report's return
 * date, due date and status as they are now. Never an internal id: requests opened before the trail
 * described the report kept the report's id there, which is read as the course and the return date.
 */
export function requestTrailRows(
  request: Pick<TrainingRequest, 'trail' | 'course' | 'returnDate' | 'reportId'>,
  report?: ReportNow,
): RequestTrailRow[] {
  return [...request.trail]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((s) => ({
      date: s.at,
      step: REQUEST_STEP_LABELS[s.action],
      actor: s.byName,
      detail: s.action === 'reportOpened' ? openedDetail(request, s.detail, report) : (s.detail ?? ''),
    }));
}

function openedDetail(
  request: Pick<TrainingRequest, 'course' | 'returnDate' | 'reportId'>,
  stored: string | undefined,
  report: ReportNow | undefined,
): string {
  if (report)
    return `${reportOpenedDetail(request.course.title, report.returnDate, report.dueDate)} (${REPORT_STATUS_LABELS[report.status]})`;
  const legacy = !stored || stored === request.reportId || !/\s/.test(stored);
  return legacy ? reportOpenedDetail(request.course.title, request.returnDate) : stored;
}
