import { describe, expect, it } from 'vitest';
import {
  budgetDecision,
  type DigestItem,
  digestReplies,
  nextSendingTime,
  quotaMonthOf,
  type Reply,
  sendingNoteLines,
} from '../../src';

const card = (title: string): Reply => ({ kind: 'card', title, actions: [], altText: `แจ้ง: ${title}` });
const item = (key: string, priority: DigestItem['priority'], n = 1): DigestItem => ({
  key,
  priority,
  replies: Array.from({ length: n }, (_, i) => card(`${key}${n > 1 ? i : ''}`)),
});

describe('budget decisions', () => {
  const reading = (used: number, limit: number | null = 100) => ({ month: '2026-12', limit, used });

  it('sends anything when no limit is set', () => {
    expect(budgetDecision(reading(10_000, null), 500, 'optional')).toEqual({ send: true });
  });

  it('stops optional messages when only the essential reserve is left, essential ones at the limit', () => {
    expect(budgetDecision(reading(89), 1, 'optional')).toEqual({ send: true });
    expect(budgetDecision(reading(90), 1, 'optional')).toEqual({
      send: false,
      reason: 'reservedForEssential',
    });
    expect(budgetDecision(reading(90), 10, 'essential')).toEqual({ send: true });
    expect(budgetDecision(reading(95), 6, 'essential')).toEqual({ send: false, reason: 'monthlyLimit' });
    expect(budgetDecision(reading(100), 1, 'optional')).toEqual({ send: false, reason: 'monthlyLimit' });
  });

  it('counts LINE’s month in Japan time', () => {
    expect(quotaMonthOf(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12');
    expect(quotaMonthOf(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01');
  });
});

describe('the morning digest', () => {
  it('puts essential items first and keeps every item’s own message when five fit', () => {
    const r = digestReplies([
      item('early', 'optional'),
      item('due', 'essential'),
      item('survey', 'optional'),
    ]);
    expect(r.map((x) => (x.kind === 'card' ? x.title : ''))).toEqual(['due', 'early', 'survey']);
  });

  it('lists what does not fit in one closing text, so a push never holds more than five messages', () => {
    const items = Array.from({ length: 7 }, (_, i) => item(`i${i}`, i === 6 ? 'essential' : 'optional'));
    const r = digestReplies(items);
    expect(r).toHaveLength(5);
    expect(r[0]).toMatchObject({ title: 'i6' });
    const last = r[4];
    expect(last?.kind).toBe('text');
    expect(last?.kind === 'text' && last.text).toContain('และอีก 3 เรื่อง');
    expect(last?.kind === 'text' && last.text).toContain('แจ้ง: i5');
  });
});

describe('the broadcast preview’s sending notes', () => {
  it('says when it will go out, what it costs of what is left, and who was just reminded', () => {
    const lines = sendingNoteLines({ sendsAt: '08:00', cost: 120, remaining: 80, remindedWithinDay: 12 });
    expect(lines).toEqual([
      'ขณะนี้อยู่นอกเวลาส่งข้อความ จะส่งเวลา 08:00 น.',
      'ใช้ 120 ข้อความ จากที่เหลือเดือนนี้ 80 ข้อความ',
      '⚠️ โควตาข้อความเดือนนี้ไม่พอ บางคนจะยังไม่ได้รับจนกว่าโควตาจะเปิดอีกครั้ง',
      '⚠️ 12 คนในกลุ่มนี้เพิ่งได้รับการแจ้งเตือนภายใน 24 ชั่วโมงที่ผ่านมา',
    ]);
    expect(sendingNoteLines({ sendsAt: null, cost: 3, remaining: null, remindedWithinDay: 0 })).toEqual([
      'ใช้ 3 ข้อความ LINE',
    ]);
  });

  it('holds what comes up at night until the next 08:00 in Bangkok', () => {
    expect(nextSendingTime(new Date('2026-12-16T23:34:00+07:00')).toISOString()).toBe(
      '2026-12-17T01:00:00.000Z',
    );
    expect(nextSendingTime(new Date('2026-12-17T06:10:00+07:00')).toISOString()).toBe(
      '2026-12-17T01:00:00.000Z',
    );
    const day = new Date('2026-12-17T13:00:00+07:00');
    expect(nextSendingTime(day)).toBe(day);
  });
});
