import { formatThaiShortDate, thaiCivilDate } from './format-date';
import type { ReportStatus } from './report-api';

// Thai wording shared by the report list and the report form.

export const STATUS_LABELS: Record<ReportStatus, string> = {
  pending: 'ยังไม่ส่ง',
  returned: 'ถูกส่งกลับให้แก้ไข',
  submitted: 'ส่งแล้ว รอการพิจารณา',
  approved: 'อนุมัติแล้ว',
};

/** "1 – 3 ธ.ค. 2569" style: one date when the training was a single day. */
export function trainingDates(startDate: string, endDate: string): string {
  const start = formatThaiShortDate(thaiCivilDate(startDate));
  return startDate === endDate ? start : `${start} – ${formatThaiShortDate(thaiCivilDate(endDate))}`;
}
