import { useState } from 'preact/hooks';
import { HrApiError, loadSettings, type SettingsView, saveSettings } from '../hr-api';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import {
  describedBy,
  ErrorSummary,
  FieldError,
  InputField,
  LiveStatus,
  messageOf,
  thaiDateTime,
} from './hr-form-parts';

// The municipality's settings: the yearly training-hours target, where sign-off of a report stops
// (read when a report is submitted) and the smallest group an anonymous survey shows results for.
// The server checks every value and records who changed what, and when.

const LABELS: Record<string, string> = {
  yearlyHoursTarget: 'เป้าหมายชั่วโมงอบรมต่อคนต่อปี',
  stopAtRole: 'สายอนุมัติสิ้นสุดที่ผู้มีบทบาท',
  stopAtEmployeeId: 'หรือสิ้นสุดที่พนักงาน (รหัส)',
  maxSteps: 'จำนวนผู้อนุมัติสูงสุด',
  surveyMinGroupSize: 'แบบสำรวจไม่ระบุตัวตน: แสดงผลแยกกองเมื่อมีผู้ตอบอย่างน้อย (คน)',
};

interface Draft {
  yearlyHoursTarget: string;
  stopAtRole: string;
  stopAtEmployeeId: string;
  maxSteps: string;
  surveyMinGroupSize: string;
}

const toDraft = (v: SettingsView): Draft => ({
  yearlyHoursTarget: String(v.settings.yearlyHoursTarget),
  stopAtRole: v.settings.approvalChain.stopAtRole ?? '',
  stopAtEmployeeId: v.settings.approvalChain.stopAtEmployeeId ?? '',
  maxSteps: v.settings.approvalChain.maxSteps === undefined ? '' : String(v.settings.approvalChain.maxSteps),
  surveyMinGroupSize: String(v.settings.surveyMinGroupSize),
});

export function HrSettingsPage({ api }: PageProps) {
  const state = useAsync(() => loadSettings(api));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดการตั้งค่า…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  return <SettingsForm api={api} initial={state.value} />;
}

function SettingsForm({ api, initial }: { readonly api: PageProps['api']; readonly initial: SettingsView }) {
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();
  const [saved, setSaved] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (k: keyof Draft, v: string) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setSaved('');
  };

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    try {
      const next = await saveSettings(api, {
        yearlyHoursTarget: draft.yearlyHoursTarget,
        surveyMinGroupSize: draft.surveyMinGroupSize,
        approvalChain: {
          ...(draft.stopAtRole ? { stopAtRole: draft.stopAtRole } : {}),
          ...(draft.stopAtEmployeeId.trim() ? { stopAtEmployeeId: draft.stopAtEmployeeId.trim() } : {}),
          ...(draft.maxSteps.trim() ? { maxSteps: draft.maxSteps.trim() } : {}),
        },
      });
      setView(next);
      setDraft(toDraft(next));
      setErrors({});
      setMessage(undefined);
      setSaved('บันทึกการตั้งค่าแล้ว');
    } catch (err) {
      setErrors(err instanceof HrApiError ? err.errors : {});
      setMessage(messageOf(err));
    } finally {
      setSaving(false);
    }
  }

  const number = (k: keyof Draft, hint?: string) => (
    <InputField
      id={k}
      label={LABELS[k]}
      type="number"
      inputMode="numeric"
      hint={hint}
      value={draft[k]}
      onInput={(v) => set(k, v)}
      error={errors[k]}
    />
  );

  return (
    <form class="hr-form" onSubmit={save} noValidate>
      <ErrorSummary message={message} errors={errors} labels={LABELS} />
      <section class="hr-section" aria-labelledby="hours-title">
        <h2 id="hours-title">ชั่วโมงอบรม</h2>
        {number('yearlyHoursTarget', 'ชั่วโมงที่บุคลากรแต่ละคนควรได้รับการพัฒนาในหนึ่งปีงบประมาณ')}
      </section>
      <section class="hr-section" aria-labelledby="chain-title">
        <h2 id="chain-title">สายการอนุมัติรายงานผลการฝึกอบรม</h2>
        <p class="hint">
          รายงานส่งขึ้นตามผู้บังคับบัญชาในรายชื่อพนักงาน และสิ้นสุดที่จุดแรกที่ตรงกับการตั้งค่า ถ้าไม่ตั้งค่า จะส่งจนถึงผู้บังคับบัญชาสูงสุด
        </p>
        <div class="hr-field">
          <label for="stopAtRole">{LABELS.stopAtRole}</label>
          <select
            id="stopAtRole"
            value={draft.stopAtRole}
            onChange={(e) => set('stopAtRole', e.currentTarget.value)}
            aria-invalid={errors.stopAtRole ? 'true' : undefined}
            aria-describedby={describedBy('stopAtRole', { error: errors.stopAtRole })}
          >
            <option value="">— ไม่กำหนด —</option>
            {view.options.roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          <FieldError id="stopAtRole" error={errors.stopAtRole} />
        </div>
        <InputField
          id="stopAtEmployeeId"
          label={LABELS.stopAtEmployeeId}
          type="text"
          value={draft.stopAtEmployeeId}
          onInput={(v) => set('stopAtEmployeeId', v)}
          error={errors.stopAtEmployeeId}
        />
        {number('maxSteps', 'เว้นว่างได้ ถ้าไม่จำกัดจำนวน')}
      </section>
      <section class="hr-section" aria-labelledby="survey-title">
        <h2 id="survey-title">แบบสำรวจ</h2>
        {number('surveyMinGroupSize', 'ค่าเริ่มต้นของแบบสำรวจใหม่ กลุ่มที่เล็กกว่านี้จะไม่แสดงผลแยก เพื่อไม่ให้ระบุตัวผู้ตอบได้')}
      </section>
      <div class="hr-actions">
        <button type="submit" class="button-primary" disabled={saving}>
          {saving ? 'กำลังบันทึก…' : 'บันทึกการตั้งค่า'}
        </button>
      </div>
      <LiveStatus tone="ok">{saved}</LiveStatus>
      {view.updatedBy ? (
        <p class="hr-meta">
          แก้ไขล่าสุดโดย {view.updatedBy.name}
          {view.updatedAt ? ` เมื่อ ${thaiDateTime(view.updatedAt)}` : ''}
        </p>
      ) : null}
    </form>
  );
}
