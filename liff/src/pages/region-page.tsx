import type { RegionIndicator, RegionKpis } from '../../../shared/src/kpi/region-totals';
import { ApiError } from '../api-client';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { percentText, thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import './region-page.css';

// ภาพรวมจังหวัด: a province office, municipal league or the DLA sees each member municipality's
// indicators and the region's totals, counted from the municipalities' maintained stats. The API gives
// no person's record to this page; it shows municipalities, never people.

type RegionView = RegionKpis & { readonly region: { readonly id: string; readonly name: string } };

export function RegionPage({ api }: PageProps) {
  const state = useAsync(() => api.getJson<RegionView>('region'));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดภาพรวมของเทศบาลในเครือข่าย…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={
          state.error instanceof ApiError && state.error.status === 403
            ? 'หน้านี้สำหรับเจ้าหน้าที่ระดับจังหวัดหรือเครือข่ายที่ได้รับสิทธิ์เท่านั้น กรุณาติดต่อผู้ดูแลระบบ'
            : 'โหลดภาพรวมไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง'
        }
        onRetry={state.retry}
      />
    );
  const v = state.value;
  return (
    <>
      <p class="lead">
        {v.region.name} · ปีงบประมาณ {v.fiscalYear} · เทศบาล {thaiNumber.format(v.totals.municipalities)} แห่ง
      </p>
      <section class="region-card region-totals" aria-labelledby="region-totals">
        <h2 id="region-totals">รวมทั้งเครือข่าย</h2>
        <p>
          บุคลากร {thaiNumber.format(v.totals.staff)} คน · ชั่วโมงอบรมรวม {thaiNumber.format(v.totals.hours)}{' '}
          ชั่วโมง
        </p>
        <Indicators items={v.totals.indicators} />
      </section>
      {v.municipalities.map((m) => (
        <section class="region-card" key={m.municipalityId} aria-labelledby={`m-${m.municipalityId}`}>
          <h2 id={`m-${m.municipalityId}`}>{m.name}</h2>
          <p>
            บุคลากร {thaiNumber.format(m.staff)} คน · ชั่วโมงอบรม {thaiNumber.format(m.hours)} ชั่วโมง
          </p>
          <Indicators items={m.indicators} />
        </section>
      ))}
      <p class="hint">ตัวเลขเป็นผลรวมระดับเทศบาลเท่านั้น ไม่แสดงข้อมูลรายบุคคล</p>
    </>
  );
}

function Indicators({ items }: { readonly items: readonly RegionIndicator[] }) {
  return (
    <ul class="region-indicators">
      {items.map((i) => (
        <li key={i.id}>
          <span class="region-label">{i.label}</span>
          <span class={i.met === null ? 'region-value' : i.met ? 'region-value met' : 'region-value not-met'}>
            {percentText(i.value)}
            <span class="region-target"> (เป้าหมาย {percentText(i.target)})</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
