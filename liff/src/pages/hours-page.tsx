import type { ApiClient } from '../api-client';
import { AsyncContent } from '../async-content';
import { formatThaiShortDate } from '../format-date';
import type { PageProps } from '../routes';
import { EmptyState } from '../status-views';
import { useAsync } from '../use-async';

/** One training record. Provisional shape: the API arrives with issue 6. */
export interface TrainingHoursRow {
  readonly id: string;
  readonly title: string;
  /** ISO date of the training. */
  readonly date: string;
  readonly hours: number;
}

/** No endpoint yet (issue 6): until it exists nobody has records, so the list is empty. */
export async function loadTrainingHours(_api: ApiClient): Promise<readonly TrainingHoursRow[]> {
  return [];
}

const hoursFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

export function HoursPage({ api }: PageProps) {
  const state = useAsync(() => loadTrainingHours(api));
  return (
    <AsyncContent
      state={state}
      empty={
        <EmptyState>
          <p>เมื่อบันทึกการอบรมแล้ว ชั่วโมงอบรมของคุณจะแสดงที่นี่</p>
        </EmptyState>
      }
    >
      {(rows) => (
        <ul class="record-list">
          {rows.map((row) => (
            <li key={row.id} class="record">
              <span class="record-title">{row.title}</span>
              <span class="record-meta">
                {formatThaiShortDate(new Date(row.date))} · {hoursFormat.format(row.hours)} ชั่วโมง
              </span>
            </li>
          ))}
        </ul>
      )}
    </AsyncContent>
  );
}
