import { describe, expect, it } from 'vitest';
import { parseQuizQuestion, type QuizQuestion } from '../../src/ethics/quiz-bank';
import { drawSample, parseSampleSize, sampleCount } from '../../src/ethics/quiz-sample';
import { choicesFor, quizResult, scoreQuiz } from '../../src/ethics/quiz-scoring';

const people = [
  ...Array.from({ length: 30 }, (_, i) => ({
    employeeId: `PA${String(i).padStart(2, '0')}`,
    divisionId: 'palad',
  })),
  ...Array.from({ length: 15 }, (_, i) => ({
    employeeId: `FI${String(i).padStart(2, '0')}`,
    divisionId: 'finance',
  })),
  ...Array.from({ length: 5 }, (_, i) => ({ employeeId: `WO${i}`, divisionId: 'works' })),
];

describe('the quiz sample', () => {
  it('draws 20% stratified by division, the same people again from the same seed in any order', () => {
    const draw = drawSample(people, { kind: 'share', percent: 20 }, 'fy2570-quiz-7f3a');
    expect(draw.drawn).toHaveLength(10);
    expect(draw.byDivision).toEqual({
      finance: { population: 15, drawn: 3 },
      palad: { population: 30, drawn: 6 },
      works: { population: 5, drawn: 1 },
    });
    const again = drawSample([...people].reverse(), { kind: 'share', percent: 20 }, 'fy2570-quiz-7f3a');
    expect(again.drawn).toEqual(draw.drawn);
    const other = drawSample(people, { kind: 'share', percent: 20 }, 'another-seed');
    expect(other.drawn).not.toEqual(draw.drawn);
    expect(other.byDivision).toEqual(draw.byDivision);
  });

  it('gives each division its part by largest remainder, and a share rounds up', () => {
    expect(sampleCount({ kind: 'share', percent: 20 }, 7)).toBe(2);
    expect(sampleCount({ kind: 'size', people: 80 }, 50)).toBe(50);
    expect(sampleCount({ kind: 'share', percent: 20 }, 0)).toBe(0);
    const draw = drawSample(people, { kind: 'size', people: 7 }, 's');
    // exact quotas 4.2 / 2.1 / 0.7: works gets the one left over
    expect(Object.values(draw.byDivision).map((d) => d.drawn)).toEqual([2, 4, 1]);
    expect(new Set(draw.drawn).size).toBe(7);
  });

  it('leaves other divisions alone when one grows', () => {
    const before = drawSample(people, { kind: 'size', people: 10 }, 'seed');
    const grown = drawSample(
      [...people, { employeeId: 'WO9', divisionId: 'works' }],
      { kind: 'size', people: 10 },
      'seed',
    );
    expect(grown.drawn.filter((id) => id.startsWith('FI'))).toEqual(
      before.drawn.filter((id) => id.startsWith('FI')),
    );
  });

  it("checks HR's share or size", () => {
    expect(parseSampleSize({ kind: 'share', percent: '20' })).toEqual({
      size: { kind: 'share', percent: 20 },
    });
    expect(parseSampleSize({ kind: 'share', percent: 0 })).toHaveProperty('error');
    expect(parseSampleSize({ kind: 'size', people: 2.5 })).toHaveProperty('error');
    expect(parseSampleSize({})).toEqual({ error: 'กรุณาเลือกกำหนดกลุ่มตัวอย่างเป็นร้อยละหรือจำนวนคน' });
  });
});

const bank: QuizQuestion[] = [1, 2, 3, 4].map((n) => {
  const parsed = parseQuizQuestion(`Q${n}`, {
    text: `ข้อใดเป็นการปฏิบัติตามประมวลจริยธรรม ข้อที่ ${n}`,
    choices: ['รับของขวัญจากผู้มาติดต่อ', 'ปฏิบัติงานด้วยความเป็นธรรม', 'ใช้รถราชการไปธุระส่วนตัว'],
    answer: 2,
    explanation: 'ประมวลจริยธรรมข้าราชการส่วนท้องถิ่น',
  });
  if (!('question' in parsed)) throw new Error('bad fixture');
  return parsed.question;
});

describe('the quiz', () => {
  it("reads a question from HR's form or a spreadsheet row, with Thai messages", () => {
    expect(bank[0]).toMatchObject({ answerId: 'b', choices: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    expect(parseQuizQuestion('Q', { text: 'สั้น', choices: ['ก'], answer: 3 })).toEqual({
      errors: { text: 'กรุณาพิมพ์คำถาม', choices: 'ตัวเลือกต้องมี 2 ถึง 5 ข้อ' },
    });
    expect(parseQuizQuestion('Q', { text: 'คำถามที่ยาวพอ', choices: ['ก', 'ข'], answer: '3' })).toEqual({
      errors: { answer: 'กรุณาระบุคำตอบที่ถูกเป็นหมายเลขตัวเลือก 1 ถึง 2' },
    });
    expect(parseQuizQuestion('Q', { text: 'คำถามที่ยาวพอ', choices: ['ก', 'ก'], answer: 1 })).toEqual({
      errors: { choices: 'ตัวเลือกซ้ำกัน' },
    });
  });

  it('shuffles the choices per person and quiz, the same every time', () => {
    const q = bank[0] as QuizQuestion;
    const a = choicesFor(q, 'quiz-2570', 'PA01');
    expect(choicesFor(q, 'quiz-2570', 'PA01')).toEqual(a);
    expect([...a].sort((x, y) => x.id.localeCompare(y.id))).toEqual(q.choices);
    const orders = new Set(
      people.map((p) =>
        choicesFor(q, 'quiz-2570', p.employeeId)
          .map((c) => c.id)
          .join(''),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
  });

  it('scores against the pass mark, exactly at it passing, and tells the right answers', () => {
    const all = { Q1: 'b', Q2: 'b', Q3: 'b', Q4: 'a' };
    const s = scoreQuiz(bank, all, 3);
    expect(s).toMatchObject({ score: 3, total: 4, passed: true });
    expect(s.corrections[3]).toEqual({
      questionId: 'Q4',
      text: 'ข้อใดเป็นการปฏิบัติตามประมวลจริยธรรม ข้อที่ 4',
      chosen: 'รับของขวัญจากผู้มาติดต่อ',
      right: 'ปฏิบัติงานด้วยความเป็นธรรม',
      correct: false,
      explanation: 'ประมวลจริยธรรมข้าราชการส่วนท้องถิ่น',
    });
    expect(scoreQuiz(bank, { Q1: 'b', Q2: 'b', Q3: 'z' }, 3)).toMatchObject({ score: 2, passed: false });
  });

  it('counts the share of the whole sample that passed, against more than 60%', () => {
    const sample = ['A', 'B', 'C', 'D', 'E'];
    const scores = new Map([
      ['A', { passed: true }],
      ['B', { passed: true }],
      ['C', { passed: true }],
      ['D', { passed: false }],
      // not sampled: never counts
      ['Z', { passed: true }],
    ]);
    expect(quizResult(sample, scores)).toEqual({
      sampled: 5,
      answered: 4,
      passed: 3,
      passShare: 60,
      target: 60,
      met: false,
    });
    scores.set('E', { passed: true });
    expect(quizResult(sample, scores)).toMatchObject({ passed: 4, passShare: 80, met: true });
    expect(quizResult([], scores).met).toBeNull();
  });
});
