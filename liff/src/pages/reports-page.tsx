import { AsyncContent } from '../async-content';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import type { PageProps } from '../page-props';
import { loadMyReports, ReportApiError } from '../report-api';
import { STATUS_LABELS, trainingDates } from '../report-labels';
import { Link } from '../router';
import { EmptyState } from '../status-views';
import { useAsync } from '../use-async';

/** The person's post-training reports: the ones still to file first, then this fiscal year's others. */
export function ReportsPage({ api }: PageProps) {
  const state = useAsync(() => loadMyReports(api));
  return (
    <AsyncContent
      state={state}
      errorMessage={
        state.status === 'error' && state.error instanceof ReportApiError ? state.error.message : undefined
      }
      empty={
        <EmptyState title="ยังไม่มีรายงานผลการฝึกอบรม">
          <p>เมื่อกลับจากการอบรมตามแผน ระบบจะแจ้งในแชตและรายงานจะแสดงที่นี่</p>
        </EmptyState>
      }
    >
      {(reports) => (
        <ul class="card-list">
          {reports.map((r) => (
            <li key={r.id}>
              <Link href={`/reports/${encodeURIComponent(r.id)}`} class="card">
                <span class="card-title">{r.trainingTitle}</span>
                <span class="card-description">
                  {STATUS_LABELS[r.status]}
                  {r.editable ? ` · กำหนดส่ง ${formatThaiShortDate(thaiCivilDate(r.dueDate))}` : ''}
                  {r.editable && r.missing > 0 ? ` · ยังไม่ได้ตอบ ${r.missing} ข้อ` : ''}
                </span>
                <span class="card-description">อบรม {trainingDates(r.startDate, r.endDate)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </AsyncContent>
  );
}
