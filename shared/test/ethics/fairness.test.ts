import { describe, expect, it } from 'vitest';
import { fairnessResult } from '../../src/ethics/fairness-result';
import type { SurveyResponse } from '../../src/surveys/survey';
import { FAIRNESS_OVERALL_QUESTION, surveyFromTemplate } from '../../src/surveys/survey-templates';
import { validateSurvey } from '../../src/surveys/survey-validation';

const likert = (value: 1 | 2 | 3 | 4 | 5): Pick<SurveyResponse, 'answers'> => ({
  answers: { [FAIRNESS_OVERALL_QUESTION]: { type: 'likert', value } },
});

describe('the fairness-of-administration survey', () => {
  it('is a yearly anonymous template whose overall question feeds the indicator', () => {
    const s = surveyFromTemplate('fairness', {
      id: 'fairness-2570',
      fiscalYear: 2570,
      opensOn: '2027-06-01',
      closesOn: '2027-06-30',
    });
    expect(s).toMatchObject({ kind: 'fairness', anonymous: true, status: 'draft', minGroupSize: 5 });
    expect(s.title).toContain('ความเป็นธรรมในการบริหารงาน ปีงบประมาณ พ.ศ. 2570');
    expect(s.questions.map((q) => q.id)).toContain(FAIRNESS_OVERALL_QUESTION);
    expect(s.questions.some((q) => q.type === 'photo')).toBe(false);
    expect(validateSurvey(s)).toEqual([]);
  });

  it('counts those answering 4–5 on the overall question, among those who answered it', () => {
    expect(
      fairnessResult([
        likert(5),
        likert(4),
        likert(3),
        likert(2),
        { answers: {} } as Pick<SurveyResponse, 'answers'>,
      ]),
    ).toEqual({
      answered: 4,
      satisfied: 2,
      percent: 50,
    });
    expect(fairnessResult([]).percent).toBeNull();
  });
});
