// The ethics quiz's question bank (Thai): each question has 2–5 choices and one right answer, with an
// optional explanation the person reads after the quiz. HR edits it in LIFF or imports it from a
// spreadsheet; both go through parseQuizQuestion.

export interface QuizChoice {
  readonly id: string;
  readonly label: string;
}

export interface QuizQuestion {
  readonly id: string;
  readonly text: string;
  readonly choices: readonly QuizChoice[];
  readonly answerId: string;
  readonly explanation?: string;
}

export const QUIZ_LIMITS = {
  /** LINE's message text is far longer, but a question should read on one phone screen */
  textMax: 300,
  /** a quick-reply label holds 20 characters: longer choices are listed numbered in the message */
  choiceMax: 120,
  choicesMin: 2,
  choicesMax: 5,
  explanationMax: 500,
} as const;

const CHOICE_IDS = ['a', 'b', 'c', 'd', 'e'] as const;

/**
 * One question from HR's form or a spreadsheet row: `choices` as labels in order, `answer` as the
 * 1-based number of the right one. Thai messages by field.
 */
export function parseQuizQuestion(
  id: string,
  raw: { text?: unknown; choices?: unknown; answer?: unknown; explanation?: unknown },
): { question: QuizQuestion } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = typeof raw.text === 'string' ? raw.text.trim() : '';
  if (text.length < 5) errors.text = 'กรุณาพิมพ์คำถาม';
  else if (text.length > QUIZ_LIMITS.textMax)
    errors.text = `คำถามยาวเกินไป ไม่เกิน ${QUIZ_LIMITS.textMax} ตัวอักษร`;
  const labels = (Array.isArray(raw.choices) ? raw.choices : [])
    .map((c) => (typeof c === 'string' ? c.trim() : ''))
    .filter((c) => c !== '');
  if (labels.length < QUIZ_LIMITS.choicesMin || labels.length > QUIZ_LIMITS.choicesMax)
    errors.choices = `ตัวเลือกต้องมี ${QUIZ_LIMITS.choicesMin} ถึง ${QUIZ_LIMITS.choicesMax} ข้อ`;
  else if (labels.some((l) => l.length > QUIZ_LIMITS.choiceMax))
    errors.choices = `ตัวเลือกแต่ละข้อยาวไม่เกิน ${QUIZ_LIMITS.choiceMax} ตัวอักษร`;
  else if (new Set(labels).size !== labels.length) errors.choices = 'ตัวเลือกซ้ำกัน';
  const answer = typeof raw.answer === 'string' ? Number(raw.answer.trim()) : raw.answer;
  if (
    !errors.choices &&
    (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > labels.length)
  )
    errors.answer = `กรุณาระบุคำตอบที่ถูกเป็นหมายเลขตัวเลือก 1 ถึง ${labels.length}`;
  const explanation = typeof raw.explanation === 'string' ? raw.explanation.trim() : '';
  if (explanation.length > QUIZ_LIMITS.explanationMax)
    errors.explanation = `คำอธิบายยาวเกินไป ไม่เกิน ${QUIZ_LIMITS.explanationMax} ตัวอักษร`;
  if (Object.keys(errors).length > 0) return { errors };
  const choices = labels.map((label, i) => ({ id: CHOICE_IDS[i] as string, label }));
  return {
    question: {
      id,
      text,
      choices,
      answerId: CHOICE_IDS[(answer as number) - 1] as string,
      ...(explanation ? { explanation } : {}),
    },
  };
}
