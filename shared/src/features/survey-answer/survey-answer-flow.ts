import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type CardField, postback, type Reply, say, text } from '../../conversation/reply';
import { answerSurveyAction, mainActions } from '../../conversation/start-actions';
import { competency } from '../../domain/competencies';
import {
  formatSurveyNumber,
  maxPicksOf,
  questionChoices,
  readSurveyAnswer,
  SURVEY_POSTBACK,
} from '../../surveys/answer-input';
import { questionCountText } from '../../surveys/question-count';
import {
  type AnswerValue,
  inAudience,
  type Respondent,
  type SurveyAnswers,
  type SurveyChoice,
  type SurveyDefinition,
  type SurveyDraft,
  type SurveyQuestion,
  surveyAvailability,
} from '../../surveys/survey';
import {
  firstUnansweredId,
  missingQuestions,
  previousQuestionId,
  questionProgress,
  visibleAnswers,
  visibleQuestions,
} from '../../surveys/survey-navigation';
import { graphemeLength, truncateGraphemes, truncateUtf16 } from '../../text/graphemes';
import { bangkokDate, formatThaiDate } from '../../text/thai-date';
import type { SurveyEffect, SurveyFacts, SurveyLookup } from './survey-answer-edge';

type TurnContext = KernelContext<SurveyFacts>;

// "แบบสำรวจ": a survey answered in chat, one question per message. The survey is read once when the
// person opens it and kept as a snapshot in the conversation state (what the questions need, nothing
// more); every accepted answer writes the whole draft, so leaving and coming back (in chat or LIFF)
// loses nothing. Submission re-reads the survey in the turn's transaction: a survey closed meanwhile,
// or a second submission from another tap or device, is refused against stored data.

/** What the flow keeps of the survey while the person answers it. */
export type SurveySnapshot = Pick<
  SurveyDefinition,
  'title' | 'anonymous' | 'closesOn' | 'status' | 'questions'
>;

export interface SurveyAnswerState {
  readonly flow: 'surveyAnswer';
  readonly surveyId: string;
  readonly survey: SurveySnapshot;
  readonly respondent: Respondent;
  /** includes answers to questions hidden by a later change of branch: dropped only at submission */
  readonly answers: SurveyAnswers;
  /** the question being asked; null = the summary before sending */
  readonly at: string | null;
}

type State = SurveyAnswerState;
type Step = FlowStep<State, SurveyEffect>;

const P = SURVEY_POSTBACK;
const QUICK_MAX = 13;
const LABEL_MAX = 20;
const BACK: Action = say('ย้อนกลับ');
const CANCEL: Action = say('ยกเลิก');
const MAIN: Action[] = mainActions();
const SEND_WORDS = new Set(['ส่ง', 'ส่งแบบสำรวจ', 'ยืนยันส่ง', 'ยืนยัน', 'ตกลง']);
const EDIT_TYPED = /^แก้(?:ไข)?\s*(?:ข้อ)?\s*(\d+)$/;

export const surveyAnswerFlow: Flow<SurveyAnswerState, SurveyEffect, SurveyLookup, SurveyFacts> = {
  id: 'surveyAnswer',
  title: 'ตอบแบบสำรวจ',
  onCancel: 'คำตอบที่ตอบไว้บันทึกแล้ว แตะคำเชิญอีกครั้ง หรือ "แบบสำรวจ" ในเมนู เพื่อทำต่อจากข้อที่ค้างไว้',
  needsPerson: true,
  lookups(state, event) {
    if (!state) {
      const s = event.kind === 'postback' ? event.payload.s : undefined;
      return typeof s === 'string' && s !== ''
        ? [{ type: 'survey', surveyId: s }]
        : [{ type: 'myOpenSurveys' }];
    }
    return isSubmit(state, event) ? [{ type: 'survey', surveyId: state.surveyId }] : [];
  },
  start(now, ctx, payload) {
    const s = payload?.s;
    return typeof s === 'string' && s !== '' ? open(s, now, ctx) : list(ctx);
  },
  step,
  prompt: (state) => ask(state),
};

function isSubmit(state: State, event: InboundEvent): boolean {
  if (event.kind === 'postback') return event.payload.a === P.submit;
  return event.kind === 'text' && state.at === null && SEND_WORDS.has(normaliseInput(event.text));
}

// ── opening ───────────────────────────────────────────────────────────────────────────────────────

function list(ctx: TurnContext): Step {
  const open = ctx.facts?.myOpenSurveys ?? [];
  if (open.length === 0) {
    return { state: null, replies: [text('ตอนนี้ไม่มีแบบสำรวจที่รอท่านตอบ ขอบคุณค่ะ 🙏', MAIN)] };
  }
  // 12 surveys and เมนู fill LINE's 13 quick replies; more than that at once is not expected
  const shown = open.slice(0, 12);
  const lines = shown.map(
    (s, i) =>
      `${i + 1}. ${s.title}\n   ตอบได้ถึง ${formatThaiDate(s.closesOn)}${s.started ? ' (ตอบค้างไว้)' : ''}`,
  );
  const more = open.length > shown.length ? `\nและอีก ${open.length - shown.length} แบบสำรวจ` : '';
  return {
    // each button starts the flow for its survey, so nothing waits here
    state: null,
    replies: [
      text(`แบบสำรวจที่รอท่านตอบ ${open.length} เรื่อง กดเลือกเพื่อเริ่มหรือทำต่อ\n\n${lines.join('\n')}${more}`, [
        ...shown.map((s, i) =>
          answerSurveyAction(s.id, truncateGraphemes(`${i + 1}. ${s.title}`, LABEL_MAX)),
        ),
        say('เมนู'),
      ]),
    ],
  };
}

const end = (message: string): Step => ({ state: null, replies: [text(message, MAIN)] });

const closedText = (s: Pick<SurveyDefinition, 'status' | 'closesOn'>, today: string) =>
  s.status !== 'closed' && today > s.closesOn
    ? `แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อ ${formatThaiDate(s.closesOn)} ขอบคุณค่ะ 🙏`
    : 'แบบสำรวจนี้ปิดรับคำตอบแล้ว ขอบคุณค่ะ 🙏';

const NOT_FOUND = 'ไม่พบแบบสำรวจนี้ อาจถูกยกเลิกแล้ว หากสงสัย กรุณาติดต่อฝ่ายบุคคล';
const COMPLETED = 'ท่านตอบแบบสำรวจนี้แล้ว ขอบคุณค่ะ 🙏';

function open(surveyId: string, now: Date, ctx: TurnContext): Step {
  const fact = ctx.facts?.survey;
  if (fact?.status !== 'ok' || fact.survey.id !== surveyId) return end(NOT_FOUND);
  const { survey, draft, completed, respondent } = fact;
  if (completed) return end(COMPLETED);
  const today = bangkokDate(now);
  const availability = surveyAvailability(survey, today);
  if (availability === 'closed') return end(closedText(survey, today));
  if (availability === 'notYetOpen') {
    return end(
      survey.status === 'draft'
        ? 'แบบสำรวจนี้ยังไม่เปิดรับคำตอบ เมื่อเปิดแล้วระบบจะแจ้งให้ทราบค่ะ'
        : `แบบสำรวจนี้ยังไม่เปิดรับคำตอบ เปิดวันที่ ${formatThaiDate(survey.opensOn)} ค่ะ`,
    );
  }
  if (!respondent) return end('ไม่พบข้อมูลพนักงานของท่านที่ยังปฏิบัติงานอยู่ กรุณาติดต่อฝ่ายบุคคล');
  if (!inAudience(survey.audience, respondent)) {
    return end('แบบสำรวจนี้สำหรับบุคลากรกลุ่มอื่น ท่านไม่ต้องตอบค่ะ ขอบคุณค่ะ 🙏');
  }
  const snapshot: SurveySnapshot = {
    title: survey.title,
    anonymous: survey.anonymous,
    closesOn: survey.closesOn,
    status: survey.status,
    questions: survey.questions,
  };
  const base = { flow: 'surveyAnswer', surveyId, survey: snapshot, respondent } as const;
  if (draft && Object.keys(draft.answers).length > 0) {
    const answers = draft.answers;
    const visible = visibleQuestions(survey.questions, answers);
    const current = draft.currentQuestionId;
    const at =
      current !== null && visible.some((q) => q.id === current)
        ? current
        : firstUnansweredId(survey.questions, answers);
    const state: State = { ...base, answers, at };
    const done = visible.filter((q) => answers[q.id] !== undefined).length;
    return {
      state,
      replies: [
        text(`แบบสำรวจ "${survey.title}"\nทำต่อจากข้อที่ค้างไว้ (ตอบแล้ว ${done} ข้อ คำตอบเดิมยังอยู่ครบ)`),
        ...ask(state),
      ],
    };
  }
  const state: State = { ...base, answers: {}, at: firstUnansweredId(survey.questions, {}) };
  return { state, replies: [intro(survey), ...ask(state)] };
}

/** Said whenever an anonymous survey starts or is sent: what is and is not linked to the person. */
export const ANONYMITY_NOTE =
  '🔒 แบบสำรวจนี้ไม่ระบุตัวตน คำตอบของท่านจะไม่ถูกเชื่อมโยงกับชื่อหรือข้อมูลของท่าน ระบบบันทึกเพียงว่าท่านตอบแล้ว (เพื่อไม่ให้เตือนซ้ำ) และผลรายกองจะแสดงเฉพาะกลุ่มที่มีผู้ตอบมากพอ';

function intro(s: SurveyDefinition): Reply {
  const lines = [
    `📋 ${s.title}`,
    ...(s.description ? [s.description] : []),
    ...(s.activity ? [`กิจกรรมวันที่ ${formatThaiDate(s.activity.date)} พื้นที่ ${s.activity.area}`] : []),
    `มี ${questionCountText(s)} ตอบได้ถึงวันที่ ${formatThaiDate(s.closesOn)}`,
    ...(s.anonymous
      ? [ANONYMITY_NOTE, 'ระหว่างตอบ ระบบเก็บคำตอบไว้ชั่วคราวเพื่อให้ท่านทำต่อได้ และลบทิ้งเมื่อท่านส่งแบบสำรวจ']
      : []),
    '',
    'ตอบทีละข้อ ระบบบันทึกให้ทุกข้อ ทำต่อภายหลังได้ พิมพ์ "ย้อนกลับ" เพื่อแก้ข้อก่อนหน้า',
  ];
  return text(lines.join('\n'));
}

// ── one turn ──────────────────────────────────────────────────────────────────────────────────────

function step(state: State, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (!ctx.person) return end('กรุณาลงทะเบียนเชื่อมบัญชีก่อนตอบแบบสำรวจค่ะ');
  if (isSubmit(state, event)) return submit(state, now, ctx);
  const today = bangkokDate(now);
  if (state.survey.status === 'closed' || today > state.survey.closesOn) {
    // the draft stays stored as it was; nothing more can be answered
    return end(closedText(state.survey, today));
  }
  if (event.kind === 'text' && globalCommand(event.text) === 'back') return back(state);
  if (event.kind === 'postback' && event.payload.a === P.edit) return edit(state, event.payload.q);
  if (state.at === null) {
    const typed = event.kind === 'text' ? EDIT_TYPED.exec(normaliseInput(event.text)) : null;
    if (typed) {
      const q = visibleQuestions(state.survey.questions, state.answers)[Number(typed[1]) - 1];
      return q ? edit(state, q.id) : again(state, `ไม่มีข้อ ${typed[1]} กรุณาเลือกข้อที่ต้องการแก้ไขใหม่`);
    }
    return again(
      state,
      event.kind === 'image'
        ? 'ตอบครบทุกข้อแล้ว หากต้องการเปลี่ยนรูป กด "แก้ไขข้อ…" ของข้อรูปภาพก่อน'
        : 'กรุณากด "ส่งแบบสำรวจ" หรือเลือกข้อที่ต้องการแก้ไข',
    );
  }
  const q = questionOf(state, state.at);
  if (!q) {
    // the question is gone from view (its branch changed elsewhere): continue where the survey needs it
    const at = firstUnansweredId(state.survey.questions, state.answers);
    return again({ ...state, at }, 'ขออภัย ข้อนี้ไม่ต้องตอบแล้ว ไปต่อที่ข้อถัดไป');
  }
  const input = readSurveyAnswer(q, event, state.answers[q.id], questionChoices(q, state.respondent));
  if (input.kind === 'invalid') return again(state, input.hint);
  const answers = withAnswer(state.answers, q.id, input.value);
  if (input.kind === 'picking') {
    const n: State = { ...state, answers };
    if (answers === state.answers) return { state: n, replies: ask(n) };
    const effects: SurveyEffect[] = [draftSaved(n, now, ctx)];
    if (event.kind === 'image') {
      effects.push({
        type: 'surveyPhotoReceived',
        surveyId: state.surveyId,
        questionId: q.id,
        messageId: event.messageId,
      });
    }
    return { state: n, replies: ask(n, pickNote(q, answers[q.id], event)), effects };
  }
  const n: State = { ...state, answers, at: firstUnansweredId(state.survey.questions, answers) };
  return { state: n, replies: ask(n), effects: [draftSaved(n, now, ctx)] };
}

function questionOf(state: State, id: string | null): SurveyQuestion | undefined {
  if (id === null) return undefined;
  return visibleQuestions(state.survey.questions, state.answers).find((q) => q.id === id);
}

function withAnswer(answers: SurveyAnswers, id: string, value: AnswerValue | undefined): SurveyAnswers {
  if (value === answers[id]) return answers;
  if (value === undefined) {
    const { [id]: _removed, ...rest } = answers;
    return rest;
  }
  return { ...answers, [id]: value };
}

function draftSaved(s: State, now: Date, ctx: TurnContext): SurveyEffect {
  const draft: SurveyDraft = {
    surveyId: s.surveyId,
    employeeId: ctx.person?.employeeId ?? '',
    answers: s.answers,
    currentQuestionId: s.at,
    updatedAt: now.toISOString(),
  };
  return { type: 'surveyDraftSaved', draft };
}

const again = (s: State, hint: string): Step => ({ state: s, replies: [text(hint), ...ask(s)] });

function pickNote(q: SurveyQuestion, a: AnswerValue | undefined, event: InboundEvent): string | undefined {
  if (q.type === 'photo' && event.kind === 'image' && a?.type === 'photos') {
    return `ได้รับรูปที่ ${a.photos.length} แล้ว ✅`;
  }
  return undefined;
}

function back(s: State): Step {
  const previous = previousQuestionId(s.survey.questions, s.answers, s.at);
  if (previous === undefined) return again(s, 'นี่คือข้อแรกแล้ว');
  const n: State = { ...s, at: previous };
  return { state: n, replies: ask(n) };
}

function edit(s: State, q: unknown): Step {
  const target = typeof q === 'string' ? questionOf(s, q) : undefined;
  if (!target) return again(s, 'ไม่พบข้อที่ต้องการแก้ไข กรุณาเลือกใหม่');
  const n: State = { ...s, at: target.id };
  return { state: n, replies: ask(n) };
}

// ── submitting ────────────────────────────────────────────────────────────────────────────────────

function submit(s: State, now: Date, ctx: TurnContext): Step {
  const fact = ctx.facts?.survey;
  if (!fact) {
    return {
      state: s,
      replies: [text('ขออภัย ยังส่งไม่ได้ในขณะนี้ คำตอบของท่านบันทึกไว้แล้ว กรุณากด "ส่งแบบสำรวจ" อีกครั้ง'), ...ask(s)],
    };
  }
  if (fact.status !== 'ok' || fact.survey.id !== s.surveyId) return end(NOT_FOUND);
  // another tap, a redelivered event or the LIFF form got there first: never a second submission
  if (fact.completed) return end('ท่านส่งแบบสำรวจนี้แล้ว ✅ ขอบคุณค่ะ');
  // the staff record was deactivated meanwhile: the edge would refuse the write, so say it here
  if (!fact.respondent) {
    return end('ขออภัย ไม่พบข้อมูลพนักงานที่ใช้งานอยู่ของท่าน จึงส่งแบบสำรวจไม่ได้ กรุณาติดต่อฝ่ายบุคคล');
  }
  const today = bangkokDate(now);
  const availability = surveyAvailability(fact.survey, today);
  if (availability === 'closed') {
    return end(`${closedText(fact.survey, today)}\nคำตอบที่ท่านบันทึกไว้ยังไม่ถูกส่ง`);
  }
  if (availability === 'notYetOpen') return end('แบบสำรวจนี้ถูกพักการรับคำตอบชั่วคราว คำตอบของท่านบันทึกไว้แล้ว');
  const missing = missingQuestions(s.survey.questions, s.answers)[0];
  if (missing) {
    const n: State = { ...s, at: missing.id };
    return { state: n, replies: [text('ยังตอบไม่ครบ กรุณาตอบข้อนี้ก่อนส่ง'), ...ask(n)] };
  }
  const thanks = s.survey.anonymous
    ? `ส่งแบบสำรวจ "${s.survey.title}" แล้ว ✅ ขอบคุณค่ะ 🙏\nคำตอบของท่านถูกเก็บแบบไม่ระบุตัวตน ไม่มีชื่อหรือข้อมูลของท่านผูกกับคำตอบ ระบบบันทึกเพียงว่าท่านตอบแล้ว`
    : `ส่งแบบสำรวจ "${s.survey.title}" แล้ว ✅ ขอบคุณที่สละเวลาตอบค่ะ 🙏`;
  return {
    state: null,
    replies: [text(thanks, MAIN)],
    effects: [
      {
        type: 'surveySubmitted',
        surveyId: s.surveyId,
        answers: visibleAnswers(s.survey.questions, s.answers),
        today,
      },
    ],
  };
}

// ── asking ────────────────────────────────────────────────────────────────────────────────────────

/** The current question (or the summary) as one message with its buttons. */
function ask(s: State, note?: string): readonly Reply[] {
  if (s.at === null) return [summary(s)];
  const q = questionOf(s, s.at);
  if (!q) return [summary(s)];
  const { n, total } = questionProgress(s.survey.questions, s.answers, q.id);
  const first = previousQuestionId(s.survey.questions, s.answers, q.id) === undefined;
  const current = s.answers[q.id];
  const choices = questionChoices(q, s.respondent);
  const lines = [`ข้อ ${n}/${total}${q.required ? '' : ' (ไม่บังคับ)'}`, q.text];
  if (q.hint) lines.push(q.hint);
  const buttons: Action[] = [];
  const tail: Action[] = [];
  if (!q.required) tail.push(postback('ข้าม', { a: P.skip, q: q.id }));
  if (!first) tail.push(BACK);

  switch (q.type) {
    case 'singleChoice':
    case 'multipleChoice':
    case 'competencies': {
      const multi = q.type !== 'singleChoice';
      const picked = picksOf(current);
      const answered = current !== undefined && current.type !== 'skipped';
      // "เสร็จ" on a pick question, "คงคำตอบเดิม" on an answered single choice
      if (multi) tail.unshift(postback('เสร็จ', { a: P.done, q: q.id }));
      else if (answered) tail.unshift(postback('คงคำตอบเดิม', { a: P.done, q: q.id }));
      // every choice gets a button only when all fit beside the navigation; otherwise numbers are typed
      const tapping = choices.length + tail.length <= QUICK_MAX;
      if (tapping) buttons.push(...choiceButtons(q.id, choices, multi, picked));
      lines.push(
        '',
        ...choices.map((c, i) => `${i + 1}. ${c.label}${picked.includes(c.id) ? ' ✅' : ''}`),
        '',
      );
      if (multi) {
        const max = maxPicksOf(q, choices);
        lines.push(
          tapping
            ? `กดเลือกได้ไม่เกิน ${max} ข้อ (กดซ้ำเพื่อเอาออก) แล้วกด "เสร็จ" หรือพิมพ์หมายเลขคั่นด้วยจุลภาค เช่น 1,3`
            : `พิมพ์หมายเลขที่เลือก คั่นด้วยจุลภาค เช่น 1,3 (เลือกได้ไม่เกิน ${max} ข้อ)`,
        );
        if (picked.length > 0) {
          lines.push(
            `เลือกแล้ว ${picked.length} ข้อ: ${picked.map((id) => choiceNumber(choices, id)).join(', ')}`,
          );
        }
      } else {
        lines.push(tapping ? 'กดเลือกจากปุ่มด้านล่าง หรือพิมพ์หมายเลข' : 'พิมพ์หมายเลขที่เลือก');
      }
      break;
    }
    case 'likert': {
      lines.push('', ...([5, 4, 3, 2, 1] as const).map((v) => `${v} = ${q.labels[v - 1]}`));
      if (current && current.type !== 'skipped') tail.unshift(postback('คงคำตอบเดิม', { a: P.done, q: q.id }));
      buttons.push(
        ...([5, 4, 3, 2, 1] as const).map((v) =>
          postback(truncateGraphemes(`${v} ${q.labels[v - 1]}`, LABEL_MAX), { a: P.answer, q: q.id, v }),
        ),
      );
      break;
    }
    case 'number':
      lines.push(
        `พิมพ์ตัวเลข ${formatSurveyNumber(q.min)} ถึง ${formatSurveyNumber(q.max)}${q.unit ? ` ${q.unit}` : ''}${q.decimals ? ` (ทศนิยมได้ ${q.decimals} ตำแหน่ง)` : ''}`,
      );
      if (current && current.type !== 'skipped') tail.unshift(postback('คงคำตอบเดิม', { a: P.done, q: q.id }));
      break;
    case 'shortText':
    case 'longText':
      lines.push(`พิมพ์คำตอบ ไม่เกิน ${q.maxLength.toLocaleString('th-TH')} ตัวอักษร`);
      if (current && current.type !== 'skipped') tail.unshift(postback('คงคำตอบเดิม', { a: P.done, q: q.id }));
      break;
    case 'photo': {
      const photos = current?.type === 'photos' ? current.photos.length : 0;
      lines.push(`ส่งรูปได้สูงสุด ${q.maxPhotos} รูป แล้วกด "เสร็จ"`);
      if (photos > 0) lines.push(`แนบแล้ว ${photos}/${q.maxPhotos} รูป`);
      if (photos < q.maxPhotos) {
        buttons.push({ type: 'camera', label: 'ถ่ายรูป' }, { type: 'cameraRoll', label: 'เลือกรูป' });
      }
      if (photos > 0 || q.required) tail.unshift(postback('เสร็จ', { a: P.done, q: q.id }));
      break;
    }
  }
  if (current && current.type !== 'skipped' && q.type !== 'photo' && !isPick(q)) {
    lines.push(`\nคำตอบเดิม: ${surveyAnswerText(q, current, s.respondent)}`);
  }
  const quick = [...buttons, ...tail];
  if (quick.length < QUICK_MAX) quick.push(CANCEL);
  const head = note ? `${note}\n\n` : '';
  return [text(truncateUtf16(head + lines.join('\n'), 5000), quick)];
}

const isPick = (q: SurveyQuestion) =>
  q.type === 'singleChoice' || q.type === 'multipleChoice' || q.type === 'competencies';

function picksOf(a: AnswerValue | undefined): readonly string[] {
  if (a?.type === 'choice') return [a.choiceId];
  if (a?.type === 'choices') return a.choiceIds;
  if (a?.type === 'competencies') return a.competencyIds;
  return [];
}

const choiceNumber = (choices: readonly SurveyChoice[], id: string) =>
  choices.findIndex((c) => c.id === id) + 1;

/**
 * One button per choice. Full labels when every one fits LINE's 20 graphemes; otherwise numbered and
 * cut ("2. คอมพิวเตอร์และเ…"), the full labels being numbered in the message, so a cut label is never
 * ambiguous. The tap shows the full label in the chat.
 */
function choiceButtons(
  questionId: string,
  choices: readonly SurveyChoice[],
  multi: boolean,
  picked: readonly string[],
): Action[] {
  const mark = (id: string) => (multi && picked.includes(id) ? '✓ ' : '');
  // room for the pick mark whether or not it shows, so labels do not change style between taps
  const room = multi ? LABEL_MAX - 2 : LABEL_MAX;
  const fits = choices.every((c) => graphemeLength(c.label) <= room);
  return choices.map((c, i) =>
    postback(
      fits ? `${mark(c.id)}${c.label}` : truncateGraphemes(`${mark(c.id)}${i + 1}. ${c.label}`, LABEL_MAX),
      { a: P.answer, q: questionId, v: c.id },
      c.label,
    ),
  );
}

/** An answer as people read it, e.g. on the summary. */
export function surveyAnswerText(q: SurveyQuestion, a: AnswerValue | undefined, r: Respondent): string {
  if (!a) return 'ยังไม่ได้ตอบ';
  const label = (id: string) =>
    questionChoices(q, r).find((c) => c.id === id)?.label ?? competency(id)?.name ?? id;
  switch (a.type) {
    case 'skipped':
      return 'ไม่ตอบ';
    case 'choice':
      return label(a.choiceId);
    case 'choices':
      return a.choiceIds.map(label).join(', ') || '-';
    case 'competencies':
      return a.competencyIds.map(label).join(', ') || '-';
    case 'likert':
      return q.type === 'likert' ? `${a.value} (${q.labels[a.value - 1]})` : String(a.value);
    case 'number':
      return `${formatSurveyNumber(a.value)}${q.type === 'number' && q.unit ? ` ${q.unit}` : ''}`;
    case 'text':
      return a.value;
    case 'photos':
      return `${a.photos.length} รูป`;
  }
}

function summary(s: State): Reply {
  const visible = visibleQuestions(s.survey.questions, s.answers);
  const fields: CardField[] = visible.map((q, i) => ({
    label: `${i + 1}. ${truncateUtf16(q.text, 60)}`,
    value: truncateUtf16(surveyAnswerText(q, s.answers[q.id], s.respondent), 200),
  }));
  const missing = missingQuestions(s.survey.questions, s.answers).length;
  const lines = [`"${truncateUtf16(s.survey.title, 150)}"`];
  if (missing > 0) lines.push(`ยังไม่ได้ตอบ ${missing} ข้อ`);
  if (s.survey.anonymous) lines.push('🔒 ไม่ระบุตัวตน: คำตอบไม่ผูกกับชื่อของท่าน');
  lines.push(visible.length > 10 ? 'แก้ข้ออื่นได้โดยพิมพ์ "แก้ข้อ" ตามด้วยหมายเลข เช่น แก้ข้อ 12' : 'แก้ไขได้จากปุ่มด้านล่าง');
  // 10 edit buttons, ย้อนกลับ and ยกเลิก: within LINE's 13
  const edits = visible.slice(0, 10).map((q, i) => postback(`แก้ไขข้อ ${i + 1}`, { a: P.edit, q: q.id }));
  return {
    kind: 'card',
    title: 'ตรวจสอบคำตอบก่อนส่ง',
    altText: `ตรวจสอบคำตอบแบบสำรวจ: ${truncateUtf16(s.survey.title, 100)}`,
    lines,
    fields,
    actions: [postback('ส่งแบบสำรวจ', { a: P.submit }), say('ย้อนกลับ (ข้อสุดท้าย)', 'ย้อนกลับ')],
    quickReplies: [...edits, BACK, CANCEL],
  };
}
