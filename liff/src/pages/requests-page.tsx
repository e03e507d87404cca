import { useState } from 'preact/hooks';
import { thaiDateTime } from '../format-date';
import { HrApiError } from '../hr-api';
import { shortDate } from '../idp-goals';
import { useLoadMore } from '../load-more';
import type { PageProps } from '../page-props';
import { trainingDates } from '../report-labels';
import {
  decideRequest,
  failureText,
  loadApprovedRequests,
  loadRequests,
  markAdvanceCleared,
  type RequestsPage as Page,
  type RequestErrors,
  type RequestStatus,
  type RequestView,
  recordAdvance,
  recordTravelOrder,
  sendRequest,
} from '../request-api';
import { ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { FieldError, InputField, LiveStatus } from './hr-form-parts';
import './development.css';
import './hr-admin.css';

// คำขอไปอบรม: the person's training requests with their trail, a new request (a course from HR's
// catalogue or an external one), the requests waiting for this person's approval, and for HR the
// travel order and advance of approved ones. Every check is the server's (the chat's own checker).

const STATUS_TEXT: Record<RequestStatus, string> = {
  submitted: 'รออนุมัติ',
  returned: 'ส่งกลับแก้ไข',
  refused: 'ไม่อนุมัติ',
  approved: 'อนุมัติแล้ว',
};
const EXTERNAL = '__external';
const baht = (n: number) => `${thaiNumber.format(n)} บาท`;
const year = new Date().getFullYear();
const YEARS = [year, year + 1];

export function RequestsPage({ api }: PageProps) {
  const state = useAsync(() => loadRequests(api));
  // said after a request is sent, above the reloaded lists (the form itself reloads with them)
  const [sent, setSent] = useState('');
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดคำขอไปอบรม…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={failureText(state.error, 'โหลดคำขอไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง')}
        onRetry={state.retry}
      />
    );
  const page = state.value;
  return (
    <>
      {page.waiting.length > 0 ? (
        <section aria-labelledby="waiting-head">
          <h2 id="waiting-head">คำขอไปอบรมที่รอท่านพิจารณา ({page.waiting.length})</h2>
          {page.waiting.map((v) => (
            <WaitingCard key={v.request.id} api={api} view={v} />
          ))}
        </section>
      ) : null}
      {/* HR's own work next: the orders and advances of approved requests (HR's menu tile opens here) */}
      {page.approved ? (
        <section aria-labelledby="hr-head">
          <h2 id="hr-head">ฝ่ายบุคคล: คำสั่งไปราชการและเงินยืม</h2>
          <p class="hint">
            กำหนดส่งใช้เงินยืม {page.advanceClearingDays} วันนับจากวันกลับมาปฏิบัติงาน (ตรงกับวันหยุดให้เลื่อนเป็นวันทำการถัดไป)
          </p>
          <ApprovedRequests
            key={page.approvedNextCursor ?? ''}
            api={api}
            first={page.approved}
            nextCursor={page.approvedNextCursor ?? null}
          />
        </section>
      ) : null}
      <LiveStatus tone="ok">{sent}</LiveStatus>
      <NewRequest
        api={api}
        page={page}
        onSent={(note) => {
          setSent(note);
          state.retry();
        }}
      />
      <section aria-labelledby="mine-head">
        <h2 id="mine-head">คำขอของฉัน</h2>
        {page.mine.length === 0 ? (
          <p class="hint">ยังไม่มีคำขอ</p>
        ) : (
          page.mine.map((v) => <RequestCard key={v.request.id} view={v} />)
        )}
      </section>
    </>
  );
}

/** HR's approved requests, a page at a time: the first with the page, then "ดูเพิ่ม". */
function ApprovedRequests({
  api,
  first,
  nextCursor,
}: {
  readonly api: PageProps['api'];
  readonly first: readonly RequestView[];
  readonly nextCursor: string | null;
}) {
  const { items, button } = useLoadMore<RequestView>(
    { items: first, nextCursor },
    async (cursor) => {
      const next = await loadApprovedRequests(api, cursor);
      return { items: next.approved, nextCursor: next.nextCursor };
    },
    (err) => failureText(err, 'โหลดคำขอเพิ่มไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วกด "ดูเพิ่ม" อีกครั้ง'),
  );
  return (
    <>
      {items.length === 0 ? (
        <p class="hint">ยังไม่มีคำขอที่อนุมัติแล้ว</p>
      ) : (
        items.map((v) => <HrRecords key={v.request.id} api={api} view={v} />)
      )}
      {button}
    </>
  );
}

function Summary({ view }: { readonly view: RequestView }) {
  const r = view.request;
  return (
    <>
      <p class="hint">
        {r.course.organiser} · อบรม {trainingDates(r.course.startDate, r.course.endDate)} · กลับมาปฏิบัติงาน{' '}
        {shortDate(r.returnDate)}
      </p>
      <p class="hint">
        ค่าใช้จ่าย {r.course.cost > 0 ? baht(r.course.cost) : 'ไม่มี'}
        {r.course.budgetLine ? ` · งบประมาณ: ${r.course.budgetLine}` : ''}
      </p>
      <p>เหตุผล: {r.reason}</p>
    </>
  );
}

function RequestCard({ view }: { readonly view: RequestView }) {
  const r = view.request;
  const id = `req-${r.id}`;
  return (
    <article class="panel" aria-labelledby={id}>
      <h3 id={id}>{r.course.title}</h3>
      <p>
        <span class={r.status === 'approved' ? 'badge' : 'badge badge-warn'}>{STATUS_TEXT[r.status]}</span>
      </p>
      <Summary view={view} />
      {r.returnComment && r.status === 'returned' ? (
        <p class="notice-error">ความเห็น: {r.returnComment}</p>
      ) : null}
      {r.refuseReason ? <p class="notice-error">เหตุผลที่ไม่อนุมัติ: {r.refuseReason}</p> : null}
      <ol class="record-list" aria-label="ขั้นตอนของคำขอ">
        {view.trail.map((t) => (
          <li key={`${t.date}-${t.step}`} class="record">
            <span class="record-title">{t.step}</span>
            <span class="record-meta">
              {thaiDateTime(t.date)} · {t.actor}
              {t.detail ? ` · ${t.detail}` : ''}
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}

type Form = Record<string, string>;

function NewRequest({
  api,
  page,
  onSent,
}: {
  readonly api: PageProps['api'];
  readonly page: Page;
  readonly onSent: (note: string) => void;
}) {
  const [form, setForm] = useState<Form>({ trainingId: page.catalogue[0]?.id ?? EXTERNAL });
  const [errors, setErrors] = useState<RequestErrors>({});
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (v: string) => setForm({ ...form, [k]: v });
  const external = form.trainingId === EXTERNAL;

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const { trainingId, ...rest } = form;
    const body = external ? rest : { ...rest, trainingId: trainingId ?? '' };
    try {
      const v = await sendRequest(api, body);
      setErrors({});
      onSent(`ส่งคำขอ "${v.request.course.title}" แล้ว ✅ ผู้บังคับบัญชาจะได้รับใน LINE`);
    } catch (err) {
      setErrors(err instanceof HrApiError ? err.errors : {});
      setStatus({ tone: 'error', text: failureText(err, 'ส่งคำขอไม่สำเร็จ กรุณาลองอีกครั้ง') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-head">
      <h2 id="new-head">ยื่นคำขอไปอบรม</h2>
      <form class="panel" onSubmit={submit} noValidate>
        <div class="hr-field">
          <label for="rq-course">หลักสูตร</label>
          <select
            id="rq-course"
            value={form.trainingId}
            onChange={(e) => set('trainingId')(e.currentTarget.value)}
          >
            {page.catalogue.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({shortDate(c.startDate)})
              </option>
            ))}
            <option value={EXTERNAL}>หลักสูตรภายนอก (กรอกรายละเอียดเอง)</option>
          </select>
          <FieldError id="rq-course" error={errors.trainingId} />
        </div>
        {external ? (
          <>
            <InputField
              id="rq-title"
              label="ชื่อหลักสูตร"
              type="text"
              value={form.title ?? ''}
              onInput={set('title')}
              error={errors.title}
            />
            <InputField
              id="rq-organiser"
              label="หน่วยงานผู้จัด"
              type="text"
              value={form.organiser ?? ''}
              onInput={set('organiser')}
              error={errors.organiser}
            />
            <ThaiDateField
              id="rq-start"
              label="วันเริ่มอบรม"
              value={form.startDate ?? ''}
              onChange={set('startDate')}
              years={YEARS}
              error={errors.startDate}
            />
            <ThaiDateField
              id="rq-end"
              label="วันสุดท้ายของการอบรม"
              value={form.endDate ?? ''}
              onChange={set('endDate')}
              years={YEARS}
              error={errors.endDate}
            />
            <InputField
              id="rq-hours"
              label="จำนวนชั่วโมง"
              type="text"
              inputMode="decimal"
              value={form.hours ?? ''}
              onInput={set('hours')}
              error={errors.hours}
            />
          </>
        ) : null}
        <InputField
          id="rq-place"
          label={external ? 'สถานที่อบรม' : 'สถานที่อบรม (ถ้ามี)'}
          type="text"
          value={form.place ?? ''}
          onInput={set('place')}
          error={errors.place}
        />
        <ThaiDateField
          id="rq-return"
          label="วันที่กลับมาปฏิบัติงาน (ไม่เลือก = วันสุดท้ายของการอบรม)"
          value={form.returnDate ?? ''}
          onChange={set('returnDate')}
          years={YEARS}
          error={errors.returnDate}
        />
        <InputField
          id="rq-cost"
          label="ค่าใช้จ่ายที่ขอเบิก (บาท)"
          type="text"
          inputMode="decimal"
          value={form.cost ?? ''}
          onInput={set('cost')}
          error={errors.cost}
          hint="พิมพ์ 0 ถ้าไม่มีค่าใช้จ่าย"
        />
        <InputField
          id="rq-budget"
          label="งบประมาณที่ใช้ (แผนงาน/รายการ)"
          type="text"
          value={form.budgetLine ?? ''}
          onInput={set('budgetLine')}
          error={errors.budgetLine}
        />
        <div class="hr-field">
          <label for="rq-reason">เหตุผลที่ขอไปอบรม</label>
          <textarea
            id="rq-reason"
            rows={3}
            value={form.reason ?? ''}
            onInput={(e) => set('reason')(e.currentTarget.value)}
            aria-invalid={errors.reason ? 'true' : undefined}
          />
          <FieldError id="rq-reason" error={errors.reason} />
        </div>
        {page.goals.length > 0 ? (
          <div class="hr-field">
            <label for="rq-goal">ตรงกับเป้าหมายในแผนพัฒนารายบุคคล</label>
            <select
              id="rq-goal"
              value={form.idpGoalId ?? ''}
              onChange={(e) => set('idpGoalId')(e.currentTarget.value)}
            >
              <option value="">ไม่เกี่ยวกับแผนพัฒนา</option>
              {page.goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.goal}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {errors.request ? <p class="notice-error">{errors.request}</p> : null}
        <div class="hr-actions">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? 'กำลังส่ง…' : 'ส่งคำขอ'}
          </button>
        </div>
        <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
      </form>
    </section>
  );
}

function WaitingCard({ api, view }: { readonly api: PageProps['api']; readonly view: RequestView }) {
  const r = view.request;
  const [asking, setAsking] = useState<'return' | 'refuse' | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const id = `wait-${r.id}`;
  async function decide(decision: 'approve' | 'return' | 'refuse') {
    setBusy(true);
    try {
      const v = await decideRequest(api, r.id, {
        decision,
        step: view.step,
        ...(decision === 'approve' ? {} : { comment }),
      });
      setStatus({ tone: 'ok', text: `บันทึกแล้ว: ${STATUS_TEXT[v.request.status]}` });
      setAsking(null);
    } catch (err) {
      setStatus({ tone: 'error', text: failureText(err, 'บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง') });
    } finally {
      setBusy(false);
    }
  }
  const done = status?.tone === 'ok';
  return (
    <article class="panel" aria-labelledby={id}>
      <h3 id={id}>
        {r.employeeName}: {r.course.title}
      </h3>
      <Summary view={view} />
      {done ? null : asking ? (
        <div class="comment-box">
          <label for={`${id}-comment`}>
            {asking === 'return' ? 'สิ่งที่ต้องการให้แก้ไข' : 'เหตุผลที่ไม่อนุมัติ'} (ผู้ขอจะได้รับข้อความนี้)
          </label>
          <textarea
            id={`${id}-comment`}
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <div class="actions">
            <button type="button" class="button-primary" disabled={busy} onClick={() => decide(asking)}>
              {asking === 'return' ? 'ยืนยันส่งกลับแก้ไข' : 'ยืนยันไม่อนุมัติ'}
            </button>
            <button type="button" class="button-secondary" onClick={() => setAsking(null)}>
              ยกเลิก
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="button-primary" disabled={busy} onClick={() => decide('approve')}>
            อนุมัติ
          </button>
          <button type="button" class="button-secondary" onClick={() => setAsking('return')}>
            ส่งกลับแก้ไข
          </button>
          <button type="button" class="button-secondary" onClick={() => setAsking('refuse')}>
            ไม่อนุมัติ
          </button>
        </div>
      )}
      <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
    </article>
  );
}

function HrRecords({ api, view: initial }: { readonly api: PageProps['api']; readonly view: RequestView }) {
  const [view, setView] = useState(initial);
  const r = view.request;
  const [number, setNumber] = useState(r.travelOrder?.number ?? '');
  const [date, setDate] = useState(r.travelOrder?.date ?? '');
  const [amount, setAmount] = useState(r.advance ? String(r.advance.amount) : '');
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const id = `hr-${r.id}`;
  async function run(what: string, call: () => Promise<RequestView>) {
    try {
      setView(await call());
      setStatus({ tone: 'ok', text: `บันทึก${what}แล้ว` });
    } catch (err) {
      setStatus({ tone: 'error', text: failureText(err, 'บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง') });
    }
  }
  return (
    <article class="panel" aria-labelledby={id}>
      <h3 id={id}>
        {r.employeeName}: {r.course.title}
      </h3>
      <p>
        {r.travelOrder ? (
          <span class="badge">
            คำสั่งเลขที่ {r.travelOrder.number} ลงวันที่ {shortDate(r.travelOrder.date)}
          </span>
        ) : (
          <span class="badge badge-warn">ยังไม่บันทึกคำสั่งไปราชการ</span>
        )}
      </p>
      <Summary view={view} />
      <InputField
        id={`${id}-number`}
        label="เลขที่คำสั่งไปราชการ"
        type="text"
        value={number}
        onInput={setNumber}
      />
      <ThaiDateField id={`${id}-date`} label="ลงวันที่" value={date} onChange={setDate} />
      <div class="hr-actions">
        <button
          type="button"
          class="button-primary"
          onClick={() => run('คำสั่งไปราชการ', () => recordTravelOrder(api, r.id, number, date))}
        >
          บันทึกคำสั่ง
        </button>
      </div>
      <InputField
        id={`${id}-amount`}
        label="จำนวนเงินยืม (บาท)"
        type="text"
        inputMode="decimal"
        value={amount}
        onInput={setAmount}
      />
      {r.advance ? (
        <p class="hint">
          ส่งใช้ภายใน {shortDate(r.advance.clearBy)}
          {r.advance.clearedAt ? ` · ส่งใช้แล้วเมื่อ ${thaiDateTime(r.advance.clearedAt)}` : ''}
        </p>
      ) : null}
      <div class="hr-actions">
        <button
          type="button"
          class="button-primary"
          onClick={() => run('เงินยืม', () => recordAdvance(api, r.id, amount))}
        >
          บันทึกเงินยืม
        </button>
        {r.advance && !r.advance.clearedAt ? (
          <button
            type="button"
            class="button-secondary"
            onClick={() => run('การส่งใช้เงินยืม', () => markAdvanceCleared(api, r.id))}
          >
            ส่งใช้เงินยืมแล้ว
          </button>
        ) : null}
      </div>
      <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
    </article>
  );
}
