import { useState } from 'preact/hooks';
import { addHoliday, HrApiError, loadHolidays, removeHoliday } from '../hr-api';
import type { PageProps } from '../page-props';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import { ErrorSummary, InputField, LiveStatus, messageOf, shortDate, thaiNumber } from './hr-form-parts';

// The municipality's holidays: the working-day calendar behind every report's due date. After each
// edit the server moves the due dates of the reports still to be filed and says how many moved.

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

export function HrHolidaysPage({ api }: PageProps) {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const state = useAsync(() => loadHolidays(api, year));
  const [form, setForm] = useState({ date: '', name: '', kind: 'special' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const moved = (n: number) =>
    n > 0 ? ` · ปรับกำหนดส่งรายงานที่ค้าง ${thaiNumber(n)} ฉบับ` : ' · ไม่มีรายงานที่ต้องปรับกำหนดส่ง';

  async function add(event: Event) {
    event.preventDefault();
    setBusy(true);
    setStatus(null);
    try {
      const r = await addHoliday(api, form);
      setErrors({});
      setMessage(undefined);
      setStatus({ tone: 'ok', text: `เพิ่มวันหยุด ${shortDate(form.date)} แล้ว${moved(r.moved)}` });
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
      setStatus({ tone: 'ok', text: `ลบวันหยุด ${shortDate(date)} แล้ว${moved(r.moved)}` });
      state.retry();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
      <section class="hr-section" aria-labelledby="add-title">
        <h2 id="add-title">เพิ่มวันหยุด</h2>
        <form class="hr-form" onSubmit={add} noValidate>
          <ErrorSummary message={message} errors={errors} labels={LABELS} ids={IDS} />
          <InputField
            id={IDS.date}
            label={LABELS.date}
            type="date"
            value={form.date}
            onInput={(date) => setForm({ ...form, date })}
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
          <div class="hr-actions">
            <button type="submit" class="button-primary" disabled={busy}>
              {busy ? 'กำลังบันทึก…' : 'เพิ่มวันหยุด'}
            </button>
          </div>
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
                <button
                  type="button"
                  class="hr-secondary"
                  disabled={busy}
                  onClick={() => remove(h.date)}
                  aria-label={`ลบ ${h.name} ${shortDate(h.date)}`}
                >
                  ลบ
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
