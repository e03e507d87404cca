import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, createMemoryLogger } from '@phattana/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHANNEL, localBotConfig } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { startBotChild } from '../support/bot-child-process';
import { bangkokMorning } from '../support/report-people';
import { TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// The outbox for work the LIFF API queues after a commit (outbox/after-commit.ts): HR confirms a
// reminder broadcast and the instance dies between the commit ("queued") and handing the send task to
// the queue. The task was committed with the status, so the outbox sweeper sends the broadcast: once,
// however often it runs. Before, the broadcast stayed "queued" and nobody sent it.

const NOW = bangkokMorning('2026-12-16'); // a working morning: inside the sending hours
const sys = useSystem();
const log = createMemoryLogger();
let bot: ReturnType<typeof createBot>;
let server: Server;
let apiUrl = '';
let child: ChildProcess | undefined;
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

beforeAll(async () => {
  const { platform } = await sys.start();
  bot = createBot({
    db: sys.fs.db,
    logger: log.logger,
    clock: () => NOW,
    loadingAfterMs: -1,
    taskBackoffScale: 0.002,
    config: localBotConfig({
      channelSecret: TEST_CHANNEL.secret,
      channelAccessToken: TEST_CHANNEL.accessToken,
      lineBase: platform.url,
    }),
  });
  server = bot.app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await bot?.closeTasks();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

async function call(base: string, path: string, token: string, method = 'GET', body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

/** Two linked members of staff with an overdue report each; returns their LINE user ids. */
async function seedLatePeople(): Promise<string[]> {
  await municipality().set({ ...demoMunicipality, divisions: [{ id: 'finance', name: 'กองคลัง' }] });
  const users: string[] = [];
  const batch = sys.fs.db.batch();
  for (const [i, id] of ['K1', 'K2'].entries()) {
    const userId = sys.newUserId();
    sys.platform.setFollowing(userId, true);
    users.push(userId);
    batch.set(municipality().collection('employees').doc(id), {
      id,
      code: id,
      name: `บุคลากรค้างส่ง ${i + 1}`,
      divisionId: 'finance',
      roles: ['staff'],
      active: true,
      lineUserId: userId,
      lineFollowing: true,
    });
    const reportId = `TRK__${id}`;
    batch.set(municipality().collection('reports').doc(reportId), {
      id: reportId,
      trainingId: 'TRK',
      trainingTitle: 'การเขียนหนังสือราชการ',
      employeeId: id,
      employeeName: `บุคลากรค้างส่ง ${i + 1}`,
      divisionId: 'finance',
      dueDate: '2026-12-08',
      status: 'pending',
    });
  }
  await batch.commit();
  return users;
}

describe('work queued after an API commit survives the instance dying before the enqueue', () => {
  it('a confirmed broadcast is still sent, exactly once, by the sweeper', async () => {
    const people = await seedLatePeople();
    const hr = await sys.linkedUser({ employeeId: 'HRK1', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });
    const draft = await call(apiUrl, '/late/broadcasts', tokenFor(hr), 'POST', {
      filter: { kind: 'overdue' },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.recipientCount).toBe(2);

    // the confirm reaches an instance whose task queue never takes the work; it is killed once the
    // confirm has committed
    const started = await startBotChild({
      firestoreHostPort: sys.fs.hostPort,
      projectId: sys.fs.projectId,
      lineBase: sys.platform.url,
      channelSecret: TEST_CHANNEL.secret,
      channelToken: TEST_CHANNEL.accessToken,
      tasksHang: true,
    });
    child = started.child;
    const confirm = call(
      `${started.url}/api`,
      `/late/broadcasts/${draft.body.id}/confirm`,
      tokenFor(hr),
      'POST',
    )
      .then((r) => r.status)
      .catch(() => 'connection lost');
    const broadcast = municipality().collection('broadcasts').doc(draft.body.id);
    await expect
      .poll(async () => (await broadcast.get()).get('status'), { timeout: 30_000, interval: 50 })
      .toBe('queued');
    // listen before killing: an exit that fires while awaiting `confirm` would otherwise be missed
    const exited = new Promise((r) => started.child.once('exit', r));
    started.child.kill('SIGKILL');
    expect(await confirm).toBe('connection lost');
    await exited;
    await bot.drain();
    expect(sys.platform.requests({ path: '/v2/bot/message/multicast' })).toHaveLength(0);

    // the sweeper finds the committed task (twice over: a second run finds nothing left)
    expect(await bot.sweepOutbox({ olderThanMs: 0 })).toBeGreaterThanOrEqual(1);
    await bot.drain();
    await bot.sweepOutbox({ olderThanMs: 0 });
    await bot.drain();

    const multicasts = sys.platform.requests({ path: '/v2/bot/message/multicast' });
    expect(multicasts.map((m) => m.status)).toEqual([200]);
    const to = (multicasts[0]?.body as { to?: string[] } | undefined)?.to ?? [];
    expect([...to].sort()).toEqual([...people].sort());
    for (const p of people) expect(sys.botMessages(p)).toHaveLength(1);
    expect((await broadcast.get()).get('status')).toBe('sent');
    // HR hears the result once
    expect(textsOf(sys.botMessages(hr)).filter((t) => t.includes('ส่งถึง 2 คน'))).toHaveLength(1);
    console.info(
      `after-commit fault (killed between commit and enqueue): broadcasts expected 1 / multicasts sent ${multicasts.length}; recipients ${people.length} / messages delivered ${people.map((p) => sys.botMessages(p).length).join('+')}`,
    );
  }, 120_000);
});
