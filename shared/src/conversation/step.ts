import { ACCESS_WORDS, accessRequest, dataRequestFlow } from '../flows/data-request';
import { externalTrainingFlow } from '../flows/external-training';
import { hrBroadcastFlow } from '../flows/hr-broadcast';
import { linkAccountFlow } from '../flows/link-account';
import { reportReviewFlow } from '../flows/report-review';
import { surveyAnswerFlow } from '../flows/survey-answer';
import { trainingReportFlow } from '../flows/training-report';
import { globalCommand, normaliseInput } from './commands';
import type { Lookup, TurnContext } from './context';
import type { Effect } from './effect';
import type { InboundEvent } from './event';
import type { Flow } from './flow';
import { type Action, type Reply, say, text } from './reply';
import { mainActions, START_FLOW } from './start-actions';
import { type ConversationState, EMPTY_CONVERSATION, type FlowState } from './state';

export interface TurnResult {
  readonly state: ConversationState;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

export { mainActions, START_FLOW } from './start-actions';

// biome-ignore lint/suspicious/noExplicitAny: the registry holds flows of different state types
const FLOWS: Record<FlowState['flow'], Flow<any>> = {
  externalTraining: externalTrainingFlow,
  linkAccount: linkAccountFlow,
  dataRequest: dataRequestFlow,
  trainingReport: trainingReportFlow,
  reportReview: reportReviewFlow,
  hrBroadcast: hrBroadcastFlow,
  surveyAnswer: surveyAnswerFlow,
};

/** Typed words that start a flow, besides its postback. */
const START_WORDS: Record<string, FlowState['flow']> = {
  แจ้งอบรมภายนอก: 'externalTraining',
  แจ้งผลการอบรมภายนอก: 'externalTraining',
  แจ้งอบรม: 'externalTraining',
  ลงทะเบียน: 'linkAccount',
  เชื่อมบัญชี: 'linkAccount',
  รายงานผลการอบรม: 'trainingReport',
  รายงานผลการฝึกอบรม: 'trainingReport',
  ขอลบข้อมูล: 'dataRequest',
  ลบข้อมูลของฉัน: 'dataRequest',
  แจ้งเตือนผู้ค้างส่ง: 'hrBroadcast',
  แจ้งเตือนผู้ค้างส่งรายงาน: 'hrBroadcast',
  แบบสำรวจ: 'surveyAnswer',
  ตอบแบบสำรวจ: 'surveyAnswer',
  '5ส': 'surveyAnswer',
  'เช็กอิน 5ส': 'surveyAnswer',
  'เช็คอิน 5ส': 'surveyAnswer',
  'กิจกรรม 5ส': 'surveyAnswer',
};

/** What the active flow needs looked up for this event, inside the turn's transaction. */
export function lookupsFor(current: ConversationState | undefined, event: InboundEvent): readonly Lookup[] {
  const starting = startedFlow(event);
  if (starting) return FLOWS[starting].lookups?.(undefined, event) ?? [];
  const flowState = current?.flow;
  if (!flowState) return [];
  return FLOWS[flowState.flow].lookups?.(flowState, event) ?? [];
}

/** The flow this event starts, if it is a start button or a start word. */
function startedFlow(event: InboundEvent): FlowState['flow'] | undefined {
  const id =
    event.kind === 'postback' && event.payload.a === START_FLOW
      ? (event.payload.f as FlowState['flow'] | undefined)
      : event.kind === 'text'
        ? START_WORDS[normaliseInput(event.text)]
        : undefined;
  return id && FLOWS[id] ? id : undefined;
}

/**
 * One conversational turn: the whole bot's brain as a pure function. Global words (ยกเลิก, เมนู,
 * ทำต่อ) work everywhere; otherwise the active flow handles the event; otherwise we help. Flows that
 * store data about a person wait until the LINE account is linked (after the privacy notice).
 */
export function step(
  current: ConversationState | undefined,
  event: InboundEvent,
  now: Date,
  ctx: TurnContext,
): TurnResult {
  const state = current ?? EMPTY_CONVERSATION;
  const turn = state.turn + 1;
  const active = state.flow ? FLOWS[state.flow.flow] : undefined;
  const keep = (replies: readonly Reply[]): TurnResult => ({
    state: { ...state, turn },
    replies,
    effects: [],
  });
  /** the next conversation state; registration's attempt count survives its flow */
  const next = (flow: FlowState | null): ConversationState => {
    const linkGuard =
      flow?.flow === 'linkAccount'
        ? { failures: flow.failures, lockedUntil: flow.lockedUntil }
        : state.linkGuard;
    return linkGuard ? { flow, turn, linkGuard } : { flow, turn };
  };
  const start = (id: FlowState['flow'], note: readonly Reply[] = []): TurnResult => {
    const flow = FLOWS[id];
    let started = flow.start(now, ctx, event.kind === 'postback' ? event.payload : undefined);
    if (id === 'linkAccount' && started.state && state.linkGuard) {
      const seeded = { ...started.state, ...state.linkGuard };
      started = { ...started, state: seeded };
      if (seeded.lockedUntil && now.toISOString() < seeded.lockedUntil) {
        // still locked: answer with the lock, whatever the new flow would have asked
        started = { ...started, ...flow.step(seeded, { kind: 'text', text: '' }, now, ctx) };
      }
    }
    return {
      state: next(started.state),
      replies: [...note, ...started.replies],
      effects: started.effects ?? [],
    };
  };

  switch (event.kind) {
    case 'follow':
      if (!ctx.person) {
        return start('linkAccount', [
          text(
            'สวัสดีค่ะ ยินดีต้อนรับสู่ "พัฒนา" 🙏\nผู้ช่วยด้านการพัฒนาบุคลากรของเทศบาล: แบบสำรวจ รายงานผลการอบรม และชั่วโมงอบรมของท่าน',
          ),
        ]);
      }
      return keep([text(`ยินดีต้อนรับกลับค่ะ ${ctx.person.name} 🙏`, mainActions(ctx))]);
    case 'unfollow':
      // Nothing to say to someone who blocked us; the edge marks the link inactive.
      return keep([]);
    case 'stalePostback':
      return keep([
        text(
          event.reason === 'expired' ? 'ปุ่มนี้หมดอายุแล้ว กรุณาเริ่มใหม่จากเมนู' : 'ไม่สามารถใช้ปุ่มนี้ได้ กรุณาเริ่มใหม่จากเมนู',
          resumeOrMain(state, ctx),
        ),
        ...(active && state.flow ? active.prompt(state.flow, now, ctx) : []),
      ]);
    default:
      break;
  }

  if (event.kind === 'text') {
    const command = globalCommand(event.text);
    if (command === 'cancel') {
      return {
        state: next(null),
        replies: [text(active ? `ยกเลิก "${active.title}" แล้ว` : 'ไม่มีรายการที่ค้างอยู่', mainActions(ctx))],
        effects: [],
      };
    }
    if (command === 'menu') return keep([menu(state, ctx)]);
    if (ACCESS_WORDS.has(normaliseInput(event.text))) {
      const r = accessRequest(now, ctx);
      return { state: { ...state, turn }, replies: r.replies, effects: r.effects };
    }
    if (command === 'resume') {
      if (active && state.flow) return keep(active.prompt(state.flow, now, ctx));
      return keep([text('ไม่มีรายการที่ค้างอยู่', mainActions(ctx))]);
    }
  }

  const startId = startedFlow(event);
  if (startId) {
    const flow = FLOWS[startId];
    if (startId === 'linkAccount' && ctx.person) {
      return keep([text(`บัญชีนี้ลงทะเบียนแล้วในชื่อ ${ctx.person.name}`, mainActions(ctx))]);
    }
    if (flow.needsPerson && !ctx.person) {
      return start('linkAccount', [text(`ก่อนใช้ "${flow.title}" กรุณาลงทะเบียนเชื่อมบัญชีกับข้อมูลพนักงานก่อนค่ะ`)]);
    }
    const note =
      active && active !== flow ? [text(`หยุด "${active.title}" ไว้ก่อน และเริ่ม "${flow.title}"`)] : [];
    return start(startId, note);
  }

  if (active && state.flow) {
    const stepped = active.step(state.flow, event, now, ctx);
    return { state: next(stepped.state), replies: stepped.replies, effects: stepped.effects ?? [] };
  }

  if (event.kind === 'postback') {
    // a button of something already finished, e.g. a second tap on "ส่งแบบสำรวจ" after sending
    return keep([text('รายการของปุ่มนี้จบไปแล้ว ไม่มีอะไรต้องทำเพิ่ม 🙏', mainActions(ctx))]);
  }
  if (event.kind === 'image') {
    return keep([text('ได้รับรูปภาพแล้ว แต่ตอนนี้ยังไม่มีรายการที่ต้องใช้รูป', mainActions(ctx))]);
  }
  return keep([text('ขออภัย ยังไม่เข้าใจข้อความนี้ 🙏\nเลือกสิ่งที่ต้องการจากปุ่มด้านล่าง หรือพิมพ์ "เมนู"', mainActions(ctx))]);
}

function menu(state: ConversationState, ctx: TurnContext): Reply {
  const active = state.flow ? FLOWS[state.flow.flow] : undefined;
  const lines = ctx.person
    ? [
        'เมนู "พัฒนา"',
        '• รายงานผลการอบรม: ส่งรายงานภายใน 7 วันทำการหลังกลับจากการอบรม',
        '• แจ้งอบรมภายนอก: บันทึกการอบรมที่ไปมา ให้ฝ่ายบุคคลตรวจสอบ',
        '• แบบสำรวจ: ตอบแบบสำรวจความต้องการฝึกอบรม ความพึงพอใจ และเช็กอินกิจกรรม 5ส',
        '• พิมพ์ "ยกเลิก" เพื่อเลิกรายการที่ทำอยู่ได้ทุกเมื่อ',
      ]
    : ['เมนู "พัฒนา"', '• ลงทะเบียน: เชื่อมบัญชี LINE กับข้อมูลพนักงาน เพื่อใช้งานทุกเมนู'];
  if (active) lines.push(`\nคุณกำลังทำ "${active.title}" อยู่ กด "ทำต่อ" เพื่อกลับไปทำต่อ`);
  return text(lines.join('\n'), resumeOrMain(state, ctx));
}

function resumeOrMain(state: ConversationState, ctx: TurnContext): Action[] {
  return state.flow ? [say('ทำต่อ'), say('ยกเลิก'), ...mainActions(ctx)] : mainActions(ctx);
}
