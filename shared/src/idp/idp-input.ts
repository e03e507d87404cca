import { fiscalYearRange } from '../calendar/fiscal-year';
import { COMPETENCY_LEVELS, type CompetencyLevel, competency } from '../domain/competencies';
import { type DevelopmentMethodId, developmentMethod } from '../domain/development-methods';
import { isFirestoreDocId } from '../domain/document-ids';
import { isIsoDate } from '../text/thai-date';
import { IDP_GOAL_TEXT, IDP_GOALS_MAX, IDP_TRAININGS_MAX, type IdpGoal } from './idp-plan';

// The goals a client sends, checked field by field with Thai messages keyed like `goals.0.goal`, so a
// form can show each message next to its field. A draft may be unfinished (an empty goal text, no
// methods yet): that is for sending (idpMissing); wrong values are refused here.

export type IdpInputErrors = Readonly<Record<string, string>>;

const GOAL_ID = /^[A-Za-z0-9_-]{1,40}$/;

export function parseIdpGoals(
  input: unknown,
  fiscalYear: number,
): { readonly goals: IdpGoal[] } | { readonly errors: IdpInputErrors } {
  const errors: Record<string, string> = {};
  if (!Array.isArray(input)) return { errors: { goals: 'ไม่พบรายการเป้าหมายการพัฒนา' } };
  if (input.length > IDP_GOALS_MAX)
    return { errors: { goals: `เป้าหมายการพัฒนามีได้ไม่เกิน ${IDP_GOALS_MAX} ข้อ (ส่งมา ${input.length} ข้อ)` } };
  const fy = fiscalYearRange(fiscalYear);
  const goals: IdpGoal[] = [];
  const ids = new Set<string>();
  input.forEach((raw, i) => {
    const at = (field: string) => `goals.${i}.${field}`;
    if (!raw || typeof raw !== 'object') {
      errors[`goals.${i}`] = 'ข้อมูลเป้าหมายไม่ถูกต้อง';
      return;
    }
    const g = raw as Record<string, unknown>;
    const id = typeof g.id === 'string' && GOAL_ID.test(g.id) ? g.id : undefined;
    if (!id) errors[at('id')] = 'รหัสเป้าหมายไม่ถูกต้อง';
    else if (ids.has(id)) errors[at('id')] = 'รหัสเป้าหมายซ้ำกัน';
    else ids.add(id);

    const comp = typeof g.competencyId === 'string' ? competency(g.competencyId) : undefined;
    if (!comp) errors[at('competencyId')] = 'กรุณาเลือกสมรรถนะจากรายการ';

    const level = (field: 'currentLevel' | 'targetLevel', name: string): CompetencyLevel | undefined => {
      const v = g[field];
      if ((COMPETENCY_LEVELS as readonly unknown[]).includes(v)) return v as CompetencyLevel;
      errors[at(field)] = `${name}ต้องเป็นตัวเลข 0 ถึง 5`;
      return undefined;
    };
    const currentLevel = level('currentLevel', 'ระดับปัจจุบัน');
    const targetLevel = level('targetLevel', 'ระดับเป้าหมาย');
    if (currentLevel !== undefined && targetLevel !== undefined && targetLevel < currentLevel)
      errors[at('targetLevel')] = 'ระดับเป้าหมายต้องไม่ต่ำกว่าระดับปัจจุบัน';

    let goal = '';
    if (g.goal !== undefined && g.goal !== null) {
      if (typeof g.goal !== 'string') errors[at('goal')] = 'เป้าหมายการพัฒนาต้องเป็นข้อความ';
      else {
        goal = g.goal.trim();
        if (goal.length > IDP_GOAL_TEXT.max)
          errors[at('goal')] =
            `เป้าหมายการพัฒนายาวเกินไป (${goal.length} ตัวอักษร) กรุณาเขียนไม่เกิน ${IDP_GOAL_TEXT.max} ตัวอักษร`;
        else if (goal.length > 0 && goal.length < IDP_GOAL_TEXT.min)
          errors[at('goal')] = `เป้าหมายการพัฒนาสั้นเกินไป กรุณาเขียนอย่างน้อย ${IDP_GOAL_TEXT.min} ตัวอักษร`;
      }
    }

    const methods: DevelopmentMethodId[] = [];
    if (!Array.isArray(g.methods)) errors[at('methods')] = 'กรุณาเลือกวิธีการพัฒนาจากรายการ';
    else
      for (const m of g.methods) {
        const known = typeof m === 'string' ? developmentMethod(m) : undefined;
        if (!known) errors[at('methods')] = 'มีวิธีการพัฒนาที่ไม่อยู่ในรายการ';
        else if (!methods.includes(known.id)) methods.push(known.id);
      }

    const date = (field: 'startDate' | 'endDate', name: string): string | undefined => {
      const v = g[field];
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string' || !isIsoDate(v)) {
        errors[at(field)] = `${name}ไม่ถูกต้อง`;
        return undefined;
      }
      if (v < fy.start || v > fy.end) {
        errors[at(field)] = `${name}ต้องอยู่ในปีงบประมาณ พ.ศ. ${fiscalYear}`;
        return undefined;
      }
      return v;
    };
    const startDate = date('startDate', 'วันเริ่ม');
    const endDate = date('endDate', 'วันสิ้นสุด');
    if (startDate && endDate && endDate < startDate) errors[at('endDate')] = 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม';

    const progress = g.progress ?? 0;
    if (typeof progress !== 'number' || !Number.isInteger(progress) || progress < 0 || progress > 100)
      errors[at('progress')] = 'ความก้าวหน้าต้องเป็นจำนวนเต็ม 0 ถึง 100 (ร้อยละ)';

    const trainingIds: string[] = [];
    const rawTrainings = g.trainingIds ?? [];
    if (!Array.isArray(rawTrainings) || rawTrainings.length > IDP_TRAININGS_MAX)
      errors[at('trainingIds')] = `เชื่อมโยงการอบรมได้ไม่เกิน ${IDP_TRAININGS_MAX} รายการ`;
    else
      for (const t of rawTrainings) {
        if (typeof t !== 'string' || !isFirestoreDocId(t))
          errors[at('trainingIds')] = 'รายการอบรมที่เชื่อมโยงไม่ถูกต้อง';
        else if (!trainingIds.includes(t)) trainingIds.push(t);
      }

    if (id && comp && currentLevel !== undefined && targetLevel !== undefined)
      goals.push({
        id,
        competencyId: comp.id,
        currentLevel,
        targetLevel,
        goal,
        methods,
        ...(startDate ? { startDate } : {}),
        ...(endDate ? { endDate } : {}),
        progress: typeof progress === 'number' ? progress : 0,
        trainingIds,
      });
  });
  return Object.keys(errors).length > 0 ? { errors } : { goals };
}
