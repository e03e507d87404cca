import { useState } from 'preact/hooks';
import {
  type EmployeeRow,
  HrApiError,
  loadAllEmployees,
  loadTrainings,
  saveTraining,
  type TrainingBody,
  type TrainingOptions,
  type TrainingView,
} from '../hr-api';
import { type PageOf, useLoadMore } from '../load-more';
import type { PageProps } from '../page-props';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { useAsync } from '../use-async';
import {
  describedBy,
  ErrorSummary,
  FieldError,
  InputField,
  LiveStatus,
  messageOf,
  shortDate,
  thaiNumber,
} from './hr-form-parts';

// This fiscal year's trainings, and the form to add or change one. The daily job opens each attendee's
// post-training report the day after the last day (unless no report is asked for).

const LABELS: Record<string, string> = {
  title: 'ชื่อหลักสูตร/การอบรม',
  organiser: 'หน่วยงานผู้จัด',
  organiserKind: 'ประเภทผู้จัด',
  method: 'วิธีการพัฒนา',
  curriculum: 'หลักสูตรตามแผนพัฒนาบุคลากร',
  competency: 'สมรรถนะหรือเป้าหมาย IDP ที่พัฒนา',
  startDate: 'วันเริ่มอบรม',
  endDate: 'วันสิ้นสุดการอบรม',
  hours: 'จำนวนชั่วโมง',
  attendees: 'ผู้เข้าอบรม',
  reportRequired: 'รายงานผลการฝึกอบรม',
};

const EMPTY: TrainingBody = {
  title: '',
  organiser: '',
  organiserKind: '',
  method: 'training',
  curriculum: '',
  competency: '',
  startDate: '',
  endDate: '',
  hours: 6,
  attendees: [],
  reportRequired: true,
};

const toBody = (t: TrainingView): TrainingBody => ({
  title: t.title,
  organiser: t.organiser,
  organiserKind: t.organiserKind ?? '',
  method: t.method,
  curriculum: t.curriculum ?? '',
  competency: t.competency ?? '',
  startDate: t.startDate,
  endDate: t.endDate,
  hours: t.hours,
  attendees: t.attendees,
  reportRequired: t.reportRequired,
});

export function HrTrainingsPage({ api }: PageProps) {
  const state = useAsync(async () => {
    const [t, e] = await Promise.all([loadTrainings(api), loadAllEmployees(api)]);
    return { ...t, employees: e.employees.filter((x) => x.active) };
  });
  const [editing, setEditing] = useState<TrainingView | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดรายการอบรม…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const { fiscalYear, trainings, options, employees } = state.value;
  if (editing)
    return (
      <TrainingForm
        api={api}
        training={editing === 'new' ? undefined : editing}
        options={options}
        employees={employees}
        onCancel={() => setEditing(null)}
        onSaved={(t) => {
          setNotice(`บันทึก "${t.title}" แล้ว`);
          setEditing(null);
          state.retry();
        }}
      />
    );
  return (
    <>
      <p class="lead">ปีงบประมาณ พ.ศ. {fiscalYear}</p>
      <LiveStatus tone="ok">{notice}</LiveStatus>
      <div class="hr-actions">
        <button type="button" class="button-primary" onClick={() => setEditing('new')}>
          เพิ่มการอบรม
        </button>
      </div>
      <TrainingList
        api={api}
        first={{ items: trainings, nextCursor: state.value.nextCursor }}
        onEdit={setEditing}
      />
    </>
  );
}

/** The year's trainings, a page at a time: the first with the page, then "ดูเพิ่ม". */
function TrainingList({
  api,
  first,
  onEdit,
}: {
  readonly api: PageProps['api'];
  readonly first: PageOf<TrainingView>;
  readonly onEdit: (t: TrainingView) => void;
}) {
  const { items: trainings, button } = useLoadMore<TrainingView>(
    first,
    async (cursor) => {
      const page = await loadTrainings(api, cursor);
      return { items: page.trainings, nextCursor: page.nextCursor };
    },
    messageOf,
  );
  return (
    <>
      {trainings.length === 0 ? (
        <EmptyState title="ยังไม่มีการอบรมในปีงบประมาณนี้">
          <p>กด "เพิ่มการอบรม" เพื่อบันทึกหลักสูตรและผู้เข้าอบรม</p>
        </EmptyState>
      ) : (
        <ul class="hr-list" aria-label="การอบรมของปีงบประมาณ">
          {trainings.map((t) => (
            <li key={t.id}>
              <strong>{t.title}</strong>
              <span class="hr-meta">
                {shortDate(t.startDate)}
                {t.endDate !== t.startDate ? ` – ${shortDate(t.endDate)}` : ''} · {thaiNumber(t.hours)} ชั่วโมง
                · {thaiNumber(t.attendees.length)} คน · {t.organiser}
              </span>
              <span class="hr-meta">
                {t.reportRequired ? 'ต้องส่งรายงาน' : 'ไม่ต้องส่งรายงาน'}
                {t.reportsOpened ? ' · เปิดรายงานให้ผู้เข้าอบรมแล้ว' : ''}
              </span>
              <button
                type="button"
                class="hr-secondary"
                onClick={() => onEdit(t)}
                aria-label={`แก้ไข ${t.title}`}
              >
                แก้ไข
              </button>
            </li>
          ))}
        </ul>
      )}
      {button}
    </>
  );
}

interface FormProps {
  readonly api: PageProps['api'];
  readonly training?: TrainingView;
  readonly options: TrainingOptions;
  readonly employees: readonly EmployeeRow[];
  readonly onCancel: () => void;
  readonly onSaved: (t: TrainingView) => void;
}

function TrainingForm({ api, training, options, employees, onCancel, onSaved }: FormProps) {
  const [body, setBody] = useState<TrainingBody>(training ? toBody(training) : EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [search, setSearch] = useState('');
  const set = <K extends keyof TrainingBody>(k: K, v: TrainingBody[K]) => setBody((b) => ({ ...b, [k]: v }));
  const chosen = new Set(body.attendees);
  const q = search.trim().toLowerCase();
  const shown = employees.filter(
    (e) => !q || e.name.toLowerCase().includes(q) || e.code.toLowerCase().includes(q),
  );

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      const r = await saveTraining(api, training?.id, { ...body, hours: Number(body.hours) });
      onSaved(r.training);
    } catch (err) {
      setErrors(err instanceof HrApiError ? err.errors : {});
      setMessage(messageOf(err));
      setSaving(false);
    }
  }

  const text = (k: 'title' | 'organiser' | 'competency', required = true) => (
    <InputField
      id={k}
      label={
        <>
          {LABELS[k]}
          {required ? '' : ' (ไม่บังคับ)'}
        </>
      }
      type="text"
      value={body[k]}
      onInput={(v) => set(k, v)}
      error={errors[k]}
    />
  );
  const select = (
    k: 'organiserKind' | 'method' | 'curriculum',
    list: readonly { id: string; name: string }[],
    optional: boolean,
  ) => (
    <div class="hr-field">
      <label for={k}>
        {LABELS[k]}
        {optional ? ' (ไม่บังคับ)' : ''}
      </label>
      <select
        id={k}
        value={body[k]}
        onChange={(e) => set(k, e.currentTarget.value)}
        aria-invalid={errors[k] ? 'true' : undefined}
        aria-describedby={describedBy(k, { error: errors[k] })}
      >
        {optional ? <option value="">— ไม่ระบุ —</option> : null}
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldError id={k} error={errors[k]} />
    </div>
  );
  const date = (k: 'startDate' | 'endDate') => (
    <ThaiDateField
      id={k}
      label={LABELS[k] ?? ''}
      value={body[k]}
      onChange={(v) => set(k, v)}
      error={errors[k]}
    />
  );

  return (
    <section class="hr-section" aria-labelledby="training-form-title">
      <h2 id="training-form-title">{training ? `แก้ไข: ${training.title}` : 'เพิ่มการอบรม'}</h2>
      {training?.reportsOpened ? (
        <p class="hint">ระบบเปิดรายงานให้ผู้เข้าอบรมแล้ว จึงเปลี่ยนวันที่ ผู้เข้าอบรม และการต้องส่งรายงานไม่ได้</p>
      ) : null}
      <form class="hr-form" onSubmit={save} noValidate>
        <ErrorSummary message={message} errors={errors} labels={LABELS} />
        {text('title')}
        {text('organiser')}
        {select('organiserKind', options.organiserKinds, true)}
        {select('method', options.methods, false)}
        {select('curriculum', options.curricula, true)}
        {text('competency', false)}
        {date('startDate')}
        {date('endDate')}
        <InputField
          id="hours"
          label={LABELS.hours}
          type="number"
          inputMode="decimal"
          min="0.5"
          step="0.5"
          value={String(body.hours)}
          onInput={(v) => set('hours', v as unknown as number)}
          error={errors.hours}
        />
        <fieldset
          class="hr-field"
          id="attendees"
          aria-describedby={describedBy('attendees', { hint: true, error: errors.attendees })}
        >
          <legend>
            {LABELS.attendees} (เลือกแล้ว {thaiNumber(chosen.size)} คน)
          </legend>
          <p id="attendees-hint" class="hint">
            ค้นหาด้วยชื่อหรือรหัสพนักงาน แล้วเลือกผู้เข้าอบรม
          </p>
          <label for="attendee-search" class="visually-hidden">
            ค้นหาพนักงาน
          </label>
          <input
            type="search"
            id="attendee-search"
            placeholder="ค้นหาชื่อหรือรหัส"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
          />
          <div class="hr-scroll">
            {shown.map((e) => (
              <label key={e.id} class="hr-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(e.id)}
                  onChange={(ev) =>
                    set(
                      'attendees',
                      ev.currentTarget.checked
                        ? [...body.attendees, e.id]
                        : body.attendees.filter((a) => a !== e.id),
                    )
                  }
                />
                <span>
                  {e.name} ({e.code})
                </span>
              </label>
            ))}
          </div>
          <FieldError id="attendees" error={errors.attendees} />
        </fieldset>
        <fieldset class="hr-field">
          <legend>{LABELS.reportRequired}</legend>
          <label class="hr-choice">
            <input
              type="radio"
              name="reportRequired"
              checked={body.reportRequired}
              onChange={() => set('reportRequired', true)}
            />
            <span>ผู้เข้าอบรมต้องส่งรายงานภายใน 7 วันทำการ</span>
          </label>
          <label class="hr-choice">
            <input
              type="radio"
              name="reportRequired"
              checked={!body.reportRequired}
              onChange={() => set('reportRequired', false)}
            />
            <span>ไม่ต้องส่งรายงาน (นับชั่วโมงเมื่อเข้าร่วม)</span>
          </label>
        </fieldset>
        <div class="hr-actions">
          <button type="submit" class="button-primary" disabled={saving}>
            {saving ? 'กำลังบันทึก…' : 'บันทึก'}
          </button>
          <button type="button" class="hr-secondary" onClick={onCancel}>
            ยกเลิก
          </button>
        </div>
        <LiveStatus tone="info">{saving ? 'กำลังบันทึก…' : ''}</LiveStatus>
      </form>
    </section>
  );
}
