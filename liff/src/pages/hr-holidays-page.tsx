import { useState } from 'preact/hooks';
import { ConfirmBox } from '../confirm-box';
import {
  addHoliday,
  HrApiError,
  holidayImpact,
  loadHolidays,
  removeHoliday,
  undoHolidayEdit,
} from '../hr-api';
import type { PageProps } from '../page-props';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { useAsync } from '../use-async';
import { ErrorSummary, InputField, LiveStatus, messageOf, shortDate, thaiNumber } from './hr-form-parts';

// The municipality's holidays: the working-day calendar behind every report's due date. Before an edit
// the page says how many open reports would get a new due date and asks to confirm; after it the server
// moves them, says how many moved, and the edit can be undone (the due dates follow back).

const KIND_LABELS: Record<string, string> = {
  public: 'วันหยุดราชการ',
  substitution: 'วันหยุดชดเชย',
  special: 'วันหยุดพิเศษ (มติ ครม.)',
  local: 'วันหยุดท้องถิ่น',
};

const LABELS = { date: 'วันที่', name: 'ชื่อวันหยุด', kind: 'ประเภท' };
const IDS = { date: 'holiday-date', name: 'holiday-name', kind: 'holiday-kind' };
/** The year as Thai readers name it (พ.ศ.), from Intl: never computed by hand. */
const thaiYear = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: 'Asia/Bangkok' });

/** What an edit would do, asked before it is made. */
interface Pending {
  readonly change: 'add' | 'remove';
  readonly date: string;
  readonly name: string;
  readonly moved: number;
}

/** The confirmation's sentence: the edit, and how many open reports get a new due date. */
const impactText = (p: Pending) =>
  `${p.change === 'add' ? 'เพิ่ม' : 'ลบ'}วันหยุด ${shortDate(p.date)} ${p.name}: ${
    p.moved > 0 ? `${thaiNumber(p.moved)} รายงานที่ยังเปิดอยู่จะได้กำหนดส่งใหม่` : 'ไม่มีรายงานที่ยังเปิดอยู่ต้องเปลี่ยนกำหนดส่ง'
  }`;

export function HrHolidaysPage({ api }: PageProps) {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const state = useAsync(() => loadHolidays(api, year));
  const [form, setForm] = useState({ date: '', name: '', kind: 'special' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  /** the last edit, which one tap undoes */
  const [undoable, setUndoable] = useState<{ editId: string; label: string } | null>(null);

  const moved = (n: number) =>
    n > 0 ? ` · ปรับกำหนดส่งรายงานที่ค้าง ${thaiNumber(n)} ฉบับ` : ' · ไม่มีรายงานที่ต้องปรับกำหนดส่ง';

  /** Asks the server what the edit would move, then shows the confirmation. */
  async function ask(change: 'add' | 'remove', date: string, name: string) {
    setBusy(true);
    setStatus(null);
    try {
      const impact = await holidayImpact(api, change, date);
      setPending({ change, date, name, moved: impact.moved });
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  function checkAdd(event: Event) {
    event.preventDefault();
    // the server's checks name every bad field; only a complete form is worth a confirmation
    if (form.date === '' || form.name.trim().length < 2) {
      void add();
      return;
    }
    setErrors({});
    setMessage(undefined);
    void ask('add', form.date, form.name.trim());
  }

  async function add() {
    setBusy(true);
    setStatus(null);
    try {
      const r = await addHoliday(api, form);
      setErrors({});
      setMessage(undefined);
      const label = `เพิ่มวันหยุด ${shortDate(form.date)}`;
      setStatus({ tone: 'ok', text: `${label} แล้ว${moved(r.moved)}` });
      setUndoable({ editId: r.editId, label });
      setForm({ date: '', name: '', kind: 'special' });
      state.retry();
    } catch (err) {
      setErrors(err instanceof HrApiError ? err.errors : {});
      setMessage(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function remove(date: string) {
    setBusy(true);
    setStatus(null);
    try {
      const r = await removeHoliday(api, date);
      const label = `ลบวันหยุด ${shortDate(date)}`;
      setStatus({ tone: 'ok', text: `${label} แล้ว${moved(r.moved)}` });
      setUndoable({ editId: r.editId, label });
      state.retry();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  async function undo() {
    if (!undoable) return;
    setBusy(true);
    try {
      const r = await undoHolidayEdit(api, undoable.editId);
      setStatus({
        tone: 'ok',
        text: `ยกเลิกการ${undoable.label}แล้ว${r.moved > 0 ? ` · กำหนดส่งรายงาน ${thaiNumber(r.moved)} ฉบับกลับเป็นเดิม` : ''}`,
      });
      setUndoable(null);
      state.retry();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  function confirm() {
    if (!pending) return;
    setPending(null);
    if (pending.change === 'add') void add();
    else void remove(pending.date);
  }

  const confirmation = (change: 'add' | 'remove', date: string) =>
    pending && pending.change === change && pending.date === date ? (
      <ConfirmBox
        id={`confirm-${change}-${date}`}
        text={impactText(pending)}
        confirmLabel={change === 'add' ? 'ยืนยันเพิ่มวันหยุด' : 'ยืนยันลบวันหยุด'}
        danger={change === 'remove'}
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    ) : null;

  return (
    <>
      <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
      {undoable && status?.tone === 'ok' ? (
        <div class="hr-actions">
          <button type="button" class="hr-secondary" disabled={busy} onClick={undo}>
            เลิกทำ ({undoable.label})
          </button>
        </div>
      ) : null}
      <section class="hr-section" aria-labelledby="add-title">
        <h2 id="add-title">เพิ่มวันหยุด</h2>
        <form class="hr-form" onSubmit={checkAdd} noValidate>
          <ErrorSummary message={message} errors={errors} labels={LABELS} ids={IDS} />
          <ThaiDateField
            id={IDS.date}
            label={LABELS.date}
            value={form.date}
            years={[year - 1, year, year + 1, year + 2]}
            onChange={(date) => {
              setForm({ ...form, date });
              setPending(null);
            }}
            error={errors.date}
          />
          <InputField
            id={IDS.name}
            label={LABELS.name}
            type="text"
            value={form.name}
            onInput={(name) => setForm({ ...form, name })}
            error={errors.name}
          />
          <div class="hr-field">
            <label for={IDS.kind}>{LABELS.kind}</label>
            <select
              id={IDS.kind}
              value={form.kind}
              onChange={(e) => setForm({ ...form, kind: e.currentTarget.value })}
            >
              {Object.entries(KIND_LABELS).map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          {confirmation('add', form.date) ?? (
            <div class="hr-actions">
              <button type="submit" class="button-primary" disabled={busy}>
                {busy ? 'กำลังบันทึก…' : 'เพิ่มวันหยุด'}
              </button>
            </div>
          )}
        </form>
      </section>
      <section class="hr-section" aria-labelledby="list-title">
        <h2 id="list-title">รายการวันหยุด (ไม่นับเป็นวันทำการ)</h2>
        <div class="hr-field">
          <label for="holiday-year">ปี</label>
          <select
            id="holiday-year"
            value={String(year)}
            onChange={(e) => {
              setYear(Number(e.currentTarget.value));
              state.retry();
            }}
          >
            {[year - 1, year, year + 1].map((y) => (
              <option key={y} value={String(y)}>
                {thaiYear.format(new Date(Date.UTC(y, 6, 1)))}
              </option>
            ))}
          </select>
        </div>
        {state.status === 'loading' ? (
          <LoadingState label="กำลังโหลดวันหยุด…" />
        ) : state.status === 'error' ? (
          <ErrorState message={messageOf(state.error)} onRetry={state.retry} />
        ) : state.value.holidays.length === 0 ? (
          <EmptyState title="ไม่มีวันหยุดในปีนี้" />
        ) : (
          <ul class="hr-list">
            {state.value.holidays.map((h) => (
              <li key={h.date}>
                <strong>{shortDate(h.date)}</strong> {h.name}
                <span class="hr-meta">{KIND_LABELS[h.kind] ?? h.kind}</span>
                {confirmation('remove', h.date) ?? (
                  <button
                    type="button"
                    class="button-danger"
                    disabled={busy}
                    onClick={() => ask('remove', h.date, h.name)}
                    aria-label={`ลบ ${h.name} ${shortDate(h.date)}`}
                  >
                    ลบ
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
