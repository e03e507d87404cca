import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's Chromium driven by playwright-core: no browser is ever downloaded. Used by the browser
// tests, the LIFF benchmark and the rich-menu image generator.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

/** Without the background-networking flags the closed network floods Chromium with refused connections. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A Chromium with a fresh profile (temp user-data dir), removed again on close. */
export async function launchChromium(
  o: { viewport?: { width: number; height: number }; locale?: string; deviceScaleFactor?: number } = {},
): Promise<LaunchedChromium> {
  if (!HAVE_CHROMIUM) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'phattana-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: o.viewport ?? { width: 390, height: 844 },
      deviceScaleFactor: o.deviceScaleFactor,
      locale: o.locale ?? 'th-TH',
    });
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}
