import { useState } from 'preact/hooks';
import { thaiDateTime } from '../format-date';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import {
  loadTargets,
  saveTargetResult,
  saveTargetRule,
  type TargetIndicatorView,
  type TargetRule,
  type TargetsData,
} from '../targets-api';
import { percentText, thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { LiveStatus, messageOf } from './hr-form-parts';
import { TargetTrendChart } from './target-trend-chart';
import './hr-admin.css';
import './hr-page.css';
import './hr-targets.css';

// Yearly targets (bot/src/api/target-routes.ts): each indicator's rule for a fiscal year ("≥ X%",
// "> X% or not below last year's target"), met / not met under it and the years before as a chart. HR
// edits a year's rule and, for a year before the system, its result; the server keeps who changed
// what. Executives see the same page without the forms.

const COMPARISONS = [
  { id: 'atLeast', label: 'ไม่น้อยกว่า (≥)' },
  { id: 'above', label: 'มากกว่า (>)' },
] as const;
const OR_NOT_BELOW = [
  { id: '', label: '— ไม่มี —' },
  { id: 'lastResult', label: 'หรือไม่ต่ำกว่าผลของปีที่แล้ว' },
  { id: 'lastTarget', label: 'หรือไม่ต่ำกว่าเป้าหมายของปีที่แล้ว' },
] as const;

export function HrTargetsPage({ api }: PageProps) {
  const [fy, setFy] = useState<number | undefined>(undefined);
  const [version, setVersion] = useState(0);
  return (
    <TargetsYear
      key={`${fy ?? 'current'}-${version}`}
      api={api}
      fy={fy}
      onYear={setFy}
      onSaved={() => setVersion((v) => v + 1)}
    />
  );
}

interface TargetsYearProps {
  readonly api: PageProps['api'];
  readonly fy: number | undefined;
  readonly onYear: (fy: number) => void;
  readonly onSaved: () => void;
}

function TargetsYear({ api, fy, onYear, onSaved }: TargetsYearProps) {
  const state = useAsync(() => loadTargets(api, fy));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดเป้าหมาย…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const d = state.value;
  return (
    <div class="targets-page">
      <div class="dashboard-bar">
        <label for="targets-year">ปีงบประมาณ</label>{' '}
        <select
          id="targets-year"
          value={String(d.fiscalYear)}
          onChange={(e) => onYear(Number(e.currentTarget.value))}
        >
          {d.years.map((y) => (
            <option key={y} value={String(y)}>
              พ.ศ. {y}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">
        {d.label} · ผลของปีนี้คำนวณจากข้อมูลในระบบ ปีก่อนใช้ผลที่บันทึกไว้
        {d.canEdit ? ' · แก้เป้าหมายได้ที่ปุ่ม "แก้ไขเป้าหมาย" ใต้แต่ละตัวชี้วัด' : ''}
      </p>
      <ul class="target-list" aria-label="เป้าหมายรายตัวชี้วัด">
        {d.indicators.map((i) => (
          <TargetCard key={i.id} api={api} data={d} indicator={i} onSaved={onSaved} />
        ))}
      </ul>
      <section class="hr-section" aria-labelledby="target-changes">
        <h2 id="target-changes">ประวัติการแก้ไขเป้าหมาย {d.label}</h2>
        {d.changes.length === 0 ? (
          <p class="hint">ยังไม่มีการแก้ไขในปีนี้</p>
        ) : (
          <ul class="target-changes">
            {d.changes.map((c) => (
              <li key={`${c.at}-${c.indicatorId}-${c.field}`}>
                {thaiDateTime(c.at)} · {c.by.name} ({c.by.employeeId}) ·{' '}
                {d.indicators.find((i) => i.id === c.indicatorId)?.label ?? c.indicatorId} ·{' '}
                {c.field === 'rule' ? 'เป้าหมาย' : 'ผลที่บันทึกเอง'}: {changeText(c.before)} →{' '}
                {changeText(c.after)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function changeText(v: TargetRule | number | null): string {
  if (v === null) return 'ค่าเริ่มต้น/ไม่มี';
  if (typeof v === 'number') return `${thaiNumber.format(v)}%`;
  const base = `${v.comparison === 'above' ? '>' : '≥'} ${thaiNumber.format(v.percent)}%`;
  return v.orNotBelow === 'lastResult'
    ? `${base} หรือไม่ต่ำกว่าผลปีที่แล้ว`
    : v.orNotBelow === 'lastTarget'
      ? `${base} หรือไม่ต่ำกว่าเป้าหมายปีที่แล้ว`
      : base;
}

interface TargetCardProps {
  readonly api: PageProps['api'];
  readonly data: TargetsData;
  readonly indicator: TargetIndicatorView;
  readonly onSaved: () => void;
}

function TargetCard({ api, data, indicator: i, onSaved }: TargetCardProps) {
  const point = i.points.at(-1);
  if (!point) return null;
  const tone = point.verdict.met === null ? 'none' : point.verdict.met ? 'met' : 'unmet';
  return (
    <li class={`kpi kpi-${tone}`} data-target={i.id}>
      <h2 class="kpi-label">{i.label}</h2>
      <p class="kpi-value">
        <span class="kpi-number">{percentText(point.result)}</span>{' '}
        <span class="kpi-target">เกณฑ์: {point.ruleText}</span>
      </p>
      <p class="kpi-status">{point.verdictText}</p>
      {point.source === 'hr' ? <p class="hint">ผลที่ฝ่ายบุคคลบันทึกเอง</p> : null}
      <TargetTrendChart indicator={i} />
      {data.canEdit ? <TargetEditor api={api} data={data} indicator={i} onSaved={onSaved} /> : null}
    </li>
  );
}

function TargetEditor({ api, data, indicator: i, onSaved }: TargetCardProps) {
  const point = i.points.at(-1);
  const rule = point?.rule;
  const [comparison, setComparison] = useState<string>(rule?.comparison ?? 'atLeast');
  const [percent, setPercent] = useState(String(rule?.percent ?? ''));
  const [orNotBelow, setOrNotBelow] = useState<string>(rule?.orNotBelow ?? '');
  const [result, setResult] = useState(
    point?.source === 'hr' && point.result !== null ? String(point.result) : '',
  );
  const [status, setStatus] = useState<{ tone: 'ok' | 'error' | 'info'; text: string }>({
    tone: 'info',
    text: '',
  });
  const [busy, setBusy] = useState(false);
  const id = (k: string) => `${i.id}-${k}`;

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setStatus({ tone: 'info', text: 'กำลังบันทึก…' });
    try {
      await action();
      setStatus({ tone: 'ok', text: done });
      onSaved();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const save = (e: Event) => {
    e.preventDefault();
    void run(
      () =>
        saveTargetRule(api, data.fiscalYear, i.id, {
          comparison: comparison as TargetRule['comparison'],
          percent: percent.trim() === '' ? Number.NaN : Number(percent),
          ...(orNotBelow ? { orNotBelow: orNotBelow as NonNullable<TargetRule['orNotBelow']> } : {}),
        }),
      'บันทึกเป้าหมายแล้ว',
    );
  };

  return (
    <details class="target-editor">
      <summary>แก้ไขเป้าหมาย พ.ศ. {data.fiscalYear}</summary>
      <form class="hr-form" onSubmit={save} noValidate>
        <div class="hr-field">
          <label for={id('comparison')}>เงื่อนไข</label>
          <select
            id={id('comparison')}
            value={comparison}
            onChange={(e) => setComparison(e.currentTarget.value)}
          >
            {COMPARISONS.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="hr-field">
          <label for={id('percent')}>ร้อยละ</label>
          <input
            id={id('percent')}
            type="number"
            inputMode="decimal"
            min="0"
            max="100"
            step="0.1"
            value={percent}
            onInput={(e) => setPercent(e.currentTarget.value)}
          />
        </div>
        <div class="hr-field">
          <label for={id('orNotBelow')}>เทียบกับปีที่แล้ว</label>
          <select
            id={id('orNotBelow')}
            value={orNotBelow}
            onChange={(e) => setOrNotBelow(e.currentTarget.value)}
          >
            {OR_NOT_BELOW.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div class="hr-actions">
          <button type="submit" class="button-primary" disabled={busy}>
            บันทึกเป้าหมาย
          </button>
          {point?.ruleSet ? (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => run(() => saveTargetRule(api, data.fiscalYear, i.id, null), 'กลับไปใช้ค่าเริ่มต้นแล้ว')}
            >
              ใช้ค่าเริ่มต้น
            </button>
          ) : null}
        </div>
      </form>
      {data.fiscalYear < data.currentYear ? (
        <form
          class="hr-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                saveTargetResult(api, data.fiscalYear, i.id, result.trim() === '' ? null : Number(result)),
              'บันทึกผลแล้ว',
            );
          }}
        >
          <div class="hr-field">
            <label for={id('result')}>ผลการดำเนินงานปีนั้น (%) กรณีไม่มีข้อมูลในระบบ</label>
            <input
              id={id('result')}
              type="number"
              inputMode="decimal"
              min="0"
              max="100"
              step="0.1"
              value={result}
              onInput={(e) => setResult(e.currentTarget.value)}
            />
          </div>
          <div class="hr-actions">
            <button type="submit" class="button" disabled={busy}>
              บันทึกผล
            </button>
          </div>
        </form>
      ) : null}
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
    </details>
  );
}
