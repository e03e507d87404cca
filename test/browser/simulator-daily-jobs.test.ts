import { silentLogger } from '@phattana/bot';
import { consentRecord } from '@phattana/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localBotConfig } from '../../dev/src/dev-settings';
import { type LocalBot, startLocalBot } from '../../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID, demoLineUserId } from '../../dev/src/seed/demo-municipality';
import { seedDemo } from '../../dev/src/seed/seed';
import { dailyJobsAction } from '../../dev/src/simulator/daily-jobs-action';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser } from '../support/browser';
import { useTestFirestore } from '../support/firestore';
import { openSimulatorAs } from '../support/simulator-chat';
import { useTestStorage } from '../support/storage';

// The README's report walk on the day a new user tried it: Monday 7 Dec 2026, a substitution holiday.
// The seed has E010's report open already; "⏰ งานเช้า" as of today says why it sends nothing, offers
// the next working day, and as of that day E010 is told about the report. Chromium → simulator →
// the real bot → the Firestore emulator.

const TODAY = '2026-12-07';
const NOW = new Date(`${TODAY}T10:00:00+07:00`);
const USER = { userId: demoLineUserId('E010'), displayName: 'นางสาวจิราพร สายทอง', note: 'กองคลัง' };
const fs = useTestFirestore();
const storage = useTestStorage();

describeBrowser('the morning job in the simulator, on a holiday and on the next working day', () => {
  let stack: SimulatorStack;
  let bot: LocalBot | undefined;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  const m = () => fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

  beforeAll(async () => {
    await seedDemo(fs.db, NOW);
    await m()
      .collection('employees')
      .doc('E010')
      .set({ lineUserId: USER.userId, lineFollowing: true }, { merge: true });
    await fs.db
      .collection('conversations')
      .doc(USER.userId)
      .set({
        person: { employeeId: 'E010', name: USER.displayName, roles: ['staff'] },
        consent: consentRecord('granted', NOW),
      });
    stack = await startSimulatorStack({
      demoUsers: [USER],
      devActions: [
        dailyJobsAction(
          () => bot,
          () => TODAY,
        ),
      ],
      startBot: async ({ platform, channelSecret, channelAccessToken }) => {
        bot = await startLocalBot({
          db: fs.db,
          clock: () => NOW,
          logger: silentLogger,
          media: storage.media,
          config: localBotConfig({ channelSecret, channelAccessToken, lineBase: platform.url }),
        });
        return bot;
      },
    });
    ({ browser, page } = await openSimulatorAs(stack, USER.userId, pageErrors));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const result = () => page.getByTestId('dev-action-daily-jobs-result');

  it('the seed has E010’s report of the course that ended on the last working day open already', async () => {
    const reports = await m()
      .collection('reports')
      .where('employeeId', '==', 'E010')
      .where('status', '==', 'pending')
      .get();
    const recent = reports.docs
      .map((d) => d.data())
      .find((r) => String(r.trainingId).startsWith('T-RECENT-'));
    // Friday 4 Dec: Saturday 5 Dec is the King's birthday, then the weekend and today's substitution day
    expect(recent).toMatchObject({
      endDate: '2026-12-04',
      startDate: '2026-12-03',
      returnDate: '2026-12-04',
    });
    // 7 working days after 4 Dec: 8, 9, 11, 14, 15, 16, 17 (7 and 10 Dec are holidays)
    expect(recent?.dueDate).toBe('2026-12-17');
  });

  it('on the holiday: says what day it is, sends nothing and says why, offers the next working day', async () => {
    const field = page.getByTestId('dev-action-daily-jobs-date');
    await expect.poll(() => field.inputValue(), { timeout: 15_000 }).toBe(TODAY);
    await expect
      .poll(() => page.getByTestId('dev-action-daily-jobs-note').textContent(), { timeout: 15_000 })
      .toMatch(/วันจันทร์ 7 ธ\.ค\. 2569 · วันหยุด: .*พ่อ/);
    const suggest = page.getByTestId('dev-action-daily-jobs-suggest');
    expect(await suggest.textContent()).toBe('วันทำการถัดไป: วันอังคาร 8 ธ.ค. 2569');

    await page.getByTestId('dev-action-daily-jobs').click();
    await expect
      .poll(() => result().textContent(), { timeout: 15_000 })
      .toContain('งานเช้าของวันจันทร์ 7 ธ.ค. 2569');
    expect(await result().textContent()).toMatch(/วันหยุด: .*จึงไม่ส่งข้อความเตือนหรือคำเชิญ/);
    expect(await result().textContent()).toContain('ลองวันทำการถัดไป 8 ธ.ค. 2569');
    expect(stack.platform.messagesFor(USER.userId)).toEqual([]);
  });

  it('on the next working day: E010 is told about the report; a second press sends nothing again', async () => {
    await page.getByTestId('dev-action-daily-jobs-suggest').click();
    await expect
      .poll(() => page.getByTestId('dev-action-daily-jobs-date').inputValue(), { timeout: 15_000 })
      .toBe('2026-12-08');
    await expect
      .poll(() => page.getByTestId('dev-action-daily-jobs-note').textContent(), { timeout: 15_000 })
      .toBe('วันอังคาร 8 ธ.ค. 2569 · วันทำการ');
    await expect
      .poll(() => page.getByTestId('dev-action-daily-jobs-suggest').isHidden(), { timeout: 15_000 })
      .toBe(true);

    await page.getByTestId('dev-action-daily-jobs').click();
    await page
      .getByTestId('bubble-bot')
      .filter({ hasText: 'การใช้ระบบสารบรรณอิเล็กทรอนิกส์และลายมือชื่อดิจิทัล' })
      .first()
      .waitFor();
    await expect
      .poll(() => result().textContent(), { timeout: 15_000 })
      .toContain('งานเช้าของวันอังคาร 8 ธ.ค. 2569: เปิดรายงาน 0 ฉบับ');
    expect(await result().textContent()).not.toContain('ไม่มีข้อความต้องส่ง');

    const shown = await page.getByTestId('bubble-bot').count();
    await page.getByTestId('dev-action-daily-jobs').click();
    await expect
      .poll(() => result().textContent(), { timeout: 15_000 })
      .toContain('ไม่มีข้อความต้องส่ง (ทุกข้อความของวันนี้ส่งไปแล้วก่อนหน้า');
    expect(await page.getByTestId('bubble-bot').count()).toBe(shown);
    expect(pageErrors).toEqual([]);
  });
});
