import { describe, expect, it } from 'vitest';
import type { InboundEvent } from '../src/conversation/event';
import type { Reply } from '../src/conversation/reply';
import { START_FLOW } from '../src/conversation/start-actions';
import {
  type ConversationState,
  lookupsFor,
  step,
  type TurnContext,
  type TurnResult,
} from '../src/features/registry';

const now = new Date('2026-11-23T03:00:00Z'); // 23 Nov 2569, 10:00 in Bangkok
const ctx: TurnContext = {
  person: { employeeId: 'E010', name: 'นางสาวจิราพร สายทอง', roles: ['staff'] },
  privacy: {
    municipalityName: 'เทศบาลตำบลบ้านสาธิต',
    retentionYears: 10,
    contact: 'งานการเจ้าหน้าที่ โทร 043-000000',
  },
};
const say = (t: string): InboundEvent => ({ kind: 'text', text: t });
const tap = (a: string, extra: Record<string, string> = {}): InboundEvent => ({
  kind: 'postback',
  payload: { a, ...extra },
});
const pickDate = (date: string): InboundEvent => ({
  kind: 'postback',
  payload: { a: 'xt.date' },
  params: { date },
});

function run(events: InboundEvent[], from?: ConversationState): TurnResult {
  let result: TurnResult = { state: from ?? { flow: null, turn: 0 }, replies: [], effects: [] };
  for (const e of events) result = step(result.state, e, now, ctx);
  return result;
}

const lastText = (r: TurnResult) => {
  const last = r.replies.at(-1) as Reply;
  return last.kind === 'text' ? last.text : last.kind === 'card' ? last.title : '';
};

const happyPath: InboundEvent[] = [
  say('แจ้งอบรมภายนอก'),
  say('การเขียนหนังสือราชการ'),
  say('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด'),
  tap('xt.method', { m: 'training' }),
  say('10/11/2569'),
  pickDate('2026-11-12'),
  say('๑๘ ชั่วโมง'),
];

describe('external training report flow', () => {
  it('walks question by question to a summary and submits one effect', () => {
    const atSummary = run(happyPath);
    expect(atSummary.state.flow).toMatchObject({ at: 'confirm' });
    const card = atSummary.replies.at(-1);
    expect(card?.kind).toBe('card');
    expect(JSON.stringify(card)).toContain('10 พฤศจิกายน 2569 – 12 พฤศจิกายน 2569');

    const done = step(atSummary.state, tap('xt.confirm'), now, ctx);
    expect(done.state.flow).toBeNull();
    expect(done.effects).toEqual([
      {
        type: 'externalTrainingSubmitted',
        training: {
          title: 'การเขียนหนังสือราชการ',
          organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
          method: 'training',
          startDate: '2026-11-10',
          endDate: '2026-11-12',
          hours: 18,
        },
      },
    ]);
  });

  it('keeps every earlier answer when an answer is invalid, and asks the same question again', () => {
    const before = run(happyPath.slice(0, 4));
    expect(before.state.flow).toMatchObject({ at: 'startDate' });
    for (const bad of ['31/2/2569', 'เมื่อวาน', '1/12/2569' /* future */, '1/1/2560' /* too old */]) {
      const r = step(before.state, say(bad), now, ctx);
      expect(r.state.flow).toEqual({ ...before.state.flow });
      expect(r.replies.length).toBe(2);
      expect(lastText(r)).toContain('วันที่เริ่มอบรม');
    }
    const endBeforeStart = run([say('10/11/2569'), say('9/11/2569')], before.state);
    expect(endBeforeStart.state.flow).toMatchObject({ at: 'endDate' });
    expect(JSON.stringify(endBeforeStart.replies)).toContain('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม');
  });

  it('refuses hours that are not a positive number of half hours', () => {
    const atHours = run(happyPath.slice(0, 6));
    for (const bad of ['หกชั่วโมง', '0', '-3', '301', '6.3']) {
      const r = step(atHours.state, say(bad), now, ctx);
      expect(r.state.flow).toMatchObject({ at: 'hours' });
      expect(r.effects).toEqual([]);
    }
    expect(step(atHours.state, say('6.5'), now, ctx).state.flow).toMatchObject({
      at: 'confirm',
      draft: { hours: 6.5 },
    });
  });

  it('goes back one question with ย้อนกลับ without losing the answers', () => {
    const r = run([...happyPath.slice(0, 3), say('ย้อนกลับ')]);
    expect(r.state.flow).toMatchObject({
      at: 'organiser',
      draft: { title: 'การเขียนหนังสือราชการ', organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' },
    });
  });

  it('edits one answer from the summary and comes back to the summary', () => {
    const atSummary = run(happyPath);
    const r = run([tap('xt.edit', { q: 'hours' }), say('12')], atSummary.state);
    expect(r.state.flow).toMatchObject({ at: 'confirm', draft: { hours: 12, title: 'การเขียนหนังสือราชการ' } });
    const dates = run(
      [tap('xt.edit', { q: 'startDate' }), say('11/11/2569'), say('11/11/2569')],
      atSummary.state,
    );
    expect(dates.state.flow).toMatchObject({
      at: 'confirm',
      draft: { startDate: '2026-11-11', endDate: '2026-11-11' },
    });
  });

  it('survives an interruption: menu, then ทำต่อ asks the pending question again', () => {
    const mid = run(happyPath.slice(0, 3));
    const menu = step(mid.state, say('เมนู'), now, ctx);
    expect(menu.state.flow).toEqual(mid.state.flow);
    expect(lastText(menu)).toContain('ทำต่อ');
    const resumed = step(menu.state, say('ทำต่อ'), now, ctx);
    expect(lastText(resumed)).toContain('รูปแบบการพัฒนา');
  });

  it('cancels cleanly with ยกเลิก and says so', () => {
    const r = run([...happyPath.slice(0, 3), say('ยกเลิก')]);
    expect(r.state.flow).toBeNull();
    expect(lastText(r)).toContain('ยกเลิก "แจ้งผลการอบรมภายนอก" แล้ว');
    expect(r.effects).toEqual([]);
  });

  it('starts from a postback button as well as from typed words', () => {
    const r = step(undefined, tap(START_FLOW, { f: 'externalTraining' }), now, ctx);
    expect(r.state.flow).toMatchObject({ flow: 'externalTraining', at: 'title' });
  });
});

describe('conversation router', () => {
  it('greets on follow with the main actions as quick replies', () => {
    const r = step(undefined, { kind: 'follow' }, now, ctx);
    const first = r.replies[0];
    expect(first?.kind === 'text' && first.quickReplies?.length).toBeGreaterThan(0);
  });

  it('never stays silent on unknown text, stickers or images', () => {
    for (const e of [
      say('สวัสดี'),
      { kind: 'unsupported', what: 'sticker' } as const,
      { kind: 'image', messageId: '1' } as const,
    ]) {
      const r = step(undefined, e, now, ctx);
      expect(r.replies.length).toBeGreaterThan(0);
    }
  });

  it('answers a sticker in kind when nothing is going on, and offers the menu', () => {
    const r = step(undefined, { kind: 'unsupported', what: 'sticker' }, now, ctx);
    expect(lastText(r)).toContain('ได้รับสติกเกอร์แล้ว');
    expect(lastText(r)).not.toContain('ไม่เข้าใจ');
    const first = r.replies[0];
    expect(first?.kind === 'text' && first.quickReplies?.length).toBeGreaterThan(0);
  });

  it('after ยกเลิก says that what was typed is not kept', () => {
    const mid = run(happyPath.slice(0, 2));
    const r = step(mid.state, say('ยกเลิก'), now, ctx);
    expect(lastText(r)).toContain('ไม่ได้เก็บไว้');
  });

  it('answers a stale button politely and re-asks the pending question', () => {
    const mid = run(happyPath.slice(0, 2));
    const r = step(mid.state, { kind: 'stalePostback', reason: 'expired' }, now, ctx);
    expect(JSON.stringify(r.replies)).toContain('หมดอายุ');
    expect(lastText(r)).toContain('หน่วยงานที่จัด');
    expect(r.state.flow).toEqual(mid.state.flow);
  });

  it('counts turns', () => {
    expect(run([say('a'), say('b'), say('c')]).state.turn).toBe(3);
  });
});

describe('words and buttons outside any flow', () => {
  it('the rich-menu word แบบสำรวจ starts the survey flow, which looks up the open surveys', () => {
    expect(lookupsFor(undefined, say('แบบสำรวจ'))).toEqual([{ type: 'myOpenSurveys' }]);
  });

  it('a button of a finished flow says so instead of "not understood"', () => {
    const r = step(undefined, { kind: 'postback', payload: { a: 'sv.s' } }, now, ctx);
    expect(lastText(r)).toContain('จบไปแล้ว');
    expect(lastText(r)).not.toContain('ยังไม่เข้าใจ');
    expect(r.effects).toEqual([]);
  });
});
