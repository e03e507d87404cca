import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../src/conversation/event';
import type { Reply } from '../src/conversation/reply';
import { START_FLOW } from '../src/conversation/start-actions';
import { type ConversationState, step, type TurnContext, type TurnResult } from '../src/features/registry';

const now = new Date('2026-01-14T03:00:00Z');
const privacy = { municipalityName: 'เทศบาลตำบลบ้านสาธิต', retentionYears: 10, contact: 'งานการเจ้าหน้าที่' };
const hr: TurnContext = {
  person: { employeeId: 'E004', name: 'นางสาวปิยะนุช แก้วมณี', roles: ['staff', 'hr'] },
  privacy,
};
const staff: TurnContext = {
  person: { employeeId: 'E010', name: 'นางสาวจิราพร สายทอง', roles: ['staff'] },
  privacy,
};
const say = (t: string): InboundEvent => ({ kind: 'text', text: t });
const tap = (a: string, extra: Record<string, string | number> = {}): InboundEvent => ({
  kind: 'postback',
  payload: { a, ...extra },
});

function run(events: InboundEvent[], ctx: TurnContext, from?: ConversationState): TurnResult {
  let result: TurnResult = { state: from ?? { flow: null, turn: 0 }, replies: [], effects: [] };
  for (const e of events) result = step(result.state, e, now, ctx);
  return result;
}
const texts = (replies: readonly Reply[]) =>
  replies.map((r) => (r.kind === 'text' ? r.text : r.kind === 'card' ? r.title : r.url)).join('\n');

describe('HR broadcast flow', () => {
  it('asks HR for the group, then asks the edge for a preview and says it is preparing', () => {
    const started = run([say('แจ้งเตือนผู้ค้างส่ง')], hr);
    expect(started.state.flow).toEqual({ flow: 'hrBroadcast', at: 'choose' });
    const first = started.replies[0];
    expect(first?.kind === 'text' && first.quickReplies?.map((a) => a.label)).toEqual([
      'ทุกคนที่ค้างส่ง',
      'เฉพาะที่เลยกำหนด',
      'ครบกำหนดใน 3 วันทำการ',
      'เลือกกอง',
      'ยกเลิก',
    ]);
    const chosen = run([tap('hb.filter', { kind: 'overdue' })], hr, started.state);
    expect(chosen.effects).toEqual([
      {
        type: 'broadcastRequested',
        broadcastId: expect.any(String),
        filter: { kind: 'overdue' },
        today: '2026-01-14',
      },
    ]);
    expect(texts(chosen.replies)).toContain('กำลังเตรียม');
    expect(chosen.state.flow).toMatchObject({
      flow: 'hrBroadcast',
      at: 'preview',
      filter: { kind: 'overdue' },
    });
  });

  it('starts from a postback too, and takes a typed division', () => {
    const r = run(
      [tap(START_FLOW, { f: 'hrBroadcast' }), tap('hb.filter', { kind: 'division' }), say('กองคลัง')],
      hr,
    );
    expect(r.effects[0]).toMatchObject({
      type: 'broadcastRequested',
      filter: { kind: 'division', divisionId: 'กองคลัง' },
    });
  });

  it('politely refuses people who are not HR', () => {
    const r = run([say('แจ้งเตือนผู้ค้างส่ง')], staff);
    expect(r.state.flow).toBeNull();
    expect(r.effects).toEqual([]);
    expect(texts(r.replies)).toContain('เฉพาะเจ้าหน้าที่ฝ่ายบุคคล');
  });

  it('confirms the previewed broadcast once; a second tap finds nothing to confirm', () => {
    const asked = run([say('แจ้งเตือนผู้ค้างส่ง'), tap('hb.filter', { kind: 'allPending' })], hr);
    const id = (asked.state.flow as { broadcastId: string }).broadcastId;
    const confirmed = run([tap('hb.confirm', { b: id })], hr, asked.state);
    expect(confirmed.effects).toEqual([
      { type: 'broadcastConfirmed', broadcastId: id, confirmedAt: now.toISOString() },
    ]);
    expect(confirmed.state.flow).toBeNull();
    const again = run([tap('hb.confirm', { b: id })], hr, confirmed.state);
    expect(again.effects).toEqual([]);
  });

  it('ignores a button of an older preview and cancels with the card’s cancel', () => {
    const asked = run([say('แจ้งเตือนผู้ค้างส่ง'), tap('hb.filter', { kind: 'allPending' })], hr);
    const id = (asked.state.flow as { broadcastId: string }).broadcastId;
    const old = run([tap('hb.confirm', { b: 'older' })], hr, asked.state);
    expect(old.effects).toEqual([]);
    expect(old.state.flow).toEqual(asked.state.flow);
    const cancelled = run([tap('hb.cancel', { b: id })], hr, asked.state);
    expect(cancelled.effects).toEqual([{ type: 'broadcastCancelled', broadcastId: id }]);
    expect(cancelled.state.flow).toBeNull();
  });

  it('refuses the confirm when the person is no longer HR', () => {
    const asked = run([say('แจ้งเตือนผู้ค้างส่ง'), tap('hb.filter', { kind: 'allPending' })], hr);
    const id = (asked.state.flow as { broadcastId: string }).broadcastId;
    const r = run([tap('hb.confirm', { b: id })], staff, asked.state);
    expect(r.effects).toEqual([]);
    expect(texts(r.replies)).toContain('เฉพาะเจ้าหน้าที่ฝ่ายบุคคล');
  });
});
