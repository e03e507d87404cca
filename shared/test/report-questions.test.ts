import { describe, expect, it } from 'vitest';
import { applyAnswerPatch, parseAnswerPatch, REPORT_FORM_RULES } from '../src/reports/report-answers-input';
import {
  checkAnswerText,
  NO_PROBLEMS,
  REPORT_QUESTIONS,
  reportQuestionList,
  sharingPlanOf,
} from '../src/reports/report-questions';
import { ANSWER_FIELDS, ANSWER_TEXT_RULES } from '../src/reports/training-report';

// The report's questions are defined once: the chat asks them, the API checks the LIFF form's answers
// with the same rules, and the form shows the wording the API sends with the report.

describe('the report questions, defined once', () => {
  it('words every answer field, in the order the chat asks them, and sends that wording to the form', () => {
    expect(reportQuestionList().map((q) => q.field)).toEqual([...ANSWER_FIELDS]);
    for (const { question } of reportQuestionList()) expect(question).toMatch(/[\u0E00-\u0E7F]{5}/);
    expect(REPORT_FORM_RULES.questions).toBe(REPORT_QUESTIONS);
    expect(REPORT_FORM_RULES.learned).toEqual(ANSWER_TEXT_RULES.learned);
  });

  it('checks a typed answer by graphemes, trimmed, with the limits in the message', () => {
    expect(checkAnswerText('learned', '  ได้ความรู้เรื่องการเขียนโครงการ  ')).toEqual({
      value: 'ได้ความรู้เรื่องการเขียนโครงการ',
    });
    // nine graphemes (the emoji is one): too short, and the message says how many and the minimum
    expect(checkAnswerText('learned', 'ได้ความรู้ 👍')).toEqual({
      error: expect.stringMatching(/สั้นเกินไป \(9 ตัวอักษร\).*อย่างน้อย 10/),
    });
    const long = 'ก'.repeat(ANSWER_TEXT_RULES.sharingDetail.max + 1);
    expect(checkAnswerText('sharingDetail', long)).toEqual({
      error: expect.stringMatching(/ยาวเกินไป.*ไม่เกิน 500/),
    });
  });

  it('reads "no problems" the same way however it is typed', () => {
    for (const t of ['ไม่มี', ' ไม่มีครับ ', '-', 'ไม่มีปัญหา'])
      expect(checkAnswerText('problems', t)).toEqual({ value: NO_PROBLEMS });
    // elsewhere "ไม่มี" is just a short answer
    expect(checkAnswerText('learned', 'ไม่มี')).toHaveProperty('error');
  });

  it('knows a sharing plan by id, and by its label or name when typed', () => {
    expect(sharingPlanOf('leaflet')).toBe('leaflet');
    expect(sharingPlanOf('ทำเอกสารเวียนกอง')).toBeUndefined();
    expect(sharingPlanOf('ทำเอกสารเวียนกอง', true)).toBe('leaflet');
    expect(sharingPlanOf(3)).toBeUndefined();
  });
});

describe('a LIFF form save (parseAnswerPatch / applyAnswerPatch)', () => {
  it('keeps absent fields, clears null or blank ones, and checks the rest as the chat does', () => {
    expect(parseAnswerPatch({ learned: '  ', rating: 4, sharing: 'onTheJob', problems: 'ไม่มีค่ะ' })).toEqual({
      patch: { learned: null, rating: 4, sharing: 'onTheJob', problems: NO_PROBLEMS },
    });
  });

  it('answers every bad field in Thai, and a body that is not answers as a whole', () => {
    const parsed = parseAnswerPatch({
      learned: 'สั้น',
      rating: 6,
      sharing: 'x',
      colour: 'red',
      application: 5,
    });
    expect(parsed).toEqual({
      errors: {
        answers: expect.stringContaining('colour'),
        learned: expect.stringContaining('สั้นเกินไป'),
        rating: expect.stringContaining('1 ถึง 5'),
        sharing: expect.stringContaining('แบ่งปันความรู้'),
        application: 'กรุณาพิมพ์คำตอบเป็นข้อความ',
      },
    });
    expect(parseAnswerPatch([])).toEqual({ errors: { answers: 'ไม่พบคำตอบที่จะบันทึก' } });
  });

  it('drops the typed plan when a listed one replaces "other", as the chat does', () => {
    const before = { sharing: 'other', sharingDetail: 'ทำคลิปสั้นลงกลุ่มไลน์' } as const;
    expect(applyAnswerPatch(before, { sharing: 'leaflet' })).toEqual({ sharing: 'leaflet' });
    expect(applyAnswerPatch(before, { rating: 5 })).toEqual({ ...before, rating: 5 });
  });
});
