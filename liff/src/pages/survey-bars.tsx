import type { SurveySummary } from '../survey-admin-api';
import { thaiNumber } from '../thai-number';

// Bars drawn with CSS widths: the figure is always also written out as text, so the bar itself is
// decoration (aria-hidden) and a screen reader hears the numbers.

export function Bar({ percent }: { readonly percent: number | null }) {
  const width = Math.max(0, Math.min(100, percent ?? 0));
  return (
    <span class="bar-track" aria-hidden="true">
      <span class="bar-fill" style={{ width: `${width}%` }} />
    </span>
  );
}

/** "ตอบแล้ว 12 จาก 15 คน (ร้อยละ 80)", or why there is no rate yet. */
export function rateText(s: Pick<SurveySummary, 'audienceCount' | 'responseCount' | 'ratePercent'>): string {
  if (s.audienceCount === null) return 'ยังไม่เปิดรับคำตอบ';
  const rate = s.ratePercent === null ? '' : ` (ร้อยละ ${thaiNumber.format(s.ratePercent)})`;
  return `ตอบแล้ว ${thaiNumber.format(s.responseCount)} จาก ${thaiNumber.format(s.audienceCount)} คน${rate}`;
}

export const STATUS_LABELS: Record<SurveySummary['status'], string> = {
  draft: 'ร่าง',
  open: 'เปิดรับคำตอบ',
  closed: 'ปิดแล้ว',
};

export function StatusBadge({ status }: { readonly status: SurveySummary['status'] }) {
  return <span class={`survey-badge survey-badge-${status}`}>{STATUS_LABELS[status]}</span>;
}
