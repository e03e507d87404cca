import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../../src/conversation/event';
import { encodePostback } from '../../src/conversation/postback-codec';
import type { Action, Reply } from '../../src/conversation/reply';
import { answerSurveyAction, START_FLOW } from '../../src/conversation/start-actions';
import {
  type ConversationState,
  type Effect,
  type Facts,
  type Lookup,
  lookupsFor,
  step,
  type TurnContext,
  type TurnResult,
} from '../../src/features/registry';
import type { SurveyAnswerState } from '../../src/features/survey-answer/survey-answer-flow';
import type {
  Respondent,
  SurveyAnswers,
  SurveyDefinition,
  SurveyDraft,
  SurveyQuestion,
} from '../../src/surveys/survey';
import { surveyFromTemplate } from '../../src/surveys/survey-templates';
import { graphemeLength } from '../../src/text/graphemes';

// The edge, simulated: one stored survey, the person's draft and completion, lookups answered from
// them inside the "turn", and the survey effects written back, as the webhook drives the flow.

const NOW = new Date('2026-12-03T03:00:00Z'); // Thu 3 Dec 2569, 10:00 in Bangkok
const ME = { employeeId: 'E010', name: 'นางสาวจิราพร สายทอง', roles: ['staff' as const] };
const ctx: TurnContext = {
  person: ME,
  privacy: { municipalityName: 'เทศบาลตำบลบ้านสาธิต', retentionYears: 10, contact: 'งานการเจ้าหน้าที่' },
};
const RESPONDENT: Respondent = {
  divisionId: 'finance',
  staffType: 'municipalEmployee',
  roles: ['staff'],
  functionalCompetencyIds: ['analyticalThinking', 'accuracy'],
};

const QUESTIONS: readonly SurveyQuestion[] = [
  {
    id: 'attended',
    type: 'singleChoice',
    text: 'ปีนี้ท่านเคยเข้าอบรมหรือไม่',
    required: true,
    choices: [
      { id: 'yes', label: 'เคย' },
      { id: 'no', label: 'ไม่เคย' },
    ],
  },
  {
    id: 'rating',
    type: 'likert',
    text: 'การอบรมเป็นประโยชน์เพียงใด',
    required: true,
    showIf: { questionId: 'attended', anyOf: ['yes'] },
    labels: ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'],
  },
  {
    id: 'topics',
    type: 'multipleChoice',
    text: 'หัวข้อที่สนใจ',
    required: true,
    maxPicks: 2,
    choices: [
      { id: 'law', label: 'กฎหมาย ระเบียบ และงานสารบรรณ (หนังสือราชการ)' },
      { id: 'it', label: 'คอมพิวเตอร์และเทคโนโลยีสารสนเทศ' },
      { id: 'service', label: 'งานบริการประชาชน' },
    ],
  },
  { id: 'hours', type: 'number', text: 'ชั่วโมงที่ต้องการต่อปี', required: true, min: 0, max: 1000, decimals: 1 },
  { id: 'note', type: 'shortText', text: 'หัวข้ออื่น', required: false, maxLength: 20 },
  { id: 'skills', type: 'competencies', text: 'สมรรถนะที่ต้องการพัฒนา', required: true, maxPicks: 3 },
  { id: 'photo', type: 'photo', text: 'รูปกิจกรรม', required: true, maxPhotos: 2 },
];

const SURVEY: SurveyDefinition = {
  id: 'needs-2570',
  kind: 'custom',
  title: 'แบบสำรวจทดสอบ',
  fiscalYear: 2570,
  audience: { divisionIds: ['finance', 'works'] },
  opensOn: '2026-12-01',
  closesOn: '2026-12-15',
  status: 'open',
  anonymous: false,
  minGroupSize: 1,
  questions: QUESTIONS,
  reminders: { maxReminders: 2, everyWorkingDays: 3 },
};

type Sent = TurnResult & { lookups: readonly Lookup[] };

class Edge {
  survey: SurveyDefinition | undefined;
  draft: SurveyDraft | undefined;
  completed = false;
  respondent: Respondent | undefined = RESPONDENT;
  state: ConversationState = { flow: null, turn: 0 };
  readonly effects: Effect[] = [];
  open: NonNullable<Facts['myOpenSurveys']> = [];

  constructor(survey: SurveyDefinition | undefined = SURVEY) {
    this.survey = survey;
  }

  send(event: InboundEvent, now = NOW): Sent {
    const lookups = lookupsFor(this.state, event);
    const facts: Facts = Object.assign({}, ...lookups.map((l) => this.answer(l)));
    const result = step(this.state, event, now, { ...ctx, facts });
    checkLineLimits(result.replies);
    for (const e of result.effects) {
      this.effects.push(e);
      if (e.type === 'surveyDraftSaved') this.draft = e.draft;
      if (e.type === 'surveySubmitted') {
        this.completed = true;
        this.draft = undefined;
      }
    }
    this.state = result.state;
    return { ...result, lookups };
  }

  run(events: InboundEvent[]): Sent {
    let last: Sent | undefined;
    for (const e of events) last = this.send(e);
    return last as Sent;
  }

  get flow() {
    return this.state.flow as SurveyAnswerState | null;
  }

  get answers(): SurveyAnswers {
    return this.flow?.answers ?? {};
  }

  private answer(l: Lookup): Facts {
    switch (l.type) {
      case 'survey':
        return {
          survey:
            this.survey && this.survey.id === l.surveyId
              ? {
                  status: 'ok',
                  survey: this.survey,
                  completed: this.completed,
                  ...(this.draft ? { draft: this.draft } : {}),
                  ...(this.respondent ? { respondent: this.respondent } : {}),
                }
              : { status: 'notFound' },
        };
      case 'myOpenSurveys':
        return { myOpenSurveys: this.open };
      default:
        throw new Error(`unexpected lookup ${l.type}`);
    }
  }
}

/** What LINE allows; the renderer enforces it too, but a flow should never rely on cutting. */
function checkLineLimits(replies: readonly Reply[]) {
  const label = (a: Action) => expect(graphemeLength(a.label), a.label).toBeLessThanOrEqual(20);
  for (const r of replies) {
    if (r.kind === 'text') expect(r.text.length).toBeLessThanOrEqual(5000);
    if (r.kind === 'card') {
      expect(r.actions.length).toBeLessThanOrEqual(4);
      r.actions.forEach(label);
    }
    if (r.kind !== 'image') {
      expect(r.quickReplies?.length ?? 0).toBeLessThanOrEqual(13);
      r.quickReplies?.forEach(label);
    }
  }
}

const say = (t: string): InboundEvent => ({ kind: 'text', text: t });
const image = (messageId: string): InboundEvent => ({ kind: 'image', messageId });
const invitation = (s = SURVEY.id): InboundEvent => ({
  kind: 'postback',
  payload: { a: START_FLOW, f: 'surveyAnswer', s },
});
const last = (r: TurnResult) => r.replies.at(-1) as Reply;
const lastText = (r: TurnResult) => {
  const l = last(r);
  return l.kind === 'text' ? l.text : l.kind === 'card' ? l.title : '';
};
const all = (r: TurnResult) => JSON.stringify(r.replies);
const quick = (r: TurnResult): readonly Action[] => {
  const l = last(r);
  return l.kind === 'image' ? [] : (l.quickReplies ?? []);
};
/** the postback a button carries, as LINE sends it back */
const press = (r: TurnResult, label: string): InboundEvent => {
  const l = last(r);
  const actions = [...(l.kind === 'card' ? l.actions : []), ...quick(r)];
  const a = actions.find((x) => x.label === label);
  if (a?.type === 'message') return say(a.text);
  if (a?.type !== 'postback')
    throw new Error(`no button "${label}" in ${JSON.stringify(actions.map((x) => x.label))}`);
  return { kind: 'postback', payload: a.data };
};
const savedEffects = (r: TurnResult) => r.effects.filter((e) => e.type === 'surveyDraftSaved');

/** Answers the whole test survey, taking the "attended = yes" branch. */
function toSummary(edge: Edge): Sent {
  let r = edge.send(invitation());
  r = edge.send(press(r, 'เคย'));
  r = edge.send(press(r, '4 มาก'));
  r = edge.run([say('1,3'), say('12.5'), say('ข้าม'), say('1,6')]);
  r = edge.run([image('m1')]);
  return edge.send(press(r, 'เสร็จ'));
}

describe('surveyAnswer: opening a survey', () => {
  it('an invitation button reads the survey and asks the first question after an intro', () => {
    const edge = new Edge();
    const r = edge.send(invitation());
    expect(r.lookups).toEqual([{ type: 'survey', surveyId: SURVEY.id }]);
    expect(all(r)).toContain('แบบสำรวจทดสอบ');
    expect(all(r)).toContain('บางข้อจะถามเพิ่มตามคำตอบ');
    // the range, so that it matches the number of questions HR sees in the results
    expect(all(r)).toContain(`มี 6–${SURVEY.questions.length} ข้อ`);
    expect(lastText(r)).toContain('ข้อ 1/6');
    expect(lastText(r)).toContain('ปีนี้ท่านเคยเข้าอบรมหรือไม่');
    expect(quick(r).map((a) => a.label)).toEqual(['เคย', 'ไม่เคย', 'ยกเลิก']);
    expect(edge.flow?.at).toBe('attended');
    expect(all(r)).not.toContain('ไม่ระบุตัวตน');
  });

  it('typed words start it without a survey: the open ones are listed as buttons', () => {
    const edge = new Edge();
    edge.open = [
      {
        id: 'a',
        title: 'แบบสำรวจความต้องการพัฒนา/ฝึกอบรม ปีงบประมาณ พ.ศ. 2570',
        kind: 'trainingNeeds',
        closesOn: '2026-12-20',
        started: true,
      },
      { id: 'b', title: 'เช็กอินกิจกรรม 5ส', kind: 'fiveS', closesOn: '2026-12-05', started: false },
    ];
    for (const word of ['แบบสำรวจ', 'ตอบแบบสำรวจ', '๕ส', 'เช็กอิน 5ส']) {
      const r = edge.send(say(word));
      expect(r.lookups).toEqual([{ type: 'myOpenSurveys' }]);
      expect(lastText(r)).toContain('แบบสำรวจที่รอท่านตอบ 2 เรื่อง');
      expect(lastText(r)).toContain('(ตอบค้างไว้)');
      const buttons = quick(r).filter((a) => a.type === 'postback');
      expect(buttons.map((a) => a.type === 'postback' && a.data)).toEqual([
        { a: START_FLOW, f: 'surveyAnswer', s: 'a' },
        { a: START_FLOW, f: 'surveyAnswer', s: 'b' },
      ]);
    }
  });

  it('says so when nothing is waiting', () => {
    const r = new Edge().send(say('แบบสำรวจ'));
    expect(lastText(r)).toContain('ไม่มีแบบสำรวจที่รอท่านตอบ');
    expect(r.state.flow).toBeNull();
  });

  it('refuses politely: not found, closed, not yet open, already answered, not in the audience', () => {
    const gone = new Edge();
    gone.survey = undefined;
    expect(lastText(gone.send(invitation()))).toContain('ไม่พบแบบสำรวจนี้');
    const closed = new Edge({ ...SURVEY, closesOn: '2026-12-02' }).send(invitation());
    expect(lastText(closed)).toBe('แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อ 2 ธันวาคม 2569 ขอบคุณค่ะ 🙏');
    expect(closed.state.flow).toBeNull();
    expect(lastText(new Edge({ ...SURVEY, status: 'closed' }).send(invitation()))).toContain('ปิดรับคำตอบแล้ว');
    expect(lastText(new Edge({ ...SURVEY, opensOn: '2026-12-10' }).send(invitation()))).toContain(
      'ยังไม่เปิดรับคำตอบ เปิดวันที่ 10 ธันวาคม 2569',
    );
    const done = new Edge();
    done.completed = true;
    expect(lastText(done.send(invitation()))).toBe('ท่านตอบแบบสำรวจนี้แล้ว ขอบคุณค่ะ 🙏');
    const other = new Edge({ ...SURVEY, audience: { divisionIds: ['works'] } });
    const r = other.send(invitation());
    expect(lastText(r)).toContain('สำหรับบุคลากรกลุ่มอื่น');
    expect(r.state.flow).toBeNull();
    expect(r.effects).toEqual([]);
  });

  it('asks someone not registered to register first', () => {
    const r = step(undefined, invitation(), NOW, { ...ctx, person: undefined });
    expect(r.state.flow?.flow).toBe('linkAccount');
  });

  it('an anonymous survey says what is and is not linked to the person', () => {
    const edge = new Edge({ ...SURVEY, anonymous: true, minGroupSize: 5, questions: QUESTIONS.slice(0, 4) });
    const r = edge.send(invitation());
    expect(all(r)).toContain('ไม่ระบุตัวตน');
    expect(all(r)).toContain('ระบบบันทึกเพียงว่าท่านตอบแล้ว');
    expect(all(r)).toContain('ลบทิ้งเมื่อท่านส่งแบบสำรวจ');
  });

  it('resumes a draft at its question with nothing already answered lost', () => {
    const edge = new Edge();
    let r = edge.send(invitation());
    r = edge.send(press(r, 'เคย'));
    r = edge.send(press(r, '4 มาก'));
    expect(edge.draft?.currentQuestionId).toBe('topics');
    edge.send(say('ยกเลิก'));
    expect(edge.flow).toBeNull();
    r = edge.send(invitation());
    expect(all(r)).toContain('ทำต่อจากข้อที่ค้างไว้');
    expect(all(r)).toContain('ตอบแล้ว 2 ข้อ');
    expect(lastText(r)).toContain('ข้อ 3/7');
    expect(edge.answers).toEqual({
      attended: { type: 'choice', choiceId: 'yes' },
      rating: { type: 'likert', value: 4 },
    });
    // and "ทำต่อ" re-asks the current question
    r = edge.send(say('ทำต่อ'));
    expect(lastText(r)).toContain('หัวข้อที่สนใจ');
  });
});

describe('surveyAnswer: answering', () => {
  it('saves the whole draft after every accepted answer', () => {
    const edge = new Edge();
    let r = edge.send(invitation());
    r = edge.send(press(r, 'เคย'));
    expect(savedEffects(r)).toEqual([
      {
        type: 'surveyDraftSaved',
        draft: {
          surveyId: SURVEY.id,
          employeeId: 'E010',
          answers: { attended: { type: 'choice', choiceId: 'yes' } },
          currentQuestionId: 'rating',
          updatedAt: NOW.toISOString(),
        },
      },
    ]);
    expect(lastText(r)).toContain('ข้อ 2/7');
    expect(quick(r).map((a) => a.label)).toEqual([
      '5 มากที่สุด',
      '4 มาก',
      '3 ปานกลาง',
      '2 น้อย',
      '1 น้อยที่สุด',
      'ย้อนกลับ',
      'ยกเลิก',
    ]);
  });

  it('a branch: the dependent question is asked only for the choice it depends on', () => {
    const yes = new Edge();
    let r = yes.send(invitation());
    r = yes.send(press(r, 'เคย'));
    expect(yes.flow?.at).toBe('rating');
    const no = new Edge();
    r = no.send(invitation());
    r = no.send(press(r, 'ไม่เคย'));
    expect(no.flow?.at).toBe('topics');
    expect(lastText(r)).toContain('ข้อ 2/6');
  });

  it('ย้อนกลับ skips hidden questions, keeps later answers, and hidden answers are not submitted', () => {
    const edge = new Edge();
    let r = toSummary(edge);
    expect(last(r).kind).toBe('card');
    // back from the summary to the last question, then back to the first
    r = edge.run(Array.from({ length: 7 }, () => say('ย้อนกลับ')));
    expect(edge.flow?.at).toBe('attended');
    r = edge.send(say('ย้อนกลับ'));
    expect(all(r)).toContain('นี่คือข้อแรกแล้ว');
    expect(lastText(r)).toContain('1. เคย ✅');
    expect(quick(r).map((a) => a.label)).toContain('คงคำตอบเดิม');
    // change the branch: the rating is hidden, everything else stays answered: straight to the summary
    r = edge.send(press(r, 'ไม่เคย'));
    expect(last(r).kind).toBe('card');
    expect(edge.answers.rating).toEqual({ type: 'likert', value: 4 });
    // back over the hidden rating from the topics question lands on the first question
    r = edge.send(press(r, 'แก้ไขข้อ 2'));
    expect(lastText(r)).toContain('หัวข้อที่สนใจ');
    r = edge.send(say('ย้อนกลับ'));
    expect(edge.flow?.at).toBe('attended');
    r = edge.send(press(r, 'คงคำตอบเดิม'));
    r = edge.send(press(r, 'ส่งแบบสำรวจ'));
    const submitted = r.effects.find((e) => e.type === 'surveySubmitted');
    expect(submitted).toEqual({
      type: 'surveySubmitted',
      surveyId: SURVEY.id,
      today: '2026-12-03',
      answers: {
        attended: { type: 'choice', choiceId: 'no' },
        topics: { type: 'choices', choiceIds: ['law', 'service'] },
        hours: { type: 'number', value: 12.5 },
        note: { type: 'skipped' },
        skills: { type: 'competencies', competencyIds: ['achievement', 'analyticalThinking'] },
        photo: { type: 'photos', photos: [{ messageId: 'm1' }] },
      },
    });
  });

  it('multiple choice: taps toggle, the picks show, long labels are numbered, maxPicks holds', () => {
    const edge = new Edge();
    let r = edge.send(invitation());
    r = edge.run([press(r, 'เคย')]);
    r = edge.send(press(r, '4 มาก'));
    const labels = quick(r).map((a) => a.label);
    expect(labels.slice(0, 3)).toEqual([
      '1. กฎหมาย ระเบียบ แล…',
      '2. คอมพิวเตอร์และเทคโ…',
      '3. งานบริการประชาชน',
    ]);
    expect(lastText(r)).toContain('1. กฎหมาย ระเบียบ และงานสารบรรณ (หนังสือราชการ)');
    const first = quick(r)[0];
    expect(first?.type === 'postback' && first.displayText).toBe('กฎหมาย ระเบียบ และงานสารบรรณ (หนังสือราชการ)');
    r = edge.send(press(r, '1. กฎหมาย ระเบียบ แล…'));
    expect(savedEffects(r)).toHaveLength(1);
    expect(lastText(r)).toContain('เลือกแล้ว 1 ข้อ: 1');
    const unpick = quick(r)[0]?.label ?? '';
    expect(unpick.startsWith('✓ 1. กฎหมาย')).toBe(true);
    r = edge.send(press(r, unpick));
    expect(edge.answers.topics).toBeUndefined();
    // nothing picked, then เสร็จ on a required question
    r = edge.send(press(r, 'เสร็จ'));
    expect(all(r)).toContain('ยังไม่ได้เลือกเลย');
    expect(edge.flow?.at).toBe('topics');
    r = edge.send(press(r, '2. คอมพิวเตอร์และเทคโ…'));
    r = edge.send(press(r, '3. งานบริการประชาชน'));
    r = edge.send(press(r, '1. กฎหมาย ระเบียบ แล…'));
    expect(all(r)).toContain('เลือกได้ไม่เกิน 2 ข้อ');
    expect(edge.answers.topics).toEqual({ type: 'choices', choiceIds: ['it', 'service'] });
    r = edge.send(say('1,2,3'));
    expect(all(r)).toContain('เลือกได้ไม่เกิน 2 ข้อ');
    r = edge.send(say('4'));
    expect(all(r)).toContain('ไม่มีตัวเลือกหมายเลข 4');
    expect(edge.answers.topics).toEqual({ type: 'choices', choiceIds: ['it', 'service'] });
    expect(edge.answers.attended).toEqual({ type: 'choice', choiceId: 'yes' });
    r = edge.send(press(r, 'เสร็จ'));
    expect(edge.flow?.at).toBe('hours');
  });

  it('every bad input gets a hint and the same question, with earlier answers intact', () => {
    const edge = new Edge();
    let r = edge.send(invitation());
    const bad = (event: InboundEvent, hint: string, at: string) => {
      const before = edge.answers;
      r = edge.send(event);
      expect(r.replies[0]?.kind === 'text' && r.replies[0].text, JSON.stringify(event)).toContain(hint);
      expect(edge.flow?.at).toBe(at);
      expect(edge.answers).toEqual(before);
      expect(r.effects).toEqual([]);
    };
    bad(say('3'), 'ไม่มีตัวเลือกหมายเลข 3', 'attended');
    bad(say('1,2'), 'เลือกได้คำตอบเดียว', 'attended');
    bad(image('x'), 'ไม่รับรูปภาพ', 'attended');
    bad({ kind: 'unsupported', what: 'sticker' }, 'สติกเกอร์', 'attended');
    bad(say('ข้าม'), 'จำเป็นต้องตอบ', 'attended');
    r = edge.send(say('1'));
    bad(say('6'), 'อยู่นอกช่วง', 'rating');
    bad(say('ดีมาก'), 'กรุณาเลือกระดับ 1 ถึง 5', 'rating');
    r = edge.run([say('มาก'), say('2')]);
    expect(edge.flow?.at).toBe('hours');
    bad(say('สิบ'), 'ไม่ใช่ตัวเลข', 'hours');
    bad(say('1001'), 'อยู่นอกช่วง', 'hours');
    bad(say('-1'), 'อยู่นอกช่วง', 'hours');
    bad(say('12.25'), 'ทศนิยมได้ไม่เกิน 1 ตำแหน่ง', 'hours');
    r = edge.send(say('๑,๒๐๐'));
    expect(all(r)).toContain('อยู่นอกช่วง');
    r = edge.send(say('๑๒.๕'));
    expect(edge.answers.hours).toEqual({ type: 'number', value: 12.5 });
    bad(say('การเขียนโครงการและของบประมาณ'), 'ยาวเกินไป', 'note');
    r = edge.send(say('งานพัสดุ'));
    expect(edge.answers.note).toEqual({ type: 'text', value: 'งานพัสดุ' });
    // competencies: the core five, then the person's functional ones (no executive ones for staff)
    expect(lastText(r)).toContain('6. การคิดวิเคราะห์');
    expect(lastText(r)).toContain('7. ความถูกต้องของงาน');
    expect(lastText(r)).not.toContain('การคิดเชิงกลยุทธ์');
    bad(say('8'), 'ไม่มีตัวเลือกหมายเลข 8', 'skills');
    bad(say('1,2,3,4'), 'เลือกได้ไม่เกิน 3 ข้อ', 'skills');
    bad(say('เสร็จ'), 'ยังไม่ได้เลือกเลย', 'skills');
    r = edge.send(say('2,7'));
    expect(edge.flow?.at).toBe('photo');
    bad(say('ส่งรูปแล้ว'), 'รับเฉพาะรูปภาพ', 'photo');
    bad(say('เสร็จ'), 'ต้องส่งรูปอย่างน้อย 1 รูป', 'photo');
    bad({ kind: 'postback', payload: { a: 'sv.a', q: 'attended', v: 'yes' } }, 'ปุ่มนี้เป็นของข้ออื่น', 'photo');
    expect(Object.keys(edge.answers)).toEqual(['attended', 'rating', 'topics', 'hours', 'note', 'skills']);
  });

  it('photos: each one is saved and copied; limits and duplicates are handled', () => {
    const edge = new Edge();
    toSummary(edge);
    let r = edge.send(say('แก้ข้อ 7'));
    expect(lastText(r)).toContain('แนบแล้ว 1/2 รูป');
    r = edge.send(image('m2'));
    expect(r.effects).toEqual([
      expect.objectContaining({ type: 'surveyDraftSaved' }),
      { type: 'surveyPhotoReceived', surveyId: SURVEY.id, questionId: 'photo', messageId: 'm2' },
    ]);
    expect(lastText(r)).toContain('ได้รับรูปที่ 2 แล้ว');
    expect(quick(r).map((a) => a.label)).not.toContain('ถ่ายรูป');
    r = edge.send(image('m2'));
    expect(r.effects).toEqual([]);
    r = edge.send(image('m3'));
    expect(all(r)).toContain('ครบ 2 รูปแล้ว');
    expect(edge.answers.photo).toEqual({
      type: 'photos',
      photos: [{ messageId: 'm1' }, { messageId: 'm2' }],
    });
    r = edge.send(press(r, 'เสร็จ'));
    expect(last(r).kind).toBe('card');
  });

  it('the closing date passing while answering ends the flow politely and keeps the draft', () => {
    const edge = new Edge();
    let r = edge.send(invitation());
    r = edge.send(press(r, 'เคย'));
    const draft = edge.draft;
    r = edge.send(say('5'), new Date('2026-12-15T17:30:00Z')); // 16 Dec in Bangkok
    expect(lastText(r)).toBe('แบบสำรวจนี้ปิดรับคำตอบแล้วเมื่อ 15 ธันวาคม 2569 ขอบคุณค่ะ 🙏');
    expect(r.state.flow).toBeNull();
    expect(r.effects).toEqual([]);
    expect(edge.draft).toBe(draft);
  });
});

describe('surveyAnswer: the summary and submission', () => {
  it('shows every visible answer and submits the visible ones once, re-reading the survey', () => {
    const edge = new Edge();
    let r = toSummary(edge);
    const card = last(r);
    expect(card.kind === 'card' && card.fields?.map((f) => f.value)).toEqual([
      'เคย',
      '4 (มาก)',
      'กฎหมาย ระเบียบ และงานสารบรรณ (หนังสือราชการ), งานบริการประชาชน',
      '12.5',
      'ไม่ตอบ',
      'การมุ่งผลสัมฤทธิ์, การคิดวิเคราะห์',
      '1 รูป',
    ]);
    r = edge.send(press(r, 'ส่งแบบสำรวจ'));
    expect(r.lookups).toEqual([{ type: 'survey', surveyId: SURVEY.id }]);
    expect(r.effects.map((e) => e.type)).toEqual(['surveySubmitted']);
    expect(lastText(r)).toContain('ส่งแบบสำรวจ "แบบสำรวจทดสอบ" แล้ว');
    expect(r.state.flow).toBeNull();
  });

  it('a second submission (another tap, another device) sends nothing more', () => {
    const edge = new Edge();
    let r = toSummary(edge);
    const submit = press(r, 'ส่งแบบสำรวจ');
    const saved = edge.state;
    edge.send(submit);
    // the same button again, from the state before (a second device's chat, or a redelivery)
    edge.state = saved;
    r = edge.send(submit);
    expect(lastText(r)).toContain('ท่านส่งแบบสำรวจนี้แล้ว');
    expect(r.effects).toEqual([]);
    expect(edge.effects.filter((e) => e.type === 'surveySubmitted')).toHaveLength(1);
  });

  it('a survey HR closed meanwhile refuses the submission and keeps the draft', () => {
    const edge = new Edge();
    let r = toSummary(edge);
    const draft = edge.draft;
    edge.survey = { ...SURVEY, status: 'closed' };
    r = edge.send(press(r, 'ส่งแบบสำรวจ'));
    expect(lastText(r)).toContain('ปิดรับคำตอบแล้ว');
    expect(lastText(r)).toContain('ยังไม่ถูกส่ง');
    expect(r.effects).toEqual([]);
    expect(edge.draft).toBe(draft);
  });

  it('typed "ส่ง" on the summary submits too; an anonymous survey restates its anonymity', () => {
    const edge = new Edge({ ...SURVEY, anonymous: true, minGroupSize: 5, questions: QUESTIONS.slice(0, 2) });
    let r = edge.send(invitation());
    r = edge.run([say('ไม่เคย')]);
    expect(last(r).kind).toBe('card');
    r = edge.send(say('ส่ง'));
    expect(r.lookups).toEqual([{ type: 'survey', surveyId: SURVEY.id }]);
    expect(r.effects).toEqual([
      {
        type: 'surveySubmitted',
        surveyId: SURVEY.id,
        answers: { attended: { type: 'choice', choiceId: 'no' } },
        today: '2026-12-03',
      },
    ]);
    expect(lastText(r)).toContain('ไม่ระบุตัวตน');
  });

  it('a required answer missing at submission (e.g. a branch opened in LIFF) is asked first', () => {
    const edge = new Edge();
    edge.draft = {
      surveyId: SURVEY.id,
      employeeId: 'E010',
      answers: { attended: { type: 'choice', choiceId: 'no' } },
      currentQuestionId: null,
      updatedAt: NOW.toISOString(),
    };
    let r = edge.send(invitation());
    expect(edge.flow?.at).toBe('topics');
    edge.state = { ...edge.state, flow: { ...(edge.flow as SurveyAnswerState), at: null } };
    r = edge.send({ kind: 'postback', payload: { a: 'sv.s' } });
    expect(all(r)).toContain('ยังตอบไม่ครบ');
    expect(edge.flow?.at).toBe('topics');
    expect(r.effects).toEqual([]);
  });
});

describe('templates in chat', () => {
  const opts = { id: 'x', fiscalYear: 2570, opensOn: '2026-12-01', closesOn: '2026-12-31' };
  const leader: Respondent = {
    ...RESPONDENT,
    roles: ['staff', 'supervisor', 'executive'],
    functionalCompetencyIds: ['analyticalThinking', 'accuracy', 'monitoring', 'vision', 'problemSolving'],
  };

  it('every question of every template fits LINE (≤ 13 quick replies, labels ≤ 20 graphemes)', () => {
    for (const kind of ['trainingNeeds', 'satisfaction', 'fiveS'] as const) {
      const survey = surveyFromTemplate(kind, { ...opts, activity: { date: '2026-12-04', area: 'สำนักปลัด' } });
      for (const respondent of [RESPONDENT, leader]) {
        const edge = new Edge({ ...survey, status: 'open' });
        edge.respondent = respondent;
        checkLineLimits(edge.send(invitation('x')).replies);
        const base = edge.flow as SurveyAnswerState;
        // each question unanswered (branches open) and answered (with "คงคำตอบเดิม" and pick marks)
        for (const answers of [branchesOpen(survey), everyAnswer(survey)]) {
          for (const q of survey.questions) {
            const state: ConversationState = { flow: { ...base, at: q.id, answers }, turn: 1 };
            const r = step(state, say('ทำต่อ'), NOW, ctx);
            expect(lastText(r), `${kind}/${q.id}`).toContain(q.text);
            checkLineLimits(r.replies);
          }
          checkLineLimits(
            step({ flow: { ...base, at: null, answers }, turn: 1 }, say('ทำต่อ'), NOW, ctx).replies,
          );
        }
      }
    }
  });

  it("postbacks stay within LINE's 300 characters with the longest ids validation allows", () => {
    const id40 = (c: string) => c.repeat(40);
    const long: SurveyDefinition = {
      ...SURVEY,
      id: id40('s'),
      audience: {},
      questions: [
        {
          id: id40('q'),
          type: 'multipleChoice',
          text: 'ยาว',
          required: false,
          choices: [
            { id: id40('a'), label: 'ก' },
            { id: id40('b'), label: 'ข' },
          ],
        },
      ],
    };
    const signer = { sign: () => 'x'.repeat(22), verify: () => true };
    const edge = new Edge(long);
    let r = edge.send(invitation(long.id));
    r = edge.send(press(r, 'ก'));
    const actions = [...quick(r), ...quick(edge.send(press(r, 'เสร็จ')))];
    const card = last(edge.send(say('ทำต่อ')));
    if (card.kind === 'card') actions.push(...card.actions);
    actions.push(...quick(new Edge(long).send(say('ทำต่อ'))));
    for (const a of actions) {
      if (a.type === 'postback') expect(() => encodePostback(a.data, signer, NOW)).not.toThrow();
    }
    expect(actions.filter((a) => a.type === 'postback').length).toBeGreaterThan(5);
    const start = answerSurveyAction(long.id, 'ตอบแบบสำรวจ');
    expect(start.type === 'postback' && encodePostback(start.data, signer, NOW).length).toBeLessThanOrEqual(
      300,
    );
  });

  it("more choices than buttons: the list is typed by number (a supervisor's competencies)", () => {
    const survey = { ...surveyFromTemplate('trainingNeeds', opts), status: 'open' as const };
    const edge = new Edge(survey);
    edge.respondent = leader;
    let r = edge.send(invitation('x'));
    r = edge.send(say('1'));
    // 5 core + 4 executive + 5 functional = 14 choices
    expect(lastText(r)).toContain('14. การแก้ไขปัญหาอย่างมืออาชีพ');
    expect(lastText(r)).toContain('6. การเป็นผู้นำในการเปลี่ยนแปลง');
    expect(lastText(r)).toContain('พิมพ์หมายเลขที่เลือก');
    expect(quick(r).map((a) => a.label)).toEqual(['เสร็จ', 'ย้อนกลับ', 'ยกเลิก']);
    r = edge.send(say('9, 14'));
    expect(edge.answers.competencies).toEqual({
      type: 'competencies',
      competencyIds: ['strategicThinking', 'problemSolving'],
    });
    expect(lastText(r)).toContain('วิธีการพัฒนาที่ท่านต้องการ');
  });

  it('the training-needs branch: "other" opens its topics, "other (specify)" opens the text', () => {
    const survey = { ...surveyFromTemplate('trainingNeeds', opts), status: 'open' as const };
    const edge = new Edge(survey);
    let r = edge.send(invitation('x'));
    expect(lastText(r)).toContain('5. ด้านอื่น ๆ');
    r = edge.send(say('5'));
    expect(lastText(r)).toContain('ด้านอื่น ๆ ที่ท่านต้องการพัฒนา');
    r = edge.send(say('4'));
    expect(lastText(r)).toContain('โปรดระบุเรื่องที่ท่านต้องการพัฒนา');
    r = edge.send(say('การใช้ AI ในงานสารบรรณ'));
    expect(lastText(r)).toContain('สมรรถนะที่ท่านต้องการพัฒนามากที่สุด');
    // methods: 11 choices, เสร็จ and ย้อนกลับ fill the 13 quick replies exactly
    r = edge.send(say('1,2'));
    expect(quick(r)).toHaveLength(13);
  });
});

/** Answers that open every branch of a survey, so every question is visible. */
function branchesOpen(s: SurveyDefinition): SurveyAnswers {
  const answers: Record<string, SurveyAnswers[string]> = {};
  for (const q of s.questions) {
    if (!q.showIf) continue;
    const prev = answers[q.showIf.questionId];
    const ids = prev?.type === 'choices' ? prev.choiceIds : [];
    answers[q.showIf.questionId] = { type: 'choices', choiceIds: [...ids, ...q.showIf.anyOf] };
  }
  return answers;
}

/** Every question answered, every branch open. */
function everyAnswer(s: SurveyDefinition): SurveyAnswers {
  const answers: Record<string, SurveyAnswers[string]> = { ...branchesOpen(s) };
  for (const q of s.questions) {
    if (answers[q.id]) continue;
    if (q.type === 'singleChoice') answers[q.id] = { type: 'choice', choiceId: q.choices[0]?.id ?? '' };
    if (q.type === 'multipleChoice') answers[q.id] = { type: 'choices', choiceIds: [q.choices[0]?.id ?? ''] };
    if (q.type === 'likert') answers[q.id] = { type: 'likert', value: 3 };
    if (q.type === 'number') answers[q.id] = { type: 'number', value: q.min };
    if (q.type === 'shortText' || q.type === 'longText') answers[q.id] = { type: 'text', value: 'ข้อความ' };
    if (q.type === 'photo') answers[q.id] = { type: 'photos', photos: [{ messageId: 'p' }] };
    if (q.type === 'competencies') answers[q.id] = { type: 'competencies', competencyIds: ['teamwork'] };
  }
  return answers;
}
