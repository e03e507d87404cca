import { readFile, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { buildLiffAgainstBot } from '../support/liff-against-bot';
import { useSystem } from '../support/system';

let liff: StaticServer | undefined;
const sys = useSystem({ liffOrigins: () => (liff ? [liff.url] : []) });

// The PDPA download through LIFF, end to end: the local LIFF app logs in through the fake platform's
// LINE Login (a real ES256 ID token), the bot's API verifies it, and the browser saves the file.
describeBrowser('LIFF: download my data', () => {
  let outDir = '';
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-my-data');
    const { platform, bot } = await (async () => {
      // the static server's origin must be known before the API starts (CORS)
      liff = await serveStatic(outDir);
      return sys.start();
    })();
    await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await liff?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('downloads a JSON file with the person’s own data', async () => {
    const user = await sys.linkedUser({ employeeId: 'W001', name: 'นายดาวน์ โหลดได้' });
    await page.goto(`${liff?.url}/my-data?sim_user=${user}`);
    await page.getByRole('heading', { name: 'ข้อมูลของฉัน' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลดข้อมูลของฉัน' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^phattana-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(data).toMatchObject({ lineUserId: user, employee: { name: 'นายดาวน์ โหลดได้' } });
    await page.getByText('ดาวน์โหลด phattana-my-data-').waitFor();
  });

  it('tells an unregistered person, in Thai, to register in chat', async () => {
    await page.goto(`${liff?.url}/my-data?sim_user=${sys.newUserId()}`);
    await page.getByRole('button', { name: 'ดาวน์โหลดข้อมูลของฉัน' }).click();
    await page.getByText('ยังไม่ได้ลงทะเบียน').waitFor();
  });
});
