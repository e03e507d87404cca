import { createHash } from 'node:crypto';
import {
  type BankQuestion,
  type EthicsQuiz,
  type QuizAttempt,
  type QuizResult,
  quizKey,
  quizResult,
  type SamplePerson,
} from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';

// Where the ethics quiz lives in Firestore: the bank, the year's quiz document (its current draw and
// the questions fixed at the draw), every draw in `draws` for the audit trail, and one attempt per
// sampled person in `attempts`.

export const attemptsOf = (quizzes: CollectionReference, fiscalYear: number) =>
  quizzes.doc(quizKey(fiscalYear)).collection('attempts');
export const drawsOf = (quizzes: CollectionReference, fiscalYear: number) =>
  quizzes.doc(quizKey(fiscalYear)).collection('draws');

export async function readBank(questions: CollectionReference): Promise<BankQuestion[]> {
  const snap = await questions.get();
  return snap.docs
    .map((d) => ({ ...(d.data() as Omit<BankQuestion, 'id'>), id: d.id }))
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
}

export async function readQuiz(quizzes: CollectionReference, fiscalYear: number): Promise<EthicsQuiz | null> {
  const snap = await quizzes.doc(quizKey(fiscalYear)).get();
  return snap.exists ? (snap.data() as EthicsQuiz) : null;
}

export async function readAttempts(quizzes: CollectionReference, fiscalYear: number): Promise<QuizAttempt[]> {
  const snap = await attemptsOf(quizzes, fiscalYear).get();
  return snap.docs.map((d) => d.data() as QuizAttempt);
}

/** Active staff as the draw sees them: id and division. */
export async function readPopulation(c: StaffSource): Promise<SamplePerson[]> {
  const staff = await staffRecords(c).active({ fields: ['divisionId'] });
  return staff.map((p) => ({ employeeId: p.id, ...(p.divisionId ? { divisionId: p.divisionId } : {}) }));
}

/** A fingerprint of the staff list a draw used: the same list (ids and divisions) gives the same one. */
export function staffVersion(people: readonly SamplePerson[]): string {
  const lines = people.map((p) => `${p.employeeId}|${p.divisionId ?? ''}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** The year's quiz result for the targets: share of the current draw whose last attempt passed. */
export async function readQuizResult(
  quizzes: CollectionReference,
  fiscalYear: number,
): Promise<QuizResult | null> {
  const quiz = await readQuiz(quizzes, fiscalYear);
  if (!quiz) return null;
  const attempts = await readAttempts(quizzes, fiscalYear);
  const scores = new Map(
    attempts.filter((a) => a.completed > 0).map((a) => [a.employeeId, { passed: a.passed === true }]),
  );
  return quizResult(quiz.draw.drawn, scores);
}
