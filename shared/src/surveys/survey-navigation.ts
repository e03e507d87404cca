import type { AnswerValue, SurveyAnswers, SurveyQuestion } from './survey';

// Where a person is in a survey under branching. A question with `showIf` is visible only while the
// question it depends on is visible and answered with one of the listed choices, so a chain of
// branches collapses as soon as an earlier answer changes. Answers to hidden questions stay in the
// draft (a person who flips back finds them again) and are left out when the survey is submitted.

/** The choice ids an answer picked (none for other kinds of answer). */
export function pickedChoiceIds(a: AnswerValue | undefined): readonly string[] {
  if (a?.type === 'choice') return [a.choiceId];
  if (a?.type === 'choices') return a.choiceIds;
  return [];
}

/** The questions asked under these answers, in survey order. */
export function visibleQuestions(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): readonly SurveyQuestion[] {
  const shown = new Set<string>();
  const out: SurveyQuestion[] = [];
  for (const q of questions) {
    const c = q.showIf;
    // a condition on a later or hidden question never holds: validation forbids the former
    if (
      c &&
      !(shown.has(c.questionId) && pickedChoiceIds(answers[c.questionId]).some((id) => c.anyOf.includes(id)))
    )
      continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** Whether an answer settles the question: a required one is not settled by a skip or an empty pick. */
export function isComplete(q: SurveyQuestion, a: AnswerValue | undefined): boolean {
  if (!a) return false;
  if (a.type === 'skipped') return !q.required;
  if (!q.required) return true;
  switch (a.type) {
    case 'choices':
      return a.choiceIds.length > 0;
    case 'competencies':
      return a.competencyIds.length > 0;
    case 'photos':
      return a.photos.length > 0;
    case 'text':
      return a.value.trim() !== '';
    default:
      return true;
  }
}

/** The first visible question still to answer, or null when the survey is ready for its summary. */
export function firstUnansweredId(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): string | null {
  return visibleQuestions(questions, answers).find((q) => !isComplete(q, answers[q.id]))?.id ?? null;
}

/** Visible required questions without a settling answer: what stops a submission. */
export function missingQuestions(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
): readonly SurveyQuestion[] {
  return visibleQuestions(questions, answers).filter((q) => q.required && !isComplete(q, answers[q.id]));
}

/** The visible question after `currentId` (survey order), or null at the end. */
export function nextQuestionId(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
  currentId: string,
): string | null {
  const position = questions.findIndex((q) => q.id === currentId);
  const visible = new Set(visibleQuestions(questions, answers).map((q) => q.id));
  return questions.slice(position + 1).find((q) => visible.has(q.id))?.id ?? null;
}

/**
 * The visible question before `currentId` (null = the summary, whose previous is the last visible
 * question), or undefined when the person is on the first one.
 */
export function previousQuestionId(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
  currentId: string | null,
): string | undefined {
  const position = currentId === null ? questions.length : questions.findIndex((q) => q.id === currentId);
  const visible = new Set(visibleQuestions(questions, answers).map((q) => q.id));
  return questions
    .slice(0, Math.max(position, 0))
    .reverse()
    .find((q) => visible.has(q.id))?.id;
}

/** "ข้อ n/total" among the visible questions; total follows the branches taken so far. */
export function questionProgress(
  questions: readonly SurveyQuestion[],
  answers: SurveyAnswers,
  id: string,
): { readonly n: number; readonly total: number } {
  const visible = visibleQuestions(questions, answers);
  return { n: visible.findIndex((q) => q.id === id) + 1, total: visible.length };
}

/** Only the answers to visible questions: what a submission stores. */
export function visibleAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): SurveyAnswers {
  const out: Record<string, AnswerValue> = {};
  for (const q of visibleQuestions(questions, answers)) {
    const a = answers[q.id];
    if (a) out[q.id] = a;
  }
  return out;
}
