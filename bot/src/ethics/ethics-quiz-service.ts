import { randomBytes } from 'node:crypto';
import {
  type BankQuestion,
  type DrawRecord,
  defaultPassMark,
  drawSample,
  type EthicsDrawnPerson,
  type EthicsDrawRequest,
  type EthicsPageData,
  type EthicsQuiz,
  fiscalYearLabel,
  NO_DIVISION,
  parseQuizQuestion,
  parseSampleSize,
  pickQuizQuestions,
  QUIZ_MIN_QUESTIONS,
  quizKey,
  quizResult,
} from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import type { MunicipalityCollections } from '../municipality-collections';
import { staffRecords } from '../people/staff-record-repository';
import { divisionNames } from '../surveys/survey-admin';
import { drawsOf, readAttempts, readBank, readPopulation, readQuiz, staffVersion } from './ethics-quiz-docs';

// HR's side of the ethics quiz: the question bank (add, edit, retire), the year's draw (a second one
// only when confirmed, every draw kept), opening and closing, and the page's figures.

type Collections = MunicipalityCollections;
export interface Actor {
  readonly employeeId: string;
  readonly name: string;
}
export type Outcome<T> =
  | { ok: T }
  | { status: 400 | 404 | 409; message: string; errors?: Record<string, string> };

export async function ethicsPage(c: Collections, fiscalYear: number): Promise<EthicsPageData> {
  const [questions, quiz] = await Promise.all([
    readBank(c.ethicsQuestions),
    readQuiz(c.ethicsQuizzes, fiscalYear),
  ]);
  const base = {
    fiscalYear,
    label: fiscalYearLabel(fiscalYear),
    questions,
    activeCount: questions.filter((q) => !q.retired).length,
  };
  if (!quiz) return { ...base, quiz: null };
  const [attempts, draws, names, people] = await Promise.all([
    readAttempts(c.ethicsQuizzes, fiscalYear),
    drawsOf(c.ethicsQuizzes, fiscalYear).orderBy('drawnAt', 'desc').get(),
    divisionNames(c),
    staffRecords(c).all({ fields: ['name', 'divisionId'] }),
  ]);
  const byId = new Map(attempts.map((a) => [a.employeeId, a]));
  const person = new Map(people.map((p) => [p.id, p]));
  const drawn = quiz.draw.drawn.map((id): EthicsDrawnPerson => {
    const a = byId.get(id);
    const p = person.get(id);
    const division = p?.divisionId || NO_DIVISION;
    return {
      employeeId: id,
      name: p?.name || id,
      divisionName: names[division] ?? (division === NO_DIVISION ? 'ไม่ระบุหน่วยงาน' : division),
      status:
        a && a.completed > 0
          ? a.passed
            ? 'passed'
            : 'failed'
          : a && Object.keys(a.answers ?? {}).length > 0
            ? 'inProgress'
            : 'notStarted',
      ...(a?.score !== undefined ? { score: a.score } : {}),
    };
  });
  const scores = new Map(
    attempts.filter((a) => a.completed > 0).map((a) => [a.employeeId, { passed: a.passed === true }]),
  );
  return {
    ...base,
    quiz: {
      status: quiz.status,
      passMark: quiz.passMark,
      attemptsAllowed: quiz.attemptsAllowed,
      questionCount: quiz.questions.length,
      draw: quiz.draw,
      result: quizResult(quiz.draw.drawn, scores),
      drawn,
      draws: draws.docs.map((d) => ({ ...(d.data() as DrawRecord), id: d.id })),
    },
  };
}

/** Adds (id absent) or edits a question of the bank; Thai messages by field. */
export async function saveQuestion(
  c: Collections,
  raw: unknown,
  by: Actor,
  now: Date,
  id?: string,
): Promise<Outcome<{ id: string }>> {
  const ref = id ? c.ethicsQuestions.doc(id) : c.ethicsQuestions.doc();
  if (id && !(await ref.get()).exists) return { status: 404, message: 'ไม่พบคำถามนี้' };
  const parsed = parseQuizQuestion(ref.id, (raw ?? {}) as Record<string, unknown>);
  if ('errors' in parsed) {
    return { status: 400, message: Object.values(parsed.errors).join(' '), errors: parsed.errors };
  }
  const { id: _id, ...question } = parsed.question;
  await ref.set({
    ...question,
    retired: false,
    updatedAt: now.toISOString(),
    updatedBy: by.name,
  } satisfies Omit<BankQuestion, 'id'>);
  return { ok: { id: ref.id } };
}

export async function retireQuestion(
  c: Collections,
  id: string,
  retired: boolean,
  by: Actor,
  now: Date,
): Promise<Outcome<{ retired: boolean }>> {
  const ref = c.ethicsQuestions.doc(id);
  if (!(await ref.get()).exists) return { status: 404, message: 'ไม่พบคำถามนี้' };
  await ref.update({ retired, updatedAt: now.toISOString(), updatedBy: by.name });
  return { ok: { retired } };
}

const SEED_PATTERN = /^[0-9A-Za-z-]{4,40}$/;

/**
 * Draws the year's sample from today's active staff and fixes the quiz's questions. A year that has a
 * draw needs `confirm`: the new draw replaces it, the earlier one stays in `draws`, and attempts made
 * under it are kept (a person drawn again goes on with theirs).
 */
export async function drawQuizSample(
  db: Firestore,
  c: Collections,
  fiscalYear: number,
  raw: Partial<EthicsDrawRequest>,
  by: Actor,
  now: Date,
): Promise<Outcome<{ draw: DrawRecord }>> {
  const size = parseSampleSize(raw.size);
  if ('error' in size) return { status: 400, message: size.error };
  const seed =
    typeof raw.seed === 'string' && raw.seed.trim() !== '' ? raw.seed.trim() : randomBytes(6).toString('hex');
  if (!SEED_PATTERN.test(seed))
    return { status: 400, message: 'รหัสสุ่ม (seed) ใช้ตัวอักษรอังกฤษ ตัวเลข หรือขีด 4 ถึง 40 ตัว' };
  const attemptsAllowed = raw.attemptsAllowed === undefined ? 1 : Number(raw.attemptsAllowed);
  if (!Number.isInteger(attemptsAllowed) || attemptsAllowed < 1 || attemptsAllowed > 3)
    return { status: 400, message: 'จำนวนครั้งที่ทำได้ต้องเป็น 1 ถึง 3 ครั้ง' };
  const [bank, people] = await Promise.all([readBank(c.ethicsQuestions), readPopulation(c)]);
  const questions = pickQuizQuestions(bank, seed);
  if (questions.length < QUIZ_MIN_QUESTIONS)
    return {
      status: 400,
      message: `คลังคำถามมีคำถามที่ใช้งานอยู่ ${questions.length} ข้อ ต้องมีอย่างน้อย ${QUIZ_MIN_QUESTIONS} ข้อก่อนสุ่มกลุ่มตัวอย่าง`,
    };
  const passMark = raw.passMark === undefined ? defaultPassMark(questions.length) : Number(raw.passMark);
  if (!Number.isInteger(passMark) || passMark < 1 || passMark > questions.length)
    return { status: 400, message: `เกณฑ์ผ่านต้องเป็น 1 ถึง ${questions.length} ข้อ` };
  if (people.length === 0) return { status: 400, message: 'ยังไม่มีบุคลากรที่ปฏิบัติงานอยู่ให้สุ่ม' };
  const sample = drawSample(people, size.size, seed);
  const quizRef = c.ethicsQuizzes.doc(quizKey(fiscalYear));
  const drawRef = drawsOf(c.ethicsQuizzes, fiscalYear).doc();
  return db.runTransaction(async (tx): Promise<Outcome<{ draw: DrawRecord }>> => {
    const existing = await tx.get(quizRef);
    const earlier = existing.exists ? (existing.data() as EthicsQuiz) : undefined;
    if (earlier && raw.confirm !== true)
      return {
        status: 409,
        message: `ปีงบประมาณนี้สุ่มกลุ่มตัวอย่างไปแล้วเมื่อ ${new Intl.DateTimeFormat('th-TH', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Bangkok' }).format(new Date(earlier.draw.drawnAt))} (${earlier.draw.drawn.length} คน) หากสุ่มใหม่ กลุ่มเดิมจะถูกแทนที่แต่ยังเก็บไว้ในประวัติ กรุณายืนยัน`,
      };
    const draw: DrawRecord = {
      ...sample,
      drawnAt: now.toISOString(),
      drawnBy: { employeeId: by.employeeId, name: by.name },
      staffVersion: staffVersion(people),
      ...(earlier ? { replaces: earlier.draw.seed } : {}),
    };
    const quiz: EthicsQuiz = {
      fiscalYear,
      status: 'open',
      passMark,
      attemptsAllowed,
      questions,
      draw,
    };
    tx.set(quizRef, quiz);
    tx.create(drawRef, draw);
    return { ok: { draw } };
  });
}

export async function setQuizStatus(
  c: Collections,
  fiscalYear: number,
  status: unknown,
): Promise<Outcome<{ status: 'open' | 'closed' }>> {
  if (status !== 'open' && status !== 'closed') return { status: 400, message: 'สถานะต้องเป็นเปิดหรือปิด' };
  const ref = c.ethicsQuizzes.doc(quizKey(fiscalYear));
  if (!(await ref.get()).exists) return { status: 404, message: 'ปีงบประมาณนี้ยังไม่ได้สุ่มกลุ่มตัวอย่าง' };
  await ref.update({ status });
  return { ok: { status } };
}
