// Chromium for browser tests (playwright-core driving the system's Chromium, no downloaded browsers),
// and the LINE simulator stack those tests drive.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describe } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);
const IS_CI = process.env.CI === 'true';

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

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh Chromium profile (temp user-data dir) per launch, phone-sized, Thai locale. */
export async function launchBrowser(
  o: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<LaunchedBrowser> {
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

let warned = false;

/**
 * `describe` for tests that need Chromium. Without Chromium: skipped with a loud notice locally, and a
 * failure under CI=true (a CI job without a browser must not pass silently).
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (HAVE_CHROMIUM) {
    describe(name, fn);
    return;
  }
  if (IS_CI) {
    describe(name, () => {
      fn();
    });
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        `!!! SKIPPING browser tests ("${name}"): no Chromium at ${CHROMIUM_PATH}.`,
        '!!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH. Under CI=true this fails.',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '',
      ].join('\n'),
    );
  }
  describe.skip(name, fn);
}
