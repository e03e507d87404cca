import type { IdpGoal, IdpStatus, IdpView } from './development-api';
import { formatThaiShortDate, thaiCivilDate } from './format-date';

// How an IDP reads when it cannot be edited here: the person's sent plan, or a team member's plan the
// supervisor is asked to agree to. Labels come with the view, so nothing is hard-coded twice.

export const IDP_STATUS_TEXT: Record<IdpStatus | 'none', string> = {
  none: 'ยังไม่ได้จัดทำ',
  draft: 'ร่าง',
  submitted: 'รอหัวหน้าเห็นชอบ',
  agreed: 'หัวหน้าเห็นชอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
};

export const shortDate = (iso: string | undefined) => (iso ? formatThaiShortDate(thaiCivilDate(iso)) : '-');

export function competencyName(view: IdpView, id: string): string {
  return view.competencies.find((c) => c.id === id)?.name ?? id;
}

export function methodNames(view: IdpView, goal: IdpGoal): string {
  return goal.methods.map((m) => view.methods.find((x) => x.id === m)?.label ?? m).join(', ') || '-';
}

export function IdpGoalsReadOnly({ view }: { readonly view: IdpView }) {
  if (view.plan.goals.length === 0) return <p class="hint">ยังไม่มีเป้าหมายการพัฒนา</p>;
  return (
    <ol class="record-list">
      {view.plan.goals.map((g) => (
        <li key={g.id} class="record">
          <span class="record-title">{competencyName(view, g.competencyId)}</span>
          <span class="record-meta">
            ระดับ {g.currentLevel} → {g.targetLevel} · ความก้าวหน้า ร้อยละ {g.progress}
          </span>
          <span>{g.goal || '-'}</span>
          <span class="record-meta">วิธีการ: {methodNames(view, g)}</span>
          <span class="record-meta">
            ช่วงเวลา: {shortDate(g.startDate)} – {shortDate(g.endDate)}
          </span>
          {g.trainingIds.length > 0 ? (
            <span class="record-meta">
              การอบรมที่เชื่อมโยง:{' '}
              {g.trainingIds.map((t) => view.trainings.find((x) => x.id === t)?.title ?? t).join(', ')}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
