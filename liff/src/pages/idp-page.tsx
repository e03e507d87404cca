import { useState } from 'preact/hooks';
import {
  DevelopmentApiError,
  failureMessage,
  type IdpGoal,
  type IdpView,
  loadMyIdp,
  saveMyIdp,
  submitMyIdp,
} from '../development-api';
import { IDP_STATUS_TEXT, IdpGoalsReadOnly, shortDate } from '../idp-goals';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { ThaiDateField } from '../thai-date-field';
import { useAsync } from '../use-async';
import './development.css';

// แผนพัฒนาของฉัน: the person's individual development plan for this fiscal year. They write goals
// (competency, current and target level, methods, timeline, progress, linked trainings), save drafts and
// send it to their supervisor. Saves name the version they started from; when the plan changed elsewhere
// the latest is shown and what the person typed here is kept to put back with one tap.

type Errors = Readonly<Record<string, string>>;

type Notice =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok' | 'error' | 'warn'; readonly message: string };

export function IdpPage({ api }: PageProps) {
  const state = useAsync(() => loadMyIdp(api));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดแผนพัฒนา…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={failureMessage(state.error, 'โหลดแผนพัฒนาไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง')}
        onRetry={state.retry}
      />
    );
  return <IdpEditor api={api} initial={state.value} />;
}

let goalSeq = 0;
const newGoalId = (goals: readonly IdpGoal[]) => {
  let id = '';
  do id = `g${Date.now().toString(36)}${goalSeq++}`;
  while (goals.some((g) => g.id === id));
  return id;
};

function IdpEditor({ api, initial }: { readonly api: PageProps['api']; readonly initial: IdpView }) {
  const [view, setView] = useState(initial);
  const [goals, setGoals] = useState<readonly IdpGoal[]>(initial.plan.goals);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>({ kind: 'none' });
  /** what the person had typed when the plan turned out to have changed elsewhere */
  const [mine, setMine] = useState<readonly IdpGoal[] | null>(null);
  const plan = view.plan;
  const locked = plan.status === 'agreed'; // only progress and linked trainings move

  const update = (i: number, patch: Partial<IdpGoal>) => {
    setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));
    setDirty(true);
    setNotice((n) => (n.kind === 'ok' ? { kind: 'none' } : n));
  };

  const adopt = (next: IdpView) => {
    setView(next);
    setGoals(next.plan.goals);
    setDirty(false);
    setErrors({});
  };

  /** Handles a refusal; returns true when it was one the page explains itself. */
  const refused = (err: unknown): boolean => {
    if (!(err instanceof DevelopmentApiError)) return false;
    const body = err.body as { errors?: Errors; current?: IdpView; code?: string };
    if (err.status === 400 && body.errors) {
      setErrors(body.errors);
      setNotice({ kind: 'error', message: err.message });
      return true;
    }
    if (body.current) {
      if (body.code === 'changed' && dirty) setMine(goals);
      adopt(body.current);
      setNotice({ kind: body.code === 'changed' ? 'warn' : 'error', message: err.message });
      return true;
    }
    return false;
  };

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (err) {
      if (!refused(err))
        setNotice({
          kind: 'error',
          message: failureMessage(err, 'บันทึกไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง'),
        });
    } finally {
      setBusy(false);
    }
  }

  const save = (event?: Event) => {
    event?.preventDefault();
    return run(async () => {
      const saved = await saveMyIdp(api, plan.fiscalYear, plan.version, goals);
      adopt(saved);
      setMine(null);
      setNotice({
        kind: 'ok',
        message:
          saved.missing.length > 0 && saved.plan.status !== 'agreed'
            ? `บันทึกร่างแล้ว (ก่อนส่งให้หัวหน้า: ${saved.missing.join(' / ')})`
            : 'บันทึกแล้ว',
      });
    });
  };

  const submit = () =>
    run(async () => {
      let current = view;
      if (dirty) {
        current = await saveMyIdp(api, plan.fiscalYear, plan.version, goals);
        adopt(current);
      }
      const sent = await submitMyIdp(api, current.plan.fiscalYear, current.plan.version);
      adopt(sent);
      setMine(null);
      setNotice({ kind: 'ok', message: `ส่งแผนพัฒนาให้ ${sent.supervisor?.name ?? 'หัวหน้า'} พิจารณาแล้ว` });
    });

  const addGoal = () => {
    const first = view.competencies[0]?.id ?? 'achievement';
    setGoals((gs) => [
      ...gs,
      {
        id: newGoalId(gs),
        competencyId: first,
        currentLevel: 1,
        targetLevel: 2,
        goal: '',
        methods: [],
        startDate: view.range.start,
        endDate: view.range.end,
        progress: 0,
        trainingIds: [],
      },
    ]);
    setDirty(true);
  };

  return (
    <>
      <section class="panel" aria-labelledby="idp-head">
        <h2 id="idp-head">แผนพัฒนารายบุคคล ปีงบประมาณ พ.ศ. {plan.fiscalYear}</h2>
        <p>
          สถานะ: <span class="badge">{view.stored ? IDP_STATUS_TEXT[plan.status] : 'ยังไม่ได้บันทึก'}</span>
        </p>
        <p class="hint">
          ผู้เห็นชอบแผน: {view.supervisor?.name ?? 'ยังไม่ได้กำหนดหัวหน้า กรุณาแจ้งฝ่ายบุคคล'} · ช่วงปีงบประมาณ{' '}
          {shortDate(view.range.start)} – {shortDate(view.range.end)}
        </p>
        {plan.status === 'returned' && plan.supervisorComment ? (
          <p class="return-comment">
            <strong>ความเห็นหัวหน้า:</strong> {plan.supervisorComment}
          </p>
        ) : null}
        {plan.status === 'agreed' ? (
          <p class="notice-ok">
            หัวหน้าเห็นชอบเมื่อ {shortDate(plan.agreedAt?.slice(0, 10))}
            {plan.supervisorComment ? ` · ความเห็น: ${plan.supervisorComment}` : ''} ·
            อัปเดตความก้าวหน้าและการอบรมที่เชื่อมโยงได้
          </p>
        ) : null}
      </section>

      {mine ? (
        <p class="status-line notice-warn" role="status">
          ที่ท่านแก้ไว้ยังไม่ได้บันทึก{' '}
          <button
            type="button"
            class="button-secondary"
            onClick={() => {
              setGoals(mine);
              setDirty(true);
              setMine(null);
            }}
          >
            ใช้ฉบับที่ท่านแก้ไว้
          </button>
        </p>
      ) : null}

      {!view.editable ? (
        <>
          <p class="notice-info" role="status">
            ส่งให้ {view.supervisor?.name ?? 'หัวหน้า'} แล้ว อยู่ระหว่างรอความเห็นชอบ จึงแก้ไขไม่ได้
          </p>
          <IdpGoalsReadOnly view={view} />
        </>
      ) : (
        <form onSubmit={save} noValidate aria-labelledby="idp-head">
          {goals.length === 0 ? <p class="hint">ยังไม่มีเป้าหมาย กด "เพิ่มเป้าหมาย" เพื่อเริ่ม</p> : null}
          {goals.map((g, i) => (
            <GoalFields
              key={g.id}
              view={view}
              goal={g}
              index={i}
              locked={locked}
              errors={errors}
              onChange={(patch) => update(i, patch)}
              onRemove={() => {
                setGoals((gs) => gs.filter((_, j) => j !== i));
                setDirty(true);
              }}
            />
          ))}
          <div class="actions">
            {locked ? null : (
              <button type="button" class="button-secondary" onClick={addGoal} disabled={goals.length >= 10}>
                เพิ่มเป้าหมาย
              </button>
            )}
            <button type="submit" class="button-primary" disabled={busy}>
              {busy ? 'กำลังบันทึก…' : 'บันทึกร่าง'}
            </button>
            {locked ? null : (
              <button type="button" class="button-primary" disabled={busy} onClick={submit}>
                ส่งให้หัวหน้าเห็นชอบ
              </button>
            )}
          </div>
        </form>
      )}
      <div class="status-line" role={notice.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {notice.kind === 'none' ? null : <p class={`notice-${notice.kind}`}>{notice.message}</p>}
      </div>
    </>
  );
}

interface GoalFieldsProps {
  readonly view: IdpView;
  readonly goal: IdpGoal;
  readonly index: number;
  readonly locked: boolean;
  readonly errors: Errors;
  readonly onChange: (patch: Partial<IdpGoal>) => void;
  readonly onRemove: () => void;
}

const GROUPS = [
  { key: 'core', label: 'สมรรถนะหลัก' },
  { key: 'executive', label: 'สมรรถนะทางการบริหาร' },
  { key: 'functional', label: 'สมรรถนะประจำสายงาน' },
] as const;

function GoalFields({ view, goal, index, locked, errors, onChange, onRemove }: GoalFieldsProps) {
  const id = (f: string) => `goal-${index}-${f}`;
  const err = (f: string) => errors[`goals.${index}.${f}`];
  const note = (f: string) =>
    err(f) ? (
      <p id={`${id(f)}-error`} class="field-error">
        {err(f)}
      </p>
    ) : null;
  const invalid = (f: string) =>
    err(f) ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id(f)}-error` } : {};
  const level = (f: 'currentLevel' | 'targetLevel', label: string) => (
    <div>
      <label for={id(f)}>{label}</label>
      <select
        id={id(f)}
        value={String(goal[f])}
        disabled={locked}
        onChange={(e) => onChange({ [f]: Number(e.currentTarget.value) } as Partial<IdpGoal>)}
        {...invalid(f)}
      >
        {view.levels.map((l) => (
          <option key={l} value={String(l)}>
            ระดับ {l}
          </option>
        ))}
      </select>
      {note(f)}
    </div>
  );
  // a Thai (พ.ศ.) picker over the plan's fiscal year: a phone's date input shows the Western calendar
  const years = [Number(view.range.start.slice(0, 4)), Number(view.range.end.slice(0, 4))];
  const date = (f: 'startDate' | 'endDate', label: string) => (
    <div>
      <ThaiDateField
        id={id(f)}
        label={label}
        years={[...new Set(years)]}
        value={goal[f] ?? ''}
        disabled={locked}
        onChange={(iso) => onChange({ [f]: iso || undefined } as Partial<IdpGoal>)}
        {...(err(f) ? { error: err(f) } : {})}
      />
    </div>
  );
  return (
    <fieldset class="goal">
      <legend>เป้าหมายที่ {index + 1}</legend>
      <div>
        <label for={id('competencyId')}>สมรรถนะที่ต้องการพัฒนา</label>
        <select
          id={id('competencyId')}
          value={goal.competencyId}
          disabled={locked}
          onChange={(e) => onChange({ competencyId: e.currentTarget.value })}
          {...invalid('competencyId')}
        >
          {GROUPS.map((grp) => {
            const items = view.competencies.filter((c) => c.group === grp.key);
            return items.length === 0 ? null : (
              <optgroup key={grp.key} label={grp.label}>
                {items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
        {note('competencyId')}
      </div>
      <div class="row">
        {level('currentLevel', 'ระดับปัจจุบัน')}
        {level('targetLevel', 'ระดับเป้าหมาย')}
      </div>
      <div>
        <label for={id('goal')}>เป้าหมายการพัฒนา</label>
        <textarea
          id={id('goal')}
          rows={3}
          value={goal.goal}
          disabled={locked}
          onInput={(e) => onChange({ goal: e.currentTarget.value })}
          {...invalid('goal')}
        />
        {note('goal')}
      </div>
      <fieldset class="field" {...invalid('methods')}>
        <legend class="field-label">วิธีการพัฒนา</legend>
        {view.methods.map((m) => (
          <label key={m.id} class="choice">
            <input
              type="checkbox"
              checked={goal.methods.includes(m.id)}
              disabled={locked}
              onChange={(e) =>
                onChange({
                  methods: e.currentTarget.checked
                    ? [...goal.methods, m.id]
                    : goal.methods.filter((x) => x !== m.id),
                })
              }
            />
            <span>{m.label}</span>
          </label>
        ))}
        {note('methods')}
      </fieldset>
      <div class="row">
        {date('startDate', 'เริ่ม')}
        {date('endDate', 'สิ้นสุด')}
        <div>
          <label for={id('progress')}>ความก้าวหน้า (ร้อยละ)</label>
          <input
            id={id('progress')}
            type="number"
            min={0}
            max={100}
            step={5}
            value={String(goal.progress)}
            onInput={(e) => onChange({ progress: Number(e.currentTarget.value || 0) })}
            {...invalid('progress')}
          />
          {note('progress')}
        </div>
      </div>
      {view.trainings.length > 0 ? (
        <fieldset class="field">
          <legend class="field-label">การอบรมที่ช่วยให้บรรลุเป้าหมายนี้</legend>
          {view.trainings.map((t) => (
            <label key={t.id} class="choice">
              <input
                type="checkbox"
                checked={goal.trainingIds.includes(t.id)}
                onChange={(e) =>
                  onChange({
                    trainingIds: e.currentTarget.checked
                      ? [...goal.trainingIds, t.id]
                      : goal.trainingIds.filter((x) => x !== t.id),
                  })
                }
              />
              <span>
                {t.title} ({shortDate(t.endDate)}, {t.hours} ชม.)
              </span>
            </label>
          ))}
          {note('trainingIds')}
        </fieldset>
      ) : null}
      {locked ? null : (
        <p>
          <button type="button" class="button-secondary" onClick={onRemove}>
            ลบเป้าหมายที่ {index + 1}
          </button>
        </p>
      )}
    </fieldset>
  );
}
