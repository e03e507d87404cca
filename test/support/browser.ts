// Chromium for browser tests (playwright-core driving the system's Chromium, no downloaded browsers),
// and the LINE simulator stack those tests drive.

import { describe } from 'vitest';
import { CHROMIUM_PATH, HAVE_CHROMIUM, launchChromium } from '../../dev/src/chromium';

export type { LaunchedChromium as LaunchedBrowser } from '../../dev/src/chromium';
export { CHROMIUM_ARGS, CHROMIUM_PATH, HAVE_CHROMIUM } from '../../dev/src/chromium';

/** A fresh Chromium profile per launch, phone-sized, Thai locale. */
export const launchBrowser = launchChromium;

const IS_CI = process.env.CI === 'true';

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
