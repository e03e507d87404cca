import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Node-side helpers for the bench and the browser test: build the LIFF app with Vite's JS API. */
export const LIFF_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BuildLiffOptions {
  /** Where to write. A mock build must never land in liff/dist (that is what gets deployed). */
  readonly outDir: string;
  /** VITE_LIFF_MOCK=1: LIFF runs against @line/liff-mock. */
  readonly mock: boolean;
}

/** Production-mode build; VITE_LIFF_MOCK is forced to the requested value for this build only. */
export async function buildLiff({ outDir, mock }: BuildLiffOptions): Promise<void> {
  // Vite empties outDir first: an empty or relative outDir (resolved against liff/) would wipe the sources.
  const out = path.resolve(outDir || '.');
  if (
    !outDir ||
    !path.isAbsolute(outDir) ||
    LIFF_ROOT.startsWith(`${out}${path.sep}`) ||
    `${out}${path.sep}` === LIFF_ROOT
  ) {
    throw new Error(`buildLiff: outDir must be an absolute directory outside the sources, not "${outDir}"`);
  }
  const saved = process.env.VITE_LIFF_MOCK;
  if (mock) process.env.VITE_LIFF_MOCK = '1';
  else delete process.env.VITE_LIFF_MOCK;
  try {
    await build({
      root: LIFF_ROOT,
      configFile: path.join(LIFF_ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true, manifest: true },
    });
  } finally {
    if (saved === undefined) delete process.env.VITE_LIFF_MOCK;
    else process.env.VITE_LIFF_MOCK = saved;
  }
}

export async function makeTempOutDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `phattana-${prefix}-`));
}

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

/** Files (relative to outDir) that index.html loads as JS: module scripts and modulepreloads. */
export function scriptsReferencedByHtml(html: string): string[] {
  const files: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script\b/i.test(tag) && /\btype=["']?module\b/i.test(tag);
    const isPreload = /^<link\b/i.test(tag) && /\brel=["']?modulepreload\b/i.test(tag);
    if (!isModuleScript && !isPreload) continue;
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (url && !/^[a-z]+:|^\/\//i.test(url)) files.push(url.replace(/^\//, ''));
  }
  return files;
}

/**
 * The initial JS: what index.html loads plus the static imports of the entry chunks (from Vite's
 * manifest), transitively. Dynamic imports (lazy pages, the LIFF mock) are not initial.
 */
export async function initialJsFiles(outDir: string): Promise<string[]> {
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set(scriptsReferencedByHtml(html));
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry || files.has(chunk.file)) visit(key);
  }
  return [...files].sort();
}
