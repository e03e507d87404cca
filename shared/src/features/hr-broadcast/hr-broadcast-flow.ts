import { type BroadcastFilter, describeFilter, parseFilter } from '../../broadcast/broadcast-filter';
import { BROADCAST_POSTBACK, broadcastIdFor, cancelBroadcastAction } from '../../broadcast/broadcast-preview';
import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type Reply, say, text } from '../../conversation/reply';
import { graphemeLength } from '../../text/graphemes';
import { bangkokDate } from '../../text/thai-date';
import type { HrBroadcastEffect } from './hr-broadcast-edge';

// "แจ้งเตือนผู้ค้างส่ง": HR reminds everyone who still owes a post-training report, or a group of them.
// HR picks the group; the edge prepares the list off the webhook's path and pushes a preview card with
// the count; nothing is sent until HR confirms on that card. The confirm is accepted only while this
// flow waits for that very broadcast, and the flow ends with it, so a second tap or a redelivered
// event cannot queue it twice (the conversation document is read and written in the turn's transaction).

export interface HrBroadcastState {
  readonly flow: 'hrBroadcast';
  readonly at: 'choose' | 'division' | 'preview';
  /** set once the preview was asked for */
  readonly broadcastId?: string;
  readonly filter?: BroadcastFilter;
}

export const HR_BROADCAST_FLOW = 'hrBroadcast';
/** Working days ahead for the "due soon" group. */
export const DUE_SOON_WORKING_DAYS = 3;
const DIVISION_MAX = 100;

const P = { filter: 'hb.filter' } as const;
const CANCEL: Action = say('ยกเลิก');

const isHr = (ctx: TurnContext) => ctx.person?.roles.includes('hr') === true;

const filterAction = (label: string, filter: Record<string, string | number>): Action => ({
  type: 'postback',
  label,
  data: { a: P.filter, ...filter },
  displayText: label,
});

export const hrBroadcastFlow: Flow<HrBroadcastState, HrBroadcastEffect> = {
  id: HR_BROADCAST_FLOW,
  title: 'แจ้งเตือนผู้ค้างส่งรายงาน',
  needsPerson: true,
  start(_now, ctx) {
    if (!isHr(ctx)) return { state: null, replies: [refusal()] };
    const state: HrBroadcastState = { flow: 'hrBroadcast', at: 'choose' };
    return { state, replies: ask(state) };
  },
  step,
  prompt: (state) => ask(state),
};

function step(
  state: HrBroadcastState,
  event: InboundEvent,
  now: Date,
  ctx: TurnContext,
): FlowStep<HrBroadcastState, HrBroadcastEffect> {
  // roles can change while a flow waits (e.g. HR duty handed over): check on every step
  if (!isHr(ctx)) return { state: null, replies: [refusal()] };
  if (event.kind === 'text' && globalCommand(event.text) === 'back') {
    if (state.at === 'division')
      return { state: { flow: 'hrBroadcast', at: 'choose' }, replies: ask({ ...state, at: 'choose' }) };
    return { state, replies: [text('นี่คือขั้นแรกแล้ว'), ...ask(state)] };
  }
  switch (state.at) {
    case 'choose': {
      const filter = chosenFilter(event);
      if (filter === 'division') {
        const s: HrBroadcastState = { flow: 'hrBroadcast', at: 'division' };
        return { state: s, replies: ask(s) };
      }
      if (!filter) return { state, replies: [text('กรุณาเลือกกลุ่มผู้รับจากปุ่มด้านล่าง'), ...ask(state)] };
      return requestPreview(filter, now, ctx);
    }
    case 'division': {
      if (event.kind !== 'text') return { state, replies: ask(state) };
      const typed = event.text.trim().replace(/\s+/g, ' ');
      if (graphemeLength(typed) < 2 || graphemeLength(typed) > DIVISION_MAX)
        return { state, replies: [text('กรุณาพิมพ์ชื่อกองหรือรหัสกอง เช่น กองคลัง'), ...ask(state)] };
      // the edge matches it against the municipality's divisions (by id or name) when it prepares
      return requestPreview({ kind: 'division', divisionId: typed }, now, ctx);
    }
    case 'preview':
      return onPreview(state, event, now);
  }
}

function chosenFilter(event: InboundEvent): BroadcastFilter | 'division' | undefined {
  if (event.kind === 'postback' && event.payload.a === P.filter) {
    if (event.payload.kind === 'division') return 'division';
    return parseFilter(event.payload);
  }
  if (event.kind !== 'text') return undefined;
  const t = normaliseInput(event.text);
  if (t.includes('ทุกคน')) return { kind: 'allPending' };
  if (t.includes('เลยกำหนด')) return { kind: 'overdue' };
  if (t.includes('ใกล้') || t.includes('ครบกำหนด'))
    return { kind: 'dueWithin', workingDays: DUE_SOON_WORKING_DAYS };
  if (t.includes('กอง')) return 'division';
  return undefined;
}

function requestPreview(
  filter: BroadcastFilter,
  now: Date,
  ctx: TurnContext,
): FlowStep<HrBroadcastState, HrBroadcastEffect> {
  const broadcastId = broadcastIdFor(ctx.person?.employeeId ?? 'unknown', now);
  return {
    state: { flow: 'hrBroadcast', at: 'preview', broadcastId, filter },
    replies: [
      text(
        `กำลังเตรียมรายชื่อ: ${describeFilter(filter)} ⏳\nสักครู่ระบบจะส่งจำนวนผู้รับและตัวอย่างข้อความให้ตรวจก่อน ยังไม่มีการส่งจนกว่าจะกด "ยืนยันส่ง"`,
      ),
    ],
    effects: [{ type: 'broadcastRequested', broadcastId, filter, today: bangkokDate(now) }],
  };
}

function onPreview(
  state: HrBroadcastState,
  event: InboundEvent,
  now: Date,
): FlowStep<HrBroadcastState, HrBroadcastEffect> {
  const id = state.broadcastId;
  if (!id) return { state: null, replies: [text('ไม่พบรายการนี้แล้ว กรุณาเริ่มใหม่')] };
  if (
    event.kind === 'postback' &&
    (event.payload.a === BROADCAST_POSTBACK.confirm || event.payload.a === BROADCAST_POSTBACK.cancel)
  ) {
    if (event.payload.b !== id)
      return { state, replies: [text('ปุ่มนี้เป็นของรายการเก่า กรุณาใช้การ์ดตัวอย่างล่าสุด'), ...ask(state)] };
    if (event.payload.a === BROADCAST_POSTBACK.cancel)
      return {
        state: null,
        replies: [text('ยกเลิกการส่งแจ้งเตือนแล้ว ไม่มีการส่งข้อความใด ๆ')],
        effects: [{ type: 'broadcastCancelled', broadcastId: id }],
      };
    return {
      state: null,
      replies: [text('รับคำยืนยันแล้ว กำลังส่งแจ้งเตือน 📤\nเมื่อส่งเสร็จระบบจะแจ้งจำนวนผู้ที่ได้รับให้ทราบ')],
      effects: [{ type: 'broadcastConfirmed', broadcastId: id, confirmedAt: now.toISOString() }],
    };
  }
  return { state, replies: ask(state) };
}

function refusal(): Reply {
  return text('ขออภัยค่ะ การแจ้งเตือนผู้ค้างส่งใช้ได้เฉพาะเจ้าหน้าที่ฝ่ายบุคคล หากต้องการให้แจ้งเตือน กรุณาติดต่องานการเจ้าหน้าที่ 🙏');
}

function ask(state: HrBroadcastState): Reply[] {
  switch (state.at) {
    case 'choose':
      return [
        text('แจ้งเตือนผู้ค้างส่งรายงานผลการฝึกอบรม 📣\nต้องการส่งถึงกลุ่มใด', [
          filterAction('ทุกคนที่ค้างส่ง', { kind: 'allPending' }),
          filterAction('เฉพาะที่เลยกำหนด', { kind: 'overdue' }),
          filterAction(`ครบกำหนดใน ${DUE_SOON_WORKING_DAYS} วันทำการ`, {
            kind: 'dueWithin',
            workingDays: DUE_SOON_WORKING_DAYS,
          }),
          filterAction('เลือกกอง', { kind: 'division' }),
          CANCEL,
        ]),
      ];
    case 'division':
      return [text('พิมพ์ชื่อกองหรือรหัสกองที่ต้องการแจ้งเตือน เช่น กองคลัง', [say('ย้อนกลับ'), CANCEL])];
    case 'preview':
      return [
        text(
          'รอตรวจการ์ดตัวอย่าง แล้วกด "ยืนยันส่ง" เพื่อส่ง หรือ "ยกเลิก" (การ์ดจะมาถึงในไม่กี่วินาที)',
          state.broadcastId ? [cancelBroadcastAction(state.broadcastId)] : [CANCEL],
        ),
      ];
  }
}
