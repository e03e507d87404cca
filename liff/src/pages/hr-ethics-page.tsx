import { useState } from 'preact/hooks';
import { ConfirmBox } from '../confirm-box';
import { downloadFailureText, downloadFile } from '../download-file';
import {
  type BankQuestion,
  drawSample,
  type EthicsPageData,
  importQuestions,
  loadEthics,
  type QuestionImportReport,
  retireQuestion,
  saveQuestion,
  setQuizStatus,
} from '../ethics-api';
import { HrApiError } from '../hr-api';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { percentText, thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { ErrorSummary, LiveStatus, messageOf, thaiDateTime } from './hr-form-parts';
import './hr-admin.css';
import './hr-page.css';

// HR's ethics quiz (bot/src/api/ethics-routes.ts): the question bank in Thai (add, edit, retire), the
// year's random sample (a share or a size, stratified by division, reproducible from its seed; a second
// draw only after confirming, the first kept in the audit trail) and how the people drawn are doing.

type Status = { tone: 'ok' | 'error' | 'info'; text: string };
const NONE: Status = { tone: 'info', text: '' };

export function HrEthicsPage({ api }: PageProps) {
  const [version, setVersion] = useState(0);
  return <EthicsYear key={version} api={api} onSaved={() => setVersion((v) => v + 1)} />;
}

interface YearProps {
  readonly api: PageProps['api'];
  readonly onSaved: () => void;
}

function EthicsYear({ api, onSaved }: YearProps) {
  const state = useAsync(() => loadEthics(api));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดแบบทดสอบจริยธรรม…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const d = state.value;
  return (
    <div class="ethics-page">
      <p class="hint">
        {d.label} · ผู้ที่ได้รับการสุ่มทำแบบทดสอบในแชตด้วยคำว่า "แบบทดสอบจริยธรรม" ตัวชี้วัด: ผู้ผ่านเกณฑ์มากกว่าร้อยละ 60
        ของกลุ่มตัวอย่าง
      </p>
      <QuizSection api={api} data={d} onSaved={onSaved} />
      <DrawSection api={api} data={d} onSaved={onSaved} />
      <BankSection api={api} data={d} onSaved={onSaved} />
    </div>
  );
}

interface SectionProps extends YearProps {
  readonly data: EthicsPageData;
}

const STATUS_TEXT = {
  notStarted: 'ยังไม่เริ่ม',
  inProgress: 'กำลังทำ',
  passed: 'ผ่าน',
  failed: 'ไม่ผ่าน',
} as const;

function QuizSection({ api, data, onSaved }: SectionProps) {
  const [status, setStatus] = useState<Status>(NONE);
  const q = data.quiz;
  if (!q) {
    return (
      <section class="hr-section" aria-labelledby="ethics-quiz">
        <h2 id="ethics-quiz">ผลแบบทดสอบ {data.label}</h2>
        <p class="hint">ยังไม่ได้สุ่มกลุ่มตัวอย่างของปีนี้ เพิ่มคำถามอย่างน้อย 5 ข้อ แล้วสุ่มกลุ่มตัวอย่างด้านล่าง</p>
      </section>
    );
  }
  const r = q.result;
  const toggle = async () => {
    setStatus({ tone: 'info', text: 'กำลังบันทึก…' });
    try {
      await setQuizStatus(api, data.fiscalYear, q.status === 'open' ? 'closed' : 'open');
      onSaved();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };
  return (
    <section class="hr-section" aria-labelledby="ethics-quiz">
      <h2 id="ethics-quiz">ผลแบบทดสอบ {data.label}</h2>
      <p class="kpi-value" data-ethics-result>
        <span class="kpi-number">{percentText(r.passShare)}</span>{' '}
        <span class="kpi-target">
          ผ่าน {thaiNumber.format(r.passed)} จาก {thaiNumber.format(r.sampled)} คน (เป้าหมาย มากกว่าร้อยละ 60)
        </span>
      </p>
      <p class="kpi-status">{r.met === null ? 'ยังไม่มีผล' : r.met ? 'บรรลุเป้าหมาย' : 'ยังไม่ถึงเป้าหมาย'}</p>
      <p>
        {q.questionCount} ข้อ · ผ่านเมื่อตอบถูก {q.passMark} ข้อ · ทำได้ {q.attemptsAllowed} ครั้ง · สถานะ:{' '}
        <strong>{q.status === 'open' ? 'เปิดรับคำตอบ' : 'ปิดรับคำตอบแล้ว'}</strong>
      </p>
      <div class="hr-actions">
        <button type="button" class="button" onClick={toggle}>
          {q.status === 'open' ? 'ปิดรับคำตอบ' : 'เปิดรับคำตอบอีกครั้ง'}
        </button>
      </div>
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
      <h3>ผู้ได้รับการสุ่ม ({thaiNumber.format(q.drawn.length)} คน)</h3>
      <ul class="hr-list" aria-label="ผู้ได้รับการสุ่ม">
        {q.drawn.map((p) => (
          <li key={p.employeeId}>
            {p.name} · {p.divisionName} · {STATUS_TEXT[p.status]}
            {p.score !== undefined ? ` (${p.score}/${q.questionCount})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DrawSection({ api, data, onSaved }: SectionProps) {
  const [kind, setKind] = useState<'share' | 'size'>('share');
  const [amount, setAmount] = useState('20');
  const [seed, setSeed] = useState('');
  const [status, setStatus] = useState<Status>(NONE);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function draw(confirm: boolean) {
    setBusy(true);
    setStatus({ tone: 'info', text: 'กำลังสุ่ม…' });
    const n = amount.trim() === '' ? Number.NaN : Number(amount);
    try {
      const r = await drawSample(api, data.fiscalYear, {
        size: kind === 'share' ? { kind, percent: n } : { kind, people: n },
        ...(seed.trim() ? { seed: seed.trim() } : {}),
        confirm,
      });
      setConfirming(null);
      setStatus({ tone: 'ok', text: `สุ่มได้ ${r.draw.drawn.length} คน (รหัสสุ่ม ${r.draw.seed})` });
      onSaved();
    } catch (err) {
      if (err instanceof HrApiError && err.status === 409) {
        setConfirming(err.message);
        setStatus(NONE);
      } else setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const draws = data.quiz?.draws ?? [];
  return (
    <section class="hr-section" aria-labelledby="ethics-draw">
      <h2 id="ethics-draw">สุ่มกลุ่มตัวอย่าง</h2>
      <p class="hint">สุ่มแยกตามกอง (สัดส่วนตามจำนวนคนในแต่ละกอง) ใช้รหัสสุ่มเดิมกับรายชื่อเดิมจะได้กลุ่มเดิมทุกครั้ง</p>
      <form
        class="hr-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void draw(false);
        }}
      >
        <div class="hr-field">
          <label for="ethics-kind">กำหนดเป็น</label>
          <select
            id="ethics-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as 'share' | 'size')}
          >
            <option value="share">ร้อยละของบุคลากร</option>
            <option value="size">จำนวนคน</option>
          </select>
        </div>
        <div class="hr-field">
          <label for="ethics-amount">{kind === 'share' ? 'ร้อยละ' : 'จำนวนคน'}</label>
          <input
            id="ethics-amount"
            type="number"
            inputMode="numeric"
            min="1"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </div>
        <div class="hr-field">
          <label for="ethics-seed">รหัสสุ่ม (เว้นว่างให้ระบบสร้าง)</label>
          <input id="ethics-seed" value={seed} onInput={(e) => setSeed(e.currentTarget.value)} />
        </div>
        <div class="hr-actions">
          <button type="submit" class="button-primary" disabled={busy}>
            สุ่มกลุ่มตัวอย่าง
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmBox
          id="ethics-redraw"
          text={confirming}
          confirmLabel="ยืนยันสุ่มใหม่"
          danger
          busy={busy}
          onConfirm={() => void draw(true)}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
      <h3>ประวัติการสุ่ม</h3>
      {draws.length === 0 ? (
        <p class="hint">ยังไม่มีการสุ่มในปีนี้</p>
      ) : (
        <ul class="hr-list" aria-label="ประวัติการสุ่ม">
          {draws.map((d, i) => (
            <li key={d.id}>
              {i === 0 ? 'ปัจจุบัน · ' : 'ถูกแทนที่ · '}
              {thaiDateTime(d.drawnAt)} · โดย {d.drawnBy.name} · รหัสสุ่ม {d.seed} ·{' '}
              {d.size.kind === 'share' ? `ร้อยละ ${d.size.percent}` : `${d.size.people} คน`} · ได้{' '}
              {thaiNumber.format(d.drawn.length)} จาก {thaiNumber.format(d.population)} คน · รายชื่อบุคลากรฉบับ{' '}
              {d.staffVersion}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BankSection({ api, data, onSaved }: SectionProps) {
  const [editing, setEditing] = useState<BankQuestion | 'new' | null>(null);
  const [status, setStatus] = useState<Status>(NONE);
  const retire = async (q: BankQuestion) => {
    try {
      await retireQuestion(api, q.id, !q.retired);
      onSaved();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    }
  };
  return (
    <section class="hr-section" aria-labelledby="ethics-bank">
      <h2 id="ethics-bank">คลังคำถาม ({thaiNumber.format(data.activeCount)} ข้อที่ใช้งาน)</h2>
      <p class="hint">แต่ละข้อมีตัวเลือก 2 ถึง 5 ข้อ และคำตอบที่ถูก 1 ข้อ คำถามที่เลิกใช้ยังเก็บไว้แต่จะไม่ถูกสุ่มอีก</p>
      {editing === null ? (
        <div class="hr-actions">
          <button type="button" class="button-primary" onClick={() => setEditing('new')}>
            เพิ่มคำถาม
          </button>
        </div>
      ) : (
        <QuestionForm
          api={api}
          question={editing === 'new' ? undefined : editing}
          onDone={() => {
            setEditing(null);
            onSaved();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
      <ImportQuestions api={api} onSaved={onSaved} />
      <ol class="hr-list ethics-bank" aria-label="คลังคำถาม">
        {data.questions.map((q) => (
          <li key={q.id} data-question={q.id}>
            <p>
              {q.retired ? '(เลิกใช้) ' : ''}
              {q.text}
            </p>
            <p class="hint">
              ตอบ: {q.choices.find((c) => c.id === q.answerId)?.label} · ตัวเลือก {q.choices.length} ข้อ
            </p>
            <div class="hr-actions">
              <button type="button" class="button" onClick={() => setEditing(q)}>
                แก้ไข
              </button>
              <button type="button" class="button" onClick={() => void retire(q)}>
                {q.retired ? 'นำกลับมาใช้' : 'เลิกใช้'}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function ImportQuestions({ api, onSaved }: YearProps) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<QuestionImportReport | null>(null);
  const [status, setStatus] = useState<Status>(NONE);
  const [busy, setBusy] = useState(false);

  async function run(dryRun: boolean) {
    if (!file) {
      setStatus({ tone: 'error', text: 'กรุณาเลือกไฟล์ Excel (.xlsx) หรือ CSV ก่อน' });
      return;
    }
    setBusy(true);
    setStatus({ tone: 'info', text: dryRun ? 'กำลังตรวจสอบไฟล์…' : 'กำลังนำเข้า…' });
    try {
      const r = await importQuestions(api, file, dryRun);
      setReport(r);
      setStatus({
        tone: r.errors.length > 0 ? 'error' : 'ok',
        text: dryRun
          ? `ตรวจสอบแล้ว: เพิ่มได้ ${r.added} ข้อ มีปัญหา ${r.errors.length} แถว ซ้ำกับคลัง ${r.duplicates.length} แถว (ยังไม่ได้บันทึก)`
          : `นำเข้าแล้ว ${r.added} ข้อ${r.errors.length > 0 ? ` แถวที่มีปัญหา ${r.errors.length} แถวไม่ได้นำเข้า` : ''}`,
      });
      if (!dryRun) onSaved();
    } catch (err) {
      setReport(null);
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  const template = async () => {
    try {
      await downloadFile(api, 'ethics/questions/template.xlsx', 'ethics-questions-template.xlsx');
    } catch (err) {
      setStatus({ tone: 'error', text: downloadFailureText(err) });
    }
  };

  return (
    <details class="target-editor">
      <summary>นำเข้าคำถามจากไฟล์ Excel</summary>
      <p class="hint">ดาวน์โหลดแบบฟอร์ม กรอกหนึ่งแถวต่อหนึ่งคำถาม แล้วกด "ตรวจสอบไฟล์" ก่อนนำเข้า</p>
      <div class="hr-actions">
        <button type="button" class="button" onClick={() => void template()}>
          ดาวน์โหลดแบบฟอร์ม (.xlsx)
        </button>
      </div>
      <div class="hr-field">
        <label for="ethics-import-file">ไฟล์คำถาม</label>
        <input
          id="ethics-import-file"
          type="file"
          accept=".xlsx,.csv"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setReport(null);
          }}
        />
      </div>
      <div class="hr-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void run(true)}>
          ตรวจสอบไฟล์
        </button>
        {report?.dryRun && report.added > 0 ? (
          <button type="button" class="button-primary" disabled={busy} onClick={() => void run(false)}>
            นำเข้า {report.added} ข้อ
          </button>
        ) : null}
      </div>
      <LiveStatus tone={status.tone}>{status.text}</LiveStatus>
      {report && (report.errors.length > 0 || report.duplicates.length > 0) ? (
        <ul class="hr-list" aria-label="แถวที่นำเข้าไม่ได้">
          {report.errors.map((e) => (
            <li key={`e${e.line}`}>
              แถว {e.line}: {e.reasons.join(' ')}
            </li>
          ))}
          {report.duplicates.map((e) => (
            <li key={`d${e.line}`}>แถว {e.line}: มีคำถามนี้ในคลังแล้ว ไม่เพิ่มซ้ำ</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}

const LABELS = { text: 'คำถาม', choices: 'ตัวเลือก', answer: 'คำตอบที่ถูก', explanation: 'คำอธิบาย' };
const IDS = { text: 'q-text', choices: 'q-choice-1', answer: 'q-answer', explanation: 'q-explanation' };

function QuestionForm({
  api,
  question,
  onDone,
  onCancel,
}: {
  readonly api: PageProps['api'];
  readonly question?: BankQuestion;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const [text, setText] = useState(question?.text ?? '');
  const [choices, setChoices] = useState<string[]>(() => {
    const labels = question?.choices.map((c) => c.label) ?? [];
    return [...labels, ...Array.from({ length: Math.max(0, 5 - labels.length) }, () => '')];
  });
  const [answer, setAnswer] = useState(
    question ? String(question.choices.findIndex((c) => c.id === question.answerId) + 1) : '1',
  );
  const [explanation, setExplanation] = useState(question?.explanation ?? '');
  const [error, setError] = useState<{ message: string; errors: Record<string, string> } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await saveQuestion(api, question?.id, {
        text,
        choices: choices.filter((c) => c.trim() !== ''),
        answer: Number(answer),
        ...(explanation.trim() ? { explanation } : {}),
      });
      onDone();
    } catch (err) {
      const errors = err instanceof HrApiError ? { ...err.errors } : {};
      // field messages are listed by the summary; its heading then says what to do
      setError({
        message: Object.keys(errors).length > 0 ? 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้' : messageOf(err),
        errors,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="hr-form" onSubmit={submit} noValidate aria-label={question ? 'แก้ไขคำถาม' : 'เพิ่มคำถาม'}>
      {error ? (
        <ErrorSummary message={error.message} errors={error.errors} labels={LABELS} ids={IDS} />
      ) : null}
      <div class="hr-field">
        <label for="q-text">คำถาม</label>
        <textarea id="q-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      {choices.map((c, i) => (
        <div class="hr-field" key={i}>
          <label for={`q-choice-${i + 1}`}>
            ตัวเลือกที่ {i + 1}
            {i >= 2 ? ' (ไม่บังคับ)' : ''}
          </label>
          <input
            id={`q-choice-${i + 1}`}
            value={c}
            onInput={(e) => {
              const v = e.currentTarget.value;
              setChoices((cs) => cs.map((x, j) => (j === i ? v : x)));
            }}
          />
        </div>
      ))}
      <div class="hr-field">
        <label for="q-answer">คำตอบที่ถูก (หมายเลขตัวเลือก)</label>
        <select id="q-answer" value={answer} onChange={(e) => setAnswer(e.currentTarget.value)}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              ตัวเลือกที่ {n}
            </option>
          ))}
        </select>
      </div>
      <div class="hr-field">
        <label for="q-explanation">คำอธิบายเฉลย (ไม่บังคับ)</label>
        <textarea
          id="q-explanation"
          rows={2}
          value={explanation}
          onInput={(e) => setExplanation(e.currentTarget.value)}
        />
      </div>
      <div class="hr-actions">
        <button type="submit" class="button-primary" disabled={busy}>
          บันทึกคำถาม
        </button>
        <button type="button" class="button" onClick={onCancel}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
