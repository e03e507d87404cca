import { useState } from 'preact/hooks';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import {
  type LibraryListItem,
  type LibraryListResponse,
  type LibraryQuery,
  libraryMessage,
  loadLibrary,
  setLibraryDigest,
} from '../library-api';
import { useLoadMore } from '../load-more';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import './library.css';

// The knowledge library (คลังความรู้): what colleagues learned on their courses and how they use it,
// searchable by topic, competency, division and fiscal year. The reader's weekly digest switch is here
// too (the same choice as "ไม่รับสรุปรายสัปดาห์" in chat).

const fyLabel = (fy: number) => `ปีงบประมาณ พ.ศ. ${fy}`;

export function LibraryPage({ api }: PageProps) {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [form, setForm] = useState<LibraryQuery>({});
  // the load reads the query of the render that retries: set both together
  const state = useAsync(() => loadLibrary(api, query));
  const search = (event: Event) => {
    event.preventDefault();
    setQuery(form);
    state.retry();
  };
  const set = (k: keyof LibraryQuery) => (e: Event) =>
    setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value }));

  if (state.status === 'loading') return <LoadingState label="กำลังโหลดคลังความรู้…" />;
  if (state.status === 'error')
    return <ErrorState message={libraryMessage(state.error)} onRetry={state.retry} />;
  const data = state.value;
  return (
    <div class="library">
      <p>สิ่งที่เพื่อนร่วมงานได้เรียนรู้จากการอบรม และวิธีนำไปใช้ในงาน เผยแพร่เมื่อรายงานผลการฝึกอบรมได้รับอนุมัติครบ</p>
      <form class="library-search" onSubmit={search} aria-label="ค้นหาในคลังความรู้">
        <label for="library-q">ค้นหาเรื่อง</label>
        <input
          id="library-q"
          type="search"
          value={form.q ?? ''}
          onInput={set('q')}
          placeholder="เช่น งบประมาณ"
        />
        <label for="library-competency">สมรรถนะ</label>
        <select id="library-competency" value={form.competency ?? ''} onChange={set('competency')}>
          <option value="">ทุกสมรรถนะ</option>
          {data.filters.competencies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label for="library-division">กอง/สำนัก</label>
        <select id="library-division" value={form.division ?? ''} onChange={set('division')}>
          <option value="">ทุกกอง</option>
          {data.filters.divisions.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        <label for="library-fy">ปีงบประมาณ</label>
        <select id="library-fy" value={form.fy ?? ''} onChange={set('fy')}>
          <option value="">ทุกปี</option>
          {data.filters.years.map((y) => (
            <option key={y} value={String(y)}>
              {fyLabel(y)}
            </option>
          ))}
        </select>
        <button type="submit" class="button-primary">
          ค้นหา
        </button>
      </form>
      <LibraryResults key={data.nextCursor ?? ''} api={api} query={query} data={data} />
      <DigestSwitch api={api} data={data} />
    </div>
  );
}

/** The search's entries, a page at a time: the first with the page, then "ดูเพิ่ม" for the same search. */
function LibraryResults({
  api,
  query,
  data,
}: {
  readonly api: PageProps['api'];
  readonly query: LibraryQuery;
  readonly data: LibraryListResponse;
}) {
  const { items: entries, button } = useLoadMore<LibraryListItem>(
    { items: data.entries, nextCursor: data.nextCursor ?? null },
    async (cursor) => {
      const next = await loadLibrary(api, query, cursor);
      return { items: next.entries, nextCursor: next.nextCursor ?? null };
    },
    libraryMessage,
  );
  return (
    <>
      <p role="status" aria-live="polite">
        {button ? `แสดง ${entries.length} เรื่อง กด "ดูเพิ่ม" ท้ายรายการเพื่อดูเรื่องถัดไป` : `พบ ${entries.length} เรื่อง`}
      </p>
      {entries.length === 0 && !button ? (
        <EmptyState title="ยังไม่มีเรื่องที่ตรงกับการค้นหา">
          <p>ลองคำค้นอื่น หรือเลือก "ทุกปี"</p>
        </EmptyState>
      ) : (
        <ul class="library-list">
          {entries.map((e) => (
            <li key={e.id} class="card">
              <Link href={`/library/${encodeURIComponent(e.id)}`}>
                <strong>{e.trainingTitle}</strong>
              </Link>
              <span>
                {e.employeeName}
                {e.divisionName ? ` · ${e.divisionName}` : ''}
              </span>
              <span class="hint">
                อบรม {formatThaiShortDate(thaiCivilDate(e.endDate))} · อ่านแล้ว {e.readCount} คน
                {e.presented ? ' · นำเสนอในที่ประชุมแล้ว' : ''}
                {e.visibility === 'internal' ? ' · เอกสารภายใน' : ''}
              </span>
              <p>{e.learnedPreview}</p>
            </li>
          ))}
        </ul>
      )}
      {button}
    </>
  );
}

function DigestSwitch({ api, data }: { readonly api: PageProps['api']; readonly data: LibraryListResponse }) {
  const [on, setOn] = useState(data.digest);
  const [status, setStatus] = useState('');
  const toggle = async (next: boolean) => {
    setStatus('กำลังบันทึก…');
    try {
      const saved = await setLibraryDigest(api, next);
      setOn(saved.digest);
      setStatus(saved.digest ? 'เปิดรับสรุปรายสัปดาห์แล้ว' : 'หยุดรับสรุปรายสัปดาห์แล้ว');
    } catch (err) {
      setStatus(libraryMessage(err));
    }
  };
  return (
    <section class="library-digest" aria-labelledby="library-digest-title">
      <h2 id="library-digest-title">สรุปรายสัปดาห์ทาง LINE</h2>
      <label class="checkbox">
        <input type="checkbox" checked={on} onChange={(e) => toggle(e.currentTarget.checked)} />
        รับสรุปเรื่องใหม่ของเพื่อนร่วมกองสัปดาห์ละ 1 ข้อความ
      </label>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
