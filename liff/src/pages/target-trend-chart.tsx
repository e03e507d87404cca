import type { TargetIndicatorView } from '../targets-api';
import { percentText, thaiNumber } from '../thai-number';

// An indicator's year-on-year chart: one column per fiscal year for the result, a tick for that year's
// target, and met / not met under each column in words (colour is never the only sign).

const WIDTH = 320;
const HEIGHT = 170;
const TOP = 20;
const BOTTOM = 42;
const PLOT = HEIGHT - TOP - BOTTOM;

export function TargetTrendChart({ indicator }: { readonly indicator: TargetIndicatorView }) {
  const points = indicator.points;
  const slot = WIDTH / Math.max(1, points.length);
  const y = (v: number) => TOP + PLOT - (Math.min(100, Math.max(0, v)) / 100) * PLOT;
  const spoken = points
    .map(
      (p) =>
        `พ.ศ. ${p.fiscalYear} ผล ${percentText(p.result)} เป้าหมาย ${thaiNumber.format(p.rule.percent)}% ${p.verdictText}`,
    )
    .join(', ');
  return (
    <figure class="trend-chart">
      <figcaption>{indicator.label} รายปี</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${indicator.label} รายปี: ${spoken}`}>
        {points.map((p, n) => {
          const x = n * slot + slot / 2;
          const tone = p.verdict.met === null ? 'none' : p.verdict.met ? 'met' : 'unmet';
          return (
            <g key={p.fiscalYear} class={`trend-${tone}`}>
              {p.result !== null ? (
                <>
                  <rect
                    x={x - 14}
                    y={y(p.result)}
                    width={28}
                    height={TOP + PLOT - y(p.result)}
                    rx={3}
                    class="trend-bar"
                  />
                  <text x={x} y={y(p.result) - 3} text-anchor="middle" class="trend-value">
                    {thaiNumber.format(p.result)}
                  </text>
                </>
              ) : null}
              <line
                x1={x - 20}
                x2={x + 20}
                y1={y(p.rule.percent)}
                y2={y(p.rule.percent)}
                class="trend-target"
              />
              <text x={x} y={HEIGHT - 24} text-anchor="middle" class="trend-year">
                {p.fiscalYear}
              </text>
              <text x={x} y={HEIGHT - 6} text-anchor="middle" class="trend-verdict">
                {p.verdict.met === null ? '–' : p.verdict.met ? '✓ ผ่าน' : '✗ ไม่ผ่าน'}
              </text>
            </g>
          );
        })}
      </svg>
      <p class="hint">แท่ง = ผลการดำเนินงาน (%) · เส้นขวาง = เป้าหมายของปีนั้น</p>
    </figure>
  );
}
