import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LinePlatform, MONTHLY_LIMIT_MESSAGE, startLinePlatform } from '../src/line-platform';

// The monthly message quota as LINE counts it, over real HTTP: per recipient per request, replies free,
// 429 with LINE's monthly-limit body once a send would pass it, a fresh count in a new (Japan-time) month.

const token = 'line-platform-quota-token';
let platform: LinePlatform;

beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: token });
});
afterAll(() => platform.close());
beforeEach(() => platform.reset());

const newUser = (following = true) => {
  const id = `U${randomUUID().replaceAll('-', '')}`;
  platform.setFollowing(id, following);
  return id;
};
const texts = (...t: string[]) => t.map((text) => ({ type: 'text', text }));

async function line(method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const usage = async () => (await line('GET', '/v2/bot/message/quota/consumption')).body.totalUsage;

describe('message quota', () => {
  it('answers no limit until one is set, and counts per recipient, not per message object', async () => {
    expect((await line('GET', '/v2/bot/message/quota')).body).toEqual({ type: 'none' });
    expect(await usage()).toBe(0);
    const [a, b, c] = [newUser(), newUser(), newUser()];
    const blocked = newUser(false);
    // three bubbles to one person: one message
    expect(
      (await line('POST', '/v2/bot/message/push', { to: a, messages: texts('1', '2', '3') })).status,
    ).toBe(200);
    expect(await usage()).toBe(1);
    // a multicast counts each recipient who can receive it; the blocked one is not counted
    await line('POST', '/v2/bot/message/multicast', { to: [a, b, c, blocked], messages: texts('x', 'y') });
    expect(await usage()).toBe(4);
    // replies are free
    await line('POST', '/v2/bot/message/reply', {
      replyToken: platform.issueReplyToken(a),
      messages: texts('ตอบ'),
    });
    expect(await usage()).toBe(4);
    // a push LINE refuses (not a friend) is not counted
    expect((await line('POST', '/v2/bot/message/push', { to: blocked, messages: texts('x') })).status).toBe(
      400,
    );
    expect(await usage()).toBe(4);
  });

  it('refuses a send that would pass the limit with 429 and LINE’s monthly-limit body, then opens again next month', async () => {
    platform.setClock(new Date('2026-12-31T12:00:00Z')); // 21:00 in Japan, still December
    await fetch(`${platform.url}/__control/quota`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'limited', value: 3 }),
    });
    expect((await line('GET', '/v2/bot/message/quota')).body).toEqual({ type: 'limited', value: 3 });
    const [a, b, c] = [newUser(), newUser(), newUser()];
    await line('POST', '/v2/bot/message/push', { to: a, messages: texts('1') });
    // two left: a multicast to three is refused whole, nothing delivered or counted
    const over = await line('POST', '/v2/bot/message/multicast', { to: [a, b, c], messages: texts('x') });
    expect(over).toEqual({ status: 429, body: { message: MONTHLY_LIMIT_MESSAGE } });
    expect(platform.messagesFor(b)).toEqual([]);
    expect(await usage()).toBe(1);
    await line('POST', '/v2/bot/message/multicast', { to: [b, c], messages: texts('x') });
    expect(await usage()).toBe(3);
    const full = await line('POST', '/v2/bot/message/push', { to: a, messages: texts('2') });
    expect(full).toEqual({ status: 429, body: { message: MONTHLY_LIMIT_MESSAGE } });
    // replies still work in a closed month
    const reply = await line('POST', '/v2/bot/message/reply', {
      replyToken: platform.issueReplyToken(a),
      messages: texts('ตอบ'),
    });
    expect(reply.status).toBe(200);

    // 15:00 UTC on 31 Dec is midnight in Japan: LINE's new month
    platform.setClock(new Date('2026-12-31T15:00:00Z'));
    expect(await usage()).toBe(0);
    expect((await line('POST', '/v2/bot/message/push', { to: a, messages: texts('3') })).status).toBe(200);
    expect(await usage()).toBe(1);
  });

  it('lets HR raise the plan mid-month: the same month’s count against a higher limit', async () => {
    platform.setQuota({ type: 'limited', value: 1 });
    const a = newUser();
    await line('POST', '/v2/bot/message/push', { to: a, messages: texts('1') });
    expect((await line('POST', '/v2/bot/message/push', { to: a, messages: texts('2') })).status).toBe(429);
    platform.setQuota({ type: 'limited', value: 5 });
    expect((await line('POST', '/v2/bot/message/push', { to: a, messages: texts('2') })).status).toBe(200);
    expect(await usage()).toBe(2);
  });
});
