import { describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_MS } from '../../bot/src/webhook/replay-window';
import { buildTextEvent } from '../../dev/src/simulator/webhook-events';
import { findAction, textsOf, useSystem } from '../support/system';

const sys = useSystem();

describe('webhook: what LINE sends', () => {
  it('answers a signed text message with a Thai reply that LINE accepts', async () => {
    const user = sys.newUserId();
    const res = await sys.text(user, 'สวัสดีครับ');
    expect(res.status).toBe(200);
    const texts = textsOf(sys.botMessages(user));
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain('ยังไม่เข้าใจ');
    // the reply went through LINE's reply endpoint, not a paid push
    expect(sys.platform.requests({ path: '/v2/bot/message/reply' }).some((r) => r.status === 200)).toBe(true);
  });

  it('refuses a bad or missing signature with 401 and processes nothing', async () => {
    const user = sys.newUserId();
    await sys.start();
    const body = sys.envelope([
      buildTextEvent({ userId: user, text: 'hi', replyToken: sys.platform.issueReplyToken(user) }),
    ]);
    expect((await sys.post(body, 'c2lnbmF0dXJl')).status).toBe(401);
    expect((await sys.post(body, null)).status).toBe(401);
    expect(sys.botMessages(user)).toEqual([]);
    expect((await sys.fs.db.collection('conversations').doc(user).get()).exists).toBe(false);
  });

  it('answers LINE’s connection check (no events) with 200', async () => {
    const res = await sys.post({ destination: 'Uxxxxxxxx', events: [] });
    expect(res.status).toBe(200);
  });

  it('gives malformed JSON and oversize bodies a clear 4xx, never a 500', async () => {
    const bad = await sys.post('{"events": [');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'Malformed JSON' });
    expect((await sys.post('{"destination":"U1"}')).status).toBe(400);
    const huge = JSON.stringify({ destination: 'U', events: [], pad: 'x'.repeat(1_100_000) });
    expect((await sys.post(huge)).status).toBe(413);
  });

  it('acknowledges event types it does not know (LINE adds new ones) and logs them', async () => {
    const user = sys.newUserId();
    const res = await sys.post(
      sys.envelope([
        {
          type: 'somethingNewFromLine2027',
          mode: 'active',
          timestamp: Date.now(),
          source: { type: 'user', userId: user },
          webhookEventId: '01JNEWTYPE0000000000000000',
          deliveryContext: { isRedelivery: false },
        },
      ]),
    );
    expect(res.status).toBe(200);
    expect(sys.logs.some((l) => l.msg === 'webhook.event' && l.outcome === 'unknown_type')).toBe(true);
  });

  it('skips malformed events (logged without their contents) and answers the rest of the delivery', async () => {
    const user = sys.newUserId();
    await sys.start();
    const good = () =>
      buildTextEvent({ userId: user, text: 'เมนู', replyToken: sys.platform.issueReplyToken(user) });
    const broken: unknown[] = [
      { ...good(), source: { type: 'user', userId: 42 } },
      { ...good(), source: { type: 'user', userId: { $gt: '' } } },
      { ...good(), source: { type: 'user', userId: '../conversations/x' } },
      { ...good(), message: undefined },
      { ...good(), message: { type: 'text', id: '1', text: ['x'] } },
      { ...good(), timestamp: 'yesterday' },
      { ...good(), timestamp: Number.NaN },
      { ...good(), webhookEventId: '__x__' },
      { ...good(), webhookEventId: 7 },
      { ...good(), replyToken: { t: 1 } },
      { ...good(), type: 'postback', postback: undefined },
      { ...good(), type: 'postback', postback: { data: 5 } },
      { ...good(), type: 'message', message: { type: 'image', id: '../../x' } },
      null,
      'text',
    ];
    const res = await sys.post(sys.envelope([...(broken as object[]), good()]));
    expect(res.status).toBe(200);
    expect(textsOf(sys.botMessages(user))).toHaveLength(1);
    const skipped = sys.logs.filter((l) => l.msg === 'webhook.event' && l.outcome === 'malformed');
    expect(skipped.length).toBeGreaterThanOrEqual(broken.length);
    expect(JSON.stringify(skipped)).not.toContain(user);
    expect(JSON.stringify(skipped)).not.toContain('เมนู');
  });

  it('refuses replays: an event older than LINE’s redelivery window, or already processed for anyone', async () => {
    const user = sys.newUserId();
    await sys.start();
    const stale = {
      ...buildTextEvent({ userId: user, text: 'เมนู', replyToken: sys.platform.issueReplyToken(user) }),
      timestamp: Date.now() - REPLAY_WINDOW_MS - 60_000,
    };
    expect((await sys.post(sys.envelope([stale]))).status).toBe(200);
    const future = {
      ...buildTextEvent({ userId: user, text: 'เมนู', replyToken: sys.platform.issueReplyToken(user) }),
      timestamp: Date.now() + 24 * 60 * 60_000,
    };
    expect((await sys.post(sys.envelope([future]))).status).toBe(200);
    expect(sys.botMessages(user)).toHaveLength(0);
    expect((await sys.fs.db.collection('conversations').doc(user).get()).exists).toBe(false);

    // a captured body sent again, with the id moved to another person's chat, is processed once
    const event = buildTextEvent({
      userId: user,
      text: 'เมนู',
      replyToken: sys.platform.issueReplyToken(user),
    });
    expect((await sys.post(sys.envelope([event]))).status).toBe(200);
    const other = sys.newUserId();
    const moved = {
      ...event,
      source: { type: 'user', userId: other },
      replyToken: sys.platform.issueReplyToken(other),
    };
    expect((await sys.post(sys.envelope([moved]))).status).toBe(200);
    expect(sys.botMessages(user)).toHaveLength(1);
    expect(sys.botMessages(other)).toHaveLength(0);
    const refused = sys.logs.filter((l) => l.msg === 'webhook.event' && l.outcome === 'replay_refused');
    expect(refused.map((l) => l.reason)).toEqual(['too_old', 'in_future']);
  });

  it('processes a redelivered event once (de-duplication by webhookEventId)', async () => {
    const user = sys.newUserId();
    await sys.start();
    const event = buildTextEvent({
      userId: user,
      text: 'เมนู',
      replyToken: sys.platform.issueReplyToken(user),
    });
    expect((await sys.post(sys.envelope([event]))).status).toBe(200);
    const again = { ...event, deliveryContext: { isRedelivery: true } };
    const results = await Promise.all([sys.post(sys.envelope([again])), sys.post(sys.envelope([again]))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(sys.botMessages(user)).toHaveLength(1);
    const state = await sys.fs.db.collection('conversations').doc(user).get();
    expect(state.get('state.turn')).toBe(1);
  });

  it('handles one person’s events in the order LINE sent them', async () => {
    const user = await sys.linkedUser();
    await sys.start();
    const t = Date.now();
    const events = ['แจ้งอบรมภายนอก', 'การบริหารงานบุคคลส่วนท้องถิ่น', 'ยกเลิก'].map((text, i) => ({
      ...buildTextEvent({ userId: user, text, replyToken: sys.platform.issueReplyToken(user) }),
      timestamp: t + i,
    }));
    expect((await sys.post(sys.envelope(events))).status).toBe(200);
    const texts = textsOf(sys.botMessages(user)).join('\n');
    expect(texts.indexOf('(1/6)')).toBeLessThan(texts.indexOf('(2/6)'));
    expect(texts.indexOf('(2/6)')).toBeLessThan(texts.indexOf('ยกเลิก "แจ้งผลการอบรมภายนอก" แล้ว'));
  });

  it('marks an unfollow without deleting anything, and greets again on follow', async () => {
    const user = sys.newUserId();
    await sys.follow(user);
    expect(textsOf(sys.botMessages(user))[0]).toContain('ยินดีต้อนรับ');
    // a newcomer is shown the privacy notice before anything is stored about them
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ประกาศความเป็นส่วนตัว');
    await sys.unfollow(user);
    const doc = await sys.fs.db.collection('conversations').doc(user).get();
    expect(doc.get('following')).toBe(false);
    expect(doc.get('state.turn')).toBe(1);
  });
});

describe('a whole conversation through LINE', () => {
  it('reports an external training with quick replies, a date picker and a signed confirm button', async () => {
    const user = await sys.linkedUser({ employeeId: 'E777' });
    await sys.text(user, 'แจ้งอบรมภายนอก');
    await sys.text(user, 'การจัดทำแผนพัฒนาท้องถิ่น');
    await sys.text(user, 'สถาบันพัฒนาบุคลากรท้องถิ่น');
    const method = findAction(sys.botMessages(user), 'e-Learning');
    expect(method.type).toBe('postback');
    await sys.postback(user, method.data as string);
    const picker = findAction(sys.botMessages(user), 'เลือกวันที่');
    expect(picker.type).toBe('datetimepicker');
    await sys.postback(user, picker.data as string, { date: '2026-01-05' });
    await sys.text(user, '9/1/2569');
    await sys.text(user, '12');
    const last = sys.botMessages(user).at(-1) as Record<string, unknown>;
    expect(last.type).toBe('flex');
    const send = findAction(sys.botMessages(user), 'ส่งให้ฝ่ายบุคคล');
    await sys.postback(user, send.data as string);

    expect(textsOf(sys.botMessages(user)).at(-1)).toContain(
      'ส่งเรื่อง "การจัดทำแผนพัฒนาท้องถิ่น" ให้ฝ่ายบุคคลตรวจสอบแล้ว',
    );
    const saved = await sys.fs.db.collection('externalTrainings').where('lineUserId', '==', user).get();
    expect(saved.docs.map((d) => d.data())).toEqual([
      expect.objectContaining({
        title: 'การจัดทำแผนพัฒนาท้องถิ่น',
        organiser: 'สถาบันพัฒนาบุคลากรท้องถิ่น',
        method: 'eLearning',
        startDate: '2026-01-05',
        endDate: '2026-01-09',
        hours: 12,
        employeeId: 'E777',
        status: 'pendingVerification',
      }),
    ]);
    const state = await sys.fs.db.collection('conversations').doc(user).get();
    expect(state.get('state.flow')).toBeNull();
    // every call the bot made was accepted by the platform's OpenAPI and limit checks
    expect(
      sys.platform.requests().filter((r) => r.path.startsWith('/v2/bot/message') && r.status >= 400),
    ).toEqual([]);
  });

  it('refuses a forged postback politely and keeps the conversation', async () => {
    const user = await sys.linkedUser();
    await sys.text(user, 'แจ้งอบรมภายนอก');
    const forged = Buffer.from(JSON.stringify({ a: 'xt.confirm' })).toString('base64url');
    await sys.postback(user, `${forged}.zzzzzz.AAAAAAAAAAAAAAAAAAAAAA`);
    const texts = textsOf(sys.botMessages(user));
    expect(texts.at(-2)).toContain('ไม่สามารถใช้ปุ่มนี้ได้');
    expect(texts.at(-1)).toContain('ชื่อหลักสูตร');
    expect((await sys.fs.db.collection('externalTrainings').where('lineUserId', '==', user).get()).size).toBe(
      0,
    );
  });
});

describe('outgoing LINE calls under failure', () => {
  it('retries a reply after LINE answers 500', async () => {
    const user = sys.newUserId();
    await sys.start();
    sys.platform.injectFault({ path: '/v2/bot/message/reply', status: 500, count: 1 });
    expect((await sys.text(user, 'เมนู')).status).toBe(200);
    expect(textsOf(sys.botMessages(user))).toHaveLength(1);
    const replies = sys.platform.requests({ path: '/v2/bot/message/reply' }).slice(-2);
    expect(replies.map((r) => r.status)).toEqual([500, 200]);
  });

  it('falls back to a push with a retry key when the reply token is no longer valid, so nothing is lost', async () => {
    const user = sys.newUserId();
    await sys.start();
    sys.platform.setFollowing(user, true);
    const token = sys.platform.issueReplyToken(user);
    const event = buildTextEvent({ userId: user, text: 'เมนู', replyToken: token });
    // someone (e.g. a slow earlier attempt) already used the token
    await fetch(`${sys.platform.url}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: 'Bearer test-channel-access-token', 'content-type': 'application/json' },
      body: JSON.stringify({ replyToken: token, messages: [{ type: 'text', text: 'x' }] }),
    });
    expect((await sys.post(sys.envelope([event]))).status).toBe(200);
    const pushes = sys.platform
      .requests({ path: '/v2/bot/message/push' })
      .filter((r) => (r.body as { to?: string }).to === user);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.retryKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(textsOf(sys.botMessages(user)).at(-1)).toContain('เมนู "พัฒนา"');
  });
});
