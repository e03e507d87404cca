import type { SurveyAnswers, SurveyDefinition, SurveyResponse } from '../../src/surveys/survey';

/** A small anonymous survey with every kind of question the results aggregate, and one `showIf`. */
export const SURVEY: SurveyDefinition = {
  id: 'sat-2569',
  kind: 'satisfaction',
  title: 'แบบสำรวจความพึงพอใจ ปีงบประมาณ 2569',
  description: 'ผลสำรวจปี 2569 ใช้ปรับปรุงแผนพัฒนาบุคลากร',
  fiscalYear: 2569,
  audience: {},
  opensOn: '2026-06-01',
  closesOn: '2026-06-30',
  status: 'closed',
  anonymous: true,
  minGroupSize: 3,
  reminders: { maxReminders: 2, everyWorkingDays: 3 },
  questions: [
    {
      id: 'attended',
      type: 'singleChoice',
      text: 'ท่านเคยเข้าร่วมอบรมหรือไม่',
      required: true,
      choices: [
        { id: 'yes', label: 'เคย' },
        { id: 'no', label: 'ไม่เคย' },
      ],
    },
    {
      id: 'overall',
      type: 'likert',
      text: 'ความพึงพอใจต่อการอบรม',
      required: true,
      showIf: { questionId: 'attended', anyOf: ['yes'] },
      labels: ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'],
    },
    {
      id: 'topics',
      type: 'multipleChoice',
      text: 'หัวข้อที่สนใจ',
      required: false,
      choices: [
        { id: 'law', label: 'กฎหมาย' },
        { id: 'it', label: 'เทคโนโลยี' },
        { id: 'service', label: 'งานบริการ' },
      ],
    },
    {
      id: 'hours',
      type: 'number',
      text: 'ชั่วโมงที่ต้องการต่อปี',
      required: false,
      min: 0,
      max: 200,
      unit: 'ชั่วโมง',
    },
    { id: 'skills', type: 'competencies', text: 'สมรรถนะที่ต้องการพัฒนา', required: false, maxPicks: 3 },
    { id: 'comment', type: 'longText', text: 'ข้อเสนอแนะ', required: false, maxLength: 500 },
  ],
};

export const response = (
  divisionId: string,
  answers: SurveyAnswers,
  o: Partial<SurveyResponse> = {},
): SurveyResponse => ({
  surveyId: SURVEY.id,
  divisionId,
  staffType: 'municipalEmployee',
  submittedOn: '2026-06-10',
  answers,
  ...o,
});

export const likert = (value: 1 | 2 | 3 | 4 | 5) => ({ type: 'likert', value }) as const;
export const choice = (choiceId: string) => ({ type: 'choice', choiceId }) as const;
export const choices = (...choiceIds: string[]) => ({ type: 'choices', choiceIds }) as const;
