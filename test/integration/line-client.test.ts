import {
  createHttpLineClient,
  LineApiError,
  LineMonthlyLimitError,
  LineUnavailableError,
} from '@phattana/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LinePlatform, startLinePlatform } from '../../dev/src/line-platform';

let platform: LinePlatform;
const token = 'client-test-token';
const client = (extra: Partial<Parameters<typeof createHttpLineClient>[0]> = {}) =>
  createHttpLineClient({
    channelAccessToken: token,
    apiBase: platform.url,
    dataBase: platform.url,
    backoffMs: 5,
    ...extra,
  });

beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: token });
});
afterAll(() => platform.close());

const user = 'U0123456789abcdef0123456789abcdef';
const text = (t: string) => ({ type: 'text' as const, text: t });

describe('the fake LINE platform rejects what LINE would reject', () => {
  it('refuses six messages in one reply', async () => {
    const replyToken = platform.issueReplyToken(user);
    const err = await client()
      .reply(
        replyToken,
        Array.from({ length: 6 }, (_, i) => text(`ข้อความ ${i}`)),
      )
      .catch((e) => e);
    expect(err).toBeInstanceOf(LineApiError);
    expect((err as LineApiError).status).toBe(400);
    expect(platform.messagesFor(user)).toEqual([]);
  });

  it('refuses a 21-character quick reply label', async () => {
    const replyToken = platform.issueReplyToken(user);
    const message = {
      type: 'text' as const,
      text: 'เลือก',
      quickReply: {
        items: [
          { type: 'action' as const, action: { type: 'message' as const, label: 'a'.repeat(21), text: 'a' } },
        ],
      },
    };
    const err = (await client()
      .reply(replyToken, [message])
      .catch((e) => e)) as LineApiError;
    expect(err.status).toBe(400);
    expect(JSON.stringify(err.body)).toContain('label');
  });
});

describe('LINE client behaviour', () => {
  it('sends X-Line-Retry-Key and treats 409 as already accepted, so a retried push delivers once', async () => {
    platform.setFollowing(user, true);
    const before = platform.messagesFor(user).length;
    const key = '8c2d1c5e-9f6a-4b7e-8d3c-2a1b0c9d8e7f';
    await client().push(user, [text('เตือนส่งรายงาน')], key);
    await client().push(user, [text('เตือนส่งรายงาน')], key);
    expect(platform.messagesFor(user).length - before).toBe(1);
    expect(
      platform
        .requests({ path: '/v2/bot/message/push' })
        .slice(-2)
        .map((r) => r.status),
    ).toEqual([200, 409]);
  });

  it('backs off on 429 and then succeeds', async () => {
    platform.injectFault({ path: '/v2/bot/message/push', status: 429, count: 2, retryAfterSec: 1 });
    const waits: number[] = [];
    await client({ sleep: async (ms) => void waits.push(ms) }).push(user, [text('x')], crypto.randomUUID());
    expect(waits).toEqual([1000, 1000]);
  });

  it('gives up with a typed error when LINE does not answer in time', async () => {
    platform.injectFault({ path: '/v2/bot/profile/*', delayMs: 500, count: 3 });
    const err = await client({ timeoutMs: 100, maxAttempts: 3 })
      .getProfile(user)
      .catch((e) => e);
    expect(err).toBeInstanceOf(LineUnavailableError);
  });

  it('does not retry a 400', async () => {
    const before = platform.requests({ path: '/v2/bot/message/reply' }).length;
    await client()
      .reply('not-a-token', [text('x')])
      .catch(() => undefined);
    expect(platform.requests({ path: '/v2/bot/message/reply' }).length - before).toBe(1);
  });

  it('reads the monthly quota and this month’s consumption', async () => {
    platform.setQuota({ type: 'limited', value: 1000 });
    const c = client();
    expect(await c.getMessageQuota()).toEqual({ type: 'limited', value: 1000 });
    const used = await c.getMessageQuotaConsumption();
    await c.push(user, [text('1'), text('2')], crypto.randomUUID());
    expect(await c.getMessageQuotaConsumption()).toBe(used + 1);
    platform.setQuota({ type: 'none' });
    expect(await c.getMessageQuota()).toEqual({ type: 'none' });
  });

  it('never retries into a closed monthly quota: one request, a typed error, unlike a rate-limit 429', async () => {
    platform.setFollowing(user, true);
    const c = client({ sleep: async () => undefined });
    platform.setQuota({ type: 'limited', value: await c.getMessageQuotaConsumption() });
    const before = platform.requests({ path: '/v2/bot/message/push' }).length;
    const err = await c.push(user, [text('x')], crypto.randomUUID()).catch((e) => e);
    expect(err).toBeInstanceOf(LineMonthlyLimitError);
    expect(err).toBeInstanceOf(LineApiError);
    expect((err as LineMonthlyLimitError).status).toBe(429);
    expect(platform.requests({ path: '/v2/bot/message/push' }).length - before).toBe(1);
    platform.setQuota({ type: 'none' });
  });
});
