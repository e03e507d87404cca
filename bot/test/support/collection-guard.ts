import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The check behind "one reader per collection" (staff records, reports): which source lines outside a
// repository and its listed writers name a collection, reading code only (comments may name it freely).

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCANNED = ['bot/src', 'functions/src'];

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** The product's source files (no tests), with paths from the repository root. */
export function productSources(): SourceFile[] {
  return SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).map((p) => ({
    path: relative(ROOT, p).split('\\').join('/'),
    text: readFileSync(p, 'utf8'),
  }));
}

/**
 * `namers`: every `file:line` outside the allowed files that names the collection; `stale`: allowed
 * files that are gone or no longer name it (a stale entry would hide a new reader).
 */
export function collectionGuard(o: {
  readonly allowed: Readonly<Record<string, string>>;
  readonly patterns: readonly RegExp[];
}) {
  const names = (code: string) => o.patterns.some((re) => re.test(code));
  return {
    namers(files: readonly SourceFile[]): string[] {
      return files.flatMap(({ path, text }) =>
        o.allowed[path] !== undefined
          ? []
          : codeLines(text)
              .filter(({ code }) => names(code))
              .map(({ line, code }) => `${path}:${line}: ${code.trim()}`),
      );
    },
    stale(files: readonly SourceFile[]): string[] {
      const byPath = new Map(files.map((f) => [f.path, f.text]));
      return Object.keys(o.allowed).filter((path) => {
        const text = byPath.get(path);
        return text === undefined || !codeLines(text).some(({ code }) => names(code));
      });
    },
  };
}

/** Source lines without comments. */
function codeLines(text: string): Array<{ line: number; code: string }> {
  const out: Array<{ line: number; code: string }> = [];
  let inBlock = false;
  text.split('\n').forEach((raw, i) => {
    let code = raw;
    if (inBlock) {
      const end = code.indexOf('*/');
      if (end < 0) return;
      code = code.slice(end + 2);
      inBlock = false;
    }
    code = code.replace(/\/\*.*?\*\//g, '');
    const open = code.indexOf('/*');
    if (open >= 0) {
      code = code.slice(0, open);
      inBlock = true;
    }
    code = code.replace(/(^|[^:'"`])\/\/.*$/, '$1');
    if (code.trim() !== '') out.push({ line: i + 1, code });
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}
