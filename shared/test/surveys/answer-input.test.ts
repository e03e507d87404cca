import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/event';
import {
  competencyChoices,
  parseNumberList,
  questionChoices,
  readSurveyAnswer,
} from '../../src/surveys/answer-input';
import type { AnswerValue, Respondent, SurveyQuestion } from '../../src/surveys/survey';

const say = (text: string): InboundEvent => ({ kind: 'text', text });
const tap = (a: string, q: string, v?: string | number): InboundEvent => ({
  kind: 'postback',
  payload: v === undefined ? { a, q } : { a, q, v },
});
const staff: Respondent = {
  divisionId: 'd',
  staffType: 'municipalEmployee',
  roles: ['staff'],
  functionalCompetencyIds: ['accuracy', 'nope', 'accuracy', 'leadership'],
};
const read = (q: SurveyQuestion, e: InboundEvent, current?: AnswerValue, r = staff) =>
  readSurveyAnswer(q, e, current, questionChoices(q, r));
const hint = (x: ReturnType<typeof read>) => (x.kind === 'invalid' ? x.hint : `not invalid: ${x.kind}`);

describe('readSurveyAnswer', () => {
  const single: SurveyQuestion = {
    id: 's',
    type: 'singleChoice',
    text: 's',
    required: false,
    choices: [
      { id: 'a', label: 'ในเวลาราชการ' },
      { id: 'b', label: 'นอกเวลาราชการ' },
    ],
  };

  it('single choice: button, typed number, typed label; skip only when optional', () => {
    expect(read(single, tap('sv.a', 's', 'b'))).toEqual({
      kind: 'answer',
      value: { type: 'choice', choiceId: 'b' },
    });
    expect(read(single, say('๒'))).toEqual({ kind: 'answer', value: { type: 'choice', choiceId: 'b' } });
    expect(read(single, say(' ในเวลาราชการ '))).toEqual({
      kind: 'answer',
      value: { type: 'choice', choiceId: 'a' },
    });
    expect(read(single, say('ข้าม'))).toEqual({ kind: 'answer', value: { type: 'skipped' } });
    expect(hint(read({ ...single, required: true }, say('ข้าม')))).toContain('จำเป็นต้องตอบ');
    expect(hint(read(single, tap('sv.a', 's', 'zz')))).toContain('กรุณาเลือก');
    expect(hint(read(single, tap('sv.a', 'other', 'a')))).toContain('ข้ออื่น');
  });

  it('likert: 1–5 only', () => {
    const q: SurveyQuestion = {
      id: 'l',
      type: 'likert',
      text: 'l',
      required: true,
      labels: ['ก', 'ข', 'ค', 'ง', 'จ'],
    };
    expect(read(q, tap('sv.a', 'l', 5))).toEqual({ kind: 'answer', value: { type: 'likert', value: 5 } });
    expect(read(q, say('ง'))).toEqual({ kind: 'answer', value: { type: 'likert', value: 4 } });
    expect(hint(read(q, say('0')))).toContain('นอกช่วง');
    expect(hint(read(q, say('2.5')))).toContain('นอกช่วง');
    expect(hint(read(q, tap('sv.a', 'l', 9)))).toContain('นอกช่วง');
  });

  it('numbers: Thai digits, separators and the unit accepted; range and decimals checked', () => {
    const q: SurveyQuestion = {
      id: 'n',
      type: 'number',
      text: 'n',
      required: true,
      min: 1,
      max: 5000,
      unit: 'บาท',
    };
    expect(read(q, say('๑,๒๐๐ บาท'))).toEqual({ kind: 'answer', value: { type: 'number', value: 1200 } });
    expect(hint(read(q, say('1.5')))).toContain('จำนวนเต็ม');
    expect(hint(read(q, say('0')))).toContain('นอกช่วง');
    expect(hint(read(q, say('ห้าร้อย')))).toContain('ไม่ใช่ตัวเลข');
    expect(hint(read(q, { kind: 'image', messageId: 'm' }))).toContain('ไม่รับรูปภาพ');
  });

  it('text: trimmed, not empty, within its length', () => {
    const q: SurveyQuestion = { id: 't', type: 'shortText', text: 't', required: true, maxLength: 6 };
    expect(read(q, say(' สวัสดี '))).toEqual({ kind: 'answer', value: { type: 'text', value: 'สวัสดี' } });
    expect(hint(read(q, say('สวัสดีครับ')))).toContain('ยาวเกินไป');
    expect(hint(read(q, say('ข้าม')))).toContain('จำเป็นต้องตอบ');
    // "ไม่มี" is an answer to a required text question, a skip of an optional one
    expect(read(q, say('ไม่มี'))).toEqual({ kind: 'answer', value: { type: 'text', value: 'ไม่มี' } });
    expect(read({ ...q, required: false }, say('ไม่มี'))).toEqual({
      kind: 'answer',
      value: { type: 'skipped' },
    });
  });

  it('multiple choice: toggles, typed lists, maxPicks, nothing picked', () => {
    const q: SurveyQuestion = {
      id: 'm',
      type: 'multipleChoice',
      text: 'm',
      required: true,
      maxPicks: 2,
      choices: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 'c', label: 'C' },
      ],
    };
    const picked = (...choiceIds: string[]): AnswerValue => ({ type: 'choices', choiceIds });
    expect(read(q, tap('sv.a', 'm', 'c'))).toEqual({ kind: 'picking', value: picked('c') });
    expect(read(q, tap('sv.a', 'm', 'a'), picked('c'))).toEqual({ kind: 'picking', value: picked('a', 'c') });
    expect(read(q, tap('sv.a', 'm', 'c'), picked('c'))).toEqual({ kind: 'picking', value: undefined });
    expect(hint(read(q, tap('sv.a', 'm', 'b'), picked('a', 'c')))).toContain('ไม่เกิน 2 ข้อ');
    expect(read(q, say('3, 1'))).toEqual({ kind: 'answer', value: picked('a', 'c') });
    expect(hint(read(q, say('1,2,3')))).toContain('ไม่เกิน 2 ข้อ');
    expect(hint(read(q, say('1,9')))).toContain('หมายเลข 9');
    expect(hint(read(q, tap('sv.d', 'm')))).toContain('ยังไม่ได้เลือก');
    expect(read(q, tap('sv.d', 'm'), picked('b'))).toEqual({ kind: 'answer', value: picked('b') });
    expect(read({ ...q, required: false }, say('เสร็จ'))).toEqual({
      kind: 'answer',
      value: { type: 'skipped' },
    });
  });

  it('photos: images add up to the limit; text is refused; done needs one when required', () => {
    const q: SurveyQuestion = { id: 'p', type: 'photo', text: 'p', required: true, maxPhotos: 2 };
    const one: AnswerValue = { type: 'photos', photos: [{ messageId: '1' }] };
    expect(read(q, { kind: 'image', messageId: '1' })).toEqual({ kind: 'picking', value: one });
    expect(read(q, { kind: 'image', messageId: '1' }, one)).toEqual({ kind: 'picking', value: one });
    const two: AnswerValue = { type: 'photos', photos: [{ messageId: '1' }, { messageId: '2' }] };
    expect(hint(read(q, { kind: 'image', messageId: '3' }, two))).toContain('ครบ 2 รูปแล้ว');
    expect(hint(read(q, say('รูปอยู่ในไลน์กลุ่ม')))).toContain('รับเฉพาะรูปภาพ');
    expect(hint(read(q, say('เสร็จ')))).toContain('อย่างน้อย 1 รูป');
    expect(read(q, say('เสร็จ'), one)).toEqual({ kind: 'answer', value: one });
  });
});

describe('competencyChoices', () => {
  it('core ones, the known functional ones of the person, executive ones for those who lead', () => {
    const names = (r: Respondent) => competencyChoices(r).map((c) => c.id);
    expect(names(staff)).toEqual([
      'achievement',
      'integrity',
      'organisationAwareness',
      'serviceExcellence',
      'teamwork',
      'accuracy',
    ]);
    const lead = names({ ...staff, roles: ['supervisor'] });
    expect(lead).toContain('strategicThinking');
    expect(lead).toContain('leadership');
    expect(lead).toHaveLength(10);
  });
});

describe('parseNumberList', () => {
  it('reads lists people type', () => {
    expect(parseNumberList('1,3')).toEqual([1, 3]);
    expect(parseNumberList('1 , 3 4')).toEqual([1, 3, 4]);
    expect(parseNumberList('1-3')).toBeUndefined();
    expect(parseNumberList('')).toBeUndefined();
  });
});
