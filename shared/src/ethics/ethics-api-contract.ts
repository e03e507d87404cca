import type { BankQuestion, DrawRecord } from './ethics-quiz';
import type { SampleSize } from './quiz-sample';
import type { QuizResult } from './quiz-scoring';

// The shape of HR's ethics-quiz page (/hr/ethics) as the API sends it: the question bank, the year's
// quiz with its current draw and every earlier draw, and how each person drawn is doing.

export interface EthicsDrawnPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly divisionName: string;
  readonly status: 'notStarted' | 'inProgress' | 'passed' | 'failed';
  readonly score?: number;
}

export interface EthicsPageData {
  readonly fiscalYear: number;
  readonly label: string;
  readonly questions: readonly BankQuestion[];
  /** active questions: the quiz needs at least QUIZ_MIN_QUESTIONS */
  readonly activeCount: number;
  readonly quiz: {
    readonly status: 'open' | 'closed';
    readonly passMark: number;
    readonly attemptsAllowed: number;
    readonly questionCount: number;
    readonly draw: DrawRecord;
    readonly result: QuizResult;
    readonly drawn: readonly EthicsDrawnPerson[];
    /** every draw of the year, newest first (the current one included) */
    readonly draws: readonly (DrawRecord & { readonly id: string })[];
  } | null;
}

/** What HR sends to draw the year's sample. */
export interface EthicsDrawRequest {
  readonly size: SampleSize;
  /** blank: the server makes a random one (and records it) */
  readonly seed?: string;
  readonly passMark?: number;
  readonly attemptsAllowed?: number;
  /** HR confirmed replacing the year's earlier draw */
  readonly confirm?: boolean;
}
