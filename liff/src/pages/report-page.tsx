import CloseWindow from '@line/liff/close-window';
import liff from '@line/liff/core';
import { useState } from 'preact/hooks';
import { formatThaiFullDate, formatThaiShortDate, thaiCivilDate } from '../format-date';
import type { PageProps } from '../page-props';
import {
  type AnswerField,
  type AnswerPatch,
  loadReport,
  type Rating,
  ReportApiError,
  type ReportDetail,
  type SharingPlanId,
  saveAnswers,
  saveLibraryChoice,
  type TextField,
} from '../report-api';
import { STATUS_LABELS, trainingDates } from '../report-labels';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import './report-page.css';

// The post-training report form: the same draft the chat edits (the report document's answers). It
// saves drafts only; submitting goes through the chat, where the approval chain is resolved. The questions'
// wording comes with the report (shared/src/reports/report-questions.ts): the chat asks the same ones.

const SAVED_MESSAGE = 'บันทึกแล้ว กลับไปที่แชตแล้วพิมพ์ "ทำต่อ" เพื่อส่งรายงาน';

/** What the form holds: text as typed, '' / 0 for "not answered yet". */
interface Draft {
  readonly learned: string;
  readonly application: string;
  readonly sharing: SharingPlanId | '';
  readonly sharingDetail: string;
  readonly problems: string;
  readonly rating: Rating | 0;
}

const FIELDS = ['learned', 'application', 'sharing', 'sharingDetail', 'problems', 'rating'] as const;

function toDraft(a: ReportDetail['report']['answers']): Draft {
  return {
    learned: a.learned ?? '',
    application: a.application ?? '',
    sharing: a.sharing ?? '',
    sharingDetail: a.sharingDetail ?? '',
    problems: a.problems ?? '',
    rating: a.rating ?? 0,
  };
}

/** Only what the person changed: an answer given in chat meanwhile is never overwritten by a stale copy. */
function changes(draft: Draft, base: Draft): AnswerPatch {
  const patch: Record<string, unknown> = {};
  for (const f of FIELDS) {
    if (draft[f] === base[f]) continue;
    if (f === 'sharingDetail' && draft.sharing !== 'other') continue;
    const v = draft[f];
    patch[f] = v === '' || v === 0 ? null : v;
  }
  return patch as AnswerPatch;
}

export function ReportPage({ api, params }: PageProps) {
  const id = params.id ?? '';
  const state = useAsync(() => loadReport(api, id));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดรายงาน…" />;
  if (state.status === 'error') {
    const err = state.error;
    const message =
      err instanceof ReportApiError
        ? err.message
        : 'โหลดรายงานไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง';
    const final = err instanceof ReportApiError && (err.status === 403 || err.status === 404);
    return <ErrorState message={message} onRetry={final ? undefined : state.retry} />;
  }
  const detail = state.value;
  return detail.editable ? (
    <ReportForm key={detail.updateTime} api={api} initial={detail} onStale={state.retry} />
  ) : (
    <ReportReadOnly detail={detail} />
  );
}

function ReportFacts({ detail }: { readonly detail: ReportDetail }) {
  const r = detail.report;
  return (
    <section class="report-head" aria-labelledby="report-title">
      <h2 id="report-title">{r.trainingTitle}</h2>
      <dl class="report-facts">
        <div>
          <dt>วันที่อบรม</dt>
          <dd>{trainingDates(r.startDate, r.endDate)}</dd>
        </div>
        <div>
          <dt>วันกลับมาปฏิบัติงาน</dt>
          <dd>{formatThaiShortDate(thaiCivilDate(r.returnDate))}</dd>
        </div>
        <div>
          <dt>กำหนดส่ง</dt>
          <dd>
            {formatThaiFullDate(thaiCivilDate(r.dueDate))}
            <span class="hint due-rule">({detail.form.dueRule})</span>
          </dd>
        </div>
        <div>
          <dt>สถานะ</dt>
          <dd>{STATUS_LABELS[r.status]}</dd>
        </div>
      </dl>
      {r.returnComment ? (
        <p class="return-comment">
          <strong>ความเห็นผู้พิจารณา:</strong> {r.returnComment}
        </p>
      ) : null}
    </section>
  );
}

let closeWindowInstalled = false;

/** Back to the chat: closes the LIFF window in the LINE app (outside it, the browser may refuse). */
function closeLiffWindow(): void {
  try {
    if (!closeWindowInstalled) liff.use(new CloseWindow());
    closeWindowInstalled = true;
    liff.closeWindow();
  } catch {
    // the hint next to the button says what to do instead
  }
}

function BackToChat() {
  return (
    <p class="back-to-chat">
      <button type="button" class="button-secondary" onClick={closeLiffWindow}>
        กลับไปที่แชต
      </button>
      <span class="hint">ถ้าหน้านี้ไม่ปิดเอง ให้ปิดหน้านี้แล้วกลับไปที่แชต "พัฒนา"</span>
    </p>
  );
}

type Notice =
  | { readonly kind: 'none' }
  | { readonly kind: 'saved'; readonly missing: number }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'changed'; readonly message: string };

interface ReportFormProps {
  readonly api: PageProps['api'];
  readonly initial: ReportDetail;
  /** the report can no longer be edited (submitted from chat meanwhile): load it again */
  readonly onStale: () => void;
}

function ReportForm({ api, initial, onStale }: ReportFormProps) {
  const [detail, setDetail] = useState(initial);
  const [base, setBase] = useState(() => toDraft(initial.report.answers));
  const [draft, setDraft] = useState(base);
  const [errors, setErrors] = useState<Partial<Record<AnswerField, string>>>({});
  /** answers that came from chat for fields the person had also changed here */
  const [fromChat, setFromChat] = useState<Partial<Record<AnswerField, string>>>({});
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  const { form } = detail;

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setNotice((n) => (n.kind === 'saved' || n.kind === 'unchanged' ? { kind: 'none' } : n));
  };

  async function save(event: Event) {
    event.preventDefault();
    const patch = changes(draft, base);
    if (Object.keys(patch).length === 0) {
      setNotice({ kind: 'unchanged' });
      return;
    }
    setSaving(true);
    try {
      const outcome = await saveAnswers(api, detail.report.id, patch, detail.updateTime);
      switch (outcome.kind) {
        case 'saved': {
          const saved = toDraft(outcome.detail.report.answers);
          setDetail(outcome.detail);
          setBase(saved);
          setDraft(saved);
          setErrors({});
          setFromChat({});
          setNotice({ kind: 'saved', missing: outcome.detail.missing.length });
          break;
        }
        case 'invalid':
          setErrors(outcome.errors);
          setNotice({ kind: 'error', message: outcome.message });
          focusFirstError(outcome.errors);
          break;
        case 'changed': {
          if (!outcome.current.editable) {
            onStale();
            return;
          }
          // keep what the person changed here; take chat's answers for everything else
          const theirs = toDraft(outcome.current.report.answers);
          const merged: Record<string, unknown> = { ...theirs };
          const conflicts: Partial<Record<AnswerField, string>> = {};
          for (const f of FIELDS) {
            if (draft[f] === base[f]) continue;
            merged[f] = draft[f];
            if (theirs[f] !== base[f]) conflicts[f] = describe(f, theirs, form) ?? 'ไม่มีคำตอบ';
          }
          setDetail(outcome.current);
          setBase(theirs);
          setDraft(merged as unknown as Draft);
          setFromChat(conflicts);
          setNotice({ kind: 'changed', message: outcome.message });
          break;
        }
        case 'notEditable':
          setNotice({ kind: 'error', message: outcome.message });
          onStale();
          break;
      }
    } catch (err) {
      setNotice({
        kind: 'error',
        message:
          err instanceof ReportApiError
            ? err.message
            : 'บันทึกไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง',
      });
    } finally {
      setSaving(false);
    }
  }

  const text = (field: TextField, rows: number, hint?: string) => (
    <LongAnswer
      field={field}
      label={form.questions[field]}
      hint={hint}
      rows={rows}
      value={draft[field]}
      limits={form[field]}
      error={errors[field]}
      fromChat={fromChat[field]}
      onInput={(v) => set(field, v)}
    />
  );

  return (
    <>
      <ReportFacts detail={detail} />
      <p class="hint">
        คำตอบในแบบฟอร์มนี้กับในแชตเป็นร่างเดียวกัน บันทึกที่นี่แล้วทำต่อในแชตได้ทันที การส่งรายงานให้ผู้บังคับบัญชาพิจารณาทำในแชต
      </p>
      <form class="report-form" onSubmit={save} noValidate aria-labelledby="report-title">
        {text('learned', 6)}
        {text('application', 6)}
        <fieldset class="field" aria-invalid={errors.sharing ? 'true' : undefined}>
          <legend class="field-label">{form.questions.sharing}</legend>
          {form.sharingPlans.map((p) => (
            <label key={p.id} class="choice">
              <input
                type="radio"
                name="sharing"
                value={p.id}
                checked={draft.sharing === p.id}
                onChange={() => set('sharing', p.id)}
              />
              <span>{p.name}</span>
            </label>
          ))}
          <FieldNotes field="sharing" error={errors.sharing} fromChat={fromChat.sharing} />
        </fieldset>
        {draft.sharing === 'other' ? text('sharingDetail', 3) : null}
        {text('problems', 4, 'ถ้าไม่มี พิมพ์ -')}
        <fieldset class="field" aria-invalid={errors.rating ? 'true' : undefined}>
          <legend class="field-label">{form.questions.rating}</legend>
          {form.ratings.map((v) => (
            <label key={v} class="choice">
              <input
                type="radio"
                name="rating"
                value={String(v)}
                checked={draft.rating === v}
                onChange={() => set('rating', v)}
              />
              <span>
                {v} {form.ratingLabels[v]}
              </span>
            </label>
          ))}
          <FieldNotes field="rating" error={errors.rating} fromChat={fromChat.rating} />
        </fieldset>
        <p class="hint">
          {detail.report.photoCount > 0 ? `แนบรูปภาพแล้ว ${detail.report.photoCount} รูป ` : ''}
          รูปภาพการอบรมหรือเกียรติบัตร (ไม่บังคับ) ส่งได้ในแชต
        </p>
        <button type="submit" class="button-primary" disabled={saving}>
          {saving ? 'กำลังบันทึก…' : 'บันทึกร่าง'}
        </button>
        <div class="form-notice" role={notice.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
          {notice.kind === 'saved' ? (
            <p class="notice-ok">
              {SAVED_MESSAGE}
              {notice.missing > 0 ? ` (ยังไม่ได้ตอบ ${notice.missing} ข้อ ตอบต่อที่นี่หรือในแชตก็ได้)` : ''}
            </p>
          ) : notice.kind === 'unchanged' ? (
            <p>ยังไม่มีการแก้ไขที่ต้องบันทึก</p>
          ) : notice.kind === 'error' ? (
            <p class="notice-error">{notice.message}</p>
          ) : notice.kind === 'changed' ? (
            <p class="notice-warn">{notice.message}</p>
          ) : null}
        </div>
      </form>
      <LibraryChoice api={api} detail={detail} onSaved={setDetail} />
      <BackToChat />
    </>
  );
}

/**
 * The choice at the end of the report: once approved it is published in the knowledge library for
 * colleagues (the default) or kept internal. Saved at once; the form continues from the new version.
 */
function LibraryChoice({
  api,
  detail,
  onSaved,
}: {
  readonly api: PageProps['api'];
  readonly detail: ReportDetail;
  readonly onSaved: (d: ReportDetail) => void;
}) {
  const [status, setStatus] = useState('');
  const choose = async (share: boolean) => {
    setStatus('กำลังบันทึก…');
    try {
      onSaved(await saveLibraryChoice(api, detail.report.id, share ? 'share' : 'internal'));
      setStatus(share ? 'จะเผยแพร่ในคลังความรู้เมื่ออนุมัติ' : 'จะเก็บเป็นเอกสารภายใน ไม่เผยแพร่');
    } catch (err) {
      setStatus(err instanceof ReportApiError ? err.message : 'บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง');
    }
  };
  return (
    <fieldset class="field">
      <legend class="field-label">คลังความรู้</legend>
      <label class="choice">
        <input
          type="checkbox"
          checked={detail.report.libraryChoice !== 'internal'}
          onChange={(e) => choose(e.currentTarget.checked)}
        />
        <span>เผยแพร่สิ่งที่ได้เรียนรู้และการนำไปใช้ให้เพื่อนร่วมงานในคลังความรู้ เมื่อรายงานได้รับอนุมัติ</span>
      </label>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </fieldset>
  );
}

function describe(field: AnswerField, d: Draft, form: ReportDetail['form']): string | undefined {
  if (field === 'sharing') return form.sharingPlans.find((p) => p.id === d.sharing)?.name;
  if (field === 'rating') return d.rating ? `${d.rating} ${form.ratingLabels[d.rating]}` : undefined;
  return d[field] || undefined;
}

function focusFirstError(errors: Partial<Record<AnswerField, string>>) {
  const first = FIELDS.find((f) => errors[f]);
  if (!first) return;
  const el =
    first === 'sharing' || first === 'rating'
      ? document.querySelector<HTMLInputElement>(`input[name="${first}"]`)
      : document.getElementById(`answer-${first}`);
  el?.focus();
}

function FieldNotes(props: {
  readonly field: AnswerField;
  readonly error?: string;
  readonly fromChat?: string;
}) {
  return (
    <>
      {props.fromChat ? (
        <p id={`answer-${props.field}-chat`} class="from-chat">
          คำตอบล่าสุดในแชต: {props.fromChat}
        </p>
      ) : null}
      {props.error ? (
        <p id={`answer-${props.field}-error`} class="field-error">
          {props.error}
        </p>
      ) : null}
    </>
  );
}

interface LongAnswerProps {
  readonly field: TextField;
  readonly label: string;
  readonly hint?: string;
  readonly rows: number;
  readonly value: string;
  readonly limits: { readonly min: number; readonly max: number };
  readonly error?: string;
  readonly fromChat?: string;
  readonly onInput: (value: string) => void;
}

/** A textarea with its live character count, counted as the server counts (trimmed, UTF-16 units). */
function LongAnswer({ field, label, hint, rows, value, limits, error, fromChat, onInput }: LongAnswerProps) {
  const id = `answer-${field}`;
  const count = value.trim().length;
  const outOfRange = count > limits.max || (count > 0 && count < limits.min && value.trim() !== '-');
  const describedBy = [
    hint ? `${id}-hint` : '',
    `${id}-count`,
    fromChat ? `${id}-chat` : '',
    error ? `${id}-error` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div class="field">
      <label for={id} class="field-label">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={field}
        rows={rows}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error || outOfRange ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-count`} class={outOfRange ? 'char-count char-count-bad' : 'char-count'}>
        {count}/{limits.max} ตัวอักษร (อย่างน้อย {limits.min})
      </p>
      <FieldNotes field={field} error={error} fromChat={fromChat} />
    </div>
  );
}

function ReportReadOnly({ detail }: { readonly detail: ReportDetail }) {
  const r = detail.report;
  const a = toDraft(r.answers);
  const when = r.status === 'approved' ? r.approvedAt : r.submittedAt;
  const shown: AnswerField[] = ['learned', 'application', 'sharing', 'problems', 'rating'];
  return (
    <>
      <ReportFacts detail={detail} />
      <p class="notice-info" role="status">
        {r.status === 'approved' ? 'รายงานนี้ได้รับการอนุมัติครบแล้ว' : 'รายงานนี้ส่งแล้ว อยู่ระหว่างการพิจารณา'}
        {when
          ? ` (${r.status === 'approved' ? 'อนุมัติ' : 'ส่ง'}เมื่อ ${formatThaiShortDate(new Date(when))})`
          : ''}
        {' จึงแก้ไขไม่ได้'}
      </p>
      <dl class="report-answers">
        {shown.map((f) => {
          const value =
            f === 'sharing'
              ? [describe('sharing', a, detail.form), a.sharingDetail].filter(Boolean).join(': ')
              : describe(f, a, detail.form);
          return (
            <div key={f}>
              <dt>{detail.form.questions[f]}</dt>
              <dd>{value || '-'}</dd>
            </div>
          );
        })}
      </dl>
      <p>
        <Link href="/reports">ดูรายงานทั้งหมดของฉัน</Link>
      </p>
      <BackToChat />
    </>
  );
}
