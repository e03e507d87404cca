import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SimulatorStack, startSimulatorStack } from '../../dev/src/simulator/stack';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';

const TABS = 7;
const USERS = Array.from({ length: TABS }, (_, i) => ({
  userId: `U${String(i + 1).padStart(4, '0')}eeeeeeeeeeeeeeeeeeeeeeeeeeee`,
  displayName: `พนักงานทดสอบ ${i + 1}`,
}));

// The README invites a tab per person. A browser keeps at most six connections to one host, and a live
// event stream holds one for as long as the tab is open: the page's tabs share one stream (a
// SharedWorker), so a seventh tab still gets its rich menu, finishes loading and shows pushes live.
describeBrowser('LINE simulator with many tabs', () => {
  let stack: SimulatorStack;
  let browser: LaunchedBrowser;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    stack = await startSimulatorStack({ demoUsers: USERS });
    // a rich menu with its image, linked to every user, through the platform's own API
    const api = (method: string, path: string, body?: string | Buffer, type = 'application/json') =>
      fetch(`${stack.platform.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${stack.channelAccessToken}`, 'content-type': type },
        body,
      });
    const created = await api(
      'POST',
      '/v2/bot/richmenu',
      JSON.stringify({
        size: { width: 2500, height: 1686 },
        selected: true,
        name: 'staff',
        chatBarText: 'เมนูพนักงาน',
        areas: [
          {
            bounds: { x: 0, y: 0, width: 2500, height: 1686 },
            action: { type: 'message', label: 'เมนู', text: 'เมนู' },
          },
        ],
      }),
    );
    const { richMenuId } = (await created.json()) as { richMenuId: string };
    const image = await readFile(new URL('../../bot/assets/rich-menus/staff.png', import.meta.url));
    expect((await api('POST', `/v2/bot/richmenu/${richMenuId}/content`, image, 'image/png')).status).toBe(
      200,
    );
    for (const u of USERS) {
      expect((await api('POST', `/v2/bot/user/${u.userId}/richmenu/${richMenuId}`)).status).toBe(200);
      stack.platform.setFollowing(u.userId, true);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it(`opens ${TABS} tabs, each loads, shows its rich menu and gets its pushes live`, async () => {
    for (const u of USERS) {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${stack.simulatorUrl}?userId=${u.userId}`);
      pages.push(page);
    }
    for (const [i, page] of pages.entries()) {
      await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
      await page.locator('#richmenu-label').filter({ hasText: 'เมนูพนักงาน' }).waitFor({ timeout: 10_000 });
      expect(await page.locator('#current-user-label').textContent()).toContain(USERS[i]!.displayName);
    }
    // a push to each person reaches their own tab only, however many tabs are open
    for (const u of USERS) {
      const res = await fetch(`${stack.platform.url}/v2/bot/message/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.channelAccessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: u.userId, messages: [{ type: 'text', text: `ถึง ${u.displayName}` }] }),
      });
      expect(res.status).toBe(200);
    }
    for (const [i, page] of pages.entries()) {
      await page
        .getByTestId('bubble-bot')
        .filter({ hasText: `ถึง ${USERS[i]!.displayName}` })
        .waitFor();
      expect(await page.getByTestId('bubble-bot').count()).toBe(1);
    }
    // and the seventh tab can still chat
    const last = pages[TABS - 1]!;
    await last.getByTestId('message-input').fill('แท็บที่เจ็ด');
    await last.getByTestId('send-button').click();
    await last.getByTestId('bubble-bot').filter({ hasText: 'ได้รับ: แท็บที่เจ็ด' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('sends a sticker as LINE does (package, sticker id, keywords) from the sticker button', async () => {
    const page = pages[0]!;
    await page.getByTestId('sticker-button').click();
    await page.getByTestId('sticker-choice').filter({ hasText: 'ขอบคุณ' }).click();
    await page.getByTestId('bubble-user').filter({ hasText: 'ขอบคุณ' }).waitFor();
    await page
      .getByTestId('bubble-bot')
      .filter({ hasText: 'ได้รับสติกเกอร์ 446/1989 (Thanks, Thank you)' })
      .waitFor();
    const received = (
      stack as unknown as {
        bot: {
          received: Array<{ valid: boolean; body: { events: Array<{ message?: Record<string, unknown> }> } }>;
        };
      }
    ).bot.received;
    const last = received[received.length - 1]!;
    expect(last.valid).toBe(true);
    expect(last.body.events[0]!.message).toMatchObject({
      type: 'sticker',
      packageId: '446',
      stickerId: '1989',
      stickerResourceType: 'STATIC',
      keywords: ['Thanks', 'Thank you'],
    });
    expect(await page.getByTestId('sticker-panel').isHidden()).toBe(true);
  });
});
