import { describe, expect, it } from 'vitest';
import type { SurveyAnswers, SurveyQuestion } from '../../src/surveys/survey';
import {
  firstUnansweredId,
  isComplete,
  missingQuestions,
  nextQuestionId,
  previousQuestionId,
  questionProgress,
  visibleAnswers,
  visibleQuestions,
} from '../../src/surveys/survey-navigation';

// A: single choice; B only when A = x; C only when B includes c1 (a chain); D always; E optional text.
const Q: readonly SurveyQuestion[] = [
  {
    id: 'A',
    type: 'singleChoice',
    text: 'A',
    required: true,
    choices: [
      { id: 'x', label: 'X' },
      { id: 'y', label: 'Y' },
    ],
  },
  {
    id: 'B',
    type: 'multipleChoice',
    text: 'B',
    required: true,
    showIf: { questionId: 'A', anyOf: ['x'] },
    choices: [
      { id: 'c1', label: 'C1' },
      { id: 'c2', label: 'C2' },
    ],
  },
  {
    id: 'C',
    type: 'shortText',
    text: 'C',
    required: true,
    maxLength: 50,
    showIf: { questionId: 'B', anyOf: ['c1'] },
  },
  { id: 'D', type: 'likert', text: 'D', required: true, labels: ['1', '2', '3', '4', '5'] },
  { id: 'E', type: 'longText', text: 'E', required: false, maxLength: 500 },
];
const ids = (qs: readonly SurveyQuestion[]) => qs.map((q) => q.id);
const ax: SurveyAnswers = { A: { type: 'choice', choiceId: 'x' } };
const full: SurveyAnswers = {
  ...ax,
  B: { type: 'choices', choiceIds: ['c1'] },
  C: { type: 'text', value: 'ค' },
  D: { type: 'likert', value: 4 },
  E: { type: 'skipped' },
};

describe('visibleQuestions', () => {
  it('shows B only when A is x, and C only while B is visible and includes c1', () => {
    expect(ids(visibleQuestions(Q, {}))).toEqual(['A', 'D', 'E']);
    expect(ids(visibleQuestions(Q, ax))).toEqual(['A', 'B', 'D', 'E']);
    expect(ids(visibleQuestions(Q, full))).toEqual(['A', 'B', 'C', 'D', 'E']);
    // A changed: B hides, and C with it although B's stored answer still says c1
    expect(ids(visibleQuestions(Q, { ...full, A: { type: 'choice', choiceId: 'y' } }))).toEqual([
      'A',
      'D',
      'E',
    ]);
  });

  it('never shows a question whose condition points at a later question', () => {
    const bad: SurveyQuestion[] = [
      { ...(Q[3] as SurveyQuestion), showIf: { questionId: 'A', anyOf: ['x'] } },
      Q[0] as SurveyQuestion,
    ];
    expect(ids(visibleQuestions(bad, ax))).toEqual(['A']);
  });
});

describe('moving through a survey', () => {
  it('next and previous skip hidden questions', () => {
    expect(nextQuestionId(Q, {}, 'A')).toBe('D');
    expect(nextQuestionId(Q, ax, 'A')).toBe('B');
    expect(nextQuestionId(Q, full, 'E')).toBeNull();
    expect(previousQuestionId(Q, {}, 'D')).toBe('A');
    expect(previousQuestionId(Q, full, 'D')).toBe('C');
    expect(previousQuestionId(Q, full, null)).toBe('E');
    expect(previousQuestionId(Q, full, 'A')).toBeUndefined();
  });

  it('the first unanswered question, then null when ready for the summary', () => {
    expect(firstUnansweredId(Q, {})).toBe('A');
    expect(firstUnansweredId(Q, ax)).toBe('B');
    expect(firstUnansweredId(Q, full)).toBeNull();
    // an empty required pick is not an answer
    expect(firstUnansweredId(Q, { ...full, B: { type: 'choices', choiceIds: [] } })).toBe('B');
  });

  it('what is missing counts only visible required questions', () => {
    expect(ids(missingQuestions(Q, {}))).toEqual(['A', 'D']);
    expect(ids(missingQuestions(Q, { ...ax, D: { type: 'likert', value: 2 } }))).toEqual(['B']);
    expect(missingQuestions(Q, full)).toEqual([]);
    expect(isComplete(Q[0] as SurveyQuestion, { type: 'skipped' })).toBe(false);
    expect(isComplete(Q[4] as SurveyQuestion, { type: 'skipped' })).toBe(true);
  });

  it('progress follows the branches taken', () => {
    expect(questionProgress(Q, {}, 'D')).toEqual({ n: 2, total: 3 });
    expect(questionProgress(Q, full, 'D')).toEqual({ n: 4, total: 5 });
  });

  it('answers to hidden questions are left out of a submission', () => {
    const changed = { ...full, A: { type: 'choice', choiceId: 'y' } } as const;
    expect(visibleAnswers(Q, changed)).toEqual({ A: changed.A, D: full.D, E: full.E });
  });
});
