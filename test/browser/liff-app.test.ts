import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiff, initialJsFiles, makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';

/** The mocked LIFF profile (liff/src/liff-mock-setup.ts). */
const MOCK_DISPLAY_NAME = 'สมศรี ใจดี';

describeBrowser('LIFF app in Chromium (mock LIFF)', () => {
  let outDir = '';
  let server: StaticServer | undefined;
  let browser: LaunchedBrowser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-mock-test');
    await buildLiff({ outDir, mock: true });
    server = await serveStatic(outDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  async function openPage(pathAndQuery: string) {
    const page = await browser!.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server!.url}${pathAndQuery}`);
    return page;
  }

  it('greets the mocked LINE user in Thai on the home page', async () => {
    const page = await openPage('/');
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe(`สวัสดี คุณ${MOCK_DISPLAY_NAME}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    // Today in the Buddhist era, from Intl (th-TH), not hand-made.
    const beYear = String(new Date().getFullYear() + 543);
    expect(await page.locator('.lead').textContent()).toContain(beYear);
    const mainLinks = (name: string) =>
      page
        .getByRole('main')
        .getByRole('link', { name: new RegExp(name) })
        .count();
    for (const name of ['คำขอไปอบรม', 'ชั่วโมงอบรมของฉัน', 'แผนพัฒนาของฉัน'])
      expect(await mainLinks(name)).toBe(1);
    // no API behind this build, so no roles are known: HR's tools stay hidden
    for (const name of ['ผู้ค้างส่งรายงาน', 'ทีมของฉัน']) expect(await mainLinks(name)).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('follows a liff.state deep link to the hours page', async () => {
    const page = await openPage('/?liff.state=%2Fhours');
    const heading = page.getByRole('heading', { level: 1, name: 'ชั่วโมงอบรมของฉัน' });
    await heading.waitFor({ timeout: 15_000 });
    // The lazily loaded page finished: with no API behind this static build, its Thai error state.
    // (the static server answers /api with the app's HTML, which the page refuses as data)
    await page.getByRole('alert').getByText('ระบบตอบกลับไม่ถูกต้อง').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/hours');
    expect(new URL(page.url()).searchParams.has('liff.state')).toBe(false);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('navigates in-app with the History API and back again', async () => {
    const page = await openPage('/');
    await page.getByRole('heading', { level: 1, name: /^สวัสดี คุณ/ }).waitFor({ timeout: 15_000 });
    await page
      .getByRole('main')
      .getByRole('link', { name: /แผนพัฒนาของฉัน/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'แผนพัฒนาของฉัน' }).waitFor({ timeout: 15_000 });
    await page.getByRole('alert').getByText('ระบบตอบกลับไม่ถูกต้อง').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/idp');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^สวัสดี คุณ/ }).waitFor({ timeout: 15_000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('shows a Thai not-found page for an unknown path', async () => {
    const page = await openPage('/no-such-page');
    await page.getByRole('heading', { level: 1, name: 'ไม่พบหน้าที่ต้องการ' }).waitFor({ timeout: 15_000 });
    await page.close();
  });
});

describe('LIFF production build', () => {
  it('keeps the LIFF mock out of the bundle and the initial JS is only the entry chunk', async () => {
    const outDir = await makeTempOutDir('liff-prod-test');
    try {
      await buildLiff({ outDir, mock: false });
      const initial = await initialJsFiles(outDir);
      expect(initial).toHaveLength(1);
      const manifest = await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8');
      expect(manifest).not.toContain('liff-mock');
      const entry = await readFile(path.join(outDir, initial[0]!), 'utf8');
      expect(entry).not.toContain('$mock');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
