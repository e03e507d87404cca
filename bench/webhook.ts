// bench/webhook: N simulated people in multi-turn conversations through signed webhooks, against the
// real Firestore emulator and the fake LINE platform. Prints acknowledgement latency, throughput and
// Firestore operations per turn, next to a bare @line/bot-sdk echo handler in the same process.
// Each handler first runs the same load once (printed as "cold") to warm V8, connection pools
// and the emulator up; the figures compared are the passes after that. `npm run bench:webhook` runs it
// bundled on plain node (support/run-bundled.mjs), the bot through the platform layer, as deployed.
// Usage: see USAGE below (npm run bench:webhook -- --help).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { messagingApi, middleware, type webhook } from '@line/bot-sdk';
import { createHmacPostbackSigner, derivePostbackSecret, silentLogger } from '@phattana/bot';
import { consentRecord, encodePostback } from '@phattana/shared';
import express from 'express';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { localBotConfig } from '../dev/src/dev-settings';
import { startFirestoreEmulator } from '../dev/src/firestore/emulator';
import { startLinePlatform } from '../dev/src/line-platform';
import { startLocalBot } from '../dev/src/local-bot';
import { buildPostbackEvent, buildTextEvent, signBody } from '../dev/src/simulator/webhook-events';
import { startCpuMeter } from './support/cpu-meter';
import { countFirestoreOps } from './support/firestore-op-counter';

const USAGE = `usage: npm run bench:webhook -- [users=50] [conversationsPerUser=2] [warm|nowarm] [--single] [--cpu-prof=<file>]
  nowarm             the bot's cold pass starts without its instance warm-up
  --single           one municipality's bot alone, without the platform's routing (its read of the person's index)
  --cpu-prof=<file>  a V8 CPU profile of the bot's warm pass (the bot, the fake platform and the load share this process)`;
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const USERS = Number(args[0] ?? 50);
const CONVERSATIONS = Number(args[1] ?? 2);
const WARM = args[2] !== 'nowarm';
const SINGLE = flags.includes('--single');
const CPU_PROFILE = flags.find((f) => f.startsWith('--cpu-prof='))?.slice('--cpu-prof='.length);
const SECRET = 'bench-channel-secret-0123456789';
const TOKEN = 'bench-access-token';

type Turn =
  | { kind: 'text'; text: string }
  | { kind: 'postback'; payload: Record<string, string>; params?: Record<string, string> };

// One full "report an external training" conversation: 8 turns, ending in a Firestore effect.
const conversation: Turn[] = [
  { kind: 'text', text: 'แจ้งอบรมภายนอก' },
  { kind: 'text', text: 'การพัฒนาทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น' },
  { kind: 'text', text: 'กรมส่งเสริมการปกครองท้องถิ่น' },
  { kind: 'postback', payload: { a: 'xt.method', m: 'eLearning' } },
  { kind: 'postback', payload: { a: 'xt.date' }, params: { date: '2026-10-05' } },
  { kind: 'text', text: '6/10/2569' },
  { kind: 'text', text: '6' },
  { kind: 'postback', payload: { a: 'xt.confirm' } },
];

async function main() {
  process.env.METADATA_SERVER_DETECTION = 'none';
  // as deployed (functions/src/index.ts): the Firestore SDK's tracing off, no exporter being set up
  process.env.FIRESTORE_ENABLE_TRACING ??= 'off';
  // tsx turns source-mapped stack traces on; the Firestore SDK captures a stack at every commit. The
  // deployed bundle runs without --enable-source-maps, so the bot should not pay for it here either.
  process.setSourceMapsEnabled(false);
  // The emulator stands in for Firestore. Its JVM's optimising JIT (C2) would otherwise compile for most
  // of the run and take one of the two cores from the bot; C1 alone is warm within seconds.
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1';
  const emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const db = getFirestore(initializeApp({ projectId: `bench-${Date.now()}` }, 'bench'));
  const platform = await startLinePlatform({ channelAccessToken: TOKEN });
  const config = localBotConfig({ channelSecret: SECRET, channelAccessToken: TOKEN, lineBase: platform.url });
  // as deployed (functions/src/index.ts): one platform that routes each event to the person's municipality
  const bot = await startLocalBot({
    db,
    logger: silentLogger,
    loadingAfterMs: 1500,
    platform: !SINGLE,
    config,
  });
  const signer = createHmacPostbackSigner(derivePostbackSecret(SECRET));
  const users = Array.from({ length: USERS }, () => `U${randomBytes(16).toString('hex')}`);

  const toEvent = (userId: string, t: Turn): webhook.Event => {
    const replyToken = platform.issueReplyToken(userId);
    return t.kind === 'text'
      ? buildTextEvent({ userId, text: t.text, replyToken })
      : buildPostbackEvent({
          userId,
          replyToken,
          data: encodePostback(t.payload as never, signer, new Date()),
          params: t.params,
        });
  };

  // Everyone is a registered member of staff (consented and linked, with the deployment's index of
  // whose municipality they are, as registration leaves it), as in daily use.
  const linkBatch = db.batch();
  for (const [i, userId] of users.entries()) {
    linkBatch.set(db.collection('conversations').doc(userId), {
      person: { employeeId: `B${i}`, name: `พนักงานทดสอบ ${i}`, roles: ['staff'] },
      consent: consentRecord('granted', new Date()),
    });
    linkBatch.set(db.collection('lineUsers').doc(userId), {
      municipalityId: config.organisation.municipalityId,
      employeeId: `B${i}`,
    });
  }
  await linkBatch.commit();

  // The emulator's JVM compiles its own code during its first thousand operations; production
  // Firestore is never JIT-cold, so that warm-up is not the bot's. Warm it on other data (another
  // project, another client) before the bot's cold pass; the bot's own first connection, first
  // holidays read and first turns stay in the cold figures.
  const warm = await warmEmulator(USERS, 6);
  // what a cold instance does at start, before its first webhook ('nowarm' skips it)
  const botWarm = WARM ? await timed(() => bot.warmUp()) : undefined;

  const ops = countFirestoreOps();
  const oursCold = await measure(emulator.pid, () =>
    drive(bot.webhookUrl, users, CONVERSATIONS, conversation, toEvent),
  );
  const coldOps = { ...ops.counts };
  ops.reset();
  const profiler = CPU_PROFILE ? await startProfile() : undefined;
  const ours = await measure(emulator.pid, () =>
    drive(bot.webhookUrl, users, CONVERSATIONS, conversation, toEvent),
  );
  if (profiler && CPU_PROFILE) await profiler.stopInto(CPU_PROFILE);
  const { reads, writes, commits } = ops.counts;
  ops.restore();

  const echo = await startEchoBaseline(platform.url);
  const echoTurns: Turn[] = conversation.map((_, i) => ({ kind: 'text', text: `ข้อความที่ ${i + 1}` }));
  const bareCold = await measure(emulator.pid, () =>
    drive(echo.url, users, CONVERSATIONS, echoTurns, toEvent),
  );
  const bare = await measure(emulator.pid, () => drive(echo.url, users, CONVERSATIONS, echoTurns, toEvent));
  await new Promise<void>((r) => echo.server.close(() => r()));

  const rejected = platform.requests().filter((r) => r.status >= 400);
  const print = (name: string, r: RunResult) =>
    console.log(
      `${name.padEnd(24)} turns=${r.turns} errors=${r.errors} p50=${r.p50.toFixed(1)}ms p95=${r.p95.toFixed(1)}ms p99=${r.p99.toFixed(1)}ms max=${r.max.toFixed(1)}ms throughput=${r.perSecond.toFixed(1)} turns/s`,
    );
  const cpu = (name: string, r: RunResult) =>
    console.log(
      `${name.padEnd(24)} cpu/turn: node=${(r.nodeMs / r.turns).toFixed(2)}ms emulator=${(r.emulatorMs / r.turns).toFixed(2)}ms (node process busy ${((100 * r.nodeMs) / r.wallMs).toFixed(0)}% of one core)`,
    );
  const os = await import('node:os');
  console.log(
    `users=${USERS} conversations/user=${CONVERSATIONS} turns/conversation=${conversation.length} cores=${os.cpus().length} load=${os.loadavg()[0]?.toFixed(1)} (options: --help)`,
  );
  console.log(
    `runtime: ${process.env.BENCH_RUNTIME ?? `tsx on node ${process.version}: its require() hook and __name() wrappers cost the bot what production never pays (npm run bench:webhook runs the bundle)`}`,
  );
  console.log(
    SINGLE
      ? 'bot: one municipality alone (--single), no routing read: not what is deployed'
      : "bot: the platform, as deployed: each event routed by the person's lineUsers index (one read per event)",
  );
  console.log(
    `emulator warmed before the cold pass on other data: project ${warm.projectId}, ${warm.ops} operations in ${warm.ms.toFixed(0)} ms (not the bot's client or documents)`,
  );
  console.log(
    botWarm
      ? `bot warmed at start: holidays read + an empty commit + ${botWarm.value.turns} in-memory turns in ${botWarm.ms.toFixed(0)} ms (writes nothing)`
      : 'bot not warmed at start (nowarm)',
  );
  print('phattana webhook (cold)', oursCold);
  print('bare bot-sdk echo (cold)', bareCold);
  print('phattana webhook', ours);
  print('bare bot-sdk echo', bare);
  cpu('phattana webhook', ours);
  cpu('bare bot-sdk echo', bare);
  console.log(
    `firestore reads/turn=${(reads / ours.turns).toFixed(2)} writes/turn=${(writes / ours.turns).toFixed(2)} (documents; reads=${reads} writes=${writes}) commits/turn=${(commits / ours.turns).toFixed(2)} (round trips that write); cold pass reads/turn=${(coldOps.reads / oursCold.turns).toFixed(2)} writes/turn=${(coldOps.writes / oursCold.turns).toFixed(2)}`,
  );
  console.log(
    `throughput vs bare echo=${(ours.perSecond / bare.perSecond).toFixed(2)} (target ≥ 0.5); p99 target ≤ 500 ms: ${ours.p99 <= 500 ? 'met' : 'MISSED'}`,
  );
  const byCall = new Map<string, number>();
  for (const r of rejected)
    byCall.set(`${r.path} ${r.status}`, (byCall.get(`${r.path} ${r.status}`) ?? 0) + 1);
  console.log(
    `LINE calls rejected by the fake platform=${rejected.length}${byCall.size ? ` (${[...byCall].map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`,
  );
  const saved = await db.collection('externalTrainings').count().get();
  console.log(
    `external trainings saved=${saved.data().count} (expected ${USERS * CONVERSATIONS} + as many from the cold pass)`,
  );

  await bot.close();
  await platform.close();
  await emulator.stop();
  process.exit(0);
}

/**
 * Drives the emulator through the operations a turn uses (gets, preconditioned batch updates and
 * transactions), `users` at a time for `rounds` rounds, on a project and a client of its own.
 */
async function warmEmulator(users: number, rounds: number) {
  const projectId = `bench-warm-${Date.now()}`;
  const app = initializeApp({ projectId }, projectId);
  const wdb = getFirestore(app);
  const t0 = performance.now();
  let ops = 0;
  await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      const ref = wdb.collection('warm').doc(`w${i}`);
      await ref.set({ n: 0 });
      for (let r = 0; r < rounds; r++) {
        const snap = await ref.get();
        const batch = wdb.batch();
        batch.create(wdb.collection('warmEffects').doc(`w${i}-${r}`), { r });
        batch.update(ref, { n: r + 1 }, { lastUpdateTime: snap.updateTime });
        await batch.commit();
        await wdb.runTransaction(async (tx) => {
          const s = await tx.get(ref);
          tx.set(ref, { n: Number(s.get('n')) + 1 }, { merge: true });
        });
        ops += 4;
      }
    }),
  );
  const ms = performance.now() - t0;
  await deleteApp(app);
  return { projectId, ops: ops + users, ms };
}

/** The inspector's CPU profiler in this process (the bot, the fake platform and the load all run here). */
async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stopInto(file: string) {
      const { profile } = await session.post('Profiler.stop');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`cpu profile of the warm pass written to ${file}`);
    },
  };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t0 };
}

interface RunResult {
  turns: number;
  wallMs: number;
  nodeMs: number;
  emulatorMs: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

/** A pass with the CPU time it cost this process and the emulator. */
async function measure(
  emulatorPid: number,
  run: () => Promise<Omit<RunResult, 'wallMs' | 'nodeMs' | 'emulatorMs'>>,
): Promise<RunResult> {
  const cpu = startCpuMeter(emulatorPid);
  const r = await run();
  return { ...r, ...cpu() };
}

/** Every user runs its conversations sequentially (a person waits for the answer); users run concurrently. */
async function drive(
  url: string,
  users: string[],
  conversations: number,
  turns: Turn[],
  toEvent: (userId: string, t: Turn) => webhook.Event,
): Promise<Omit<RunResult, 'wallMs' | 'nodeMs' | 'emulatorMs'>> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    users.map(async (userId) => {
      for (let c = 0; c < conversations; c++) {
        for (const t of turns) {
          const body = JSON.stringify({ destination: 'Ubench', events: [toEvent(userId, t)] });
          const t0 = performance.now();
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-line-signature': signBody(SECRET, body) },
            body,
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (res.status !== 200) errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return {
    turns: latencies.length,
    errors,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: latencies.at(-1) ?? 0,
    perSecond: latencies.length / seconds,
  };
}

/** The comparison: the SDK's own middleware and client, replying with an echo. No state, no Firestore. */
async function startEchoBaseline(lineBase: string): Promise<{ url: string; server: Server }> {
  const client = new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: lineBase });
  const app = express();
  app.post('/webhook', middleware({ channelSecret: SECRET }), async (req, res) => {
    const events = (req.body as webhook.CallbackRequest).events;
    await Promise.all(
      events.map((e) =>
        e.type === 'message' && e.message.type === 'text' && e.replyToken
          ? client.replyMessage({
              replyToken: e.replyToken,
              messages: [{ type: 'text', text: e.message.text }],
            })
          : undefined,
      ),
    );
    res.status(200).end();
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/webhook`, server };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
