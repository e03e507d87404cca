import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type Reply, say, text } from '../../conversation/reply';
import { mainActions } from '../../conversation/start-actions';
import type { QuizChoice } from '../../ethics/quiz-bank';
import { choicesFor, type QuizCorrection, scoreQuiz } from '../../ethics/quiz-scoring';
import { truncateGraphemes } from '../../text/graphemes';
import type { EthicsQuizEffect, EthicsQuizFacts, EthicsQuizLookup } from './ethics-quiz-edge';

type TurnContext = KernelContext<EthicsQuizFacts>;
type Fact = Extract<NonNullable<EthicsQuizFacts['ethicsQuiz']>, { status: 'ok' }>;

// "แบบทดสอบจริยธรรม": the yearly ethics quiz for the people HR's random sample drew. About ten
// questions, one per message, each choice a numbered quick reply in the person's own order. Every
// answer is stored as it is given; the quiz is read again with every answer, so a quiz HR closed
// meanwhile ends the conversation politely with the answers kept. The last answer scores the quiz and
// the person reads their score with the right answers.

export interface EthicsQuizState {
  readonly flow: 'ethicsQuiz';
  readonly fiscalYear: number;
  /** the quiz's questions as this person sees them (no right answers kept in the conversation) */
  readonly questions: readonly {
    readonly id: string;
    readonly text: string;
    readonly choices: readonly QuizChoice[];
  }[];
  readonly answers: Readonly<Record<string, string>>;
  /** index of the question being asked */
  readonly at: number;
}

type State = EthicsQuizState;
type Step = FlowStep<State, EthicsQuizEffect>;

const LABEL_MAX = 20;
const MAIN: Action[] = mainActions();

export const ethicsQuizFlow: Flow<EthicsQuizState, EthicsQuizEffect, EthicsQuizLookup, EthicsQuizFacts> = {
  id: 'ethicsQuiz',
  title: 'แบบทดสอบจริยธรรม',
  onCancel: 'คำตอบที่ตอบไว้บันทึกแล้ว พิมพ์ "แบบทดสอบจริยธรรม" เพื่อทำต่อจากข้อที่ค้างไว้',
  needsPerson: true,
  lookups: (state) => [state ? { type: 'ethicsQuiz', fiscalYear: state.fiscalYear } : { type: 'ethicsQuiz' }],
  start: (_now, ctx) => open(ctx),
  step,
  prompt: (state) => ask(state),
};

const end = (message: string): Step => ({ state: null, replies: [text(message, MAIN)] });

const NO_QUIZ = 'ขณะนี้ยังไม่มีแบบทดสอบคุณธรรมจริยธรรมที่เปิดให้ทำ ขอบคุณค่ะ 🙏';
const NOT_SAMPLED =
  'ขอบคุณที่สนใจค่ะ 🙏 แบบทดสอบคุณธรรมจริยธรรมปีนี้ใช้กับบุคลากรกลุ่มตัวอย่างที่สุ่มเลือกไว้เท่านั้น และท่านไม่ได้อยู่ในกลุ่มตัวอย่าง จึงไม่ต้องทำแบบทดสอบค่ะ';
const closedText = (answered: number) =>
  answered > 0
    ? `แบบทดสอบคุณธรรมจริยธรรมปิดรับคำตอบแล้ว คำตอบที่ท่านตอบไว้ ${answered} ข้อบันทึกไว้แล้ว ไม่สูญหาย หากมีข้อสงสัย กรุณาติดต่อฝ่ายบุคคล`
    : 'แบบทดสอบคุณธรรมจริยธรรมปิดรับคำตอบแล้ว ขอบคุณค่ะ 🙏';
const doneText = (f: Fact) => {
  const a = f.attempt;
  const score = a?.score !== undefined && a.total !== undefined ? ` ได้ ${a.score}/${a.total} คะแนน` : '';
  return `ท่านทำแบบทดสอบคุณธรรมจริยธรรมปีนี้แล้ว${score} ทำได้ ${f.attemptsAllowed} ครั้ง จึงทำซ้ำไม่ได้ ขอบคุณค่ะ 🙏`;
};

function open(ctx: TurnContext): Step {
  const f = ctx.facts?.ethicsQuiz;
  if (!ctx.person) return end('กรุณาลงทะเบียนเชื่อมบัญชีก่อนทำแบบทดสอบค่ะ');
  if (f?.status !== 'ok') return end(NO_QUIZ);
  if (!f.sampled) return end(NOT_SAMPLED);
  const kept = f.attempt?.answers ?? {};
  if (!f.open) return end(closedText(Object.keys(kept).length));
  if ((f.attempt?.completed ?? 0) >= f.attemptsAllowed) return end(doneText(f));
  const employeeId = ctx.person.employeeId;
  const questions = f.questions.map((q) => ({
    id: q.id,
    text: q.text,
    choices: choicesFor(q, f.seed, employeeId),
  }));
  // an unfinished attempt goes on where it stopped (a completed one's answers are kept apart)
  const answers = kept;
  const at = Math.max(
    0,
    questions.findIndex((q) => answers[q.id] === undefined),
  );
  const state: State = { flow: 'ethicsQuiz', fiscalYear: f.fiscalYear, questions, answers, at };
  const done = questions.filter((q) => answers[q.id] !== undefined).length;
  const intro =
    done > 0
      ? `ทำต่อจากข้อที่ค้างไว้ (ตอบแล้ว ${done} ข้อ คำตอบเดิมยังอยู่ครบ)`
      : [
          '📝 แบบทดสอบคุณธรรมจริยธรรมและธรรมาภิบาล',
          `ท่านได้รับการสุ่มเลือกเป็นกลุ่มตัวอย่างของเทศบาล มี ${questions.length} ข้อ ผ่านเมื่อตอบถูกอย่างน้อย ${f.passMark} ข้อ`,
          'ตอบทีละข้อโดยกดหมายเลขคำตอบ ระบบบันทึกให้ทุกข้อ เมื่อตอบครบจะแจ้งคะแนนพร้อมเฉลย',
        ].join('\n');
  return { state, replies: [text(intro), ...ask(state)] };
}

function ask(s: State, hint?: string): Reply[] {
  const q = s.questions[s.at];
  if (!q) return [];
  const lines = [
    ...(hint ? [hint, ''] : []),
    `ข้อ ${s.at + 1}/${s.questions.length}`,
    q.text,
    '',
    ...q.choices.map((c, i) => `${i + 1}. ${c.label}`),
  ];
  const quick = q.choices.map((c, i) =>
    say(truncateGraphemes(`${i + 1}. ${c.label}`, LABEL_MAX), `${i + 1}`),
  );
  return [text(lines.join('\n'), [...quick, ...(s.at > 0 ? [say('ย้อนกลับ')] : []), say('ยกเลิก')])];
}

function step(state: State, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (!ctx.person) return end('กรุณาลงทะเบียนเชื่อมบัญชีก่อนทำแบบทดสอบค่ะ');
  const f = ctx.facts?.ethicsQuiz;
  if (f?.status !== 'ok' || !f.sampled) return end(NO_QUIZ);
  if (!f.open) return end(closedText(Object.keys(state.answers).length));
  // finished on another device (or a redelivered tap) meanwhile: never a second score
  if ((f.attempt?.completed ?? 0) >= f.attemptsAllowed) return end(doneText(f));
  if (event.kind === 'text' && globalCommand(event.text) === 'back') {
    if (state.at === 0) return { state, replies: ask(state, 'นี่คือข้อแรกแล้ว') };
    const n: State = { ...state, at: state.at - 1 };
    return { state: n, replies: ask(n) };
  }
  const q = state.questions[state.at];
  if (!q) return end(NO_QUIZ);
  const chosen = readChoice(q.choices, event);
  if (!chosen) {
    return {
      state,
      replies: ask(state, `กรุณากดหมายเลขคำตอบ 1 ถึง ${q.choices.length} จากปุ่มด้านล่าง`),
    };
  }
  const answers = { ...state.answers, [q.id]: chosen.id };
  const next = state.questions.findIndex((x, i) => i > state.at && answers[x.id] === undefined);
  const firstOpen = next >= 0 ? next : state.questions.findIndex((x) => answers[x.id] === undefined);
  if (firstOpen >= 0) {
    const n: State = { ...state, answers, at: firstOpen };
    return {
      state: n,
      replies: ask(n),
      effects: [{ type: 'ethicsQuizAnswered', fiscalYear: state.fiscalYear, answers }],
    };
  }
  return finish(state, answers, f, now);
}

function readChoice(choices: readonly QuizChoice[], event: InboundEvent): QuizChoice | undefined {
  if (event.kind !== 'text') return undefined;
  const t = normaliseInput(event.text);
  const n = /^(\d+)\.?$/.exec(t);
  if (n) return choices[Number(n[1]) - 1];
  return choices.find((c) => normaliseInput(c.label) === t);
}

function finish(state: State, answers: Readonly<Record<string, string>>, f: Fact, _now: Date): Step {
  // scored against the stored quiz (the conversation never held the right answers)
  const s = scoreQuiz(f.questions, answers, f.passMark);
  const verdict = s.passed
    ? `✅ ผ่านเกณฑ์ (เกณฑ์ผ่าน ${f.passMark} ข้อ) ขอบคุณที่ร่วมทำแบบทดสอบค่ะ`
    : `ยังไม่ถึงเกณฑ์ผ่าน (${f.passMark} ข้อ) ขอบคุณที่ร่วมทำแบบทดสอบค่ะ อ่านเฉลยด้านล่างเพื่อทบทวนได้`;
  return {
    state: null,
    replies: [
      text(`ส่งแบบทดสอบแล้ว ท่านได้ ${s.score}/${s.total} คะแนน\n${verdict}`),
      text(['เฉลย', ...s.corrections.map(correctionLine)].join('\n\n'), MAIN),
    ],
    effects: [
      {
        type: 'ethicsQuizCompleted',
        fiscalYear: state.fiscalYear,
        answers,
        score: s.score,
        total: s.total,
        passed: s.passed,
      },
    ],
  };
}

function correctionLine(c: QuizCorrection, i: number): string {
  return [
    `${c.correct ? '✅' : '❌'} ข้อ ${i + 1}. ${c.text}`,
    ...(c.correct ? [] : [`คำตอบของท่าน: ${c.chosen ?? '(ไม่ได้ตอบ)'}`]),
    `คำตอบที่ถูก: ${c.right}`,
    ...(c.explanation ? [`คำอธิบาย: ${c.explanation}`] : []),
  ].join('\n');
}
