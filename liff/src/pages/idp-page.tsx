import type { ApiClient } from '../api-client';
import { AsyncContent } from '../async-content';
import { formatThaiShortDate } from '../format-date';
import type { PageProps } from '../routes';
import { EmptyState } from '../status-views';
import { useAsync } from '../use-async';

/** One goal of the individual development plan. Provisional shape: the API arrives with issue 6. */
export interface IdpGoalRow {
  readonly id: string;
  readonly title: string;
  /** ISO date the goal is due. */
  readonly dueDate: string;
}

/** No endpoint yet (issue 6): until it exists nobody has a plan, so the list is empty. */
export async function loadIdpGoals(_api: ApiClient): Promise<readonly IdpGoalRow[]> {
  return [];
}

export function IdpPage({ api }: PageProps) {
  const state = useAsync(() => loadIdpGoals(api));
  return (
    <AsyncContent
      state={state}
      empty={
        <EmptyState>
          <p>ยังไม่มีแผนพัฒนารายบุคคล (IDP) เมื่อจัดทำแผนแล้วจะแสดงที่นี่</p>
        </EmptyState>
      }
    >
      {(goals) => (
        <ul class="record-list">
          {goals.map((goal) => (
            <li key={goal.id} class="record">
              <span class="record-title">{goal.title}</span>
              <span class="record-meta">กำหนดเสร็จ {formatThaiShortDate(new Date(goal.dueDate))}</span>
            </li>
          ))}
        </ul>
      )}
    </AsyncContent>
  );
}
