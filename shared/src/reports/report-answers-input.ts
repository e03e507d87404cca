import { REPORT_DUE_RULE } from '../calendar/working-days';
import type { ReportFormRules } from './report-api-contract';
import {
  type AnswerCheck,
  type AnswerField,
  checkAnswerText,
  isRating,
  REPORT_QUESTIONS,
  sharingPlanOf,
} from './report-questions';
import {
  ANSWER_FIELDS,
  ANSWER_TEXT_RULES,
  RATING_LABELS,
  type ReportAnswers,
  SHARING_PLANS,
  type TextAnswerField,
} from './training-report';

// The answers a LIFF form sends (PUT /api/reports/:id), checked with the same rules the chat applies to
// a typed answer (report-questions.ts), and the form's rules and wording sent with every report.

/** What a save changes: a field that is absent stays as stored; null (or blank text) clears it. */
export type AnswerPatch = { -readonly [K in AnswerField]?: ReportAnswers[K] | null };

/** Thai messages by field; `answers` is for problems with the body as a whole. */
export type AnswerErrors = Partial<Record<AnswerField | 'answers', string>>;

/** The rules and questions the form shows, so the client never hard-codes them. */
export const REPORT_FORM_RULES: ReportFormRules = {
  ...ANSWER_TEXT_RULES,
  ratings: [5, 4, 3, 2, 1],
  ratingLabels: RATING_LABELS,
  sharingPlans: SHARING_PLANS.map(({ id, name }) => ({ id, name })),
  dueRule: REPORT_DUE_RULE,
  questions: REPORT_QUESTIONS,
};

export function parseAnswerPatch(input: unknown): { patch: AnswerPatch } | { errors: AnswerErrors } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { errors: { answers: 'ไม่พบคำตอบที่จะบันทึก' } };
  }
  const body = input as Record<string, unknown>;
  const errors: AnswerErrors = {};
  const unknown = Object.keys(body).filter((k) => !(ANSWER_FIELDS as readonly string[]).includes(k));
  if (unknown.length > 0) errors.answers = `ระบบไม่รู้จักช่อง ${unknown.join(', ')}`;
  const patch: AnswerPatch = {};
  for (const field of ANSWER_FIELDS) {
    if (!(field in body)) continue;
    const value = body[field];
    if (field === 'sharing') {
      const plan = sharingPlanOf(value);
      if (value === null || value === '') patch.sharing = null;
      else if (plan) patch.sharing = plan;
      else errors.sharing = 'กรุณาเลือกวิธีแบ่งปันความรู้จากรายการ';
    } else if (field === 'rating') {
      if (value === null) patch.rating = null;
      else if (isRating(value)) patch.rating = value;
      else errors.rating = 'กรุณาให้คะแนนเป็นจำนวนเต็ม 1 ถึง 5';
    } else {
      const checked = checkText(field, value);
      if ('error' in checked) errors[field] = checked.error;
      else patch[field] = checked.value;
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { patch };
}

/** Blank text clears the answer; anything typed is checked as the chat checks it. */
function checkText(field: TextAnswerField, value: unknown): AnswerCheck<string | null> {
  if (value === null) return { value: null };
  if (typeof value !== 'string') return { error: 'กรุณาพิมพ์คำตอบเป็นข้อความ' };
  return value.trim() === '' ? { value: null } : checkAnswerText(field, value);
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
