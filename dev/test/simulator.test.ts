import { createHmac } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEntry } from '../src/simulator';
import { type SimulatorStack, startSimulatorStack } from '../src/simulator/stack';
import type { StubBot } from '../src/simulator/stub-bot';
import {
  buildFollowEvent,
  buildImageEvent,
  buildPostbackEvent,
  buildTextEvent,
  buildUnfollowEvent,
  newUserId,
  newWebhookEventId,
  signBody,
} from '../src/simulator/webhook-events';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
// 1x1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('webhook-events (pure)', () => {
  it('makes ULID-like webhook event ids, time-ordered', () => {
    const a = newWebhookEventId(1_700_000_000_000);
    const b = newWebhookEventId(1_700_000_000_001);
    expect(a).toMatch(ULID);
    expect(a.slice(0, 10) < b.slice(0, 10)).toBe(true);
    expect(newWebhookEventId()).not.toBe(newWebhookEventId());
  });

  it('signs like LINE: base64(HMAC-SHA256(secret, body))', () => {
    const body = '{"destination":"U1","events":[]}';
    expect(signBody('secret', body)).toBe(createHmac('sha256', 'secret').update(body).digest('base64'));
    expect(signBody('secret', Buffer.from(body))).toBe(signBody('secret', body));
  });

  it('builds real-shaped events', () => {
    const userId = newUserId();
    expect(userId).toMatch(/^U[0-9a-f]{32}$/);
    const text = buildTextEvent({ userId, text: 'สวัสดี', replyToken: 'rt' });
    expect(text).toMatchObject({
      type: 'message',
      mode: 'active',
      source: { type: 'user', userId },
      deliveryContext: { isRedelivery: false },
      replyToken: 'rt',
      message: { type: 'text', text: 'สวัสดี' },
    });
    expect(text.message.id).toMatch(/^\d{18}$/);
    expect(text.message.quoteToken.length).toBeGreaterThan(20);
    expect(text.webhookEventId).toMatch(ULID);
    expect(buildPostbackEvent({ userId, data: 'a=1', replyToken: 'rt' }).postback).toEqual({ data: 'a=1' });
    expect(
      buildPostbackEvent({ userId, data: 'a=1', params: { date: '2025-01-02' }, replyToken: 'rt' }).postback,
    ).toEqual({ data: 'a=1', params: { date: '2025-01-02' } });
    expect(buildFollowEvent({ userId, replyToken: 'rt' }).follow).toEqual({ isUnblocked: false });
    expect(buildUnfollowEvent({ userId })).not.toHaveProperty('replyToken');
    expect(buildImageEvent({ userId, replyToken: 'rt', messageId: '1' }).message).toMatchObject({
      id: '1',
      type: 'image',
      contentProvider: { type: 'line' },
    });
  });
});

describe('LINE simulator router', () => {
  let stack: SimulatorStack;
  let stub: StubBot;
  let base = '';

  beforeAll(async () => {
    stack = await startSimulatorStack({
      demoUsers: [{ userId: 'U0001dddddddddddddddddddddddddddd', displayName: 'นายสมชาย ใจดี', note: 'นายก' }],
    });
    stub = stack.bot as unknown as StubBot;
    base = stack.simulatorUrl;
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function send(userId: string, event: object) {
    const res = await fetch(`${base}api/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, event }),
    });
    return {
      http: res.status,
      body: (await res.json()) as { status: number; webhookEventId: string; error?: string },
    };
  }
  async function messages(userId: string): Promise<ChatEntry[]> {
    const res = await fetch(`${base}api/messages?userId=${userId}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { userId: string; messages: ChatEntry[] };
    expect(body.userId).toBe(userId);
    return body.messages;
  }
  const lastReceived = () => stub.received[stub.received.length - 1]!;
  const lastEvent = () => (lastReceived().body as { events: Array<Record<string, unknown>> }).events[0]!;

  it('serves the page', async () => {
    const redirect = await fetch(base.replace(/\/$/, ''), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/simulator/');
    const html = await (await fetch(base)).text();
    expect(html).toContain('data-testid="user-picker"');
    expect(html).toContain('lang="th"');
    const js = await fetch(`${base}simulator.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}flex.js`)).status).toBe(200);
    expect((await fetch(`${base}simulator.css`)).status).toBe(200);
  });

  it('sends a real-shaped, correctly signed text webhook; the reply token works; history has both sides', async () => {
    const userId = newUserId();
    const before = Date.now();
    const { http, body } = await send(userId, { type: 'text', text: 'สวัสดีครับ' });
    expect(http).toBe(200);
    expect(body.status).toBe(200);
    expect(body.webhookEventId).toMatch(ULID);

    const got = lastReceived();
    expect(got.valid).toBe(true);
    expect(got.signature).toBe(createHmac('sha256', stack.channelSecret).update(got.raw).digest('base64'));
    const envelope = got.body as { destination: string; events: unknown[] };
    expect(envelope.destination).toBe('Uphattanabot0000000000000000000000');
    expect(envelope.events).toHaveLength(1);
    const ev = lastEvent();
    expect(Object.keys(ev).sort()).toEqual(
      [
        'deliveryContext',
        'message',
        'mode',
        'replyToken',
        'source',
        'timestamp',
        'type',
        'webhookEventId',
      ].sort(),
    );
    expect(ev).toMatchObject({
      type: 'message',
      mode: 'active',
      source: { type: 'user', userId },
      webhookEventId: body.webhookEventId,
      deliveryContext: { isRedelivery: false },
      message: { type: 'text', text: 'สวัสดีครับ' },
    });
    expect(ev.timestamp as number).toBeGreaterThanOrEqual(before);
    expect(ev.timestamp as number).toBeLessThanOrEqual(Date.now());
    const message = ev.message as { id: string; quoteToken: string };
    expect(message.id).toMatch(/^\d+$/);
    expect(typeof message.quoteToken).toBe('string');
    expect(typeof ev.replyToken).toBe('string');

    // the stub replied with that token, and the platform accepted it
    expect(stub.replies[stub.replies.length - 1]!.status).toBe(200);
    const history = await messages(userId);
    expect(history.map((m) => [m.from, m.message.text])).toEqual([
      ['user', 'สวัสดีครับ'],
      ['bot', 'ได้รับ: สวัสดีครับ'],
    ]);
    expect(history[1]!.via).toBe('reply');
    expect(Date.parse(history[0]!.at)).toBeLessThanOrEqual(Date.parse(history[1]!.at));
  });

  it('keeps a conversation in order', async () => {
    const userId = newUserId();
    await send(userId, { type: 'text', text: 'หนึ่ง' });
    await send(userId, { type: 'postback', data: 'step=2', displayText: 'ถัดไป' });
    await send(userId, { type: 'text', text: 'สาม' });
    const history = await messages(userId);
    expect(history.map((m) => `${m.from}:${m.message.text ?? m.message.displayText}`)).toEqual([
      'user:หนึ่ง',
      'bot:ได้รับ: หนึ่ง',
      'user:ถัดไป',
      'bot:postback: step=2',
      'user:สาม',
      'bot:ได้รับ: สาม',
    ]);
  });

  it('sends postbacks with data, params and displayText', async () => {
    const userId = newUserId();
    const { body } = await send(userId, {
      type: 'postback',
      data: 'action=pick',
      params: { date: '2025-03-04' },
      displayText: 'เลือกวันที่',
    });
    expect(body.status).toBe(200);
    const ev = lastEvent();
    expect(ev).toMatchObject({
      type: 'postback',
      source: { type: 'user', userId },
      postback: { data: 'action=pick', params: { date: '2025-03-04' } },
    });
    expect(typeof ev.replyToken).toBe('string');
    const history = await messages(userId);
    expect(history[0]!.message).toMatchObject({ type: 'postback', displayText: 'เลือกวันที่' });
    expect(history[1]!.message.text).toBe('postback: action=pick {"date":"2025-03-04"}');
  });

  it('passes a rich menu tab tap to the bot with the switch status the LINE app reports', async () => {
    const userId = newUserId();
    // no such alias on the platform: the LINE app reports that instead of SUCCESS
    const { body } = await send(userId, {
      type: 'postback',
      data: 'richmenu-switch:tab-x',
      params: { newRichMenuAliasId: 'tab-x' },
    });
    expect(body.status).toBe(200);
    expect(lastEvent()).toMatchObject({
      type: 'postback',
      postback: {
        data: 'richmenu-switch:tab-x',
        params: { newRichMenuAliasId: 'tab-x', status: 'RICHMENU_ALIAS_ID_NOTFOUND' },
      },
    });
  });

  it('adds friend and blocks: follow / unfollow events', async () => {
    const userId = newUserId();
    expect((await send(userId, { type: 'follow' })).body.status).toBe(200);
    let ev = lastEvent();
    expect(ev).toMatchObject({ type: 'follow', mode: 'active', follow: { isUnblocked: false } });
    expect(typeof ev.replyToken).toBe('string');
    expect((await messages(userId)).map((m) => m.message.text ?? m.message.type)).toEqual([
      'follow',
      'ยินดีต้อนรับ',
    ]);

    expect((await send(userId, { type: 'unfollow' })).body.status).toBe(200);
    ev = lastEvent();
    expect(ev).toMatchObject({ type: 'unfollow', source: { type: 'user', userId } });
    expect(ev).not.toHaveProperty('replyToken');

    await send(userId, { type: 'follow' });
    expect(lastEvent()).toMatchObject({ type: 'follow', follow: { isUnblocked: true } });
  });

  it('uploads an image: the bot can fetch its content from the platform', async () => {
    const userId = newUserId();
    const { body } = await send(userId, {
      type: 'image',
      contentBase64: PNG.toString('base64'),
      contentType: 'image/png',
    });
    expect(body.status).toBe(200);
    const ev = lastEvent();
    const message = ev.message as { id: string; type: string; contentProvider: { type: string } };
    expect(message).toMatchObject({ type: 'image', contentProvider: { type: 'line' } });
    const content = await fetch(`${stack.platform.url}/v2/bot/message/${message.id}/content`, {
      headers: { authorization: `Bearer ${stack.channelAccessToken}` },
    });
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(PNG)).toBe(true);
    const history = await messages(userId);
    expect(history[1]!.message.text).toBe(`ได้รับรูป ${PNG.length} ไบต์ (image/png)`);
    const own = await fetch(new URL(String(history[0]!.message.contentUrl), base));
    expect(own.headers.get('content-type')).toBe('image/png');
  });

  it('streams pushes live over Server-Sent Events', async () => {
    const userId = newUserId();
    const ac = new AbortController();
    const res = await fetch(`${base}api/stream?userId=${userId}`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new StringDecoder('utf8');
    let buffered = '';
    const readUntil = async (needle: string) => {
      while (!buffered.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffered += decoder.write(Buffer.from(value));
      }
    };
    await readUntil('event: ready');
    stack.platform.setFollowing(userId, true); // LINE refuses pushes to ids that never followed
    const push = await fetch(`${stack.platform.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.channelAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        to: userId,
        messages: [{ type: 'text', text: 'แจ้งเตือน: ส่งรายงานภายใน 7 วันทำการ' }],
      }),
    });
    expect(push.status).toBe(200);
    await readUntil('แจ้งเตือน');
    const line = buffered.split('\n').find((l) => l.startsWith('data: ') && l.includes('แจ้งเตือน'))!;
    expect(JSON.parse(line.slice(6))).toMatchObject({ from: 'bot', via: 'push', message: { type: 'text' } });
    ac.abort();
  });

  it('lists demo users and creates new ones with LINE-shaped ids', async () => {
    const created = await fetch(`${base}api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'นางสาวมะลิ หอมหวาน' }),
    });
    expect(created.status).toBe(201);
    const user = (await created.json()) as { userId: string };
    expect(user.userId).toMatch(/^U[0-9a-f]{32}$/);
    const { users } = (await (await fetch(`${base}api/users`)).json()) as {
      users: Array<{ userId: string; displayName: string; created: boolean }>;
    };
    expect(users[0]).toMatchObject({ userId: 'U0001dddddddddddddddddddddddddddd', created: false });
    expect(users.find((u) => u.userId === user.userId)).toMatchObject({
      displayName: 'นางสาวมะลิ หอมหวาน',
      created: true,
    });
  });

  it('rejects bad requests', async () => {
    expect((await send('nobody', { type: 'text', text: 'x' })).http).toBe(400);
    expect((await send(newUserId(), { type: 'sticker' })).http).toBe(400);
    expect((await send(newUserId(), { type: 'text', text: '' })).http).toBe(400);
    expect((await fetch(`${base}api/messages?userId=x`)).status).toBe(400);
  });

  it('reports a bot that is down as status 0', async () => {
    const down = await startSimulatorStack({
      startBot: async () => ({ webhookUrl: 'http://127.0.0.1:9/webhook', close: async () => {} }),
    });
    try {
      const res = await fetch(`${down.simulatorUrl}api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: newUserId(), event: { type: 'text', text: 'x' } }),
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ status: 0 });
    } finally {
      await down.close();
    }
  });
});
