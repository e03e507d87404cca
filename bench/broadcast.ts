// bench/broadcast: HR reminds N demo staff with pending reports, through signed webhooks, the real
// Firestore emulator and the fake LINE platform with injected 429s. Prints the LINE calls by endpoint
// (must be ⌈N/500⌉ accepted multicasts and no pushes to staff), planning wall and CPU time, sending wall
// time, Firestore reads/writes, and how many people got the reminder (must be N, each once).
// Usage: npx tsx bench/broadcast.ts [N=10000]
import { randomBytes } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';
import { createHmacPostbackSigner, derivePostbackSecret, silentLogger } from '@phattana/bot';
import {
  consentRecord,
  encodePostback,
  MULTICAST_MAX,
  type PostbackPayload,
  selectRecipients,
} from '@phattana/shared';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { rebuildOwingIndex } from '../bot/src/owing/owing-index-store';
import { localBotConfig } from '../dev/src/dev-settings';
import { startFirestoreEmulator } from '../dev/src/firestore/emulator';
import { startLinePlatform } from '../dev/src/line-platform';
import { startLocalBot } from '../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../dev/src/seed/demo-municipality';
import { buildPostbackEvent, buildTextEvent, signBody } from '../dev/src/simulator/webhook-events';
import { broadcastPlanReads } from './support/broadcast-plan-reads';
import { countFirestoreOps } from './support/firestore-op-counter';

const N = Number(process.argv[2] ?? 10_000);
const INJECTED_429 = 6;
const SECRET = 'bench-channel-secret-0123456789';
const TOKEN = 'bench-access-token';
const MULTICAST = '/v2/bot/message/multicast';
/** Issue #15: planning a reminder to 10,000 people reads at most this many documents. */
const PLAN_READS_TARGET = 200;

/**
 * The bot's time: today at 10:00 in Thailand, running on from there, so the broadcast goes out at once
 * whenever the bench runs (at night quiet hours would hold it until 08:00 and nothing would be sent).
 */
const started = performance.now();
const DAYTIME = new Date(`${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}T03:00:00Z`);
const now = () => new Date(DAYTIME.getTime() + (performance.now() - started));

async function main() {
  process.env.METADATA_SERVER_DETECTION = 'none';
  const emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const db = getFirestore(initializeApp({ projectId: `bench-broadcast-${Date.now()}` }, 'bench'));
  const platform = await startLinePlatform({ channelAccessToken: TOKEN });
  const bot = await startLocalBot({
    db,
    clock: now,
    logger: silentLogger,
    loadingAfterMs: 1500,
    config: localBotConfig({ channelSecret: SECRET, channelAccessToken: TOKEN, lineBase: platform.url }),
  });
  const signer = createHmacPostbackSigner(derivePostbackSecret(SECRET));
  const m = db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

  // N linked, following staff, each with one pending report (every fifth with a second one)
  const seedStarted = performance.now();
  await m.set(demoMunicipality);
  const staff = Array.from({ length: N }, (_, i) => ({
    id: `D${String(i).padStart(5, '0')}`,
    userId: `U${randomBytes(16).toString('hex')}`,
  }));
  let writes = 0;
  let batch = db.batch();
  const flushAt = async (n: number) => {
    writes += n;
    if (writes >= 450) {
      await batch.commit();
      batch = db.batch();
      writes = 0;
    }
  };
  for (const [i, s] of staff.entries()) {
    platform.setFollowing(s.userId, true);
    batch.set(m.collection('employees').doc(s.id), {
      id: s.id,
      code: s.id,
      name: `พนักงานสาธิต ${i + 1}`,
      divisionId: demoMunicipality.divisions[i % demoMunicipality.divisions.length]?.id,
      roles: ['staff'],
      active: true,
      lineUserId: s.userId,
      lineFollowing: true,
    });
    const reports = i % 5 === 0 ? 2 : 1;
    for (let r = 0; r < reports; r++) {
      batch.set(m.collection('reports').doc(`BT${r}__${s.id}`), {
        id: `BT${r}__${s.id}`,
        trainingId: `BT${r}`,
        trainingTitle: `หลักสูตรสาธิต ${r + 1}`,
        employeeId: s.id,
        employeeName: `พนักงานสาธิต ${i + 1}`,
        dueDate: r === 0 ? '2026-01-10' : '2026-02-10',
        status: 'pending',
      });
    }
    await flushAt(1 + reports);
  }
  await batch.commit();
  const hr = { id: 'HR001', userId: `U${randomBytes(16).toString('hex')}`, name: 'นางสาวปิยะนุช แก้วมณี' };
  platform.setFollowing(hr.userId, true);
  await m
    .collection('employees')
    .doc(hr.id)
    .set({
      id: hr.id,
      code: hr.id,
      name: hr.name,
      roles: ['staff', 'hr'],
      active: true,
      lineUserId: hr.userId,
      lineFollowing: true,
    });
  await db
    .collection('conversations')
    .doc(hr.userId)
    .set({
      person: { employeeId: hr.id, name: hr.name, roles: ['staff', 'hr'] },
      consent: consentRecord('granted', now()),
    });
  console.log(
    `seeded ${N} staff with pending reports in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
  );
  // as after deploying to a municipality with data: the who-owes-what index built from the records
  const rebuildStarted = performance.now();
  const rebuilt = await rebuildOwingIndex(m);
  console.log(
    `who-owes-what index rebuilt: ${rebuilt.people} people in ${rebuilt.shards} shards, ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`,
  );

  const post = async (e: webhook.Event) => {
    const body = JSON.stringify({ destination: 'Ubench', events: [e] });
    const res = await fetch(bot.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signBody(SECRET, body) },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await bot.drain();
  };
  const tap = (payload: PostbackPayload) =>
    post(
      buildPostbackEvent({
        userId: hr.userId,
        replyToken: platform.issueReplyToken(hr.userId),
        data: encodePostback(payload, signer, now()),
      }),
    );
  const start = () =>
    post(
      buildTextEvent({
        userId: hr.userId,
        text: 'แจ้งเตือนผู้ค้างส่ง',
        replyToken: platform.issueReplyToken(hr.userId),
      }),
    );
  const draftId = async (status: string) => {
    const q = await m.collection('broadcasts').where('status', '==', status).get();
    const id = q.docs[0]?.id;
    if (!id) throw new Error(`no broadcast in status ${status}`);
    return id;
  };

  // warm-up, as in a running instance: one preview (cold JIT, connections, emulator indexes), cancelled
  await start();
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  await tap({ a: 'hb.filter', kind: 'allPending' });
  const cold = { wallMs: performance.now() - w0, cpu: process.cpuUsage(c0) };
  await tap({ a: 'hb.cancel', b: await draftId('draft') });
  await start();

  // planning: the group choice, its turn, the prepare task (reads, selection, draft + batches) and the preview push
  const ops = countFirestoreOps();
  let cpu0 = process.cpuUsage();
  let t0 = performance.now();
  await tap({ a: 'hb.filter', kind: 'allPending' });
  const planWallMs = performance.now() - t0;
  const planCpu = process.cpuUsage(cpu0);
  const planOps = { ...ops.counts };
  ops.reset();

  const draft = { id: await draftId('draft') };
  ops.reset();

  platform.injectFault({ path: MULTICAST, status: 429, count: INJECTED_429, retryAfterSec: 1 });
  cpu0 = process.cpuUsage();
  t0 = performance.now();
  await tap({ a: 'hb.confirm', b: draft.id });
  const sendWallMs = performance.now() - t0;
  const sendCpu = process.cpuUsage(cpu0);
  const sendOps = { ...ops.counts };
  ops.restore();

  // the selection alone, on data already in memory, for the pure domain's share
  const employees = staff.map((s, i) => ({
    id: s.id,
    name: `พนักงานสาธิต ${i + 1}`,
    active: true,
    lineUserId: s.userId,
    lineFollowing: true,
  }));
  const open = staff.flatMap((s, i) => [
    { employeeId: s.id, dueDate: '2026-01-10', status: 'pending' as const },
    ...(i % 5 === 0 ? [{ employeeId: s.id, dueDate: '2026-02-10', status: 'pending' as const }] : []),
  ]);
  const s0 = performance.now();
  selectRecipients(open, employees, { kind: 'allPending' }, '2026-01-14');
  const selectMs = performance.now() - s0;

  const byEndpoint = new Map<string, number>();
  for (const r of platform.requests()) {
    const key = `${r.method} ${r.path} ${r.status}`;
    byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
  }
  const pushesToStaff = platform
    .requests({ path: '/v2/bot/message/push' })
    .filter((r) => (r.body as { to?: string }).to !== hr.userId).length;
  let delivered = 0;
  let duplicates = 0;
  let missing = 0;
  for (const s of staff) {
    const got = platform.messagesFor(s.userId).filter((d) => d.delivered && d.via === 'multicast').length;
    if (got >= 1) delivered++;
    if (got > 1) duplicates++;
    if (got === 0) missing++;
  }
  const accepted = byEndpoint.get(`POST ${MULTICAST} 200`) ?? 0;
  const refused429 = byEndpoint.get(`POST ${MULTICAST} 429`) ?? 0;
  const expected = Math.ceil(N / MULTICAST_MAX);
  const doc = (await m.collection('broadcasts').doc(draft.id).get()).data() ?? {};
  const plan = await broadcastPlanReads(db, m, now());
  const ms = (x: number) => `${x.toFixed(0)} ms`;

  console.log(
    `\nN=${N} recipients=${doc.recipientCount} status=${doc.status} deliveredCount=${doc.deliveredCount} sendRuns=${doc.sendRuns}`,
  );
  console.log('LINE calls by endpoint:');
  for (const [k, v] of [...byEndpoint.entries()].sort()) console.log(`  ${k.padEnd(40)} ${v}`);
  console.log(
    `multicasts accepted=${accepted} (expected ⌈${N}/${MULTICAST_MAX}⌉=${expected}: ${accepted === expected ? 'met' : 'MISSED'}); refused with 429=${refused429} (injected ${INJECTED_429}); pushes to staff=${pushesToStaff} (must be 0)`,
  );
  console.log(
    `planning: wall=${ms(planWallMs)} cpu=${ms((planCpu.user + planCpu.system) / 1000)} (target < 1000 ms cpu: ${(planCpu.user + planCpu.system) / 1000 < 1000 ? 'met' : 'MISSED'}); selection alone=${selectMs.toFixed(1)} ms`,
  );
  console.log(
    `planning, cold (the process's first preview, then cancelled): wall=${ms(cold.wallMs)} cpu=${ms((cold.cpu.user + cold.cpu.system) / 1000)}`,
  );
  console.log(
    `sending:  wall=${ms(sendWallMs)} cpu=${ms((sendCpu.user + sendCpu.system) / 1000)} (includes waiting out the 429s' Retry-After: 1 s)`,
  );
  console.log(
    `firestore planning reads=${planOps.reads} writes=${planOps.writes}; sending reads=${sendOps.reads} writes=${sendOps.writes}`,
  );
  console.log(
    `planning reads for ${doc.recipientCount} recipients: ${planOps.reads} for HR's whole tap (target ≤ ${PLAN_READS_TARGET}: ${planOps.reads <= PLAN_READS_TARGET ? 'met' : 'MISSED'}), ${plan.reads} for the prepare step alone (${plan.recipients} recipients, ${ms(plan.wallMs)})`,
  );
  console.log(
    `delivered=${delivered}/${N} duplicates=${duplicates} missing=${missing}: ${delivered === N && duplicates === 0 ? 'all, once each' : 'PROBLEM'}`,
  );

  await bot.close();
  await platform.close();
  await emulator.stop();
  process.exit(delivered === N && duplicates === 0 && accepted === expected && pushesToStaff === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
