import { describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../src/ethics/ethics-quiz';
import { defaultPassMark, pickQuizQuestions, QUIZ_LENGTH } from '../../src/ethics/ethics-quiz';
import { readQuestionRows } from '../../src/ethics/question-import';
import { meetingsPack } from '../../src/evidence/evidence-pack';
import { parsePolicyMeeting } from '../../src/evidence/policy-meetings';

const bank = (n: number, retired: number[] = []): BankQuestion[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `q${String(i).padStart(2, '0')}`,
    text: `คำถามที่ ${i}`,
    choices: [
      { id: 'a', label: 'ถูก' },
      { id: 'b', label: 'ผิด' },
    ],
    answerId: 'a',
    retired: retired.includes(i),
    updatedAt: '2026-12-01T00:00:00.000Z',
    updatedBy: 'HR',
  }));

describe('quiz questions drawn from the bank', () => {
  it('takes up to ten active questions, the same for the same seed whatever the bank order', () => {
    const b = bank(15, [3, 7]);
    const picked = pickQuizQuestions(b, 'seed-1');
    expect(picked).toHaveLength(QUIZ_LENGTH);
    expect(picked.map((q) => q.id)).not.toContain('q03');
    expect(picked.map((q) => q.id)).not.toContain('q07');
    expect(pickQuizQuestions([...b].reverse(), 'seed-1')).toEqual(picked);
    expect(pickQuizQuestions(b, 'seed-2').map((q) => q.id)).not.toEqual(picked.map((q) => q.id));
    // the stored quiz keeps no bank bookkeeping
    expect(Object.keys(picked[0] ?? {}).sort()).toEqual(['answerId', 'choices', 'id', 'text']);
    expect(pickQuizQuestions(bank(6), 'x')).toHaveLength(6);
  });

  it('passes at 60% of the questions, rounded up', () => {
    expect(defaultPassMark(10)).toBe(6);
    expect(defaultPassMark(5)).toBe(3);
    expect(defaultPassMark(7)).toBe(5);
  });
});

describe('question import rows', () => {
  const header = ['คำถาม', 'ตัวเลือกที่ 1', 'ตัวเลือกที่ 2', 'ตัวเลือกที่ 3', 'คำตอบที่ถูก (หมายเลขตัวเลือก)'];
  it('explains each bad row by its line and skips questions already in the bank', () => {
    const r = readQuestionRows(
      header,
      [
        { line: 2, cells: ['ข้อใดถูกต้องตามประมวลจริยธรรม', 'ก', 'ข', '', '2'] },
        { line: 3, cells: ['ข้อใดถูกต้องตามประมวลจริยธรรม', 'ก', 'ข', '', '1'] },
        { line: 4, cells: ['มีอยู่แล้วในคลังคำถาม', 'ก', 'ข', '', '1'] },
        { line: 5, cells: ['คำตอบเกินจำนวนตัวเลือก', 'ก', 'ข', 'ค', '4'] },
      ],
      ['มีอยู่แล้วในคลังคำถาม'],
    );
    if ('error' in r) throw new Error(r.error);
    expect(r.questions).toEqual([
      {
        line: 2,
        text: 'ข้อใดถูกต้องตามประมวลจริยธรรม',
        choices: [
          { id: 'a', label: 'ก' },
          { id: 'b', label: 'ข' },
        ],
        answerId: 'b',
      },
    ]);
    // the same text twice in one file counts as already there
    expect(r.duplicates.map((d) => d.line)).toEqual([3, 4]);
    expect(r.errors).toEqual([{ line: 5, reasons: ['กรุณาระบุคำตอบที่ถูกเป็นหมายเลขตัวเลือก 1 ถึง 3'] }]);
  });

  it('refuses a sheet without the template headings', () => {
    expect(readQuestionRows(['ชื่อ'], [], [])).toEqual({
      error: expect.stringContaining('หัวตารางไม่ตรงกับแบบฟอร์ม'),
    });
  });
});

describe('monthly meetings (standards 1.13)', () => {
  it('checks a meeting in Thai and never in the future', () => {
    expect(parsePolicyMeeting({ date: '2026-12-20', agenda: 'นโยบาย', attendance: 0 }, '2026-12-16')).toEqual(
      {
        errors: {
          date: 'วันที่ประชุมต้องไม่เป็นวันในอนาคต',
          attendance: 'จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็มตั้งแต่ 1 คน',
        },
      },
    );
    expect(
      parsePolicyMeeting({ date: '2026-10-05', agenda: ' นโยบาย ', attendance: '25' }, '2026-12-16'),
    ).toEqual({
      meeting: { date: '2026-10-05', fiscalYear: 2570, agenda: 'นโยบาย', attendance: 25 },
    });
  });

  it('meets the item with a meeting in each of the twelve months, not with twelve in fewer months', () => {
    const monthly = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 9 + i, 10));
      return {
        date: d.toISOString().slice(0, 10),
        fiscalYear: 2570,
        agenda: 'ประชุมประจำเดือน',
        attendance: 30,
      };
    });
    expect(meetingsPack(2570, monthly)).toMatchObject({ met: true, result: 'ประชุม 12 ครั้ง ครอบคลุม 12 เดือน' });
    const twiceInOctober = [
      ...monthly.slice(0, 11),
      { ...monthly[0], date: '2026-10-20' } as (typeof monthly)[0],
    ];
    const pack = meetingsPack(2570, twiceInOctober);
    expect(pack).toMatchObject({ met: false, result: 'ประชุม 12 ครั้ง ครอบคลุม 11 เดือน' });
    // rows in date order, numbered
    expect(pack.rows[0]).toEqual([1, '10 ตุลาคม 2569', 'ประชุมประจำเดือน', 30]);
    expect(pack.rows[1]?.[1]).toBe('20 ตุลาคม 2569');
  });
});
