import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { initialJsFiles } from './build-app';

/** The LIFF app's initial JS budget: Preact, the LIFF core and the home page, gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 50 * 1024;

export interface InitialJsSize {
  readonly files: ReadonlyArray<{ readonly file: string; readonly gzipBytes: number }>;
  readonly totalGzipBytes: number;
}

/** Gzip size (best compression, as a CDN serves it) of each initial JS file of a build, and the sum. */
export async function measureInitialJs(outDir: string): Promise<InitialJsSize> {
  const files = [];
  for (const file of await initialJsFiles(outDir)) {
    const bytes = await readFile(path.join(outDir, file));
    files.push({ file, gzipBytes: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length });
  }
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
}

/** Source path (e.g. `src/pages/hours-page.tsx`) → its chunk, for the build's page modules. */
export async function pageChunks(outDir: string): Promise<Map<string, ManifestChunk>> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  return new Map(Object.entries(manifest).filter(([src]) => /^src\/pages\/[^/]+\.tsx$/.test(src)));
}
