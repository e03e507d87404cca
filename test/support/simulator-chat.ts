import type { Page } from 'playwright-core';
import type { SimulatorStack } from '../../dev/src/simulator/stack';
import { launchBrowser } from './browser';

/**
 * The LINE simulator's chat as a person uses it: wait for what the bot said, type a message, tap a
 * quick reply. `page` is read at each call, so the helpers can be made before a beforeAll opens it.
 */
export function simulatorChat(page: () => Page) {
  return {
    /** Waits until the bot's latest bubble with `text` is shown. */
    botSaid: (text: string | RegExp) =>
      page().getByTestId('bubble-bot').filter({ hasText: text }).last().waitFor(),
    send: async (text: string) => {
      await page().getByTestId('message-input').fill(text);
      await page().getByTestId('send-button').click();
    },
    chip: (label: string | RegExp) =>
      page().getByTestId('quick-reply').filter({ hasText: label }).first().click(),
  };
}

/** Chromium on the simulator as `userId` (who follows the bot); the page's uncaught errors go to `pageErrors`. */
export async function openSimulatorAs(stack: SimulatorStack, userId: string, pageErrors: string[]) {
  stack.platform.setFollowing(userId, true);
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(stack.simulatorUrl);
  await page.getByTestId('user-picker').selectOption(userId);
  return { browser, page };
}
