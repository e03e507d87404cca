import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { CHROMIUM_PATH, HAVE_CHROMIUM, launchChromium } from '../dev/src/chromium';
import { buildLiff, initialJsFiles, makeTempOutDir } from '../liff/tools/build-app';
import { serveStatic } from '../liff/tools/static-server';

const BUDGET_BYTES = 50 * 1024;
const RENDER_RUNS = 5;

async function measureSize(outDir: string): Promise<number> {
  const files = await initialJsFiles(outDir);
  let total = 0;
  for (const file of files) {
    const gzipped = gzipSync(await readFile(path.join(outDir, file)), {
      level: constants.Z_BEST_COMPRESSION,
    }).length;
    total += gzipped;
    console.log(`initial js: ${file} ${(gzipped / 1024).toFixed(2)} KB gzip`);
  }
  return total;
}

/** Milliseconds since navigation start until an h1 reading "สวัสดี คุณ…" is in the DOM and painted. */
const FIRST_RENDER_PROBE = `
  (() => {
    const done = (t) => { window.__phattanaFirstRender = t; };
    const check = () => {
      const h1 = document.querySelector('h1');
      if (h1 && h1.textContent && h1.textContent.startsWith('สวัสดี คุณ') && h1.getClientRects().length > 0) {
        observer.disconnect();
        requestAnimationFrame(() => done(performance.now()));
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();
`;

async function measureFirstRender(outDir: string): Promise<number[]> {
  const server = await serveStatic(outDir);
  const browser = await launchChromium();
  const context = browser.context;
  try {
    await context.addInitScript({ content: FIRST_RENDER_PROBE });
    const times: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.url}/`, { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: /^สวัสดี คุณ/ }).waitFor({ timeout: 30_000 });
      const handle = await page.waitForFunction(
        () => (globalThis as { __phattanaFirstRender?: number }).__phattanaFirstRender,
        undefined,
        { timeout: 30_000 },
      );
      times.push(Number(await handle.jsonValue()));
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<number> {
  const prodDir = await makeTempOutDir('liff-prod');
  const mockDir = await makeTempOutDir('liff-mock');
  try {
    await buildLiff({ outDir: prodDir, mock: false });
    const size = await measureSize(prodDir);
    const overBudget = size > BUDGET_BYTES;
    console.log(`initial js gzip: ${(size / 1024).toFixed(2)} KB (${size} bytes)`);
    console.log(`budget: ${(BUDGET_BYTES / 1024).toFixed(0)} KB -> ${overBudget ? 'OVER BUDGET' : 'ok'}`);

    if (!HAVE_CHROMIUM) {
      console.warn(`first render: skipped, no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);
    } else {
      await buildLiff({ outDir: mockDir, mock: true });
      const times = await measureFirstRender(mockDir);
      console.log(
        `first render (mock, 4x CPU throttle, ${RENDER_RUNS} runs): median ${median(times).toFixed(0)} ms`,
      );
      console.log(`first render runs ms: ${times.map((t) => t.toFixed(0)).join(' ')}`);
    }
    return overBudget ? 1 : 0;
  } finally {
    await rm(prodDir, { recursive: true, force: true });
    await rm(mockDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
