import type { CsvRecord } from '../people/csv';
import { parseQuizQuestion, QUIZ_LIMITS, type QuizQuestion } from './quiz-bank';

// The question bank from a spreadsheet HR fills in (the template below): one question per row, its
// choices in up to five columns and the right one by number. Every bad row is explained in Thai with
// the row number HR sees; a question already in the bank (same text) is not added twice.

export const QUESTION_IMPORT_HEADERS = [
  'คำถาม',
  'ตัวเลือกที่ 1',
  'ตัวเลือกที่ 2',
  'ตัวเลือกที่ 3',
  'ตัวเลือกที่ 4',
  'ตัวเลือกที่ 5',
  'คำตอบที่ถูก (หมายเลขตัวเลือก)',
  'คำอธิบายเฉลย',
] as const;

/** The template's example row: what a filled-in row looks like. */
export const QUESTION_IMPORT_EXAMPLE = [
  'ผู้มาติดต่อราชการมอบของขวัญมูลค่าสูงให้ ท่านควรทำอย่างไร',
  'ปฏิเสธอย่างสุภาพ',
  'รับไว้เพราะเป็นน้ำใจ',
  'รับไว้แล้วแบ่งให้เพื่อนร่วมงาน',
  '',
  '',
  '1',
  'เจ้าหน้าที่ของรัฐไม่ควรรับทรัพย์สินเกินราคาที่กฎหมายกำหนด',
] as const;

/** The template's second sheet: the rules, in Thai. */
export const QUESTION_IMPORT_GUIDE = [
  'หนึ่งแถวต่อหนึ่งคำถาม แถวแรกเป็นหัวตาราง ห้ามแก้ไขหัวตาราง',
  `คำถามยาว 5 ถึง ${QUIZ_LIMITS.textMax} ตัวอักษร`,
  `ตัวเลือก ${QUIZ_LIMITS.choicesMin} ถึง ${QUIZ_LIMITS.choicesMax} ข้อ เรียงจากตัวเลือกที่ 1 ไม่เว้นช่อง แต่ละข้อไม่เกิน ${QUIZ_LIMITS.choiceMax} ตัวอักษร และไม่ซ้ำกัน`,
  'คำตอบที่ถูก: หมายเลขของตัวเลือกที่ถูก เช่น 1',
  `คำอธิบายเฉลย (ไม่บังคับ) ไม่เกิน ${QUIZ_LIMITS.explanationMax} ตัวอักษร แสดงให้ผู้ทำแบบทดสอบอ่านหลังส่งคำตอบ`,
  'คำถามที่มีอยู่ในคลังแล้ว (ข้อความเดียวกัน) จะไม่ถูกเพิ่มซ้ำ',
] as const;

export interface QuestionImportResult {
  readonly questions: readonly (Omit<QuizQuestion, 'id'> & { readonly line: number })[];
  readonly errors: readonly { readonly line: number; readonly reasons: readonly string[] }[];
  /** rows whose question is already in the bank */
  readonly duplicates: readonly { readonly line: number; readonly text: string }[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

export function readQuestionRows(
  header: readonly string[],
  records: readonly CsvRecord[],
  existingTexts: readonly string[],
): QuestionImportResult | { error: string } {
  const col = (name: string) => header.findIndex((h) => norm(h) === name);
  const text = col('คำถาม');
  const answer = col('คำตอบที่ถูก (หมายเลขตัวเลือก)');
  const choices = [1, 2, 3, 4, 5].map((n) => col(`ตัวเลือกที่ ${n}`));
  if (text < 0 || answer < 0 || choices[0] === -1 || choices[1] === -1)
    return {
      error: `หัวตารางไม่ตรงกับแบบฟอร์ม ต้องมีคอลัมน์ "คำถาม" "ตัวเลือกที่ 1" "ตัวเลือกที่ 2" และ "คำตอบที่ถูก (หมายเลขตัวเลือก)" กรุณาดาวน์โหลดแบบฟอร์มแล้วกรอกใหม่`,
    };
  const explanation = col('คำอธิบายเฉลย');
  const seen = new Set(existingTexts.map(norm));
  const out: {
    questions: QuestionImportResult['questions'][number][];
    errors: QuestionImportResult['errors'][number][];
    duplicates: QuestionImportResult['duplicates'][number][];
  } = {
    questions: [],
    errors: [],
    duplicates: [],
  };
  for (const r of records) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    // a choice left blank in the middle would shift the numbers HR gave: refuse it rather than guess
    const labels = choices.map(cell);
    const lastFilled = labels.reduce((n, l, i) => (l ? i : n), -1);
    const gap = labels.slice(0, lastFilled + 1).some((l) => l === '');
    const parsed = parseQuizQuestion('import', {
      text: cell(text),
      choices: labels,
      answer: cell(answer),
      explanation: cell(explanation),
    });
    const reasons = 'errors' in parsed ? Object.values(parsed.errors) : [];
    if (gap) reasons.push(`ตัวเลือกต้องเรียงติดกันตั้งแต่ตัวเลือกที่ 1 ไม่เว้นช่องว่าง (ไม่เกิน ${QUIZ_LIMITS.choicesMax} ข้อ)`);
    if (reasons.length > 0) {
      out.errors.push({ line: r.line, reasons });
      continue;
    }
    if (!('question' in parsed)) continue;
    const key = norm(parsed.question.text);
    if (seen.has(key)) {
      out.duplicates.push({ line: r.line, text: parsed.question.text });
      continue;
    }
    seen.add(key);
    const { id: _id, ...q } = parsed.question;
    out.questions.push({ ...q, line: r.line });
  }
  return out;
}
