import {
  ANSWER_FIELDS,
  ANSWER_TEXT_RULES,
  graphemeLength,
  type Rating,
  type ReportAnswers,
  SHARING_PLANS,
  type SharingPlanId,
  type TextAnswerField,
} from '@phattana/shared';

// The answers a LIFF form sends, checked with the same limits the chat applies to a typed answer
// (shared/src/flows/training-report.ts): text is trimmed and counted in UTF-16 units as the chat does.

export type AnswerField = keyof ReportAnswers;

/** What a save changes: a field that is absent stays as stored; null (or blank text) clears it. */
export type AnswerPatch = { -readonly [K in AnswerField]?: ReportAnswers[K] | null };

/** Thai messages by field; `answers` is for problems with the body as a whole. */
export type AnswerErrors = Partial<Record<AnswerField | 'answers', string>>;

const FIELDS: readonly AnswerField[] = ANSWER_FIELDS;

/** '-' is the chat's answer for "no problems" (its "ไม่มี" button). */
const NO_PROBLEMS = '-';

/** The limits the form shows next to each field, so the client never hard-codes them. */
export const ANSWER_FORM_LIMITS = {
  ...ANSWER_TEXT_RULES,
  ratings: [5, 4, 3, 2, 1] as const,
  sharingPlans: SHARING_PLANS.map(({ id, name }) => ({ id, name })),
};

export function parseAnswerPatch(input: unknown): { patch: AnswerPatch } | { errors: AnswerErrors } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { errors: { answers: 'ไม่พบคำตอบที่จะบันทึก' } };
  }
  const body = input as Record<string, unknown>;
  const errors: AnswerErrors = {};
  const unknown = Object.keys(body).filter((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.answers = `ระบบไม่รู้จักช่อง ${unknown.join(', ')}`;
  const patch: AnswerPatch = {};
  for (const field of FIELDS) {
    if (!(field in body)) continue;
    const value = body[field];
    if (field === 'sharing') {
      if (value === null || value === '') patch.sharing = null;
      else if (SHARING_PLANS.some((p) => p.id === value)) patch.sharing = value as SharingPlanId;
      else errors.sharing = 'กรุณาเลือกวิธีแบ่งปันความรู้จากรายการ';
    } else if (field === 'rating') {
      if (value === null) patch.rating = null;
      else if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5)
        patch.rating = value as Rating;
      else errors.rating = 'กรุณาให้คะแนนเป็นจำนวนเต็ม 1 ถึง 5';
    } else {
      const checked = checkText(field, value);
      if ('error' in checked) errors[field] = checked.error;
      else patch[field] = checked.value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { patch };
}

function checkText(field: TextAnswerField, value: unknown): { value: string | null } | { error: string } {
  if (value === null) return { value: null };
  if (typeof value !== 'string') return { error: 'กรุณาพิมพ์คำตอบเป็นข้อความ' };
  const t = value.trim();
  if (t === '') return { value: null };
  if (field === 'problems' && t === NO_PROBLEMS) return { value: t };
  const { min, max } = ANSWER_TEXT_RULES[field];
  // counted as the chat counts them (graphemes: an emoji or a Thai letter with its marks is one)
  const n = graphemeLength(t);
  if (n < min) {
    return { error: `คำตอบสั้นเกินไป (${n} ตัวอักษร) กรุณาเล่าให้ละเอียดขึ้น อย่างน้อย ${min} ตัวอักษร` };
  }
  if (n > max) {
    return { error: `คำตอบยาวเกินไป (${n} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${max} ตัวอักษร` };
  }
  return { value: t };
}

/**
 * The stored answers with the patch applied. As in chat, choosing a listed sharing plan instead of
 * 'other' drops the typed plan that described 'other'.
 */
export function applyAnswerPatch(current: ReportAnswers, patch: AnswerPatch): ReportAnswers {
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
  }
  const sharingChanged = 'sharing' in patch && patch.sharing !== current.sharing;
  if (
    sharingChanged &&
    current.sharing === 'other' &&
    next.sharing !== 'other' &&
    !('sharingDetail' in patch)
  ) {
    delete next.sharingDetail;
  }
  return next as ReportAnswers;
}
