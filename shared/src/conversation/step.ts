import { externalTrainingFlow } from '../flows/external-training';
import { globalCommand, normaliseInput } from './commands';
import type { Effect } from './effect';
import type { InboundEvent } from './event';
import type { Flow } from './flow';
import { type Action, type Reply, say, text } from './reply';
import { type ConversationState, EMPTY_CONVERSATION, type FlowState } from './state';

export interface TurnResult {
  readonly state: ConversationState;
  readonly replies: readonly Reply[];
  readonly effects: readonly Effect[];
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds flows of different state types
const FLOWS: Record<FlowState['flow'], Flow<any>> = {
  externalTraining: externalTrainingFlow,
};

/** Postback that starts a flow from a menu, rich menu or reminder button. */
export const START_FLOW = 'flow.start';

/** Typed words that start a flow, besides its postback. */
const START_WORDS: Record<string, FlowState['flow']> = {
  แจ้งอบรมภายนอก: 'externalTraining',
  แจ้งผลการอบรมภายนอก: 'externalTraining',
  แจ้งอบรม: 'externalTraining',
};

export const mainActions = (): Action[] => [
  {
    type: 'postback',
    label: 'แจ้งอบรมภายนอก',
    data: { a: START_FLOW, f: 'externalTraining' },
    displayText: 'แจ้งอบรมภายนอก',
  },
  say('เมนู'),
];

/**
 * One conversational turn: the whole bot's brain as a pure function. Global words (ยกเลิก, เมนู,
 * ทำต่อ) work everywhere; otherwise the active flow handles the event; otherwise we help.
 */
export function step(current: ConversationState | undefined, event: InboundEvent, now: Date): TurnResult {
  const state = current ?? EMPTY_CONVERSATION;
  const turn = state.turn + 1;
  const active = state.flow ? FLOWS[state.flow.flow] : undefined;
  const keep = (replies: readonly Reply[]): TurnResult => ({
    state: { ...state, turn },
    replies,
    effects: [],
  });

  switch (event.kind) {
    case 'follow':
      return keep([
        text(
          'สวัสดีค่ะ ยินดีต้อนรับสู่ "พัฒนา" 🙏\nผู้ช่วยด้านการพัฒนาบุคลากรของเทศบาล: แบบสำรวจ รายงานผลการอบรม และชั่วโมงอบรมของคุณ',
          mainActions(),
        ),
      ]);
    case 'unfollow':
      // Nothing to say to someone who blocked us; the edge marks the link inactive.
      return keep([]);
    case 'stalePostback':
      return keep([
        text(
          event.reason === 'expired' ? 'ปุ่มนี้หมดอายุแล้ว กรุณาเริ่มใหม่จากเมนู' : 'ไม่สามารถใช้ปุ่มนี้ได้ กรุณาเริ่มใหม่จากเมนู',
          resumeOrMain(state),
        ),
        ...(active && state.flow ? active.prompt(state.flow, now) : []),
      ]);
    default:
      break;
  }

  if (event.kind === 'text') {
    const command = globalCommand(event.text);
    if (command === 'cancel') {
      return {
        state: { flow: null, turn },
        replies: [text(active ? `ยกเลิก "${active.title}" แล้ว` : 'ไม่มีรายการที่ค้างอยู่', mainActions())],
        effects: [],
      };
    }
    if (command === 'menu') return keep([menu(state)]);
    if (command === 'resume') {
      if (active && state.flow) return keep(active.prompt(state.flow, now));
      return keep([text('ไม่มีรายการที่ค้างอยู่', mainActions())]);
    }
  }

  const startId =
    event.kind === 'postback' && event.payload.a === START_FLOW
      ? (event.payload.f as FlowState['flow'] | undefined)
      : event.kind === 'text'
        ? START_WORDS[normaliseInput(event.text)]
        : undefined;
  if (startId && FLOWS[startId]) {
    const flow = FLOWS[startId];
    const started = flow.start(now);
    const note =
      active && active !== flow ? [text(`หยุด "${active.title}" ไว้ก่อน และเริ่ม "${flow.title}"`)] : [];
    return {
      state: { flow: started.state, turn },
      replies: [...note, ...started.replies],
      effects: started.effects ?? [],
    };
  }

  if (active && state.flow) {
    const next = active.step(state.flow, event, now);
    return { state: { flow: next.state, turn }, replies: next.replies, effects: next.effects ?? [] };
  }

  if (event.kind === 'image') {
    return keep([text('ได้รับรูปภาพแล้ว แต่ตอนนี้ยังไม่มีรายการที่ต้องใช้รูป', mainActions())]);
  }
  return keep([text('ขออภัย ยังไม่เข้าใจข้อความนี้ 🙏\nเลือกสิ่งที่ต้องการจากปุ่มด้านล่าง หรือพิมพ์ "เมนู"', mainActions())]);
}

function menu(state: ConversationState): Reply {
  const active = state.flow ? FLOWS[state.flow.flow] : undefined;
  const lines = [
    'เมนู "พัฒนา"',
    '• แจ้งอบรมภายนอก: บันทึกการอบรมที่ไปมา ให้ฝ่ายบุคคลตรวจสอบ',
    '• พิมพ์ "ยกเลิก" เพื่อเลิกรายการที่ทำอยู่ได้ทุกเมื่อ',
  ];
  if (active) lines.push(`\nคุณกำลังทำ "${active.title}" อยู่ กด "ทำต่อ" เพื่อกลับไปทำต่อ`);
  return text(lines.join('\n'), resumeOrMain(state));
}

function resumeOrMain(state: ConversationState): Action[] {
  return state.flow ? [say('ทำต่อ'), say('ยกเลิก'), ...mainActions()] : mainActions();
}
