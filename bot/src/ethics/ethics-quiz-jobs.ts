import {
  bangkokDate,
  type EthicsQuiz,
  fiscalYearOfInstant,
  fiscalYearRange,
  type IsoDate,
  lineReach,
  quizKey,
  type Reply,
  say,
  text,
  type WorkingDayCalendar,
} from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { noOutcomes, type OnceOnlySender, type OnceOutcome } from '../reports/once-only-sender';
import type { Logger } from '../runtime/logger';
import { isQuietHour, type QuietHours } from '../runtime/quiet-hours';
import { dueSurveyReminder } from '../surveys/survey-jobs';
import { attemptsOf } from './ethics-quiz-docs';

// The ethics quiz's invitation and capped reminders, to the people of the year's current draw only,
// on the survey reminders' rules: between 08:00 and 20:00 Bangkok time, on working days, each message
// once per key. The morning digest gathers them, so everyone invited the same day gets one multicast
// through the message-budget gate; the messages are optional, held back first when the quota runs short.

export const ETHICS_QUIZ_REMINDERS = { maxReminders: 2, everyWorkingDays: 3 } as const;

export interface EthicsQuizJobDeps {
  readonly db: Firestore;
  readonly c: StaffSource & {
    readonly ethicsQuizzes: CollectionReference;
    readonly notifications: CollectionReference;
  };
  readonly calendar: WorkingDayCalendar;
  readonly logger: Logger;
  readonly sender: OnceOnlySender;
  readonly quietHours?: QuietHours;
}

export interface EthicsQuizJobResult {
  readonly skipped?: 'quietHours' | 'notWorkingDay' | 'noOpenQuiz';
  readonly invitations: Readonly<Record<OnceOutcome, number>>;
  readonly reminders: Readonly<Record<OnceOutcome, number>>;
}

const startButton = () => [say('เริ่มทำแบบทดสอบ', 'แบบทดสอบจริยธรรม')];

export function ethicsQuizInvitation(quiz: EthicsQuiz): Reply[] {
  return [
    text(
      [
        '📝 ขอเชิญทำแบบทดสอบคุณธรรมจริยธรรมและธรรมาภิบาล',
        `ท่านได้รับการสุ่มเลือกเป็นกลุ่มตัวอย่างของปีงบประมาณ ${quiz.fiscalYear} มี ${quiz.questions.length} ข้อ ใช้เวลาประมาณ 5 นาที`,
        'กดปุ่มด้านล่าง หรือพิมพ์ "แบบทดสอบจริยธรรม" เพื่อเริ่ม',
      ].join('\n'),
      startButton(),
    ),
  ];
}

export function ethicsQuizReminder(quiz: EthicsQuiz, started: boolean): Reply[] {
  return [
    text(
      started
        ? `🔔 แบบทดสอบคุณธรรมจริยธรรมของท่านยังทำไม่ครบ ${quiz.questions.length} ข้อ คำตอบเดิมบันทึกไว้แล้ว พิมพ์ "แบบทดสอบจริยธรรม" เพื่อทำต่อ`
        : '🔔 ท่านยังไม่ได้ทำแบบทดสอบคุณธรรมจริยธรรม (ท่านอยู่ในกลุ่มตัวอย่าง) กดปุ่มด้านล่างเพื่อเริ่ม',
      startButton(),
    ),
  ];
}

const inviteKey = (fy: number, seed: string, id: string) => `ethics:${quizKey(fy)}:${seed}:invite:${id}`;
const reminderKey = (fy: number, seed: string, n: number, id: string) =>
  `ethics:${quizKey(fy)}:${seed}:reminder${n}:${id}`;

export async function runEthicsQuizJobs(d: EthicsQuizJobDeps, now: Date): Promise<EthicsQuizJobResult> {
  const invitations = noOutcomes();
  const reminders = noOutcomes();
  const today = bangkokDate(now);
  const done = (skipped?: EthicsQuizJobResult['skipped']) => ({
    ...(skipped ? { skipped } : {}),
    invitations,
    reminders,
  });
  if (isQuietHour(now, d.quietHours)) return done('quietHours');
  if (!d.calendar.isWorkingDay(today)) return done('notWorkingDay');
  const fy = fiscalYearOfInstant(now);
  const snap = await d.c.ethicsQuizzes.doc(quizKey(fy)).get();
  const quiz = snap.exists ? (snap.data() as EthicsQuiz) : undefined;
  if (quiz?.status !== 'open') return done('noOpenQuiz');
  const seed = quiz.draw.seed;
  const [attempts, records, people] = await Promise.all([
    attemptsOf(d.c.ethicsQuizzes, fy).get(),
    d.c.notifications.where('ethicsQuiz', '==', `${quizKey(fy)}:${seed}`).get(),
    staffRecords(d.c).byIds(quiz.draw.drawn),
  ]);
  const attempt = new Map(attempts.docs.map((a) => [a.id, a.data()]));
  const sent = new Map(
    records.docs.filter((x) => x.get('status') === 'sent').map((x) => [x.id, x.get('date') as IsoDate]),
  );
  const closesOn = fiscalYearRange(fy).end;
  for (const id of quiz.draw.drawn) {
    const person = people.get(id);
    const a = attempt.get(id);
    if (!person?.active) continue;
    if ((a?.completed ?? 0) > 0) continue; // took the quiz: nothing more to say
    const reach = lineReach(person);
    if (!reach.reachable) {
      invitations.skipped++;
      continue;
    }
    const to = { employeeId: person.id, lineUserId: reach.lineUserId };
    const meta = { ethicsQuiz: `${quizKey(fy)}:${seed}`, date: today };
    const invite = inviteKey(fy, seed, person.id);
    const sentOn = [
      sent.get(invite),
      ...Array.from({ length: ETHICS_QUIZ_REMINDERS.maxReminders }, (_, i) =>
        sent.get(reminderKey(fy, seed, i + 1, person.id)),
      ),
    ];
    if (!sentOn[0]) {
      invitations[
        await d.sender.send({
          key: invite,
          to,
          replies: ethicsQuizInvitation(quiz),
          meta: { ...meta, kind: 'ethicsQuizInvitation' },
          priority: 'optional',
        })
      ]++;
      continue;
    }
    const n = dueSurveyReminder(ETHICS_QUIZ_REMINDERS, sentOn, today, closesOn, d.calendar);
    if (n === undefined) continue;
    const started = Object.keys((a?.answers as Record<string, string> | undefined) ?? {}).length > 0;
    reminders[
      await d.sender.send({
        key: reminderKey(fy, seed, n, person.id),
        to,
        replies: ethicsQuizReminder(quiz, started),
        meta: { ...meta, kind: 'ethicsQuizReminder', n },
        priority: 'optional',
      })
    ]++;
  }
  d.logger.info('jobs.ethics_quiz', { today, invitations: { ...invitations }, reminders: { ...reminders } });
  return done();
}
