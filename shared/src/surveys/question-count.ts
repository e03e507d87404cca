import type { SurveyDefinition } from './survey';
import { visibleQuestions } from './survey-navigation';

// How many questions a survey has, said the same way in the chat's invitation and in HR's pages. A
// branching survey asks everyone some questions and a few more only after certain answers (the needs
// survey: 5 for everyone, up to 7): saying "5" in chat while HR's results list 7 looked like a bug.

export interface QuestionCount {
  /** asked of everyone */
  readonly always: number;
  /** asked only after certain answers */
  readonly conditional: number;
}

export function questionCount(s: Pick<SurveyDefinition, 'questions'>): QuestionCount {
  const always = visibleQuestions(s.questions, {}).length;
  return { always, conditional: s.questions.length - always };
}

/** e.g. "7 ข้อ", or "5–7 ข้อ (บางข้อจะถามเพิ่มตามคำตอบ)". */
export function questionCountText(s: Pick<SurveyDefinition, 'questions'>): string {
  const { always, conditional } = questionCount(s);
  return conditional === 0 ? `${always} ข้อ` : `${always}–${always + conditional} ข้อ (บางข้อจะถามเพิ่มตามคำตอบ)`;
}
