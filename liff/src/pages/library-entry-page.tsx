import { useEffect, useState } from 'preact/hooks';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import {
  type LibraryEntryResponse,
  libraryMessage,
  loadLibraryPhotoUrl,
  openLibraryEntry,
  recordPresentation,
  setLibraryVisibility,
} from '../library-api';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { useAsync } from '../use-async';
import './library.css';

// One entry of the knowledge library. Opening it is the reader's "read" receipt (counted once per
// colleague on the server). Its owner and HR may keep it internal or publish it again; HR records the
// monthly staff meeting where it was presented.

const date = (iso: string) => formatThaiShortDate(thaiCivilDate(iso));

export function LibraryEntryPage({ api, params }: PageProps) {
  const id = params.id ?? '';
  const state = useAsync(() => openLibraryEntry(api, id));
  if (state.status === 'loading') return <LoadingState label="กำลังเปิดเรื่อง…" />;
  if (state.status === 'error')
    return (
      <>
        <ErrorState message={libraryMessage(state.error)} onRetry={state.retry} />
        <Link href="/library">กลับไปคลังความรู้</Link>
      </>
    );
  return <Entry api={api} initial={state.value} />;
}

function Entry({ api, initial }: { readonly api: PageProps['api']; readonly initial: LibraryEntryResponse }) {
  const [e, setE] = useState(initial);
  const [status, setStatus] = useState('');
  const toggle = async () => {
    const next = e.visibility === 'published' ? 'internal' : 'published';
    setStatus('กำลังบันทึก…');
    try {
      const saved = await setLibraryVisibility(api, e.id, next);
      setE({ ...e, visibility: saved.visibility });
      setStatus(saved.visibility === 'published' ? 'เผยแพร่ให้เพื่อนร่วมงานแล้ว' : 'เก็บเป็นเอกสารภายในแล้ว');
    } catch (err) {
      setStatus(libraryMessage(err));
    }
  };
  return (
    <article class="library-entry" aria-labelledby="entry-title">
      <h2 id="entry-title">{e.trainingTitle}</h2>
      <p>
        {e.employeeName}
        {e.divisionName ? ` · ${e.divisionName}` : ''}
      </p>
      <dl class="report-answers">
        <dt>วันที่อบรม</dt>
        <dd>{e.startDate === e.endDate ? date(e.endDate) : `${date(e.startDate)} – ${date(e.endDate)}`}</dd>
        {e.competencyName ? (
          <>
            <dt>สมรรถนะ</dt>
            <dd>{e.competencyName}</dd>
          </>
        ) : null}
        <dt>สิ่งที่ได้เรียนรู้</dt>
        <dd class="prewrap">{e.learned}</dd>
        <dt>การนำไปใช้ในงาน</dt>
        <dd class="prewrap">{e.application}</dd>
        <dt>ผู้อ่าน</dt>
        <dd>{e.readCount} คน</dd>
        {e.presentation ? (
          <>
            <dt>นำเสนอในการประชุมประจำเดือน</dt>
            <dd>
              {date(e.presentation.date)}
              {e.presentation.note ? `: ${e.presentation.note}` : ''}
            </dd>
          </>
        ) : null}
        <dt>การเผยแพร่</dt>
        <dd>
          {e.visibility === 'published' ? 'เผยแพร่ให้เพื่อนร่วมงาน' : 'เอกสารภายใน (เจ้าของรายงานและฝ่ายบุคคลเท่านั้น)'}
        </dd>
      </dl>
      {e.photoIds.length > 0 ? (
        <section aria-label="รูปภาพและเอกสารแนบ">
          <h3>รูปภาพแนบ</h3>
          <ul class="report-photos">
            {e.photoIds.map((m, i) => (
              <li key={m}>
                <Photo api={api} id={e.id} messageId={m} n={i + 1} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {e.mayManage ? (
        <div class="hr-actions">
          <button
            type="button"
            class={e.visibility === 'published' ? 'button-danger' : 'button-primary'}
            onClick={toggle}
          >
            {e.visibility === 'published' ? 'เปลี่ยนเป็นเอกสารภายใน' : 'เผยแพร่ให้เพื่อนร่วมงาน'}
          </button>
        </div>
      ) : null}
      <p role="status" aria-live="polite">
        {status}
      </p>
      {e.mayRecordPresentation ? (
        <PresentationForm api={api} entry={e} onSaved={(p) => setE({ ...e, presentation: p })} />
      ) : null}
      <Link href="/library">กลับไปคลังความรู้</Link>
    </article>
  );
}

function PresentationForm({
  api,
  entry,
  onSaved,
}: {
  readonly api: PageProps['api'];
  readonly entry: LibraryEntryResponse;
  readonly onSaved: (p: NonNullable<LibraryEntryResponse['presentation']>) => void;
}) {
  const [day, setDay] = useState(entry.presentation?.date ?? '');
  const [note, setNote] = useState(entry.presentation?.note ?? '');
  const [status, setStatus] = useState('');
  const save = async (event: Event) => {
    event.preventDefault();
    if (!day) {
      setStatus('กรุณาเลือกวันที่ประชุม');
      return;
    }
    setStatus('กำลังบันทึก…');
    try {
      await recordPresentation(api, entry.id, { date: day, note });
      onSaved({ date: day, note, by: '', recordedAt: new Date().toISOString() });
      setStatus('บันทึกการนำเสนอแล้ว');
    } catch (err) {
      setStatus(libraryMessage(err));
    }
  };
  const year = new Date().getFullYear();
  return (
    <form class="library-presentation" onSubmit={save} aria-labelledby="presentation-title">
      <h3 id="presentation-title">บันทึกการนำเสนอในการประชุมพนักงานประจำเดือน (ฝ่ายบุคคล)</h3>
      <ThaiDateField
        id="presentation-date"
        label="วันที่ประชุม"
        value={day}
        onChange={setDay}
        years={[year - 1, year]}
      />
      <label for="presentation-note">บันทึก (ไม่บังคับ)</label>
      <textarea
        id="presentation-note"
        maxLength={500}
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <button type="submit" class="button-primary">
        บันทึกการนำเสนอ
      </button>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}

function Photo({
  api,
  id,
  messageId,
  n,
}: {
  api: PageProps['api'];
  id: string;
  messageId: string;
  n: number;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    let made: string | undefined;
    loadLibraryPhotoUrl(api, id, messageId).then(
      (u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      },
      (err: unknown) => live && setError(libraryMessage(err)),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id, messageId]);
  if (error) return <p class="notice-error">{error}</p>;
  if (!url) return <p class="hint">กำลังโหลดรูปที่ {n}…</p>;
  return <img src={url} alt={`รูปแนบที่ ${n}`} class="library-photo" decoding="async" />;
}
