import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueInvite, loadRichMenuImages, setupRichMenus, silentLogger } from '@phattana/bot';
import { formatInviteCode } from '@phattana/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localBotConfig } from '../../dev/src/dev-settings';
import { startLocalBot } from '../../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser } from '../support/browser';
import { useTestFirestore } from '../support/firestore';
import { openSimulatorAs, simulatorChat } from '../support/simulator-chat';

const SCREENSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs/simulator.png');
const USER = {
  userId: 'U0004dddddddddddddddddddddddddddd',
  displayName: 'นางสาวปิยะนุช แก้วมณี',
  note: 'นักทรัพยากรบุคคล',
};
const fs = useTestFirestore();

// The whole chain a person sees: Chromium → simulator → signed webhook → the real bot → Firestore
// emulator → reply through the fake LINE platform → rendered in the page.
describeBrowser('the real bot in the LINE simulator', () => {
  let stack: SimulatorStack;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    stack = await startSimulatorStack({
      demoUsers: [USER],
      startBot: async ({ platform, channelSecret, channelAccessToken }) =>
        startLocalBot({
          // menus per role, exactly as a deployment sets them up
          richMenus: (
            await setupRichMenus({
              http: { channelAccessToken, apiBase: platform.url, dataBase: platform.url },
              liffId: '2000000000-test',
              images: await loadRichMenuImages(),
            })
          ).menuIdByRole,
          db: fs.db,
          logger: silentLogger,
          config: localBotConfig({ channelSecret, channelAccessToken, lineBase: platform.url }),
        }),
    });
    ({ browser, page } = await openSimulatorAs(stack, USER.userId, pageErrors));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const { botSaid: bot, send, chip } = simulatorChat(() => page);

  it('sends a message and sees the bot’s Thai reply', async () => {
    await send('สวัสดีค่ะ');
    await bot('ขออภัย ยังไม่เข้าใจข้อความนี้');
  });

  it('registers: privacy notice, consent, invite code from HR', async () => {
    const municipality = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await municipality
      .collection('employees')
      .doc('E004')
      .set({ id: 'E004', code: 'E004', name: USER.displayName, roles: ['staff', 'hr'], active: true });
    const { code } = await issueInvite(
      fs.db,
      { employees: municipality.collection('employees'), invites: municipality.collection('invites') },
      { employeeId: 'E004', now: new Date(), issuedBy: 'test' },
    );
    await chip('ลงทะเบียน');
    await bot('ประกาศความเป็นส่วนตัว');
    await chip('ยอมรับ');
    await chip('ใช้รหัสเชิญ');
    await bot('พิมพ์รหัสเชิญ 8 ตัว');
    await send(formatInviteCode(code));
    await bot('ลงทะเบียนสำเร็จ');
    // HR gets the HR rich menu (two tabs) in the chat
    await send('เมนู');
    await bot('เมนู "พัฒนา"');
    await page.getByTestId('richmenu-toggle').waitFor();
    await expect.poll(() => page.locator('#richmenu-label').textContent()).toBe('เมนูพัฒนา');
    await expect
      .poll(() => page.locator('#richmenu-panel img').getAttribute('alt'))
      .toMatch(/^phattana:hr-general:/);
    if (process.env.SCREENSHOT === '1') {
      if (await page.locator('#richmenu-panel').isHidden()) await page.getByTestId('richmenu-toggle').click();
      await page.waitForTimeout(600);
      await page.screenshot({ path: SCREENSHOT.replace('simulator.png', 'simulator-registered.png') });
    }
  });

  it('reports an external training end to end with chips, a date picker and a Flex summary', async () => {
    // started from the rich menu, as people do
    if (await page.locator('#richmenu-panel').isHidden()) await page.getByTestId('richmenu-toggle').click();
    await page.getByRole('button', { name: 'แจ้งอบรมภายนอก' }).first().click();
    await bot('(1/6) ชื่อหลักสูตร');
    await send('การบริหารทรัพยากรบุคคลในองค์กรปกครองส่วนท้องถิ่น');
    await bot('(2/6)');
    await send('วิทยาลัยพัฒนาการปกครองท้องถิ่น');
    await bot('(3/6) รูปแบบการพัฒนา');
    await chip('สัมมนา/เวิร์กช็อป');
    await bot('(4/6) วันที่เริ่มอบรม');
    await chip('เลือกวันที่');
    await page.getByTestId('datetime-input').fill('2026-11-02');
    await page.getByTestId('datetime-ok').click();
    await bot('(5/6) วันที่อบรมวันสุดท้าย');
    await send('4/11/2569');
    await bot('(6/6)');
    await chip('18');
    await page.getByText('ตรวจสอบก่อนส่ง').waitFor();
    await page.getByText('2 พฤศจิกายน 2569 – 4 พฤศจิกายน 2569').waitFor();
    if (process.env.SCREENSHOT === '1') {
      await mkdir(path.dirname(SCREENSHOT), { recursive: true });
      await page.waitForTimeout(600); // let the chat finish scrolling to the card
      await page.screenshot({ path: SCREENSHOT });
    }
    await page.getByRole('button', { name: 'ส่งให้ฝ่ายบุคคล' }).click();
    await bot('ให้ฝ่ายบุคคลตรวจสอบแล้ว');

    const saved = await fs.db.collection('externalTrainings').where('lineUserId', '==', USER.userId).get();
    expect(saved.docs.map((d) => d.get('method'))).toEqual(['seminar']);
    expect(saved.docs[0]?.get('startDate')).toBe('2026-11-02');
    expect(pageErrors).toEqual([]);
  });

  it('starts a training request from its rich-menu tile: the first question lists HR’s catalogue', async () => {
    const start = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await fs.db
      .collection('municipalities')
      .doc(DEMO_MUNICIPALITY_ID)
      .collection('trainings')
      .doc('PLAN1')
      .set({
        title: 'การจัดทำแผนพัฒนาท้องถิ่น',
        organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
        method: 'training',
        startDate: start,
        endDate: start,
        hours: 6,
        attendees: [],
      });
    if (await page.locator('#richmenu-panel').isHidden()) await page.getByTestId('richmenu-toggle').click();
    await page.locator('#richmenu-panel').getByRole('button', { name: 'ขอไปอบรม', exact: true }).click();
    await bot('ขออนุมัติไปอบรม');
    await bot(/\(1\/\d+\) เลือกหลักสูตรที่ต้องการไปอบรม\n1\. การจัดทำแผนพัฒนาท้องถิ่น/);
    await chip('หลักสูตรภายนอก');
    await bot(/\(2\/\d+\) ชื่อหลักสูตรหรือหัวข้อการอบรม/);
    // nothing is sent until the summary is confirmed
    await chip('ยกเลิก');
    await bot('คำขอที่กรอกไว้ยังไม่ได้ส่ง');
    const requests = await fs.db.collectionGroup('trainingRequests').get();
    expect(requests.size).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
