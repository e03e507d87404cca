import { percent } from '../kpi/rounding';
import type { QuizChoice, QuizQuestion } from './quiz-bank';
import { seededRandom, shuffled } from './seeded-random';

// One person's quiz: the same questions for everyone in the sample, each question's choices in an
// order fixed by the person and the quiz (so a screenshot passed around does not give the answers
// away, and a resumed quiz shows the same order); the score against the pass mark; and the quiz's
// result, the share of the sample that passed, against the strategy's target.

/** The choices of `q` as this person sees them in this quiz. */
export function choicesFor(q: QuizQuestion, quizId: string, employeeId: string): QuizChoice[] {
  return shuffled(q.choices, seededRandom(`${quizId}|${employeeId}|${q.id}`));
}

export interface QuizCorrection {
  readonly questionId: string;
  readonly text: string;
  readonly chosen: string | null;
  readonly right: string;
  readonly correct: boolean;
  readonly explanation?: string;
}

export interface QuizScore {
  readonly score: number;
  readonly total: number;
  readonly passed: boolean;
  /** every question with the person's choice and the right answer, for the message at the end */
  readonly corrections: readonly QuizCorrection[];
}

/** `answers`: question id → chosen choice id (a question left out counts as wrong). */
export function scoreQuiz(
  questions: readonly QuizQuestion[],
  answers: Readonly<Record<string, string>>,
  passMark: number,
): QuizScore {
  const corrections = questions.map((q): QuizCorrection => {
    const chosen = q.choices.find((c) => c.id === answers[q.id]);
    const right = q.choices.find((c) => c.id === q.answerId);
    return {
      questionId: q.id,
      text: q.text,
      chosen: chosen?.label ?? null,
      right: right?.label ?? '',
      correct: chosen !== undefined && chosen.id === q.answerId,
      ...(q.explanation ? { explanation: q.explanation } : {}),
    };
  });
  const score = corrections.filter((c) => c.correct).length;
  return { score, total: questions.length, passed: score >= passMark, corrections };
}

export interface QuizResult {
  readonly sampled: number;
  readonly answered: number;
  readonly passed: number;
  /** passed ÷ sampled in percent (someone sampled who never answered did not show understanding) */
  readonly passShare: number | null;
  readonly target: number;
  /** "more than" the target, as the strategy words it */
  readonly met: boolean | null;
}

export function quizResult(
  sampled: readonly string[],
  scores: ReadonlyMap<string, { readonly passed: boolean }>,
  targetPercent = 60,
): QuizResult {
  const inSample = sampled.filter((id) => scores.has(id));
  const passed = inSample.filter((id) => scores.get(id)?.passed).length;
  const share = percent(passed, sampled.length);
  return {
    sampled: sampled.length,
    answered: inSample.length,
    passed,
    passShare: share,
    target: targetPercent,
    met: share === null ? null : share > targetPercent,
  };
}
