// bench/message-budget: the demo municipality's fiscal year (2570: 1 Oct 2026 – 30 Sep 2027) replayed
// day by day: the demo seed, a training ending every two weeks (its attendees owe reports), a
// satisfaction survey each quarter, people filing reports and answering surveys as the days go by, and
// the morning jobs on every working day, against the real Firestore emulator and the fake LINE platform
// counting its quota as LINE does. Three runs over the same year:
//   before — one push per reminder or invitation (today's behaviour before the digest), no budget;
//   after  — one morning digest per person per day, identical digests as multicasts, the budget on;
//   low    — as "after" with the quota set to LOW messages a month (default: 60% of "after"'s busiest
//            month): what is held back, and whether every essential message still went.
// Prints LINE messages (as LINE counts: per recipient per request) per person per month for each run,
// and the same figures as JSON on the last line.
// Usage: npx tsx bench/message-budget.ts [--days N] [--low N]
import { silentLogger } from '@phattana/bot';
import { addDays, bangkokDate, surveyFromTemplate, surveyPersonKey } from '@phattana/shared';
import { initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { localBotConfig } from '../dev/src/dev-settings';
import { startFirestoreEmulator } from '../dev/src/firestore/emulator';
import { type LinePlatform, startLinePlatform } from '../dev/src/line-platform';
import { startLocalBot } from '../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID, demoEmployees, demoLineUserId } from '../dev/src/seed/demo-municipality';
import { seedDemo } from '../dev/src/seed/seed';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const DAYS = arg('days') ?? 365;
const FIRST_DAY = '2026-10-01';
const SECRET = 'bench-channel-secret-0123456789';
const TOKEN = 'bench-access-token';
const at9 = (day: string) => new Date(`${day}T09:00:00+07:00`);

/** A small deterministic PRNG, so every run replays the same year. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Mode = 'before' | 'after' | 'low';
interface YearResult {
  /** month → LINE messages counted (recipient × request) */
  readonly perMonth: Map<string, number>;
  readonly people: number;
  readonly heldBack: number;
  readonly essentialHeldBack: number;
  readonly wallMs: number;
}

async function replayYear(mode: Mode, platform: LinePlatform, lowQuota: number): Promise<YearResult> {
  const started = performance.now();
  platform.reset();
  const db: Firestore = getFirestore(
    initializeApp({ projectId: `bench-budget-${mode}-${Date.now()}` }, `bench-${mode}`),
  );
  let now = at9(FIRST_DAY);
  platform.setClock(now);
  if (mode === 'low') platform.setQuota({ type: 'limited', value: lowQuota });
  const bot = await startLocalBot({
    db,
    logger: silentLogger,
    clock: () => now,
    config: localBotConfig({ channelSecret: SECRET, channelAccessToken: TOKEN, lineBase: platform.url }),
    ...(mode === 'before' ? { dailyDigest: false as const, messageBudget: false as const } : {}),
  });
  const m = db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
  await seedDemo(db, now);
  // everyone has linked LINE and follows the bot
  const people = demoEmployees.filter((e) => e.active);
  const w = db.batch();
  for (const e of people) {
    const userId = demoLineUserId(e.code);
    platform.setFollowing(userId, true);
    w.set(m.collection('employees').doc(e.id), { lineUserId: userId, lineFollowing: true }, { merge: true });
  }
  await w.commit();

  const random = prng(2570);
  const pick = (n: number) =>
    [...people]
      .sort(() => random() - 0.5)
      .slice(0, n)
      .map((e) => e.id);
  for (let day = FIRST_DAY, i = 0; i < DAYS; i++, day = addDays(day, 1)) {
    now = at9(day);
    platform.setClock(now);
    // a training ends every other Thursday; a satisfaction survey opens each quarter
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 4 && i % 14 < 7)
      await m
        .collection('trainings')
        .doc(`BENCH-${day}`)
        .set({
          title: `หลักสูตรพัฒนาบุคลากร ${day}`,
          organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
          method: 'training',
          startDate: addDays(day, -1),
          endDate: day,
          hours: 12,
          attendees: pick(3 + Math.floor(random() * 4)),
        });
    if (day.endsWith('-05') && ['2027-01', '2027-04', '2027-07'].includes(day.slice(0, 7)))
      await m
        .collection('surveys')
        .doc(`sat-${day}`)
        .set({
          ...surveyFromTemplate('satisfaction', {
            id: `sat-${day}`,
            fiscalYear: 2570,
            opensOn: day,
            closesOn: addDays(day, 14),
          }),
          status: 'open',
          reminders: { maxReminders: 2, everyWorkingDays: 3 },
        });
    await bot.runDailyJobs(now);
    // people act during the day: some file their report, some answer the surveys they were invited to
    const pending = await m.collection('reports').where('status', '==', 'pending').get();
    for (const r of pending.docs) if (random() < 0.12) await r.ref.update({ status: 'submitted' });
    const invited = await m.collection('notifications').where('kind', '==', 'surveyInvitation').get();
    for (const n of invited.docs) {
      if (n.get('status') !== 'sent' || random() >= 0.2) continue;
      const surveyId = String(n.get('surveyId'));
      const employeeId = String(n.get('employeeId'));
      const ref = m.collection('surveyCompletions').doc(surveyPersonKey(surveyId, employeeId));
      if (!(await ref.get()).exists) await ref.set({ surveyId, employeeId, completedAt: now });
    }
  }

  const perMonth = new Map<string, number>();
  for (const e of people) {
    const seen = new Set<string>();
    for (const d of platform.messagesFor(demoLineUserId(e.code))) {
      if (!d.delivered || (d.via !== 'push' && d.via !== 'multicast') || seen.has(d.requestId)) continue;
      seen.add(d.requestId); // a request counts once per recipient, whatever it holds
      const month = bangkokDate(new Date(d.at)).slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
  }
  let heldBack = 0;
  let essentialHeldBack = 0;
  for (const month of (await db.collection('messageBudget').get()).docs) {
    for (const h of (await month.ref.collection('heldBack').get()).docs) {
      heldBack++;
      if (h.get('priority') === 'essential') essentialHeldBack++;
    }
  }
  await bot.close();
  return {
    perMonth,
    people: people.length,
    heldBack,
    essentialHeldBack,
    wallMs: performance.now() - started,
  };
}

async function main() {
  process.env.METADATA_SERVER_DETECTION = 'none';
  const emulator = await startFirestoreEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const platform = await startLinePlatform({ channelAccessToken: TOKEN });
  try {
    const before = await replayYear('before', platform, 0);
    const after = await replayYear('after', platform, 0);
    const busiest = Math.max(...after.perMonth.values());
    const lowQuota = arg('low') ?? Math.max(1, Math.floor(busiest * 0.6));
    const low = await replayYear('low', platform, lowQuota);

    const months = [...new Set([...before.perMonth.keys(), ...after.perMonth.keys()])].sort();
    const per = (n: number | undefined, people: number) => ((n ?? 0) / people).toFixed(2).padStart(7);
    console.log(`demo year ${FIRST_DAY} + ${DAYS} days, ${before.people} people, all linked`);
    console.log('LINE messages per person per month (LINE counts one per recipient per push/multicast)');
    console.log(
      `month    ${'before'.padStart(7)} ${'after'.padStart(7)} ${`low(${lowQuota})`.padStart(9)}  after/before`,
    );
    for (const month of months) {
      const b = before.perMonth.get(month) ?? 0;
      const a = after.perMonth.get(month) ?? 0;
      const ratio = b > 0 ? (a / b).toFixed(2) : '–';
      console.log(
        `${month}  ${per(b, before.people)} ${per(a, after.people)} ${per(low.perMonth.get(month), low.people).padStart(9)}  ${ratio}`,
      );
    }
    const total = (r: YearResult) => [...r.perMonth.values()].reduce((x, y) => x + y, 0);
    console.log(
      `year total: before=${total(before)} after=${total(after)} (×${(total(after) / Math.max(1, total(before))).toFixed(2)}) low=${total(low)}`,
    );
    const over = [...low.perMonth.values()].filter((n) => n > lowQuota).length;
    console.log(
      `low quota ${lowQuota}/month: months over quota=${over} (must be 0); held back=${low.heldBack} (essential among them=${low.essentialHeldBack})`,
    );
    console.log(
      `wall: before=${(before.wallMs / 1000).toFixed(1)} s after=${(after.wallMs / 1000).toFixed(1)} s low=${(low.wallMs / 1000).toFixed(1)} s`,
    );
    // the last line, for scripts: the same figures as JSON (messages per person per month)
    const perPerson = (r: YearResult, month: string) =>
      Number(((r.perMonth.get(month) ?? 0) / r.people).toFixed(2));
    console.log(
      JSON.stringify({
        bench: 'message-budget',
        firstDay: FIRST_DAY,
        days: DAYS,
        people: before.people,
        perPersonPerMonth: months.map((month) => ({
          month,
          before: perPerson(before, month),
          after: perPerson(after, month),
          low: perPerson(low, month),
        })),
        yearTotal: { before: total(before), after: total(after), low: total(low) },
        afterOverBefore: Number((total(after) / Math.max(1, total(before))).toFixed(3)),
        lowQuota,
        monthsOverLowQuota: over,
        heldBack: low.heldBack,
        essentialHeldBack: low.essentialHeldBack,
      }),
    );
    process.exitCode = over === 0 ? 0 : 1;
  } finally {
    await platform.close();
    await emulator.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
