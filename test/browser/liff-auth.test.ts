import { rm } from 'node:fs/promises';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { buildLiff, makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { buildLiffAgainstBot } from '../support/liff-against-bot';
import { routeLineServers } from '../support/line-login-servers';
import { useSystem } from '../support/system';

// Logging in to the LIFF app, in Chromium. Against the running bot (the LIFF mock with real ES256 ID
// tokens from the fake platform's LINE Login): the tokens the platform hands out are tampered with or
// aged on their way to the page, and the server's refusal must reach the person as a Thai message.
// And the production build opened in an external browser: LIFF must send the person to LINE Login,
// keeping the deep link.

let liff: StaticServer | undefined;
let externalDir = '';
let external: StaticServer | undefined;
const sys = useSystem({ liffOrigins: () => [liff?.url, external?.url].filter((u): u is string => !!u) });
const HOUR_MS = 3_600_000;

/** Every ID token the page gets from the fake platform's dev login passes through `change`. */
async function onIdTokens(page: Page, change: (route: Route, nth: number) => Promise<void>) {
  let n = 0;
  await page.route(`${sys.platform.url}/__control/id-token`, (route) => change(route, n++));
}

/** Asks the platform for a token issued at `iatMs` (as if the page had been open that long). */
const issuedAt = (route: Route, iatMs: number) =>
  route.continue({
    postData: JSON.stringify({
      ...JSON.parse(route.request().postData() ?? '{}'),
      iat: Math.floor(iatMs / 1000),
    }),
  });

// both apps' origins must be known before the API starts (CORS)
let outDir = '';
beforeAll(async () => {
  outDir = await makeTempOutDir('liff-auth');
  liff = await serveStatic(outDir);
  externalDir = await makeTempOutDir('liff-external');
  external = await serveStatic(externalDir);
});
afterAll(async () => {
  await liff?.close();
  await external?.close();
  for (const dir of [outDir, externalDir]) if (dir) await rm(dir, { recursive: true, force: true });
});

describeBrowser('LIFF login against the bot', () => {
  let browser: LaunchedBrowser;
  const apiStatuses: number[] = [];

  beforeAll(async () => {
    const { bot, platform } = await sys.start();
    await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(path: string, setUp?: (page: Page) => Promise<void>, b = browser) {
    const page = await b.context.newPage();
    page.on('response', (r) => {
      if (r.url().includes('/api/')) apiStatuses.push(r.status());
    });
    await setUp?.(page);
    await page.goto(`${liff?.url}${path}`);
    return page;
  }

  it('shows a Thai error, not a blank page, when the server refuses a forged token', async () => {
    const user = await sys.linkedUser();
    const before = apiStatuses.length;
    const page = await open(`/reports?sim_user=${user}`, (p) =>
      onIdTokens(p, async (route) => {
        const { idToken } = (await (await route.fetch()).json()) as { idToken: string };
        const [h, payload, s] = idToken.split('.') as [string, string, string];
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'Uattacker' })).toString('base64url');
        await route.fulfill({ response: await route.fetch(), json: { idToken: `${h}.${forged}.${s}` } });
      }),
    );
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('ยืนยันตัวตนไม่สำเร็จ');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('รายงานผลการอบรม');
    expect(apiStatuses.slice(before)).toEqual([401, 401]); // refused, one silent renewal, refused: no loop
    await page.close();
  });

  it('renews an expired token silently before calling the API', async () => {
    const user = await sys.linkedUser();
    const before = apiStatuses.length;
    let issued = 0;
    const page = await open(`/reports?sim_user=${user}`, (p) =>
      onIdTokens(p, async (route, nth) => {
        issued++;
        // the token LIFF started with is 2 hours old; the renewed one is fresh
        if (nth === 0) await issuedAt(route, Date.now() - 2 * HOUR_MS);
        else await route.continue();
      }),
    );
    await page.getByText('ยังไม่มีรายงานผลการฝึกอบรม').waitFor({ timeout: 15_000 });
    expect(issued).toBe(2);
    expect(apiStatuses.slice(before)).toEqual([200]); // the stale token never reached the API
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it("shows the server's Thai expiry message when the token is expired by the server's clock", async () => {
    // this phone's clock is 2 hours behind: its tokens look valid here, and the server refuses them
    const late = await launchBrowser();
    try {
      const user = await sys.linkedUser();
      const before = apiStatuses.length;
      const page = await open(
        `/reports?sim_user=${user}`,
        async (p) => {
          await p.clock.install({ time: Date.now() - 2 * HOUR_MS });
          await onIdTokens(p, (route) => issuedAt(route, Date.now() - 2 * HOUR_MS));
        },
        late,
      );
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 15_000 });
      expect(await alert.textContent()).toContain('การเข้าสู่ระบบหมดอายุ');
      // refused, renewed once, refused again: no loop
      expect(apiStatuses.slice(before)).toEqual([401, 401]);
    } finally {
      await late.close();
    }
  });

  it('lands a liff.state deep link to a report on the report page', async () => {
    const user = await sys.linkedUser();
    const page = await open(`/?liff.state=${encodeURIComponent('/reports/no-such-report')}&sim_user=${user}`);
    await page.getByRole('heading', { level: 1, name: 'รายงานผลการฝึกอบรม' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe('/reports/no-such-report');
    await page.getByRole('alert').waitFor({ timeout: 15_000 }); // the API's Thai "not found"
    expect(await page.getByRole('alert').textContent()).toMatch(/[\u0E00-\u0E7F]/);
    await page.close();
  });
});

describeBrowser('LIFF production build in an external browser', () => {
  const liffId = DEV_CHANNEL.liffId;
  const channelId = DEV_CHANNEL.loginChannelId;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    const { bot } = await sys.start();
    const env = { VITE_LIFF_ID: liffId, VITE_API_BASE: `${bot.url}/api` };
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    try {
      await buildLiff({ outDir: externalDir, mock: false });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** LINE's servers for the production build opened in an external browser (see routeLineServers). */
  const lineServers = (page: Page, loginAs?: { userId: string; displayName: string }) =>
    routeLineServers(page, {
      platform: sys.platform,
      liffId,
      channelId,
      endpointUrl: `${external?.url}/`,
      ...(loginAs ? { loginAs } : {}),
    });

  it('sends someone who is not logged in to LINE Login, coming back to the deep link', async () => {
    const page = await browser.context.newPage();
    const logins = await lineServers(page);
    await page.goto(`${external?.url}/?liff.state=${encodeURIComponent('/reports/R123')}`);
    await expect.poll(() => logins.length, { timeout: 15_000 }).toBe(1);
    const login = logins[0]!;
    expect(login.pathname).toBe('/liff/v1/authorize');
    expect(login.searchParams.get('app_id')).toBe(liffId);
    expect(login.searchParams.get('redirect_uri')).toBe(`${external?.url}/reports/R123`);
    await page.close();
  });

  it('shows a Thai error with a retry button, not a blank page, when LINE cannot be reached', async () => {
    const page = await browser.context.newPage();
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    await page.goto(`${external?.url}/hours`);
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('เชื่อมต่อกับ LINE ไม่สำเร็จ');
    expect(await alert.getByRole('button', { name: 'ลองอีกครั้ง' }).count()).toBe(1);
    await page.close();
  });

  it('keeps the page the person opened as the way back from LINE Login', async () => {
    const page = await browser.context.newPage();
    const logins = await lineServers(page);
    await page.goto(`${external?.url}/reports`);
    await expect.poll(() => logins.length, { timeout: 15_000 }).toBe(1);
    expect(logins[0]!.searchParams.get('redirect_uri')).toBe(`${external?.url}/reports`);
    await page.close();
  });

  it('after LINE Login, lands on the deep link and the API accepts the real ID token', async () => {
    const user = await sys.linkedUser({ name: 'นายภายนอก เบราว์เซอร์' });
    const page = await browser.context.newPage();
    const api: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/')) api.push(r.status());
    });
    const logins = await lineServers(page, { userId: user, displayName: 'ภายนอก' });
    await page.goto(`${external?.url}/?liff.state=${encodeURIComponent('/reports')}`);
    await page.getByText('ยังไม่มีรายงานผลการฝึกอบรม').waitFor({ timeout: 20_000 });
    expect(logins).toHaveLength(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('รายงานผลการอบรม');
    expect(api).toEqual([200]);
    // the one-time login code does not stay in the address bar
    const url = new URL(page.url());
    expect(url.pathname).toBe('/reports');
    expect([...url.searchParams.keys()]).toEqual([]);
    await page.close();
  });
});
