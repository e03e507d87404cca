import { politeName } from '../people/polite-name';
import { globalCommand, normaliseInput } from './commands';
import type { TurnContext } from './context';
import type { InboundEvent } from './event';
import type { ChatFeature } from './feature';
import type { Flow, Typed } from './flow';
import { type Action, type Reply, say, text } from './reply';
import { mainActions, START_FLOW } from './start-actions';
import { type ConversationState, EMPTY_CONVERSATION } from './state';

export interface TurnResult<S extends { readonly flow: string } = { readonly flow: string }, E = Typed> {
  readonly state: ConversationState<S>;
  readonly replies: readonly Reply[];
  readonly effects: readonly E[];
}

export { mainActions, START_FLOW } from './start-actions';

/** The conversation's brain for a list of features: `step` and what it needs looked up first. */
export interface Conversation<S extends { readonly flow: string }, E extends Typed, L extends Typed, X> {
  /** What the active flow needs looked up for this event, inside the turn's transaction. */
  lookupsFor(current: ConversationState<S> | undefined, event: InboundEvent): readonly L[];
  /**
   * One conversational turn: the whole bot's brain as a pure function. Global words (ยกเลิก, เมนู,
   * ทำต่อ) work everywhere; otherwise the active flow handles the event; otherwise we help. Flows that
   * store data about a person wait until the LINE account is linked (after the privacy notice).
   */
  step(
    current: ConversationState<S> | undefined,
    event: InboundEvent,
    now: Date,
    ctx: TurnContext<X>,
  ): TurnResult<S, E>;
}

/**
 * Builds the conversation from its features, like a router from its routes: the kernel names no
 * feature, each brings its flow, start words, menu line and instant answers.
 */
export function createConversation<S extends { readonly flow: string }, E extends Typed, L extends Typed, X>(
  features: readonly ChatFeature<S, E, L, X>[],
): Conversation<S, E, L, X> {
  const flows = new Map<string, Flow<S, E, L, X>>();
  const startWords = new Map<string, string>();
  const instants = features.flatMap((f) => (f.instant ? [f.instant] : []));
  for (const f of features) {
    if (flows.has(f.flow.id)) throw new Error(`two features for flow ${f.flow.id}`);
    flows.set(f.flow.id, f.flow);
    for (const w of f.startWords ?? []) {
      const key = normaliseInput(w);
      const taken = startWords.get(key);
      if (taken) throw new Error(`start word "${w}" belongs to ${taken} and ${f.flow.id}`);
      startWords.set(key, f.flow.id);
    }
  }
  const registrations = features.filter((f) => f.registration);
  if (registrations.length > 1) throw new Error('only one feature may register people');
  const registration = registrations[0]?.flow;
  const menuLines = features.flatMap((f) => (f.menuLine ? [`• ${f.menuLine}`] : []));

  /** The flow this event starts, if it is a start button or a start word. */
  const startedFlow = (event: InboundEvent): Flow<S, E, L, X> | undefined => {
    const id =
      event.kind === 'postback' && event.payload.a === START_FLOW
        ? event.payload.f
        : event.kind === 'text'
          ? startWords.get(normaliseInput(event.text))
          : undefined;
    return typeof id === 'string' ? flows.get(id) : undefined;
  };

  const lookupsFor: Conversation<S, E, L, X>['lookupsFor'] = (current, event) => {
    const starting = startedFlow(event);
    if (starting) return starting.lookups?.(undefined, event) ?? [];
    const flowState = current?.flow;
    if (!flowState) return [];
    return flows.get(flowState.flow)?.lookups?.(flowState, event) ?? [];
  };

  const menu = (state: ConversationState<S>, ctx: TurnContext<X>): Reply => {
    const active = state.flow ? flows.get(state.flow.flow) : undefined;
    const lines = ctx.person
      ? ['เมนู "พัฒนา"', ...menuLines, '• พิมพ์ "ยกเลิก" เพื่อเลิกรายการที่ทำอยู่ได้ทุกเมื่อ']
      : ['เมนู "พัฒนา"', '• ลงทะเบียน: เชื่อมบัญชี LINE กับข้อมูลพนักงาน เพื่อใช้งานทุกเมนู'];
    if (active) lines.push(`\nคุณกำลังทำ "${active.title}" อยู่ กด "ทำต่อ" เพื่อกลับไปทำต่อ`);
    return text(lines.join('\n'), resumeOrMain(state, ctx));
  };

  const step: Conversation<S, E, L, X>['step'] = (current, event, now, ctx) => {
    const state: ConversationState<S> = current ?? EMPTY_CONVERSATION;
    const turn = state.turn + 1;
    const active = state.flow ? flows.get(state.flow.flow) : undefined;
    const keep = (replies: readonly Reply[]): TurnResult<S, E> => ({
      state: { ...state, turn },
      replies,
      effects: [],
    });
    /** the next conversation state; registration's guard survives its flow */
    const next = (flow: S | null): ConversationState<S> => {
      const linkGuard =
        flow && registration && flow.flow === registration.id
          ? guardOf(flow as S & { failures: number; lockedUntil?: string })
          : state.linkGuard;
      return linkGuard ? { flow, turn, linkGuard } : { flow, turn };
    };
    const start = (flow: Flow<S, E, L, X>, note: readonly Reply[] = []): TurnResult<S, E> => {
      let started = flow.start(now, ctx, event.kind === 'postback' ? event.payload : undefined);
      if (flow === registration && started.state && state.linkGuard) {
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
    const register = (note: readonly Reply[]): TurnResult<S, E> =>
      registration ? start(registration, note) : keep(note);

    switch (event.kind) {
      case 'follow':
        if (!ctx.person) {
          return register([
            text(
              'สวัสดีค่ะ ยินดีต้อนรับสู่ "พัฒนา" 🙏\nผู้ช่วยด้านการพัฒนาบุคลากรของเทศบาล: แบบสำรวจ รายงานผลการอบรม และชั่วโมงอบรมของท่าน',
            ),
          ]);
        }
        return keep([text(`ยินดีต้อนรับกลับค่ะ ${politeName(ctx.person.name)} 🙏`, mainActions(ctx))]);
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
          replies: [text(active ? cancelled(active) : 'ไม่มีรายการที่ค้างอยู่', mainActions(ctx))],
          effects: [],
        };
      }
      if (command === 'menu') return keep([menu(state, ctx)]);
      const word = normaliseInput(event.text);
      const instant = instants.find((i) => i.words.has(word));
      if (instant) {
        const r = instant.answer(now, ctx);
        return { state: { ...state, turn }, replies: r.replies, effects: r.effects };
      }
      if (command === 'resume') {
        if (active && state.flow) return keep(active.prompt(state.flow, now, ctx));
        return keep([text('ไม่มีรายการที่ค้างอยู่', mainActions(ctx))]);
      }
    }

    const flow = startedFlow(event);
    if (flow) {
      if (flow === registration && ctx.person) {
        return keep([text(`บัญชีนี้ลงทะเบียนแล้วในชื่อ ${ctx.person.name}`, mainActions(ctx))]);
      }
      if (flow.needsPerson && !ctx.person) {
        return register([text(`ก่อนใช้ "${flow.title}" กรุณาลงทะเบียนเชื่อมบัญชีกับข้อมูลพนักงานก่อนค่ะ`)]);
      }
      const note =
        active && active !== flow ? [text(`หยุด "${active.title}" ไว้ก่อน และเริ่ม "${flow.title}"`)] : [];
      return start(flow, note);
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
    if (event.kind === 'unsupported' && event.what === 'sticker') {
      // a sticker is a greeting or a thank-you, not a request: answer in kind and offer the way on
      return keep([
        text('😊 ได้รับสติกเกอร์แล้วค่ะ\nหากต้องการทำรายการ เลือกจากปุ่มด้านล่าง หรือพิมพ์ "เมนู"', mainActions(ctx)),
      ]);
    }
    return keep([text('ขออภัย ยังไม่เข้าใจข้อความนี้ 🙏\nเลือกสิ่งที่ต้องการจากปุ่มด้านล่าง หรือพิมพ์ "เมนู"', mainActions(ctx))]);
  };

  return { step, lookupsFor };
}

const cancelled = (f: { readonly title: string; readonly onCancel?: string }) =>
  f.onCancel ? `ยกเลิก "${f.title}" แล้ว\n${f.onCancel}` : `ยกเลิก "${f.title}" แล้ว`;

const guardOf = (flow: { failures: number; lockedUntil?: string }) => ({
  failures: flow.failures,
  lockedUntil: flow.lockedUntil,
});

function resumeOrMain(state: ConversationState, ctx: TurnContext<unknown>): Action[] {
  return state.flow ? [say('ทำต่อ'), say('ยกเลิก'), ...mainActions(ctx)] : mainActions(ctx);
}
