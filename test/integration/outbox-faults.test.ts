import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, createHttpLineClient, createMemoryLogger } from '@phattana/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBotConfig } from '../../dev/src/dev-settings';
import { buildTextEvent, signBody } from '../../dev/src/simulator/webhook-events';
import { startBotChild } from '../support/bot-child-process';
import { TEST_CHANNEL, useSystem } from '../support/system';

// The fault suite of the transactional outbox: whatever fails between a turn's commit and LINE (every
// reply attempt refused, a reply slower than our timeout, pushes failing for a while, the process killed
// after the commit, the task queue failing), the person receives each answer exactly once, counted at
// the fake LINE platform. The figures per fault class are printed at the end.

const sys = useSystem();
const log = createMemoryLogger();
let bot: ReturnType<typeof createBot>;
let server: Server;
let webhookUrl = '';
const figures: Array<{ fault: string; expected: number; delivered: number; duplicated: number }> = [];

beforeAll(async () => {
  const { platform } = await sys.start();
  bot = createBot({
    db: sys.fs.db,
    logger: log.logger,
    loadingAfterMs: -1,
    taskBackoffScale: 0.002,
    // a short timeout, and a retry that comes after the slow reply has landed (as with LINE, which answers
    // late what it has done), so "slower than the timeout" takes a second, not ten
    line: createHttpLineClient({
      channelAccessToken: TEST_CHANNEL.accessToken,
      apiBase: platform.url,
      dataBase: platform.url,
      timeoutMs: 400,
      backoffMs: 400,
    }),
    config: localBotConfig({
      channelSecret: TEST_CHANNEL.secret,
      channelAccessToken: TEST_CHANNEL.accessToken,
      lineBase: platform.url,
    }),
  });
  server = bot.app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => {
  if (figures.length > 0) {
    console.info(
      `outbox fault suite (answers expected / delivered / duplicated):\n${figures
        .map((f) => `  ${f.fault}: ${f.expected} / ${f.delivered} / ${f.duplicated}`)
        .join('\n')}`,
    );
  }
  await bot?.closeTasks();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

async function post(url: string, events: object[]): Promise<number> {
  const raw = JSON.stringify(sys.envelope(events));
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': signBody(TEST_CHANNEL.secret, raw) },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
}

/** A person who follows the bot, and the answer to "เมนู" they must see (one message). */
function person() {
  const user = sys.newUserId();
  sys.platform.setFollowing(user, true);
  const event = () =>
    buildTextEvent({ userId: user, text: 'เมนู', replyToken: sys.platform.issueReplyToken(user) });
  return { user, event };
}

/** What the platform delivered to the person: how many, and how many were a copy of an earlier one. */
function count(user: string, fault: string, expected: number) {
  const delivered = sys.platform.messagesFor(user).filter((m) => m.delivered);
  const seen = new Set<string>();
  let duplicated = 0;
  for (const m of delivered) {
    const key = JSON.stringify(m.message);
    if (seen.has(key)) duplicated++;
    seen.add(key);
  }
  figures.push({ fault, expected, delivered: delivered.length, duplicated });
  return { delivered: delivered.length, duplicated };
}

describe('outbox: each answer exactly once, whatever fails after the commit', () => {
  for (const status of [500, 429] as const) {
    it(`reply ${status} on every attempt: the answer goes by push, once`, async () => {
      const p = person();
      sys.platform.injectFault({ path: '/v2/bot/message/reply', status, count: 50 });
      expect(await post(webhookUrl, [p.event()])).toBe(200);
      await bot.drain();
      sys.platform.clearFaults();
      expect(count(p.user, `reply ${status} every attempt`, 1)).toEqual({ delivered: 1, duplicated: 0 });
      expect(sys.platform.requests({ path: '/v2/bot/message/push' }).some((r) => r.status === 200)).toBe(
        true,
      );
    });
  }

  it('reply slower than our timeout but delivered by LINE: no second copy by push', async () => {
    const p = person();
    sys.platform.injectFault({ path: '/v2/bot/message/reply', delayMs: 450, count: 1 });
    expect(await post(webhookUrl, [p.event()])).toBe(200);
    await bot.drain();
    await new Promise((r) => setTimeout(r, 500)); // the slow reply lands after our timeout
    expect(count(p.user, 'reply slower than the timeout', 1)).toEqual({ delivered: 1, duplicated: 0 });
    expect(log.lines.some((l) => l.msg === 'line.reply_presumed_delivered')).toBe(true);
  });

  it('push failing for a while, then succeeding (no reply token): delivered once', async () => {
    const p = person();
    const e = { ...p.event(), replyToken: undefined };
    sys.platform.injectFault({ path: '/v2/bot/message/push', status: 500, count: 6 });
    expect(await post(webhookUrl, [e])).toBe(200);
    await bot.drain();
    expect(count(p.user, 'push failing then succeeding', 1)).toEqual({ delivered: 1, duplicated: 0 });
  });

  it('task queue failing to take the work: LINE redelivers, the redelivery sends what the turn left', async () => {
    const p = person();
    const e = p.event();
    const failing = createBot({
      db: sys.fs.db,
      logger: log.logger,
      loadingAfterMs: -1,
      tasks: {
        enqueue: async () => {
          throw new Error('Cloud Tasks unavailable');
        },
      },
      config: localBotConfig({
        channelSecret: TEST_CHANNEL.secret,
        channelAccessToken: TEST_CHANNEL.accessToken,
        lineBase: sys.platform.url,
      }),
    });
    const s = failing.app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => s.once('listening', () => r()));
    // the reply fails too, so the answer must go by push through the failing queue
    sys.platform.injectFault({ path: '/v2/bot/message/reply', status: 500, count: 50 });
    const status = await post(`http://127.0.0.1:${(s.address() as AddressInfo).port}/webhook`, [e]);
    s.closeAllConnections();
    s.close();
    expect(status).toBe(500); // LINE will redeliver
    sys.platform.clearFaults();
    expect(sys.platform.messagesFor(p.user).filter((m) => m.delivered)).toHaveLength(0);
    // the redelivery (a new reply token) reaches a healthy instance: the turn is not run again
    const again = {
      ...e,
      replyToken: sys.platform.issueReplyToken(p.user),
      deliveryContext: { isRedelivery: true },
    };
    expect(await post(webhookUrl, [again])).toBe(200);
    await bot.drain();
    expect(count(p.user, 'task queue failing', 1)).toEqual({ delivered: 1, duplicated: 0 });
    const turns = (await sys.fs.db.collection('conversations').doc(p.user).get()).get('recentEventIds');
    expect(turns).toEqual([e.webhookEventId]);
  });

  describe('the process killed (SIGKILL) between the commit and the delivery', () => {
    let child: ChildProcess | undefined;
    afterAll(() => {
      child?.kill('SIGKILL');
    });

    const startChild = () =>
      startBotChild({
        firestoreHostPort: sys.fs.hostPort,
        projectId: sys.fs.projectId,
        lineBase: sys.platform.url,
        channelSecret: TEST_CHANNEL.secret,
        channelToken: TEST_CHANNEL.accessToken,
      });

    /** Posts to the child and kills it as soon as the turn is committed (its reply is held up). */
    async function commitThenKill(events: object[], eventIds: string[]) {
      const started = await startChild();
      child = started.child;
      // LINE holds the reply (then refuses it), so the child is between commit and delivery
      sys.platform.injectFault({
        path: '/v2/bot/message/reply',
        delayMs: 3000,
        status: 500,
        count: events.length,
      });
      const sent = post(`${started.url}/webhook`, events).catch(() => 'connection lost');
      const processed = sys.fs.db.collection('processedEvents');
      await expect
        .poll(
          async () =>
            (await Promise.all(eventIds.map((id) => processed.doc(id).get()))).every((d) => d.exists),
          {
            timeout: 15_000,
            interval: 50,
          },
        )
        .toBe(true);
      // listen before killing: an exit that fires while awaiting `sent` would otherwise be missed
      const exited = new Promise((r) => started.child.once('exit', r));
      started.child.kill('SIGKILL');
      expect(await sent).toBe('connection lost');
      await exited;
    }

    it('a redelivered event delivers what the dead instance committed but never sent', async () => {
      const p = person();
      const e = p.event();
      await commitThenKill([e], [e.webhookEventId]);
      expect(sys.platform.messagesFor(p.user).filter((m) => m.delivered)).toHaveLength(0);
      sys.platform.clearFaults();
      const again = {
        ...e,
        replyToken: sys.platform.issueReplyToken(p.user),
        deliveryContext: { isRedelivery: true },
      };
      expect(await post(webhookUrl, [again])).toBe(200);
      await bot.drain();
      expect(count(p.user, 'killed after commit, redelivered', 1)).toEqual({ delivered: 1, duplicated: 0 });
    }, 60_000);

    it('without a redelivery, the sweeper sends it by push, once, however often it runs', async () => {
      const people = [person(), person()];
      const events = people.map((p) => p.event());
      await commitThenKill(
        events,
        events.map((e) => e.webhookEventId),
      );
      sys.platform.clearFaults();
      expect(await bot.sweepOutbox({ olderThanMs: 0 })).toBeGreaterThanOrEqual(2);
      await bot.sweepOutbox({ olderThanMs: 0 });
      await bot.drain();
      for (const p of people)
        expect(count(p.user, 'killed after commit, swept', 1)).toEqual({ delivered: 1, duplicated: 0 });
    }, 60_000);
  });
});
