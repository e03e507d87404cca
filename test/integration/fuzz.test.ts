import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, createMemoryLogger } from '@phattana/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHANNEL, localBotConfig } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { signBody } from '../../dev/src/simulator/webhook-events';
import { fuzzApiBody, fuzzBody, ODD_PATH_SEGMENTS, seededRandom } from '../support/fuzz';
import { type MountedRoute, mountedRoutes, routerStackAt } from '../support/mounted-routes';
import { TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// Every input gets an answer, never a 500: a seeded generator sends signed webhook bodies with mutated
// events (missing fields, wrong types, reserved ids, old and future timestamps, replayed event ids) and
// calls every LIFF API route with odd ids and bodies as HR. Afterwards the staff records and a bystander's
// conversation are exactly as before, and the bot still answers. FUZZ_SEED replays a run.

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const WEBHOOK_BODIES = 1500;
const CONCURRENCY = 16;

const sys = useSystem();
const log = createMemoryLogger();
let server: Server;
let base = '';
let bot: ReturnType<typeof createBot>;
let routes: MountedRoute[] = [];

beforeAll(async () => {
  const { platform } = await sys.start();
  bot = createBot({
    db: sys.fs.db,
    logger: log.logger,
    loadingAfterMs: -1,
    taskBackoffScale: 0.001,
    media: sys.storage.media,
    config: localBotConfig({
      channelSecret: TEST_CHANNEL.secret,
      channelAccessToken: TEST_CHANNEL.accessToken,
      lineBase: platform.url,
    }),
  });
  routes = mountedRoutes(routerStackAt(bot.app, '/api'));
  server = bot.app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await bot?.closeTasks();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

/** Runs `count` jobs, `CONCURRENCY` at a time. */
async function pool(count: number, job: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

async function fingerprint(): Promise<string> {
  const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
  const employees = await m.collection('employees').orderBy('__name__').get();
  const h = createHash('sha256');
  for (const d of employees.docs) h.update(`${d.id}:${JSON.stringify(d.data())}\n`);
  return h.digest('hex');
}

describe(`fuzz (seed ${SEED})`, () => {
  it('answers signed, mutated webhook bodies and odd-id API calls without a single 5xx, state intact', async () => {
    const r = seededRandom(SEED);
    const hr = await sys.linkedUser({
      employeeId: 'FZ001',
      roles: ['staff', 'supervisor', 'hr', 'executive'],
    });
    const bystander = await sys.linkedUser({ employeeId: 'FZ002' });
    await sys.text(bystander, 'แจ้งอบรมภายนอก');
    const conversation = sys.fs.db.collection('conversations').doc(bystander);
    const before = { staff: await fingerprint(), bystander: (await conversation.get()).get('state') };

    const users = Array.from({ length: 12 }, () => sys.newUserId());
    for (const u of users) sys.platform.setFollowing(u, true);
    const token = () => sys.platform.issueReplyToken(r.pick(users));
    const seen: string[] = [];
    const statuses = new Map<number, number>();
    const fivexx: string[] = [];
    const count = (status: number, what: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500) fivexx.push(what);
    };

    // the bodies are made up front, in order, so the seed alone decides them
    const bodies = Array.from({ length: WEBHOOK_BODIES }, () =>
      JSON.stringify(fuzzBody(r, users, token, seen)),
    );
    const t0 = performance.now();
    await pool(bodies.length, async (i) => {
      const raw = bodies[i] as string;
      const res = await fetch(`${base}/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-line-signature': signBody(TEST_CHANNEL.secret, raw),
        },
        body: raw,
      });
      await res.arrayBuffer();
      count(res.status, `webhook body #${i}: ${raw.slice(0, 300)}`);
    });
    const webhookMs = performance.now() - t0;

    const idToken = sys.platform.issueIdToken(hr, { aud: DEV_CHANNEL.loginChannelId });
    const calls: Array<{ method: string; url: string; body?: string }> = [];
    for (const route of routes) {
      const params = route.path.match(/:\w+/g) ?? [];
      const segments = params.length > 0 ? ODD_PATH_SEGMENTS : [''];
      for (const seg of segments) {
        const path = route.path.replace(/:\w+/g, () => (params.length > 0 ? seg : ''));
        const query = r.chance(0.3) ? `?fy=${r.pick(['%ZZ', '2570', '-1', '__x__', '99999', '%C0%AE'])}` : '';
        const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
        calls.push({
          method: route.method,
          url: `${base}/api${path}${query}`,
          body: hasBody ? fuzzApiBody(r) : undefined,
        });
      }
    }
    const t1 = performance.now();
    await pool(calls.length, async (i) => {
      const c = calls[i] as (typeof calls)[number];
      const res = await fetch(c.url, {
        method: c.method,
        headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
        body: c.body,
      });
      const text = await res.text();
      count(
        res.status,
        `${c.method} ${c.url.slice(base.length, base.length + 200)} ${c.body?.slice(0, 200) ?? ''}`,
      );
      if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
        // the API's one error shape, in Thai
        const message = (JSON.parse(text) as { message?: unknown }).message;
        if (typeof message !== 'string' || !/[\u0E00-\u0E7F]/.test(message))
          fivexx.push(`not a Thai error: ${c.method} ${c.url} → ${res.status} ${text.slice(0, 120)}`);
      }
    });
    const apiMs = performance.now() - t1;
    await bot.drain();

    const refused = log.lines.filter(
      (l) => l.outcome === 'replay_refused' || l.outcome === 'duplicate',
    ).length;
    const malformed = log.lines.filter((l) => l.outcome === 'malformed').length;
    console.info(
      `fuzz seed ${SEED}: ${bodies.length} webhook bodies in ${Math.round(webhookMs)} ms, ` +
        `${calls.length} odd-id API calls in ${Math.round(apiMs)} ms; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ` +
        `5xx ${fivexx.length}; malformed events skipped ${malformed}; replays and duplicates refused ${refused}`,
    );
    const errors = log.lines.filter((l) => l.msg === 'webhook.event_failed' || l.msg === 'api.failed');
    expect({
      fivexx,
      errors: [...new Set(errors.map((l) => `${l.msg} ${l.type ?? l.path} ${l.err}`))],
    }).toEqual({
      fivexx: [],
      errors: [],
    });
    expect(bodies.length + calls.length).toBeGreaterThanOrEqual(2000);

    // state intact: nobody's staff record changed, the bystander's conversation is where it was, and
    // the bot still answers
    expect(await fingerprint()).toBe(before.staff);
    expect((await conversation.get()).get('state')).toEqual(before.bystander);
    const answered = sys.botMessages(bystander).length;
    expect((await sys.text(bystander, 'ยกเลิก')).status).toBe(200);
    expect(sys.botMessages(bystander).length).toBe(answered + 1);
    expect(textsOf(sys.botMessages(bystander)).at(-1)).toContain('ยกเลิก');
  }, 240_000);
});
