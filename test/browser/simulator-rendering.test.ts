import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';

const USER = {
  userId: 'U0001dddddddddddddddddddddddddddd',
  displayName: 'นายสมชาย ใจดี',
  note: 'นายกเทศมนตรี',
};

// The simulator's own rendering (Flex, date pickers, live pushes), driven by a stub bot that echoes
// what it receives. The real bot in the simulator is tested in simulator-real-bot.test.ts.
describeBrowser('LINE simulator in Chromium', () => {
  let stack: SimulatorStack;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    stack = await startSimulatorStack({ demoUsers: [USER] });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(stack.simulatorUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('picks a user, sends a Thai message and shows the bot’s reply', async () => {
    await page.getByTestId('user-picker').selectOption(USER.userId);
    await expect.poll(() => page.locator('#current-user-label').textContent()).toContain(USER.displayName);
    await page.getByTestId('message-input').fill('สวัสดีครับ อยากแจ้งผลการอบรม');
    await page.getByTestId('send-button').click();
    await expect
      .poll(() => page.getByTestId('bubble-user').last().textContent())
      .toBe('สวัสดีครับ อยากแจ้งผลการอบรม');
    await page.getByTestId('bubble-bot').filter({ hasText: 'ได้รับ: สวัสดีครับ อยากแจ้งผลการอบรม' }).waitFor();
    expect(await page.getByTestId('message-input').inputValue()).toBe('');
  });

  it('taps a quick-reply chip (postback with displayText) and sees the next reply', async () => {
    const chip = page.getByTestId('quick-reply').filter({ hasText: 'ถัดไป' });
    await chip.click();
    await page.getByTestId('bubble-user').filter({ hasText: 'ถัดไป' }).waitFor();
    await page.getByTestId('bubble-bot').filter({ hasText: 'postback: step=2' }).waitFor();
    // quick replies belong to the last message only
    await expect.poll(() => page.getByTestId('quick-reply').count()).toBe(0);
    const ev = (
      stack as unknown as { bot: { received: Array<{ body: { events: Array<{ postback?: unknown }> } }> } }
    ).bot.received;
    expect(ev[ev.length - 1]!.body.events[0]!.postback).toEqual({ data: 'step=2' });
  });

  it('picks a date for a datetimepicker chip', async () => {
    await page.getByTestId('message-input').fill('นัดหมาย');
    await page.getByTestId('send-button').click();
    await page.getByTestId('quick-reply').filter({ hasText: 'เลือกวันที่' }).click();
    await page.getByTestId('datetime-input').fill('2025-06-18');
    await page.getByTestId('datetime-ok').click();
    await page
      .getByTestId('bubble-bot')
      .filter({ hasText: 'postback: pick=date {"date":"2025-06-18"}' })
      .waitFor();
  });

  it('shows pushes live and renders Flex messages with working buttons', async () => {
    stack.platform.setFollowing(USER.userId, true);
    const push = await fetch(`${stack.platform.url}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.channelAccessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: USER.userId, messages: [DEMO_FLEX] }),
    });
    expect(push.status).toBe(200);
    await page.getByText('แจ้งผลการอบรมภายนอก').waitFor();
    await page.getByRole('button', { name: 'ยืนยันส่งรายงาน' }).click();
    await page.getByTestId('bubble-bot').filter({ hasText: 'postback: report=confirm' }).waitFor();
    await page.getByTestId('bubble-user').filter({ hasText: 'ยืนยัน' }).waitFor();
  });

  it('sends follow / unfollow and images', async () => {
    await page.getByTestId('block-button').click();
    await page.getByTestId('system-note').filter({ hasText: 'คุณบล็อก' }).waitFor();
    await page.getByTestId('follow-button').click();
    await page.getByTestId('bubble-bot').filter({ hasText: 'ยินดีต้อนรับ' }).waitFor();
    await page
      .getByTestId('image-input')
      .setInputFiles({ name: 'cert.png', mimeType: 'image/png', buffer: PNG });
    await page
      .getByTestId('bubble-bot')
      .filter({ hasText: `ได้รับรูป ${PNG.length} ไบต์` })
      .waitFor();
    expect(pageErrors).toEqual([]);
  });
});

// 1x1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const DEMO_FLEX = {
  type: 'flex',
  altText: 'แจ้งผลการอบรมภายนอก',
  contents: {
    type: 'bubble',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: '#06C755',
      contents: [{ type: 'text', text: 'แจ้งผลการอบรมภายนอก', color: '#ffffff', weight: 'bold', size: 'lg' }],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        {
          type: 'box',
          layout: 'baseline',
          spacing: 'sm',
          contents: [
            { type: 'text', text: 'หลักสูตร', color: '#8c8c8c', size: 'sm', flex: 2 },
            { type: 'text', text: 'การพัฒนาทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น', wrap: true, size: 'sm', flex: 5 },
          ],
        },
        {
          type: 'box',
          layout: 'baseline',
          spacing: 'sm',
          contents: [
            { type: 'text', text: 'ชั่วโมง', color: '#8c8c8c', size: 'sm', flex: 2 },
            { type: 'text', text: '12 ชั่วโมง', weight: 'bold', size: 'sm', flex: 5 },
          ],
        },
        { type: 'separator' },
        {
          type: 'text',
          wrap: true,
          size: 'sm',
          contents: [
            { type: 'span', text: 'กำหนดส่ง ' },
            { type: 'span', text: 'ภายใน 7 วันทำการ', weight: 'bold', color: '#06C755' },
          ],
        },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        {
          type: 'button',
          style: 'primary',
          height: 'sm',
          action: { type: 'postback', label: 'ยืนยันส่งรายงาน', data: 'report=confirm', displayText: 'ยืนยัน' },
        },
        {
          type: 'button',
          style: 'secondary',
          height: 'sm',
          action: { type: 'message', label: 'แก้ไข', text: 'แก้ไข' },
        },
      ],
    },
  },
};
