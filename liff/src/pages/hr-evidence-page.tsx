import { useState } from 'preact/hooks';
import { downloadFailureText, downloadFile } from '../download-file';
import { deleteMeeting, type EvidencePack, loadMeetings, loadPack, recordMeeting } from '../evidence-api';
import { HrApiError } from '../hr-api';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { useAsync } from '../use-async';
import { ErrorSummary, InputField, LiveStatus, messageOf, shortDate, thaiNumber } from './hr-form-parts';
import './hr-admin.css';
import './hr-page.css';

// Assessment evidence (bot/src/api/evidence-routes.ts): one pack per assessment item (criterion,
// target, result, the rows behind it) that reads on the page, prints on paper and downloads as a
// workbook; HR records here the monthly policy meetings the standards' item 1.13 asks for.

const LABELS = { date: 'วันที่ประชุม', agenda: 'วาระการประชุม', attendance: 'จำนวนผู้เข้าประชุม (คน)' };
const IDS = { date: 'meeting-date', agenda: 'meeting-agenda', attendance: 'meeting-attendance' };

export function HrEvidencePage({ api }: PageProps) {
  const [version, setVersion] = useState(0);
  const [item, setItem] = useState('1.13');
  return (
    <Evidence
      key={`${item}-${version}`}
      api={api}
      item={item}
      onItem={setItem}
      onSaved={() => setVersion((v) => v + 1)}
    />
  );
}

interface EvidenceProps {
  readonly api: PageProps['api'];
  readonly item: string;
  readonly onItem: (item: string) => void;
  readonly onSaved: () => void;
}

function Evidence({ api, item, onItem, onSaved }: EvidenceProps) {
  const state = useAsync(async () => {
    const m = await loadMeetings(api);
    return { ...m, pack: await loadPack(api, item, m.fiscalYear) };
  });
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดหลักฐานการประเมิน…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const d = state.value;
  return (
    <div class="evidence-page">
      <div class="hr-field no-print">
        <label for="evidence-item">รายการประเมิน</label>
        <select id="evidence-item" value={item} onChange={(e) => onItem(e.currentTarget.value)}>
          {d.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
      <PackView pack={d.pack} />
      <div class="hr-actions no-print">
        <DownloadButton api={api} fy={d.fiscalYear} item={item} />
        <button type="button" class="button" onClick={() => window.print()}>
          พิมพ์
        </button>
      </div>
      {item === '1.13' ? (
        <>
          <MeetingForm api={api} onSaved={onSaved} />
          <section class="hr-section no-print" aria-labelledby="meetings-list">
            <h2 id="meetings-list">การประชุมที่บันทึกไว้</h2>
            <ul class="hr-list" aria-label="การประชุมที่บันทึกไว้">
              {d.meetings.map((m) => (
                <li key={m.id}>
                  {shortDate(m.date)} · {m.agenda} · {thaiNumber(m.attendance)} คน{' '}
                  <button
                    type="button"
                    class="button-danger"
                    onClick={async () => {
                      await deleteMeeting(api, m.id).catch(() => undefined);
                      onSaved();
                    }}
                  >
                    ลบ
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}

function PackView({ pack }: { readonly pack: EvidencePack }) {
  return (
    <section class="hr-section evidence-pack" aria-labelledby="pack-title">
      <h2 id="pack-title">{pack.title}</h2>
      <dl>
        <dt>เกณฑ์</dt>
        <dd>{pack.criterion}</dd>
        {pack.basis && (
          <>
            <dt>ที่มาของเกณฑ์</dt>
            <dd data-pack-basis>{pack.basis}</dd>
          </>
        )}
        <dt>เป้าหมาย</dt>
        <dd>{pack.target}</dd>
        <dt>ผลการดำเนินงาน</dt>
        <dd data-pack-result>
          {pack.result} · {pack.met ? 'ผ่านเกณฑ์' : 'ยังไม่ผ่านเกณฑ์'}
        </dd>
      </dl>
      {pack.rows.length === 0 ? (
        <p class="hint">ยังไม่มีข้อมูลในปีงบประมาณนี้</p>
      ) : (
        <ol class="hr-list" aria-label="ข้อมูลประกอบ">
          {pack.rows.map((r) => (
            <li key={String(r[0])}>{r.slice(1).join(' · ')}</li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DownloadButton({
  api,
  fy,
  item,
}: {
  readonly api: PageProps['api'];
  readonly fy: number;
  readonly item: string;
}) {
  const [status, setStatus] = useState<{ tone: 'ok' | 'error' | 'info'; text: string }>({
    tone: 'info',
    text: '',
  });
  return (
    <>
      <button
        type="button"
        class="button-primary"
        onClick={async () => {
          try {
            const name = await downloadFile(
              api,
              `evidence/${encodeURIComponent(item)}.xlsx?fy=${fy}`,
              `evidence-${item}-${fy}.xlsx`,
            );
            setStatus({ tone: 'ok', text: `ดาวน์โหลด ${name} แล้ว` });
          } catch (err) {
            setStatus({ tone: 'error', text: downloadFailureText(err) });
          }
        }}
      >
        ดาวน์โหลด Excel
      </button>
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
    </>
  );
}

function MeetingForm({ api, onSaved }: { readonly api: PageProps['api']; readonly onSaved: () => void }) {
  const [form, setForm] = useState({ date: '', agenda: '', attendance: '' });
  const [error, setError] = useState<{ errors: Record<string, string>; message?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const year = new Date().getFullYear();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await recordMeeting(api, form);
      onSaved();
    } catch (err) {
      const errors = err instanceof HrApiError ? { ...err.errors } : {};
      setError(Object.keys(errors).length > 0 ? { errors } : { errors, message: messageOf(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="hr-section no-print" aria-labelledby="meeting-form">
      <h2 id="meeting-form">บันทึกการประชุมประจำเดือน</h2>
      <form class="hr-form" onSubmit={submit} noValidate>
        {error ? (
          <ErrorSummary
            errors={error.errors}
            labels={LABELS}
            ids={IDS}
            {...(error.message ? { message: error.message } : {})}
          />
        ) : null}
        <ThaiDateField
          id={IDS.date}
          label={LABELS.date}
          value={form.date}
          years={[year - 1, year]}
          error={error?.errors.date}
          onChange={(date) => setForm({ ...form, date })}
        />
        <InputField
          id={IDS.agenda}
          label={LABELS.agenda}
          type="text"
          value={form.agenda}
          {...(error?.errors.agenda ? { error: error.errors.agenda } : {})}
          onInput={(agenda) => setForm({ ...form, agenda })}
        />
        <InputField
          id={IDS.attendance}
          label={LABELS.attendance}
          type="number"
          inputMode="numeric"
          value={form.attendance}
          {...(error?.errors.attendance ? { error: error.errors.attendance } : {})}
          onInput={(attendance) => setForm({ ...form, attendance })}
        />
        <div class="hr-actions">
          <button type="submit" class="button-primary" disabled={busy}>
            บันทึกการประชุม
          </button>
        </div>
      </form>
    </section>
  );
}
