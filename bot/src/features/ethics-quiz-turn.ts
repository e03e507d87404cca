import {
  type EthicsQuiz,
  type EthicsQuizEffect,
  type EthicsQuizFacts,
  type EthicsQuizLookup,
  fiscalYearOfInstant,
  type QuizAttempt,
  quizKey,
} from '@phattana/shared';
import { attemptsOf } from '../ethics/ethics-quiz-docs';
import type { TurnFeature, WriteIo } from '../store/turn-feature';

// The ethics quiz at the edge: the year's quiz and the person's attempt are read in the turn's
// transaction with every answer, so writes are refused for someone outside the draw, for a quiz HR
// closed, and for an attempt beyond the quiz's allowance, against stored data.

interface Read {
  quiz?: EthicsQuiz;
  attempt?: QuizAttempt;
  sampled?: boolean;
}

function writable(io: WriteIo<Read>, fiscalYear: number): { quiz: EthicsQuiz; employeeId: string } | null {
  const { quiz, sampled } = io.scratch;
  const employeeId = io.person?.employeeId;
  if (!quiz || !sampled || !employeeId || quiz.fiscalYear !== fiscalYear || quiz.status !== 'open')
    return null;
  if ((io.scratch.attempt?.completed ?? 0) >= quiz.attemptsAllowed) return null;
  return { quiz, employeeId };
}

export const ethicsQuizTurn: TurnFeature<EthicsQuizEffect, EthicsQuizLookup, EthicsQuizFacts, never, Read> = {
  id: 'ethicsQuiz',
  scratch: () => ({}),
  lookups: {
    async ethicsQuiz(l, io) {
      const fiscalYear = l.fiscalYear ?? fiscalYearOfInstant(io.at);
      const snap = await io.tx.get(io.c.ethicsQuizzes.doc(quizKey(fiscalYear)));
      if (!snap.exists) return { status: 'none' };
      const quiz = snap.data() as EthicsQuiz;
      const employeeId = io.person?.employeeId;
      const sampled = employeeId !== undefined && quiz.draw.drawn.includes(employeeId);
      const attemptSnap =
        sampled && employeeId
          ? await io.tx.get(attemptsOf(io.c.ethicsQuizzes, fiscalYear).doc(employeeId))
          : null;
      const attempt = attemptSnap?.exists ? (attemptSnap.data() as QuizAttempt) : undefined;
      io.scratch.quiz = quiz;
      io.scratch.sampled = sampled;
      io.scratch.attempt = attempt;
      return {
        status: 'ok',
        fiscalYear,
        open: quiz.status === 'open',
        passMark: quiz.passMark,
        attemptsAllowed: quiz.attemptsAllowed,
        questions: quiz.questions,
        sampled,
        seed: quiz.draw.seed,
        ...(attempt ? { attempt } : {}),
      };
    },
  },
  effects: {
    ethicsQuizAnswered: {
      write(e, io) {
        const ok = writable(io, e.fiscalYear);
        if (!ok) return;
        io.w.set(
          attemptsOf(io.c.ethicsQuizzes, e.fiscalYear).doc(ok.employeeId),
          {
            employeeId: ok.employeeId,
            answers: e.answers,
            completed: io.scratch.attempt?.completed ?? 0,
            updatedAt: io.now,
          },
          { merge: true },
        );
      },
    },
    ethicsQuizCompleted: {
      write(e, io) {
        const ok = writable(io, e.fiscalYear);
        if (!ok) return;
        io.w.set(
          attemptsOf(io.c.ethicsQuizzes, e.fiscalYear).doc(ok.employeeId),
          {
            employeeId: ok.employeeId,
            answers: {},
            completed: (io.scratch.attempt?.completed ?? 0) + 1,
            completedAnswers: e.answers,
            score: e.score,
            total: e.total,
            passed: e.passed,
            completedAt: io.at.toISOString(),
            updatedAt: io.now,
          },
          { merge: false },
        );
      },
    },
  },
};
