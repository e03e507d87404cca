import type { QuizAttempt } from '../../ethics/ethics-quiz';
import type { QuizQuestion } from '../../ethics/quiz-bank';

export type EthicsQuizEffect =
  /** an answer given: the person's attempt is written with every answer so far (nothing lost on leaving) */
  | {
      readonly type: 'ethicsQuizAnswered';
      readonly fiscalYear: number;
      readonly answers: Readonly<Record<string, string>>;
    }
  /**
   * the last answer given: the edge, in the transaction that read the attempt, records the score and
   * counts the attempt (refusing one beyond the quiz's allowance)
   */
  | {
      readonly type: 'ethicsQuizCompleted';
      readonly fiscalYear: number;
      readonly answers: Readonly<Record<string, string>>;
      readonly score: number;
      readonly total: number;
      readonly passed: boolean;
    };

/**
 * The quiz of the fiscal year (the current one when absent) with the talking person's attempt and
 * whether they were drawn; read at the start and with every answer, so a quiz closed meanwhile or a
 * finished attempt from another device is seen at once.
 */
export type EthicsQuizLookup = { readonly type: 'ethicsQuiz'; readonly fiscalYear?: number };

export interface EthicsQuizFacts {
  readonly ethicsQuiz?:
    | {
        readonly status: 'ok';
        readonly fiscalYear: number;
        readonly open: boolean;
        readonly passMark: number;
        readonly attemptsAllowed: number;
        readonly questions: readonly QuizQuestion[];
        /** the person is in the current draw */
        readonly sampled: boolean;
        /** the seed of the current draw: choice order is per person and per draw */
        readonly seed: string;
        readonly attempt?: QuizAttempt;
      }
    | { readonly status: 'none' };
}
