import './hr-surveys.css';
import { useState } from 'preact/hooks';
import { ConfirmBox } from '../confirm-box';
import { formatThaiShortDate, thaiCivilDate } from '../format-date';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import {
  createSurvey,
  loadSurveys,
  refusalText,
  type SurveyListResponse,
  type SurveySummary,
  setSurveyStatus,
} from '../survey-admin-api';
import { ThaiDateField } from '../thai-date-field';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { Bar, rateText, StatusBadge } from './survey-bars';

// HR's surveys of this fiscal year: response rates (overall and per division), make one from a
// template or copy last year's, announce a 5ส day, open and close. Results are one tap away.

type Status = { readonly tone: 'ok' | 'error'; readonly text: string } | null;

const shortDate = (iso: string) => formatThaiShortDate(thaiCivilDate(iso));

/** Today in Thailand as YYYY-MM-DD, or a day n days later, for the date inputs' defaults. */
function isoDay(offsetDays = 0): string {
  const d = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function loadBoth(api: PageProps['api']) {
  const current = await loadSurveys(api);
  const previous = await loadSurveys(api, current.fiscalYear - 1);
  return { current, previous };
}

export function HrSurveysPage({ api }: PageProps) {
  const state = useAsync(() => loadBoth(api));
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ tone: 'ok', text: await action() });
      state.retry();
    } catch (err) {
      setStatus({ tone: 'error', text: refusalText(err) });
    } finally {
      setBusy(false);
    }
  }

  if (state.status === 'loading') return <LoadingState label="กำลังโหลดแบบสำรวจ…" />;
  if (state.status === 'error')
    return <ErrorState message={refusalText(state.error)} onRetry={state.retry} />;
  const { current, previous } = state.value;

  return (
    <>
      <p class="lead">ปีงบประมาณ พ.ศ. {current.fiscalYear}</p>
      <p role="status" aria-live="polite" class={status ? `survey-status-${status.tone}` : undefined}>
        {status?.text ?? ''}
      </p>
      <section class="survey-section" aria-labelledby="surveys-title">
        <h2 id="surveys-title">แบบสำรวจของปีนี้</h2>
        {current.surveys.length === 0 ? (
          <EmptyState title="ยังไม่มีแบบสำรวจในปีงบประมาณนี้">
            <p>สร้างจากแบบสำรวจต้นแบบ หรือคัดลอกแบบสำรวจของปีที่แล้วด้านล่าง</p>
          </EmptyState>
        ) : (
          <ul class="card-list">
            {current.surveys.map((s) => (
              <li key={s.id}>
                <SurveyCard
                  survey={s}
                  busy={busy}
                  onStatus={(next) =>
                    run(async () => {
                      const r = await setSurveyStatus(api, s.id, next);
                      return next === 'open'
                        ? `เปิดรับคำตอบ "${s.title}" แล้ว ผู้ได้รับแบบสำรวจ ${thaiNumber.format(r.survey.audienceCount ?? 0)} คน${r.invitationsQueued ? ' กำลังส่งคำเชิญทาง LINE' : ''}`
                        : `ปิดรับคำตอบ "${s.title}" แล้ว`;
                    })
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <CreateForm data={current} busy={busy} run={run} api={api} />
      <FiveSForm data={current} busy={busy} run={run} api={api} />
      <CopyForm previous={previous} busy={busy} run={run} api={api} />
    </>
  );
}

function SurveyCard({
  survey: s,
  busy,
  onStatus,
}: {
  readonly survey: SurveySummary;
  readonly busy: boolean;
  readonly onStatus: (next: 'open' | 'closed') => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const next = s.status === 'draft' ? 'open' : s.status === 'open' ? 'closed' : null;
  const titleId = `survey-${s.id}`;
  return (
    <article class="card survey-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{s.title}</h3>
      <p class="card-description">
        <StatusBadge status={s.status} /> {shortDate(s.opensOn)} – {shortDate(s.closesOn)}
        {s.anonymous ? ' · ไม่ระบุตัวตน' : ''}
      </p>
      <p class="card-description">คำถาม {s.questionCountText}</p>
      {s.activity ? (
        <p class="card-description">
          กิจกรรม 5ส วันที่ {shortDate(s.activity.date)} พื้นที่ {s.activity.area}
        </p>
      ) : null}
      <div class="bar-row">
        <span>อัตราการตอบ</span>
        <Bar percent={s.ratePercent} />
        <span class="bar-figure">{rateText(s)}</span>
      </div>
      {s.divisions.length > 0 ? (
        <details>
          <summary>อัตราการตอบรายหน่วยงาน</summary>
          <ul class="bar-list">
            {s.divisions.map((d) => (
              <li key={d.divisionId} class="bar-row">
                <span>{d.name}</span>
                <Bar percent={d.ratePercent} />
                <span class="bar-figure">
                  {d.suppressed ??
                    `${thaiNumber.format(d.responses ?? 0)}/${thaiNumber.format(d.audience)} คน${d.ratePercent === null ? '' : ` (${thaiNumber.format(d.ratePercent)}%)`}`}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div class="survey-actions">
        <Link href={`/hr/surveys/${encodeURIComponent(s.id)}`} class="button">
          ดูผลสำรวจ
        </Link>
        {next && !confirming ? (
          <button
            type="button"
            class={next === 'open' ? 'button' : 'button-danger'}
            disabled={busy}
            onClick={() => setConfirming(true)}
          >
            {next === 'open' ? 'เปิดรับคำตอบ' : 'ปิดรับคำตอบ'}
          </button>
        ) : null}
        {next && confirming ? (
          <ConfirmBox
            id={`${titleId}-confirm`}
            text={confirmText(s, next)}
            confirmLabel={next === 'open' ? 'ยืนยันเปิดและส่งคำเชิญ' : 'ยืนยันปิดรับคำตอบ (เปิดใหม่ไม่ได้)'}
            danger={next === 'closed'}
            busy={busy}
            onConfirm={() => {
              setConfirming(false);
              onStatus(next);
            }}
            onCancel={() => setConfirming(false)}
          />
        ) : null}
      </div>
    </article>
  );
}

/** What the confirmation says will happen, before HR commits to it. */
function confirmText(s: SurveySummary, next: 'open' | 'closed'): string {
  if (next === 'open') return `เปิดรับคำตอบ "${s.title}" และส่งคำเชิญทาง LINE ให้ผู้อยู่ในกลุ่มเป้าหมายทุกคน`;
  const waiting = s.audienceCount === null ? null : Math.max(0, s.audienceCount - s.responseCount);
  return `ปิดรับคำตอบ "${s.title}" ทันที${waiting ? ` ผู้ที่ยังไม่ตอบ ${thaiNumber.format(waiting)} คนจะตอบไม่ได้อีก` : ''} และเปิดใหม่ไม่ได้`;
}

interface FormProps {
  readonly busy: boolean;
  readonly run: (action: () => Promise<string>) => void;
  readonly api: PageProps['api'];
}

function Divisions({
  data,
  picked,
  onChange,
  legend,
}: {
  readonly data: SurveyListResponse;
  readonly picked: readonly string[];
  readonly onChange: (ids: string[]) => void;
  readonly legend: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {data.divisions.map((d) => (
        <label key={d.id} class="check">
          <input
            type="checkbox"
            checked={picked.includes(d.id)}
            onChange={(e) =>
              onChange(
                (e.currentTarget as HTMLInputElement).checked
                  ? [...picked, d.id]
                  : picked.filter((x) => x !== d.id),
              )
            }
          />
          {d.name}
        </label>
      ))}
    </fieldset>
  );
}

/** A date in the Thai (พ.ศ.) picker; the value stays ISO. */
function DateField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onInput: (v: string) => void;
}) {
  return <ThaiDateField id={props.id} label={props.label} value={props.value} onChange={props.onInput} />;
}

function CreateForm({ data, busy, run, api }: FormProps & { readonly data: SurveyListResponse }) {
  const templates = data.templates.filter((t) => t.kind !== 'fiveS');
  const [template, setTemplate] = useState<string>(templates[0]?.kind ?? 'trainingNeeds');
  const [opensOn, setOpensOn] = useState(isoDay());
  const [closesOn, setClosesOn] = useState(isoDay(14));
  const [divisions, setDivisions] = useState<string[]>([]);
  return (
    <section class="survey-section" aria-labelledby="create-title">
      <h2 id="create-title">สร้างจากแบบสำรวจต้นแบบ</h2>
      <form
        class="survey-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(async () => {
            const r = await createSurvey(api, {
              template,
              opensOn,
              closesOn,
              ...(divisions.length > 0 ? { audience: { divisionIds: divisions } } : {}),
            });
            return `สร้างร่าง "${r.survey.title}" แล้ว ตรวจสอบแล้วกด "เปิดรับคำตอบ" เพื่อส่งคำเชิญ`;
          });
        }}
      >
        <div>
          <label for="create-template">แบบสำรวจต้นแบบ</label>
          <select
            id="create-template"
            value={template}
            onChange={(e) => setTemplate((e.currentTarget as HTMLSelectElement).value)}
          >
            {templates.map((t) => (
              <option key={t.kind} value={t.kind}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <DateField id="create-opens" label="วันเปิดรับคำตอบ" value={opensOn} onInput={setOpensOn} />
        <DateField id="create-closes" label="วันปิดรับคำตอบ" value={closesOn} onInput={setClosesOn} />
        <Divisions
          data={data}
          picked={divisions}
          onChange={setDivisions}
          legend="หน่วยงานที่ตอบ (ไม่เลือก = ทุกหน่วยงาน)"
        />
        <button type="submit" class="button-primary" disabled={busy}>
          สร้างร่างแบบสำรวจ
        </button>
      </form>
    </section>
  );
}

function FiveSForm({ data, busy, run, api }: FormProps & { readonly data: SurveyListResponse }) {
  const [date, setDate] = useState(isoDay(1));
  const [closesOn, setClosesOn] = useState(isoDay(4));
  const [area, setArea] = useState('');
  const [divisions, setDivisions] = useState<string[]>([]);
  return (
    <section class="survey-section" aria-labelledby="fives-title">
      <h2 id="fives-title">ประกาศวันทำกิจกรรม 5ส</h2>
      <form
        class="survey-form"
        onSubmit={(e) => {
          e.preventDefault();
          run(async () => {
            const made = await createSurvey(api, {
              template: 'fiveS',
              // the announcement goes out now; the check-in stays open until after the day
              opensOn: isoDay(),
              closesOn,
              activity: { date, area },
              ...(divisions.length > 0 ? { audience: { divisionIds: divisions } } : {}),
            });
            const opened = await setSurveyStatus(api, made.survey.id, 'open');
            return `ประกาศกิจกรรม 5ส วันที่ ${shortDate(date)} แล้ว ผู้ได้รับคำเชิญ ${thaiNumber.format(opened.survey.audienceCount ?? 0)} คน`;
          });
        }}
      >
        <DateField id="fives-date" label="วันที่ทำกิจกรรม" value={date} onInput={setDate} />
        <div>
          <label for="fives-area">พื้นที่</label>
          <input
            id="fives-area"
            type="text"
            required
            maxLength={100}
            placeholder="เช่น อาคารสำนักงานชั้น 1"
            value={area}
            onInput={(e) => setArea((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <DateField id="fives-closes" label="ส่งรูปเช็กอินได้ถึงวันที่" value={closesOn} onInput={setClosesOn} />
        <Divisions
          data={data}
          picked={divisions}
          onChange={setDivisions}
          legend="หน่วยงานที่ร่วมกิจกรรม (ไม่เลือก = ทุกหน่วยงาน)"
        />
        <button type="submit" class="button-primary" disabled={busy}>
          ประกาศและส่งคำเชิญ
        </button>
      </form>
    </section>
  );
}

function CopyForm({ previous, busy, run, api }: FormProps & { readonly previous: SurveyListResponse }) {
  const [from, setFrom] = useState(previous.surveys[0]?.id ?? '');
  const [opensOn, setOpensOn] = useState(isoDay());
  const [closesOn, setClosesOn] = useState(isoDay(14));
  return (
    <section class="survey-section" aria-labelledby="copy-title">
      <h2 id="copy-title">คัดลอกแบบสำรวจของปี {previous.fiscalYear}</h2>
      {previous.surveys.length === 0 ? (
        <p class="survey-note">ไม่มีแบบสำรวจในปีงบประมาณ พ.ศ. {previous.fiscalYear}</p>
      ) : (
        <form
          class="survey-form"
          onSubmit={(e) => {
            e.preventDefault();
            run(async () => {
              const r = await createSurvey(api, { copyFrom: from, opensOn, closesOn });
              return `คัดลอกเป็นร่าง "${r.survey.title}" แล้ว`;
            });
          }}
        >
          <div>
            <label for="copy-from">แบบสำรวจต้นฉบับ</label>
            <select
              id="copy-from"
              value={from}
              onChange={(e) => setFrom((e.currentTarget as HTMLSelectElement).value)}
            >
              {previous.surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          <DateField id="copy-opens" label="วันเปิดรับคำตอบ" value={opensOn} onInput={setOpensOn} />
          <DateField id="copy-closes" label="วันปิดรับคำตอบ" value={closesOn} onInput={setClosesOn} />
          <button type="submit" class="button-primary" disabled={busy || from === ''}>
            คัดลอกเป็นร่างใหม่
          </button>
        </form>
      )}
    </section>
  );
}
