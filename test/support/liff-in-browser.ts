import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { type LaunchedBrowser, launchBrowser } from './browser';
import { buildLiffAgainstBot } from './liff-against-bot';
import type { useSystem } from './system';

type System = Pick<ReturnType<typeof useSystem>, 'start'>;

export interface LiffInBrowser {
  /** For useSystem's `liffOrigins`: the served app's origin, known before the API starts (CORS). */
  readonly origins: () => string[];
  /** The served app's base URL (once `use` has set it up). */
  readonly url: string;
  /** One page in headless Chromium, shared by the block's tests. */
  readonly page: Page;
  /** Uncaught errors on that page: a test that expects none checks this is empty. */
  readonly pageErrors: string[];
  /**
   * Call in a describeBrowser block: before its tests, serves a temp folder, starts `sys`, builds the
   * LIFF app against it (with the LIFF mock) and opens a page; afterwards closes and removes it all.
   */
  use(sys: System): void;
}

/**
 * The LIFF app against the running test bot in Chromium, end to end. Made at module level (no hooks
 * yet) so `useSystem` can take its origin; `use` inside the browser block does the work.
 */
export function liffInBrowser(name: string): LiffInBrowser {
  let server: StaticServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page | undefined;
  let outDir = '';
  const pageErrors: string[] = [];
  const started = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`liffInBrowser(${name}): ${what} is set up by use(sys)'s beforeAll`);
    return v;
  };
  return {
    origins: () => (server ? [server.url] : []),
    get url() {
      return started(server, 'url').url;
    },
    get page() {
      return started(page, 'page');
    },
    pageErrors,
    use(sys) {
      beforeAll(async () => {
        outDir = await makeTempOutDir(name);
        server = await serveStatic(outDir);
        const { platform, bot } = await sys.start();
        await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
        browser = await launchBrowser();
        page = await browser.context.newPage();
        page.on('pageerror', (error) => pageErrors.push(error.message));
      }, 120_000);
      afterAll(async () => {
        await browser?.close();
        await server?.close();
        if (outDir) await rm(outDir, { recursive: true, force: true });
      });
    },
  };
}
