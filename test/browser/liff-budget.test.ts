import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLiff, initialJsFiles, LIFF_ROOT, makeTempOutDir } from '../../liff/tools/build-app';
import { INITIAL_JS_BUDGET_BYTES, measureInitialJs, pageChunks } from '../../liff/tools/initial-js-size';

// CI fails when the LIFF app's initial JS (Preact + LIFF core + the home page) grows past 50 KB gzip,
// or when a page other than home is pulled into the initial chunks instead of loading on demand.

const EAGER_PAGES = ['home-page.tsx'];

describe('LIFF initial JS budget (production build)', () => {
  let outDir = '';
  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-budget');
    await buildLiff({ outDir, mock: false });
  }, 120_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it(`keeps the entry and its static imports within ${INITIAL_JS_BUDGET_BYTES / 1024} KB gzip`, async () => {
    const size = await measureInitialJs(outDir);
    expect(size.files.length).toBeGreaterThan(0);
    console.info(
      `LIFF initial JS: ${(size.totalGzipBytes / 1024).toFixed(2)} KB gzip (${size.files.map((f) => f.file).join(', ')})`,
    );
    expect(size.totalGzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
  });

  it('builds every page but home as its own lazily loaded chunk', async () => {
    const pages = (await readdir(path.join(LIFF_ROOT, 'src', 'pages'))).filter((f) => /-page\.tsx$/.test(f));
    const lazy = pages.filter((p) => !EAGER_PAGES.includes(p));
    expect(lazy.length).toBeGreaterThan(0);
    const chunks = await pageChunks(outDir);
    const initial = new Set(await initialJsFiles(outDir));
    const wrong = lazy.filter((p) => {
      const chunk = chunks.get(`src/pages/${p}`);
      return !chunk?.isDynamicEntry || chunk.isEntry || initial.has(chunk.file);
    });
    expect(wrong).toEqual([]);
  });
});
