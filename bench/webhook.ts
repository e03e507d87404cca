// bench/webhook: N simulated people in multi-turn conversations through signed webhooks, against the
// real Firestore emulator and the fake LINE platform. Prints acknowledgement latency, throughput and
// Firestore operations per turn, next to a bare @line/bot-sdk echo handler in the same process.
// Usage: npx tsx bench/webhook.ts [users=50] [conversationsPerUser=2]
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { messagingApi, middleware, type webhook } from '@line/bot-sdk';
import { createHmacPostbackSigner, derivePostbackSecret, silentLogger } from '@phattana/bot';
import { consentRecord, encodePostback } from '@phattana/shared';
import express from 'express';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { localBotConfig } from '../dev/src/dev-settings';
import { startFirestoreEmulator } from '../dev/src/firestore/emulator';
import { startLinePlatform } from '../dev/src/line-platform';
import { startLocalBot } from '../dev/src/local-bot';
import { buildPostbackEvent, buildTextEvent, signBody } from '../dev/src/simulator/webhook-events';
import { countFirestoreOps } from './support/firestore-op-counter';

const USERS = Number(process.argv[2] ?? 50);
const CONVERSATIONS = Number(process.argv[3] ?? 2);
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
  const emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const db = getFirestore(initializeApp({ projectId: `bench-${Date.now()}` }, 'bench'));
  const platform = await startLinePlatform({ channelAccessToken: TOKEN });
  const bot = await startLocalBot({
    db,
    logger: silentLogger,
    loadingAfterMs: 1500,
    config: localBotConfig({ channelSecret: SECRET, channelAccessToken: TOKEN, lineBase: platform.url }),
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

  // Everyone is a registered member of staff (consented and linked), as in daily use.
  const linkBatch = db.batch();
  for (const [i, userId] of users.entries()) {
    linkBatch.set(db.collection('conversations').doc(userId), {
      person: { employeeId: `B${i}`, name: `พนักงานทดสอบ ${i}`, roles: ['staff'] },
      consent: consentRecord('granted', new Date()),
    });
  }
  await linkBatch.commit();

  // warm-up: JIT, connections, emulator indexes
  await drive(bot.webhookUrl, users.slice(0, 5), 1, conversation, toEvent);

  const ops = countFirestoreOps();
  const ours = await drive(bot.webhookUrl, users, CONVERSATIONS, conversation, toEvent);
  const { reads, writes } = ops.counts;
  ops.restore();

  const echo = await startEchoBaseline(platform.url);
  const echoTurns: Turn[] = conversation.map((_, i) => ({ kind: 'text', text: `ข้อความที่ ${i + 1}` }));
  await drive(echo.url, users.slice(0, 5), 1, echoTurns, toEvent);
  const bare = await drive(echo.url, users, CONVERSATIONS, echoTurns, toEvent);
  await new Promise<void>((r) => echo.server.close(() => r()));

  const rejected = platform.requests().filter((r) => r.status >= 400).length;
  const print = (name: string, r: RunResult) =>
    console.log(
      `${name.padEnd(22)} turns=${r.turns} errors=${r.errors} p50=${r.p50.toFixed(1)}ms p95=${r.p95.toFixed(1)}ms p99=${r.p99.toFixed(1)}ms max=${r.max.toFixed(1)}ms throughput=${r.perSecond.toFixed(1)} turns/s`,
    );
  console.log(
    `users=${USERS} conversations/user=${CONVERSATIONS} turns/conversation=${conversation.length} cores=${(await import('node:os')).cpus().length}`,
  );
  print('phattana webhook', ours);
  print('bare bot-sdk echo', bare);
  console.log(
    `firestore reads/turn=${(reads / ours.turns).toFixed(2)} writes/turn=${(writes / ours.turns).toFixed(2)} (reads=${reads} writes=${writes})`,
  );
  console.log(
    `throughput vs bare echo=${(ours.perSecond / bare.perSecond).toFixed(2)} (target ≥ 0.5); p99 target ≤ 500 ms: ${ours.p99 <= 500 ? 'met' : 'MISSED'}`,
  );
  console.log(`LINE calls rejected by the fake platform=${rejected}`);
  const saved = await db.collection('externalTrainings').count().get();
  console.log(
    `external trainings saved=${saved.data().count} (expected ${USERS * CONVERSATIONS} + 5 from the warm-up)`,
  );

  await bot.close();
  await platform.close();
  await emulator.stop();
  process.exit(0);
}

interface RunResult {
  turns: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
}

/** Every user runs its conversations sequentially (a person waits for the answer); users run concurrently. */
async function drive(
  url: string,
  users: string[],
  conversations: number,
  turns: Turn[],
  toEvent: (userId: string, t: Turn) => webhook.Event,
): Promise<RunResult> {
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
