import type { QuizQuestion } from './quiz-bank';
import type { SampleDraw } from './quiz-sample';
import { seededRandom, shuffled } from './seeded-random';

// A fiscal year's ethics quiz as stored: the questions fixed when HR draws the sample (so an edit to the
// bank later does not change a quiz people are taking), the draw with who made it and from which staff
// list, and each sampled person's attempt. A later draw replaces the current one; every draw stays in
// the audit trail.

/** Questions asked per person: the strategy's "about 10", fewer when the bank is smaller. */
export const QUIZ_LENGTH = 10;
/** A bank smaller than this is too thin for a test. */
export const QUIZ_MIN_QUESTIONS = 5;

/** A question in HR's bank; a retired one is kept (past quizzes name it) but not drawn again. */
export interface BankQuestion extends QuizQuestion {
  readonly retired: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface DrawRecord extends SampleDraw {
  /** ISO instant */
  readonly drawnAt: string;
  readonly drawnBy: { readonly employeeId: string; readonly name: string };
  /** a fingerprint of the active staff list (id and division of each) the draw was made from */
  readonly staffVersion: string;
  /** the earlier draw this one replaced, if any (HR confirmed it) */
  readonly replaces?: string;
}

export interface EthicsQuiz {
  readonly fiscalYear: number;
  readonly status: 'open' | 'closed';
  /** right answers needed to pass */
  readonly passMark: number;
  /** completed attempts a person may make (1 = a second attempt is refused) */
  readonly attemptsAllowed: number;
  readonly questions: readonly QuizQuestion[];
  readonly draw: DrawRecord;
}

/** One sampled person's answers: in progress, then completed with the score. */
export interface QuizAttempt {
  readonly employeeId: string;
  /** the attempt in progress: question id → choice id (emptied when an attempt is completed) */
  readonly answers: Readonly<Record<string, string>>;
  /** completed attempts */
  readonly completed: number;
  /** the last completed attempt's answers, with its score below */
  readonly completedAnswers?: Readonly<Record<string, string>>;
  readonly score?: number;
  readonly total?: number;
  readonly passed?: boolean;
  readonly completedAt?: string;
}

export const quizKey = (fiscalYear: number) => `fy${fiscalYear}`;

/** The quiz's questions from the bank: up to QUIZ_LENGTH active ones, picked by the draw's seed. */
export function pickQuizQuestions(bank: readonly BankQuestion[], seed: string): QuizQuestion[] {
  const active = bank.filter((q) => !q.retired).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return shuffled(active, seededRandom(`${seed}|questions`))
    .slice(0, QUIZ_LENGTH)
    .map(({ id, text, choices, answerId, explanation }) => ({
      id,
      text,
      choices,
      answerId,
      ...(explanation ? { explanation } : {}),
    }));
}

/** The default pass mark: 60% of the questions, rounded up. */
export const defaultPassMark = (questions: number) => Math.ceil((questions * 60) / 100);
