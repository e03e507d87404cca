import { describe, expect, it } from 'vitest';
import type { SurveyDefinition, SurveyQuestion } from '../../src/surveys/survey';
import { SURVEY_TEMPLATES, surveyFromTemplate } from '../../src/surveys/survey-templates';
import { validateSurvey } from '../../src/surveys/survey-validation';

const choice = (id: string, showIf?: SurveyQuestion['showIf']): SurveyQuestion => ({
  id,
  type: 'singleChoice',
  text: `คำถาม ${id}`,
  required: true,
  choices: [
    { id: 'yes', label: 'ใช่' },
    { id: 'no', label: 'ไม่ใช่' },
  ],
  ...(showIf ? { showIf } : {}),
});

const GOOD: SurveyDefinition = {
  id: 'custom-2570',
  kind: 'custom',
  title: 'แบบสำรวจของกอง',
  fiscalYear: 2570,
  audience: {},
  opensOn: '2026-12-01',
  closesOn: '2026-12-31',
  status: 'draft',
  anonymous: false,
  minGroupSize: 1,
  reminders: { maxReminders: 2, everyWorkingDays: 3 },
  questions: [choice('a'), choice('b', { questionId: 'a', anyOf: ['yes'] })],
};
const errorsOf = (over: Partial<SurveyDefinition>) => validateSurvey({ ...GOOD, ...over });

describe('validateSurvey', () => {
  it('accepts a well-formed survey', () => {
    expect(validateSurvey(GOOD)).toEqual([]);
  });

  it('dates: real ISO dates, opening not after closing', () => {
    expect(errorsOf({ opensOn: '2026-12-31', closesOn: '2026-12-01' })).toEqual([
      'วันเปิดรับคำตอบต้องไม่หลังวันปิดรับคำตอบ',
    ]);
    expect(errorsOf({ closesOn: '2026-02-30' })).toEqual(['วันปิดรับคำตอบไม่ถูกต้อง']);
    expect(errorsOf({ opensOn: '2026-12-31', closesOn: '2026-12-31' })).toEqual([]);
  });

  it('question ids are unique and postback-safe', () => {
    expect(errorsOf({ questions: [choice('a'), choice('a')] })).toEqual(['ข้อ 2: รหัสคำถาม "a" ซ้ำกับข้อ 1']);
    expect(errorsOf({ questions: [choice('ข้อหนึ่ง')] })[0]).toContain('ข้อ 1: รหัสคำถาม');
    expect(errorsOf({ questions: [] })).toEqual(['แบบสำรวจต้องมีคำถามอย่างน้อย 1 ข้อ']);
  });

  it('showIf must refer to an earlier choice question and its existing choices', () => {
    const later = errorsOf({ questions: [choice('b', { questionId: 'a', anyOf: ['yes'] }), choice('a')] });
    expect(later).toEqual(['ข้อ 1: เงื่อนไขการแสดงต้องอ้างถึงคำถามก่อนหน้า (ข้อ 2 อยู่หลังข้อนี้)']);
    const self = errorsOf({ questions: [choice('a', { questionId: 'a', anyOf: ['yes'] })] });
    expect(self[0]).toContain('คำถามก่อนหน้า');
    expect(errorsOf({ questions: [choice('a'), choice('b', { questionId: 'zz', anyOf: ['yes'] })] })).toEqual(
      ['ข้อ 2: เงื่อนไขการแสดงอ้างถึงคำถาม "zz" ที่ไม่มีอยู่'],
    );
    expect(
      errorsOf({ questions: [choice('a'), choice('b', { questionId: 'a', anyOf: ['maybe'] })] }),
    ).toEqual(['ข้อ 2: เงื่อนไขการแสดงอ้างถึงตัวเลือกที่ไม่มีในข้อ 1: maybe']);
    const text: SurveyQuestion = { id: 't', type: 'shortText', text: 'ท', required: true, maxLength: 50 };
    expect(errorsOf({ questions: [text, choice('b', { questionId: 't', anyOf: ['yes'] })] })).toEqual([
      'ข้อ 2: เงื่อนไขการแสดงต้องอ้างถึงคำถามแบบเลือกตอบ (ข้อ 1 ไม่ใช่)',
    ]);
  });

  it('photo questions are forbidden in anonymous surveys; anonymous groups are not tiny', () => {
    const photo: SurveyQuestion = { id: 'p', type: 'photo', text: 'รูป', required: true, maxPhotos: 3 };
    expect(errorsOf({ anonymous: true, minGroupSize: 5, questions: [photo] })).toEqual([
      'ข้อ 1: แบบสำรวจไม่ระบุตัวตนมีคำถามรูปภาพไม่ได้ เพราะรูปอาจระบุตัวผู้ส่งได้',
    ]);
    expect(errorsOf({ questions: [photo] })).toEqual([]);
    expect(errorsOf({ anonymous: true, minGroupSize: 1 })[0]).toContain('อย่างน้อย 3 คน');
  });

  it('likert has 5 short labels; numbers have min < max; choices and picks make sense', () => {
    const likert = {
      id: 'l',
      type: 'likert',
      text: 'ล',
      required: true,
      labels: ['1', '2', '3', '4'],
    } as unknown as SurveyQuestion;
    expect(errorsOf({ questions: [likert] })).toEqual(['ข้อ 1: มาตราส่วนต้องมีคำอธิบายครบ 5 ระดับ']);
    const longLabel: SurveyQuestion = {
      id: 'l',
      type: 'likert',
      text: 'ล',
      required: true,
      labels: ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'เห็นด้วยอย่างยิ่งที่สุดในโลกนี้เลย'],
    };
    expect(errorsOf({ questions: [longLabel] })[0]).toContain('ระดับ 5: คำอธิบายยาวเกิน');
    const number: SurveyQuestion = { id: 'n', type: 'number', text: 'น', required: true, min: 10, max: 10 };
    expect(errorsOf({ questions: [number] })).toEqual(['ข้อ 1: ค่าต่ำสุดต้องน้อยกว่าค่าสูงสุด']);
    const decimals: SurveyQuestion = { ...number, max: 20, decimals: 1.5 } as SurveyQuestion;
    expect(errorsOf({ questions: [decimals] })).toEqual(['ข้อ 1: จำนวนตำแหน่งทศนิยมต้องเป็น 0 ถึง 4']);
    const multi: SurveyQuestion = {
      id: 'm',
      type: 'multipleChoice',
      text: 'ม',
      required: true,
      maxPicks: 3,
      choices: [
        { id: 'x', label: 'X' },
        { id: 'x', label: '' },
      ],
    };
    expect(errorsOf({ questions: [multi] })).toEqual([
      'ข้อ 1: ตัวเลือกที่ 2: รหัส "x" ซ้ำ',
      'ข้อ 1: ตัวเลือกที่ 2: กรุณาพิมพ์ข้อความตัวเลือก',
      'ข้อ 1: จำนวนที่เลือกได้สูงสุดต้องอยู่ระหว่าง 1 ถึง 2',
    ]);
    const one: SurveyQuestion = { ...choice('a'), choices: [{ id: 'x', label: 'X' }] } as SurveyQuestion;
    expect(errorsOf({ questions: [one] })).toEqual(['ข้อ 1: ต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก']);
    const text: SurveyQuestion = { id: 't', type: 'longText', text: 'ท', required: true, maxLength: 6000 };
    expect(errorsOf({ questions: [text] })[0]).toContain('ความยาวคำตอบสูงสุด');
  });

  it('reports every problem at once', () => {
    expect(
      errorsOf({ title: ' ', fiscalYear: 2026, reminders: { maxReminders: 9, everyWorkingDays: 0 } }),
    ).toHaveLength(4);
  });
});

describe('templates', () => {
  const opts = { id: 'needs-2570', fiscalYear: 2570, opensOn: '2026-12-01', closesOn: '2026-12-31' };

  it('every template is a valid draft', () => {
    for (const { kind } of SURVEY_TEMPLATES) {
      const s = surveyFromTemplate(kind, { ...opts, activity: { date: '2026-12-04', area: 'สำนักปลัด' } });
      expect(validateSurvey(s), kind).toEqual([]);
      expect(s.status).toBe('draft');
      expect(s.kind).toBe(kind);
      expect(s.title).toContain(kind === 'fiveS' ? '4 ธันวาคม 2569' : '2570');
    }
  });

  it('satisfaction is anonymous with a group floor; the others are named', () => {
    const sat = surveyFromTemplate('satisfaction', opts);
    expect(sat.anonymous).toBe(true);
    expect(sat.minGroupSize).toBe(5);
    expect(sat.questions.filter((q) => q.type === 'likert')).toHaveLength(8);
    expect(surveyFromTemplate('trainingNeeds', opts).anonymous).toBe(false);
    const fiveS = surveyFromTemplate('fiveS', { ...opts, audience: { divisionIds: ['works'] } });
    expect(fiveS.anonymous).toBe(false);
    expect(fiveS.audience).toEqual({ divisionIds: ['works'] });
    expect(fiveS.questions.filter((q) => q.type === 'photo').map((q) => q.id)).toEqual([
      'photoBefore',
      'photoAfter',
    ]);
    expect(fiveS.reminders.maxReminders).toBe(1);
  });

  it('the training-needs survey branches from "other" and asks competencies and methods', () => {
    const s = surveyFromTemplate('trainingNeeds', opts);
    expect(s.questions.find((q) => q.id === 'otherTopics')?.showIf).toEqual({
      questionId: 'categories',
      anyOf: ['other'],
    });
    expect(s.questions.some((q) => q.type === 'competencies')).toBe(true);
    const methods = s.questions.find((q) => q.id === 'methods');
    expect(methods?.type === 'multipleChoice' && methods.choices.map((c) => c.id)).toContain('coaching');
  });
});
