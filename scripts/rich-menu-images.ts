// Renders every rich menu (bot/src/rich-menus/menu-definitions.ts) as HTML in headless Chromium and
// writes bot/assets/rich-menus/<menu>.png at exactly the menu's size. Run once after changing a menu,
// look at the PNGs and commit them: `npm run richmenu:images`.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildRichMenus } from '../bot/src/rich-menus/menu-definitions';
import { renderMenuHtml } from '../bot/src/rich-menus/menu-image-html';
import {
  pngSize,
  RICH_MENU_ASSETS_DIR,
  RICH_MENU_IMAGE_MAX_BYTES,
  richMenuImagePath,
} from '../bot/src/rich-menus/menu-images';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : RICH_MENU_ASSETS_DIR;
  await mkdir(outDir, { recursive: true });
  // The images do not depend on the LIFF id; any valid one builds the same pictures.
  const menus = buildRichMenus('0000000000-images');
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'phattana-richmenu-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 2500, height: 1686 },
    deviceScaleFactor: 1,
    locale: 'th-TH',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // Nothing may come from the network: the page is self-contained.
    await page.route('**/*', (route) =>
      route.request().url().startsWith('data:') ? route.continue() : route.abort(),
    );
    for (const def of menus) {
      await page.setViewportSize(def.size);
      await page.setContent(renderMenuHtml(def), { waitUntil: 'load' });
      // (a string, so this file needs no DOM types)
      await page.evaluate('document.fonts.ready.then(() => true)');
      const png = await page.screenshot({
        type: 'png',
        clip: { x: 0, y: 0, ...def.size },
        animations: 'disabled',
      });
      const dims = pngSize(png);
      if (dims?.width !== def.size.width || dims.height !== def.size.height) {
        throw new Error(
          `${def.key}: got ${dims?.width}x${dims?.height}, want ${def.size.width}x${def.size.height}`,
        );
      }
      if (png.length > RICH_MENU_IMAGE_MAX_BYTES) {
        throw new Error(`${def.key}: ${png.length} bytes is over LINE's ${RICH_MENU_IMAGE_MAX_BYTES}`);
      }
      const file = richMenuImagePath(def.key, outDir);
      await writeFile(file, png);
      console.log(
        `${path.relative(process.cwd(), file)}  ${dims.width}x${dims.height}  ${(png.length / 1024).toFixed(0)} KiB`,
      );
    }
  } finally {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
