import { normaliseInput } from '../conversation/commands';
import { graphemeLength } from '../text/graphemes';
import {
  ANSWER_FIELDS,
  ANSWER_TEXT_RULES,
  type Rating,
  type ReportAnswers,
  SHARING_PLANS,
  type SharingPlanId,
  type TextAnswerField,
} from './training-report';

// The report's questions, defined once: their wording and order, and how one answer is checked and read.
// The chat flow (features/training-report) asks them one by one with its buttons around them; the report
// API (report-answers-input.ts) checks a LIFF form's answers with the same rules and sends the wording
// with the report, so the form shows the same questions the chat asks.

export type AnswerField = keyof ReportAnswers;

/** Each question as a person reads it, in the order asked (ANSWER_FIELDS). */
export const REPORT_QUESTIONS: Readonly<Record<AnswerField, string>> = {
  learned: 'ท่านได้เรียนรู้อะไรจากการอบรมครั้งนี้ (สาระสำคัญที่ได้รับ)',
  application: 'ท่านจะนำความรู้ที่ได้ไปปรับใช้ในการปฏิบัติงานอย่างไร',
  sharing: 'ท่านจะแบ่งปันความรู้ให้เพื่อนร่วมงานอย่างไร',
  sharingDetail: 'วิธีแบ่งปันความรู้ของท่าน',
  problems: 'ปัญหาอุปสรรคและข้อเสนอแนะต่อการอบรม',
  rating: 'การอบรมครั้งนี้เป็นประโยชน์ต่อการปฏิบัติงานของท่านเพียงใด',
};

/** The questions in the order asked, with their wording. */
export const reportQuestionList = (): { field: AnswerField; question: string }[] =>
  ANSWER_FIELDS.map((field) => ({ field, question: REPORT_QUESTIONS[field] }));

/** The stored answer for "no problems" (the chat's "ไม่มี" button). */
export const NO_PROBLEMS = '-';
/** What a person types for "no problems", read as NO_PROBLEMS (compared after normaliseInput). */
const NO_PROBLEMS_WORDS = new Set(['ไม่มี', '-', 'ไม่มีปัญหา', 'ไม่มีข้อเสนอแนะ', 'ไม่มีครับ', 'ไม่มีค่ะ', 'ไม่มีคะ']);

export type AnswerCheck<T> = { value: T } | { error: string };

/**
 * A typed answer, trimmed and counted in graphemes (an emoji, or a Thai letter with its marks, is one)
 * against ANSWER_TEXT_RULES; "problems" also takes "ไม่มี" and its variants as NO_PROBLEMS.
 */
export function checkAnswerText(field: TextAnswerField, text: string): AnswerCheck<string> {
  const t = text.trim();
  if (field === 'problems' && NO_PROBLEMS_WORDS.has(normaliseInput(t))) return { value: NO_PROBLEMS };
  const { min, max } = ANSWER_TEXT_RULES[field];
  const n = graphemeLength(t);
  if (n < min) {
    return { error: `คำตอบสั้นเกินไป (${n} ตัวอักษร) กรุณาเล่าให้ละเอียดขึ้น อย่างน้อย ${min} ตัวอักษร` };
  }
  if (n > max) {
    return { error: `คำตอบยาวเกินไป (${n} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${max} ตัวอักษร หรือสรุปให้สั้นลง` };
  }
  return { value: t };
}

export const isRating = (v: unknown): v is Rating =>
  typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;

/** A listed sharing plan, by its id or (typed) by its button label or full name. */
export function sharingPlanOf(value: unknown, typed = false): SharingPlanId | undefined {
  if (typeof value !== 'string') return undefined;
  if (!typed) return SHARING_PLANS.find((p) => p.id === value)?.id;
  const t = normaliseInput(value);
  return SHARING_PLANS.find((p) => normaliseInput(p.label) === t || normaliseInput(p.name) === t)?.id;
}
