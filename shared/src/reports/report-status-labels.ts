import type { ReportStatus } from './training-report';

/** A report's status as a person reads it, in Thai. */
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  pending: 'ยังไม่ส่ง',
  returned: 'ถูกส่งกลับให้แก้ไข',
  submitted: 'ส่งแล้ว รอการพิจารณา',
  approved: 'อนุมัติแล้ว',
};
