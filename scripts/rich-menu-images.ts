import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildRichMenus } from '../bot/src/rich-menus/menu-definitions';
import { renderMenuHtml } from '../bot/src/rich-menus/menu-image-html';
import {
  pngSize,
  RICH_MENU_ASSETS_DIR,
  RICH_MENU_IMAGE_MAX_BYTES,
  richMenuImagePath,
} from '../bot/src/rich-menus/menu-images';
import { launchChromium } from '../dev/src/chromium';

async function main(): Promise<void> {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : RICH_MENU_ASSETS_DIR;
  await mkdir(outDir, { recursive: true });
  // The images do not depend on the LIFF id; any valid one builds the same pictures.
  const menus = buildRichMenus('0000000000-images');
  const browser = await launchChromium({ viewport: { width: 2500, height: 1686 }, deviceScaleFactor: 1 });
  const context = browser.context;
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
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
