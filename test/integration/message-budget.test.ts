import { randomUUID } from 'node:crypto';
import { createHttpLineClient, municipalityCollections } from '@phattana/bot';
import { addDays, type IsoDate, type SurveyDefinition, surveyFromTemplate } from '@phattana/shared';
import type { DocumentReference } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { forecastRestOfMonth } from '../../bot/src/budget/budget-forecast';
import { createFirestoreBudgetLedger } from '../../bot/src/budget/budget-ledger';
import { readCounterShards, sumCounters } from '../../bot/src/stats/counter-shards';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// The LINE message budget end to end: the real emulator, the fake LINE platform counting its monthly
// quota as LINE does, the daily jobs. December 2569 (2026): Mon 7 and Thu 10 are holidays.

let now = bangkokMorning('2026-12-04');
const sys = useSystem({ clock: () => now });

const pushesTo = (userId: string) =>
  sys.platform
    .requests({ path: '/v2/bot/message/push' })
    .filter((r) => (r.body as { to?: string }).to === userId);

/** what the bot counted as sent this month, per municipality (the month document and its shards) */
async function sentOf(month: DocumentReference): Promise<Record<string, number>> {
  const docs = [(await month.get()).data(), ...(await readCounterShards(month))];
  return (sumCounters(docs).sent as Record<string, number> | undefined) ?? {};
}

async function at(iso: string, hour = 9) {
  now = bangkokMorning(iso, hour);
  const { platform } = await sys.start();
  platform.setClock(now);
  return now;
}

async function runJobs(iso: string, hour = 9) {
  const { bot } = await sys.start();
  return bot.runDailyJobs(await at(iso, hour));
}

function survey(id: string, o: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    ...surveyFromTemplate('trainingNeeds', {
      id,
      fiscalYear: 2570,
      opensOn: '2026-12-01',
      closesOn: '2026-12-18',
      audience: {},
    }),
    status: 'open',
    reminders: { maxReminders: 0, everyWorkingDays: 3 },
    ...o,
  };
}

const training = (id: string, endDate: string, attendees: string[]) => ({
  title: `การอบรม ${id}`,
  organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
  method: 'training',
  startDate: endDate,
  endDate,
  hours: 6,
  attendees,
});

describe('the morning digest', () => {
  it('gathers a person’s day into one push, sends identical days as one multicast, and a rerun sends nothing', async () => {
    const users = await seedChain(sys);
    const m = municipality(sys);
    await m
      .collection('trainings')
      .doc('TR1')
      .set(training('TR1', '2026-12-03', ['R010', 'R011']));
    await m.collection('surveys').doc('TN').set(survey('TN'));

    const first = await runJobs('2026-12-04');
    expect(first.digest).toMatchObject({ pushes: 2, multicasts: 1, people: 6 });
    // R010: the report to send and the survey invitation, in ONE push of two messages
    const r010 = pushesTo(users.R010 as string);
    expect(r010).toHaveLength(1);
    expect((r010[0]?.body as { messages?: unknown[] } | undefined)?.messages).toHaveLength(2);
    expect(textsOf(sys.botMessages(users.R010 as string)).join('\n')).toContain('ส่งรายงานผลการฝึกอบรม');
    expect(textsOf(sys.botMessages(users.R010 as string)).join('\n')).toContain('ขอเชิญตอบแบบสำรวจ');
    // the four with only the invitation: one multicast
    const multicasts = sys.platform.requests({ path: '/v2/bot/message/multicast' });
    expect(multicasts).toHaveLength(1);
    expect(new Set((multicasts[0]?.body as { to?: string[] } | undefined)?.to)).toEqual(
      new Set([users.R001, users.R002, users.R009, users.R004]),
    );
    // each item keeps its own once-only record
    expect((await m.collection('notifications').doc('TR1__R010__opened').get()).get('status')).toBe('sent');
    expect((await m.collection('notifications').doc('survey:TN:invite:R010').get()).get('status')).toBe(
      'sent',
    );

    const sends = () => sys.platform.requests({ path: '/v2/bot/message/*', method: 'POST' }).length;
    const before = sends();
    const again = await runJobs('2026-12-04', 11);
    expect(again.digest).toMatchObject({ pushes: 0, multicasts: 0, people: 0 });
    expect(sends()).toBe(before);
  });
});

describe('when the monthly quota runs short', () => {
  it('keeps essential messages, records the optional ones, tells HR once and never retries into a closed month', async () => {
    await sys.fs.reset();
    const { platform, bot } = await sys.start();
    platform.reset();
    const users = await seedChain(sys);
    const m = municipality(sys);
    // due Wed 16 Dec: Tue 15 is "1 working day left" (optional); due Tue 15: "today" (essential)
    await m
      .collection('trainings')
      .doc('A')
      .set({ ...training('A', '2026-12-04', ['R010']), reportsOpened: true });
    await m
      .collection('trainings')
      .doc('B')
      .set({ ...training('B', '2026-12-03', ['R011']), reportsOpened: true });
    const report = (id: string, employeeId: string, dueDate: string) =>
      m
        .collection('reports')
        .doc(`${id}__${employeeId}`)
        .set({
          trainingId: id,
          trainingTitle: `การอบรม ${id}`,
          method: 'training',
          hours: 6,
          startDate: '2026-12-03',
          endDate: '2026-12-03',
          returnDate: '2026-12-03',
          dueDate,
          employeeId,
          employeeName: employeeId,
          status: 'pending',
          answers: {},
          photos: [],
          history: [{ action: 'opened', by: 'system', at: '2026-12-03T02:00:00.000Z' }],
        });
    await report('A', 'R010', '2026-12-16');
    await report('B', 'R011', '2026-12-15');
    await at('2026-12-15');
    // 18 of 20 used: the last 2 are kept for essential messages
    platform.setQuota({ type: 'limited', value: 20 });
    const filler = sys.newUserId();
    platform.setFollowing(filler, true);
    for (let i = 0; i < 18; i++)
      await bot.line.push(filler, [{ type: 'text', text: `${i}` }], randomUUID(), { priority: 'essential' });
    expect(platform.quotaUsed()).toBe(18);

    const day = await runJobs('2026-12-15');
    expect(day.digest?.items).toMatchObject({ sent: 1, heldBack: 1 });
    // the report due today went; the early reminder was held back and recorded with its reason
    expect(textsOf(sys.botMessages(users.R011 as string)).join()).toContain('วันนี้เป็นวันสุดท้าย');
    expect(pushesTo(users.R010 as string)).toEqual([]);
    expect((await m.collection('notifications').doc('A__R010__dueIn1').get()).get('status')).toBe('heldBack');
    const month = sys.fs.db.collection('messageBudget').doc('2026-12');
    const held = await month.collection('heldBack').get();
    expect(held.docs.map((d) => d.get('reason'))).toEqual(['reservedForEssential']);
    // HR was told in LINE, once
    const hrNotice = () =>
      textsOf(sys.botMessages(users.R004 as string)).filter((t) => t.includes('โควตาข้อความ LINE'));
    expect(hrNotice()).toHaveLength(1);
    expect((await month.get()).get('hrNoticeVia')).toBe('line');
    expect(platform.quotaUsed()).toBe(20);
    // HR's notice passed the gate: the bot counted all that LINE did
    expect(Object.values(await sentOf(month)).reduce((a, b) => a + b, 0)).toBe(20);

    // HR raises the plan by one, and the bot reads it; within the minute someone sends a message from
    // LINE's own manager, which the bot does not see: the bot believes one message is left, LINE says
    // the month is used up: one 429, not retried…
    platform.setQuota({ type: 'limited', value: 21 });
    await at('2026-12-15', 10);
    expect(await bot.budget.reading()).toMatchObject({ limit: 21, used: 20 });
    await createHttpLineClient({
      channelAccessToken: TEST_CHANNEL.accessToken,
      apiBase: platform.url,
      dataBase: platform.url,
    }).push(filler, [{ type: 'text', text: 'จากผู้ดูแลบัญชี' }], randomUUID());
    const before = platform.requests({ path: '/v2/bot/message/push' }).length;
    const err = await bot.line
      .push(users.R009 as string, [{ type: 'text', text: 'งานรออนุมัติ' }], randomUUID())
      .catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'MessageHeldBackError', reason: 'monthlyLimit' });
    const after = platform.requests({ path: '/v2/bot/message/push' }).slice(before);
    expect(after.map((r) => r.status)).toEqual([429]);
    // …and nothing more is tried this month, essential or not
    await bot.line
      .push(users.R009 as string, [{ type: 'text', text: 'อีกครั้ง' }], randomUUID())
      .catch(() => undefined);
    expect(platform.requests({ path: '/v2/bot/message/push' }).length).toBe(before + 1);
    expect(hrNotice()).toHaveLength(1);
    expect((await month.get()).get('closedAt')).toBeDefined();

    // a new month (LINE's, Japan time) opens the quota again by itself
    await at('2027-01-04');
    await bot.line.push(users.R009 as string, [{ type: 'text', text: 'เดือนใหม่' }], randomUUID(), {
      priority: 'optional',
    });
    expect(textsOf(sys.botMessages(users.R009 as string))).toContain('เดือนใหม่');
    expect(platform.quotaUsed()).toBe(1);
  });

  it('resumes within the month once HR raises the plan', async () => {
    await sys.fs.reset();
    const { platform, bot } = await sys.start();
    platform.reset();
    const user = sys.newUserId();
    platform.setFollowing(user, true);
    await at('2026-12-21', 10);
    platform.setQuota({ type: 'limited', value: 0 });
    const push = () =>
      bot.line.push(user, [{ type: 'text', text: 'x' }], randomUUID()).then(
        () => 'sent',
        (e: Error) => e.name,
      );
    expect(await push()).toBe('MessageHeldBackError');
    platform.setQuota({ type: 'limited', value: 100 });
    // the figures are read again after a minute: the higher limit reopens sending
    await at('2026-12-21', 11);
    expect(await push()).toBe('sent');
  });

  it('counts a retried push that LINE had already accepted (409 for its retry key) once', async () => {
    await sys.fs.reset();
    const { platform, bot } = await sys.start();
    platform.reset();
    const user = sys.newUserId();
    platform.setFollowing(user, true);
    await at('2026-12-22', 10);
    const key = randomUUID();
    const message = [{ type: 'text' as const, text: 'รายงานรอท่านพิจารณา' }];
    // the task ran, LINE accepted it, and the task was run again (a crash before it was marked done)
    await bot.line.push(user, message, key);
    await bot.line.push(user, message, key);
    expect(pushesTo(user).map((r) => r.status)).toEqual([200, 409]);
    const month = sys.fs.db.collection('messageBudget').doc('2026-12');
    expect(Object.values(await sentOf(month))).toEqual([1]);
    // a different message is counted on its own
    await bot.line.push(user, message, randomUUID());
    expect(Object.values(await sentOf(month))).toEqual([2]);
  });

  it('forecasts the survey reminders still to come: what the morning jobs then push, day by day', async () => {
    await sys.fs.reset();
    const { platform, bot } = await sys.start();
    platform.reset();
    await seedChain(sys);
    const m = municipality(sys);
    // two people in กองคลัง; an invitation, then up to two reminders three working days apart
    await m
      .collection('surveys')
      .doc('FC')
      .set(
        survey('FC', {
          audience: { divisionIds: ['finance'] },
          closesOn: '2026-12-30',
          reminders: { maxReminders: 2, everyWorkingDays: 3 },
        }),
      );
    await runJobs('2026-12-14');
    const c = municipalityCollections(m);
    const forecast = await forecastRestOfMonth({ c, calendar: await bot.calendar(), now });
    // nobody answers: both are reminded twice before the month ends
    expect(forecast).toBe(4);

    const before = platform.quotaUsed();
    const calendar = await bot.calendar();
    for (let day = '2026-12-15' as IsoDate; day <= '2026-12-31'; day = addDays(day, 1))
      if (calendar.isWorkingDay(day)) await runJobs(day);
    expect(platform.quotaUsed() - before).toBe(forecast);
  });

  it('keeps the deployment’s tally in the collection it is handed, each municipality’s share inside', async () => {
    await sys.fs.reset();
    // one LINE Official Account serving two municipalities: one document per month for both
    const months = sys.fs.db.collection('budget').doc('oa-1').collection('months');
    const ledger = createFirestoreBudgetLedger(sys.fs.db, months);
    await ledger.recordSent('2026-12', 'm-a', 3);
    await ledger.recordSent('2026-12', 'm-b', 2);
    await ledger.recordSent('2026-12', 'm-a', 1);
    expect(await sentOf(months.doc('2026-12'))).toEqual({ 'm-a': 4, 'm-b': 2 });
    expect((await sys.fs.db.collection('messageBudget').doc('2026-12').get()).exists).toBe(false);
  });
});
