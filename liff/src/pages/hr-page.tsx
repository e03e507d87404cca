import { useEffect, useState } from 'preact/hooks';
import type { DashboardData, DivisionRow, Indicator } from '../../../shared/src/kpi/indicators';
import type { ApiClient } from '../api-client';
import { ApiRefusal, apiSend } from '../api-send';
import { downloadFailureText, downloadFile } from '../download-file';
import { thaiDateTime } from '../format-date';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import { percentText, thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { BarChart } from './bar-chart';
import { EthicsTrainingSection } from './ethics-training-section';
import { TargetTrends } from './target-trends';
import './hr-page.css';
import { MessageBudgetCard } from './message-budget-card';

// The HR/executive dashboard (bot/src/api/dashboard-routes.ts): the plan's indicators of one fiscal
// year against their targets, the numbers by division as charts and a table, and the same numbers as
// evidence files for the LPA/ITA assessment.

const NOT_FOR_YOU = 'หน้านี้สำหรับฝ่ายบุคคลและผู้บริหาร บัญชีของท่านไม่มีสิทธิ์ดูแดชบอร์ด';

/** A refusal worth telling as is; `retry` is false when trying again cannot help. */
class DashboardError extends ApiRefusal {
  override readonly name: string = 'DashboardError';
  get retry(): boolean {
    return this.status !== 401 && this.status !== 403;
  }
}

/** The dashboard of `fy`, or of the current fiscal year (the server's clock decides which that is). */
export async function loadDashboard(api: ApiClient, fy?: number): Promise<DashboardData> {
  try {
    return await apiSend<DashboardData, DashboardError>(
      api,
      fy === undefined ? 'dashboard' : `dashboard?fy=${fy}`,
      {},
      DashboardError,
    );
  } catch (err) {
    if (err instanceof DashboardError && err.status === 403)
      throw new DashboardError(NOT_FOR_YOU, 403, err.body);
    throw err;
  }
}

/** HR's pages that exist in this build (other pages add theirs to routes.ts). */
const hrTools = (routes: PageProps['routes']) =>
  routes.filter((r) => r.path.startsWith('/hr/') && !r.path.includes(':'));

export function HrPage({ api, routes }: PageProps) {
  // undefined until HR picks one: the current fiscal year
  const [fy, setFy] = useState<number | undefined>(undefined);
  // the picker outlives each year's load, so it keeps focus while the next year comes in
  const [picker, setPicker] = useState<{ years: readonly number[]; current: number } | undefined>(undefined);
  const onLoaded = (d: DashboardData) => setPicker((p) => p ?? { years: d.years, current: d.fiscalYear });
  const tools = hrTools(routes);

  return (
    <div class="dashboard">
      {picker ? (
        <div class="dashboard-bar">
          <label for="dashboard-year">ปีงบประมาณ</label>{' '}
          <select
            id="dashboard-year"
            value={String(fy ?? picker.current)}
            onChange={(e) => setFy(Number(e.currentTarget.value))}
          >
            {picker.years.map((y) => (
              <option key={y} value={String(y)}>
                พ.ศ. {y}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <MessageBudgetCard api={api} />
      <YearDashboard key={fy ?? 'current'} api={api} fy={fy} onLoaded={onLoaded} />
      {tools.length > 0 ? (
        <nav aria-labelledby="hr-tools-heading">
          <h2 id="hr-tools-heading">งานของฝ่ายบุคคล</h2>
          <ul class="hr-tools">
            {tools.map((r) => (
              <li key={r.path}>
                <Link href={r.path}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}

interface YearDashboardProps {
  readonly api: ApiClient;
  readonly fy: number | undefined;
  readonly onLoaded: (d: DashboardData) => void;
}

function YearDashboard({ api, fy, onLoaded }: YearDashboardProps) {
  const state = useAsync(() => loadDashboard(api, fy));
  useEffect(() => {
    if (state.status === 'ready') onLoaded(state.value);
  }, [state.status]);

  if (state.status === 'loading') return <LoadingState label="กำลังโหลดตัวชี้วัด…" />;
  if (state.status === 'error') {
    const e = state.error;
    return e instanceof DashboardError ? (
      <ErrorState
        title={e.retry ? 'เกิดข้อผิดพลาด' : 'ไม่สามารถเปิดแดชบอร์ดได้'}
        message={e.message}
        {...(e.retry ? { onRetry: state.retry } : {})}
      />
    ) : (
      <ErrorState message="โหลดตัวชี้วัดไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง" onRetry={state.retry} />
    );
  }

  const d = state.value;
  const developed = d.indicators.find((i) => i.id === 'developed');
  return (
    <>
      <p class="hint">
        {d.label} · บุคลากร {thaiNumber.format(d.staff)} คน · ชั่วโมงรวม {thaiNumber.format(d.hours)} ชั่วโมง ·
        เป้าหมาย {thaiNumber.format(d.hoursTarget)} ชั่วโมง/คน/ปี
        <br />
        {d.updatedAt ? `ข้อมูลล่าสุดเมื่อ ${thaiDateTime(d.updatedAt)}` : 'ยังไม่มีการบันทึกการพัฒนาในปีนี้'}
      </p>

      <h2 id="kpi-heading">ตัวชี้วัดตามแผนพัฒนาบุคลากร</h2>
      <ul class="kpi-list" aria-labelledby="kpi-heading">
        {d.indicators.map((i) => (
          <IndicatorCard key={i.id} indicator={i} />
        ))}
      </ul>

      <h2>แยกตามหน่วยงาน</h2>
      {d.divisions.length === 0 ? (
        <p class="hint">ยังไม่ได้กำหนดหน่วยงานของเทศบาล</p>
      ) : (
        <>
          <BarChart
            id="division-hours"
            title="ชั่วโมงการพัฒนารวมแยกตามหน่วยงาน"
            rows={d.divisions.map((r) => ({
              key: r.divisionId,
              label: r.name,
              value: r.hours,
              spoken: `${thaiNumber.format(r.hours)} ชั่วโมง`,
            }))}
          />
          <BarChart
            id="division-developed"
            title="ร้อยละของบุคลากรที่ได้รับการพัฒนา แยกตามหน่วยงาน"
            suffix="%"
            max={100}
            target={developed?.target}
            rows={d.divisions.map((r) => ({
              key: r.divisionId,
              label: r.name,
              value: r.developedPercent ?? 0,
              spoken: `${thaiNumber.format(r.developedPercent ?? 0)} %`,
            }))}
          />
          <DivisionTable data={d} />
        </>
      )}

      <EthicsTrainingSection api={api} fy={d.fiscalYear} table={d.ethicsTraining} />
      <TargetTrends api={api} fy={d.fiscalYear} />

      <h2>ส่งออกหลักฐาน (LPA/ITA)</h2>
      <Exports api={api} fy={d.fiscalYear} />
    </>
  );
}

/** Met or not is said in words as well as colour. */
function IndicatorCard({ indicator: i }: { readonly indicator: Indicator }) {
  const tone = i.met === null ? 'none' : i.met ? 'met' : 'unmet';
  const fill = Math.min(100, Math.max(0, i.value ?? 0));
  return (
    <li class={`kpi kpi-${tone}`} data-indicator={i.id}>
      <h3 class="kpi-label">{i.label}</h3>
      <p class="kpi-value">
        <span class="kpi-number">{percentText(i.value)}</span>{' '}
        <span class="kpi-target">เป้าหมาย {thaiNumber.format(i.target)}%</span>
      </p>
      <p class="kpi-rule">เกณฑ์: {i.ruleText}</p>
      <div class="kpi-track" aria-hidden="true">
        <div class="kpi-fill" style={{ width: `${fill}%` }} />
        <div class="kpi-goal" style={{ left: `${Math.min(100, i.target)}%` }} />
      </div>
      <p class="kpi-status">
        {i.met === null ? (
          'ยังไม่มีข้อมูล'
        ) : i.met ? (
          <>
            <span aria-hidden="true">✓ </span>
            {i.verdictText}
          </>
        ) : (
          `ยังไม่ถึงเป้าหมาย (ขาดอีก ${thaiNumber.format(Math.max(0, i.target - (i.value ?? 0)))}%)`
        )}
      </p>
      <p class="kpi-count">
        {thaiNumber.format(i.numerator)} จาก {thaiNumber.format(i.denominator)}
      </p>
      <p class="kpi-description">{i.description}</p>
    </li>
  );
}

function DivisionTable({ data }: { readonly data: DashboardData }) {
  const rows = data.divisions;
  const sum = (f: (r: DivisionRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const value = (id: Indicator['id']) => data.indicators.find((i) => i.id === id)?.value ?? null;
  return (
    <div class="table-scroll">
      <table class="summary-table">
        <caption class="visually-hidden">ตัวชี้วัดแยกตามหน่วยงาน</caption>
        <thead>
          <tr>
            <th scope="col">หน่วยงาน</th>
            <th scope="col">บุคลากร (คน)</th>
            <th scope="col">ได้รับการพัฒนา</th>
            <th scope="col">e-Learning (คน)</th>
            <th scope="col">ถึงเป้าหมายชั่วโมง (คน)</th>
            <th scope="col">ชั่วโมงรวม</th>
            <th scope="col">ชั่วโมง/คน</th>
            <th scope="col">รายงาน ส่งแล้ว/ต้องส่ง</th>
            <th scope="col">ตอบแบบสำรวจ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.divisionId}>
              <th scope="row">{r.name}</th>
              <td>{thaiNumber.format(r.staff)}</td>
              <td>
                {thaiNumber.format(r.developed)} ({percentText(r.developedPercent)})
              </td>
              <td>{thaiNumber.format(r.eLearning)}</td>
              <td>{thaiNumber.format(r.reachedTarget)}</td>
              <td>{thaiNumber.format(r.hours)}</td>
              <td>{r.hoursPerPerson === null ? '–' : thaiNumber.format(r.hoursPerPerson)}</td>
              <td>
                {thaiNumber.format(r.reportsFiled)}/{thaiNumber.format(r.reportsDue)}
              </td>
              <td>{percentText(r.surveyResponsePercent)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">รวมทั้งเทศบาล</th>
            <td>{thaiNumber.format(data.staff)}</td>
            <td>
              {thaiNumber.format(sum((r) => r.developed))} ({percentText(value('developed'))})
            </td>
            <td>{thaiNumber.format(sum((r) => r.eLearning))}</td>
            <td>{thaiNumber.format(sum((r) => r.reachedTarget))}</td>
            <td>{thaiNumber.format(data.hours)}</td>
            <td>{data.staff > 0 ? thaiNumber.format(data.hours / data.staff) : '–'}</td>
            <td>
              {thaiNumber.format(sum((r) => r.reportsFiled))}/{thaiNumber.format(sum((r) => r.reportsDue))}
            </td>
            <td>{percentText(value('surveyResponse'))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const EXPORTS = [
  { id: 'xlsx', label: 'Excel (ตัวชี้วัด รายหน่วยงาน รายบุคคล)', path: 'dashboard/export.xlsx', file: '.xlsx' },
  { id: 'people', label: 'CSV รายบุคคล', path: 'dashboard/export.csv?kind=people', file: '-people.csv' },
  {
    id: 'divisions',
    label: 'CSV รายหน่วยงาน',
    path: 'dashboard/export.csv?kind=divisions',
    file: '-divisions.csv',
  },
] as const;
type Export = (typeof EXPORTS)[number];

type ExportStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly which: Export['id'] }
  | { readonly kind: 'done'; readonly filename: string }
  | { readonly kind: 'error'; readonly message: string };

/** The year's evidence files, downloaded through the API client (the request needs the ID token). */
function Exports({ api, fy }: { readonly api: ApiClient; readonly fy: number }) {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  async function download(e: Export) {
    setStatus({ kind: 'working', which: e.id });
    try {
      const filename = await downloadFile(
        api,
        `${e.path}${e.path.includes('?') ? '&' : '?'}fy=${fy}`,
        `phattana-kpi-${fy}${e.file}`,
        { headers: { Accept: '*/*' } },
      );
      setStatus({ kind: 'done', filename });
    } catch (err) {
      setStatus({ kind: 'error', message: downloadFailureText(err) });
    }
  }

  return (
    <section class="exports" aria-label="ส่งออกไฟล์">
      {EXPORTS.map((e) => (
        <button
          key={e.id}
          type="button"
          class="button-primary"
          onClick={() => download(e)}
          disabled={status.kind === 'working'}
        >
          {status.kind === 'working' && status.which === e.id ? 'กำลังเตรียมไฟล์…' : e.label}
        </button>
      ))}
      <p role="status" aria-live="polite">
        {status.kind === 'done'
          ? `ดาวน์โหลด ${status.filename} แล้ว`
          : status.kind === 'error'
            ? status.message
            : ''}
      </p>
    </section>
  );
}
