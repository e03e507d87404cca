import { useState } from 'preact/hooks';
import { failureMessage, type HoursBucket, type HoursView, loadMyHours } from '../development-api';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import type { PageProps } from '../page-props';
import { STATUS_LABELS } from '../report-labels';
import { Link } from '../router';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { BarChart } from './bar-chart';
import './development.css';

// ชั่วโมงอบรมของฉัน: this fiscal year's hours by method and curriculum (a plain SVG bar chart), progress
// toward the municipality's targets, the post-training reports with their status and due dates (a
// pending one opens the same report form the chat links to), and earlier years' totals.

const hoursText = (h: number) => `${thaiNumber.format(h)} ชั่วโมง`;
const hourRows = (buckets: readonly HoursBucket[]) =>
  buckets.map((b) => ({ key: b.id, label: b.name, value: b.hours, spoken: hoursText(b.hours) }));

export function HoursPage({ api }: PageProps) {
  const [fy, setFy] = useState<number | undefined>(undefined);
  const state = useAsync(() => loadMyHours(api, fy));
  const pick = (year: number) => {
    setFy(year);
    state.retry();
  };
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดชั่วโมงอบรม…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={failureMessage(state.error, 'โหลดชั่วโมงอบรมไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง')}
        onRetry={state.retry}
      />
    );
  return <HoursContent view={state.value} onPickYear={pick} />;
}

function HoursContent({
  view,
  onPickYear,
}: {
  readonly view: HoursView;
  readonly onPickYear: (fy: number) => void;
}) {
  const s = view.summary;
  const t = s.targets;
  return (
    <>
      {view.years.length > 1 ? (
        <p class="year-picker">
          <label for="hours-year">ปีงบประมาณ </label>
          <select
            id="hours-year"
            value={String(s.fiscalYear)}
            onChange={(e) => onPickYear(Number(e.currentTarget.value))}
          >
            {view.years.map((y) => (
              <option key={y} value={String(y)}>
                พ.ศ. {y}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <section aria-labelledby="hours-total" class="panel">
        <h2 id="hours-total">ปีงบประมาณ พ.ศ. {s.fiscalYear}</h2>
        <p class="big-number">
          {hoursText(s.hours)} <span class="hint">จาก {s.trainings} หลักสูตร</span>
        </p>
        <ul class="targets" aria-label="ความก้าวหน้าตามเป้าหมายของเทศบาล">
          <li>
            {t.hours.target === null ? (
              <span>เทศบาลยังไม่ได้กำหนดเป้าหมายชั่วโมงอบรม</span>
            ) : (
              <>
                <span class="target-label">
                  ชั่วโมงอบรมตามเป้าหมาย {hoursText(t.hours.target)}:{' '}
                  {t.hours.met ? 'ครบแล้ว ✅' : `ขาดอีก ${hoursText(t.hours.remaining)}`}
                </span>
                <progress
                  max={100}
                  value={t.hours.percent}
                  aria-label={`ชั่วโมงอบรม ร้อยละ ${t.hours.percent} ของเป้าหมาย`}
                />
                <span class="hint">ร้อยละ {t.hours.percent}</span>
              </>
            )}
          </li>
          <li>{t.developed.met ? '✅' : '⬜'} ได้รับการพัฒนาอย่างน้อย 1 ครั้งในปีนี้</li>
          <li>
            {t.eLearning.met ? '✅' : '⬜'} เรียน e-Learning อย่างน้อย 1 หลักสูตร
            {t.eLearning.courses > 0 ? ` (${t.eLearning.courses} หลักสูตร)` : ''}
          </li>
        </ul>
      </section>
      {s.hours > 0 ? (
        <>
          <BarChart id="by-method" title="ชั่วโมงตามวิธีการพัฒนา" rows={hourRows(s.byMethod)} />
          <BarChart id="by-curriculum" title="ชั่วโมงตามหลักสูตร" rows={hourRows(s.byCurriculum)} />
        </>
      ) : (
        <EmptyState title="ยังไม่มีชั่วโมงอบรมในปีนี้">
          <p>เมื่อรายงานผลการฝึกอบรมได้รับการอนุมัติครบ ชั่วโมงจะนับที่นี่</p>
        </EmptyState>
      )}
      <section aria-labelledby="hours-trainings">
        <h2 id="hours-trainings">การอบรมและรายงานผล</h2>
        {view.reports.length === 0 ? (
          <p class="hint">ยังไม่มีการอบรมที่ต้องรายงานในปีนี้</p>
        ) : (
          <ul class="record-list">
            {view.reports.map((r) => (
              <li key={r.id} class="record">
                <span class="record-title">{r.trainingTitle}</span>
                <span class="record-meta">
                  {hoursText(r.hours)} · อบรมถึง {formatThaiShortDate(thaiCivilDate(r.endDate))}
                </span>
                <span class={r.overdue ? 'record-meta notice-error' : 'record-meta'}>
                  {STATUS_LABELS[r.status]}
                  {r.editable ? ` · กำหนดส่ง ${formatThaiShortDate(thaiCivilDate(r.dueDate))}` : ''}
                  {r.overdue ? ' (เลยกำหนดแล้ว)' : ''}
                </span>
                {r.editable ? (
                  <Link href={`/reports/${encodeURIComponent(r.id)}`} class="button">
                    {r.status === 'returned' ? 'แก้ไขรายงาน' : 'เขียนรายงาน'}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hours-entries">
        <h2 id="hours-entries">ชั่วโมงที่นับแล้ว</h2>
        {s.entries.length === 0 ? (
          <p class="hint">ยังไม่มี</p>
        ) : (
          <table class="summary-table">
            <thead>
              <tr>
                <th scope="col">หลักสูตร</th>
                <th scope="col">วันที่</th>
                <th scope="col">ชั่วโมง</th>
              </tr>
            </thead>
            <tbody>
              {s.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.title}</td>
                  <td>{formatThaiShortDate(thaiCivilDate(e.endDate))}</td>
                  <td>{thaiNumber.format(e.hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {s.previousYears.length > 0 ? (
        <section aria-labelledby="hours-previous">
          <h2 id="hours-previous">ปีก่อน ๆ</h2>
          <table class="summary-table">
            <thead>
              <tr>
                <th scope="col">ปีงบประมาณ</th>
                <th scope="col">ชั่วโมง</th>
                <th scope="col">หลักสูตร</th>
              </tr>
            </thead>
            <tbody>
              {s.previousYears.map((y) => (
                <tr key={y.fiscalYear}>
                  <td>พ.ศ. {y.fiscalYear}</td>
                  <td>{thaiNumber.format(y.hours)}</td>
                  <td>{y.trainings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
