import { useState } from 'preact/hooks';
import { type EmployeeRow, loadEmployees } from '../hr-api';
import { useLoadMore } from '../load-more';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import { messageOf, thaiNumber } from './hr-form-parts';

type Api = Pick<PageProps, 'api'>;

// HR's staff list under the import: one page at a time by staff code ("ดูเพิ่ม" for the next), of one
// division when HR picks it (filtered by the server, so the pages and the count are that division's).

export function HrStaffList({ api }: Api) {
  const [division, setDivision] = useState('');
  return <StaffPages key={division} api={api} division={division} onDivision={setDivision} />;
}

function StaffPages({
  api,
  division,
  onDivision,
}: Api & { readonly division: string; readonly onDivision: (id: string) => void }) {
  const state = useAsync(() => loadEmployees(api, { division }));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดรายชื่อพนักงาน…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  return <StaffRows api={api} division={division} onDivision={onDivision} first={state.value} />;
}

function StaffRows({
  api,
  division,
  onDivision,
  first,
}: Api & {
  readonly division: string;
  readonly onDivision: (id: string) => void;
  readonly first: Awaited<ReturnType<typeof loadEmployees>>;
}) {
  const { items, button } = useLoadMore<EmployeeRow>(
    { items: first.employees, nextCursor: first.nextCursor },
    async (cursor) => {
      const page = await loadEmployees(api, { division, cursor });
      return { items: page.employees, nextCursor: page.nextCursor };
    },
    messageOf,
  );
  const divisionName = (id: string | null) => first.divisions.find((d) => d.id === id)?.name ?? 'ไม่ระบุกอง';
  return (
    <section class="hr-section" aria-labelledby="staff-list-title">
      <h2 id="staff-list-title">รายชื่อพนักงานในระบบ</h2>
      <div class="hr-field">
        <label for="staff-division">กอง/สำนัก</label>
        <select id="staff-division" value={division} onChange={(e) => onDivision(e.currentTarget.value)}>
          <option value="">ทุกกอง</option>
          {first.divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <p class="hint">
        ทั้งหมด {thaiNumber(first.total)} คน
        {items.length < first.total ? ` · แสดง ${thaiNumber(items.length)} คนแรก` : ''}
      </p>
      {items.length === 0 ? (
        <p class="hint">ยังไม่มีรายชื่อ{division ? 'ในกองนี้' : ''} นำเข้าไฟล์รายชื่อด้านบนได้</p>
      ) : (
        <ul class="hr-list">
          {items.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>{' '}
              <span class="hr-meta">{`${p.code} · ${divisionName(p.divisionId)}`}</span>
              <span class="hr-meta">
                {p.active ? 'ปฏิบัติงานอยู่' : 'พ้นจากตำแหน่งแล้ว'} · {p.linked ? 'เชื่อม LINE แล้ว' : 'ยังไม่เชื่อม LINE'}
              </span>
            </li>
          ))}
        </ul>
      )}
      {button}
    </section>
  );
}
