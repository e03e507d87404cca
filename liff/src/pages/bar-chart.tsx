import { thaiNumber } from '../thai-number';
import './bar-chart.css';

// Horizontal bars as inline SVG, drawn at the page's own scale (no viewBox): text is set in CSS pixels
// and stays readable on a 360 px phone (labels 16 px, values 15 px) instead of shrinking with the chart.
// Each label sits on its own line above its bar, so a long division or method name is never cut.
// Screen readers get every value from the figure's label.

export interface BarChartRow {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** the value as read out, e.g. "6 ชั่วโมง" */
  readonly spoken: string;
}

export interface BarChartProps {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly BarChartRow[];
  /** the scale's end; defaults to the largest value */
  readonly max?: number | undefined;
  /** drawn as a dashed line, in the value's unit */
  readonly target?: number | undefined;
  /** after each value, e.g. "%" */
  readonly suffix?: string;
}

const ROW = 48;
/** the bars use at most this share of the width, leaving room for the value after the longest */
const SPAN = 78;

export function BarChart({ id, title, rows, max, target, suffix = '' }: BarChartProps) {
  const end = max ?? Math.max(1, ...rows.map((r) => r.value));
  const share = (v: number) => (Math.min(Math.max(v, 0), end) / end) * SPAN;
  const height = rows.length * ROW;
  const spoken = rows.map((r) => `${r.label} ${r.spoken}`).join(', ');
  return (
    <figure class="chart bar-chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <svg width="100%" height={height} role="img" aria-label={`${title}: ${spoken}`}>
        {rows.map((r, i) => {
          const w = share(r.value);
          const top = i * ROW;
          return (
            <g key={r.key}>
              <text x="0" y={top + 17} class="chart-label">
                {r.label}
              </text>
              <rect x="0" y={top + 25} width={`${Math.max(w, 0.6)}%`} height="14" rx="3" class="chart-bar" />
              <text x={`${w}%`} dx="6" y={top + 38} class="chart-value">
                {thaiNumber.format(r.value)}
                {suffix}
              </text>
            </g>
          );
        })}
        {target !== undefined ? (
          <line x1={`${share(target)}%`} x2={`${share(target)}%`} y1="20" y2={height} class="chart-target" />
        ) : null}
      </svg>
      {target !== undefined ? (
        <p class="hint">
          เส้นประ = เป้าหมาย {thaiNumber.format(target)}
          {suffix}
        </p>
      ) : null}
    </figure>
  );
}
