import type { ApiClient } from '../api-client';
import { Link } from '../router';
import { loadTargets } from '../targets-api';
import { useAsync } from '../use-async';
import { messageOf } from './hr-form-parts';
import { TargetTrendChart } from './target-trend-chart';
import './hr-targets.css';

// The dashboard's year-on-year section: each indicator's result against its target over the last
// fiscal years (the target page's data), folded so the dashboard stays short on a phone.

export function TargetTrends({ api, fy }: { readonly api: ApiClient; readonly fy: number }) {
  const state = useAsync(() => loadTargets(api, fy));
  return (
    <section aria-labelledby="trends-heading">
      <h2 id="trends-heading">ผลเทียบเป้าหมายรายปี</h2>
      {state.status === 'loading' ? (
        <p class="hint" role="status">
          กำลังโหลดแนวโน้มรายปี…
        </p>
      ) : state.status === 'error' ? (
        <p class="hint" role="alert">
          {messageOf(state.error)}
        </p>
      ) : (
        <>
          {state.value.indicators.map((i) => (
            <details key={i.id} class="trend-details" data-trend={i.id}>
              <summary>
                {i.label}: {i.points.at(-1)?.verdictText ?? ''}
              </summary>
              <TargetTrendChart indicator={i} />
            </details>
          ))}
          <p>
            <Link href="/hr/targets">ดูและแก้ไขเป้าหมายรายปี</Link>
          </p>
        </>
      )}
    </section>
  );
}
