import { percent } from '../kpi/rounding';
import type { SurveyResponse } from '../surveys/survey';
import { FAIRNESS_OVERALL_QUESTION } from '../surveys/survey-templates';

// The fairness indicator from the yearly anonymous fairness survey: the share of those who answered
// the overall question with 4–5 (พึงพอใจ / พึงพอใจอย่างยิ่ง). Judged by its target rule ("> 60% or not
// below last year's target").

export interface FairnessResult {
  readonly answered: number;
  readonly satisfied: number;
  /** percent with one decimal; null before anyone answered */
  readonly percent: number | null;
}

export function fairnessResult(responses: Iterable<Pick<SurveyResponse, 'answers'>>): FairnessResult {
  let answered = 0;
  let satisfied = 0;
  for (const r of responses) {
    const a = r.answers[FAIRNESS_OVERALL_QUESTION];
    if (a?.type !== 'likert') continue;
    answered++;
    if (a.value >= 4) satisfied++;
  }
  return { answered, satisfied, percent: percent(satisfied, answered) };
}
