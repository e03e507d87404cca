import type { ApiClient } from '../api-client';
import { AsyncContent } from '../async-content';
import type { PageProps } from '../routes';
import { EmptyState } from '../status-views';
import { useAsync } from '../use-async';

/** Training hours of one unit of the municipality. Provisional shape: the API arrives with issue 6. */
export interface UnitSummaryRow {
  readonly unitId: string;
  readonly unitName: string;
  readonly staffCount: number;
  readonly totalHours: number;
}

/** No endpoint yet (issue 6): until it exists there is nothing to summarise. */
export async function loadUnitSummaries(_api: ApiClient): Promise<readonly UnitSummaryRow[]> {
  return [];
}

const numberFormat = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

export function HrPage({ api }: PageProps) {
  const state = useAsync(() => loadUnitSummaries(api));
  return (
    <AsyncContent
      state={state}
      empty={
        <EmptyState>
          <p>เมื่อบุคลากรบันทึกการอบรมแล้ว ภาพรวมของแต่ละหน่วยงานจะแสดงที่นี่</p>
        </EmptyState>
      }
    >
      {(units) => (
        <table class="summary-table">
          <caption class="visually-hidden">ชั่วโมงอบรมแยกตามหน่วยงาน</caption>
          <thead>
            <tr>
              <th scope="col">หน่วยงาน</th>
              <th scope="col">บุคลากร (คน)</th>
              <th scope="col">ชั่วโมงอบรมรวม</th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.unitId}>
                <th scope="row">{unit.unitName}</th>
                <td>{numberFormat.format(unit.staffCount)}</td>
                <td>{numberFormat.format(unit.totalHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AsyncContent>
  );
}
