import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Staff records are read and parsed in one module (bot/src/people/staff-record-repository.ts). Anything
// else that names the employees collection is a second reader in the making, unless it is one of the
// writers below, which write where they are and read nothing they parse.

const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['bot/src', 'functions/src'];

/** Files allowed to name the collection, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'bot/src/people/staff-record-repository.ts': 'the repository itself',
  'bot/src/municipality-collections.ts': 'where every collection is named',
  'bot/src/people/firestore-employee-directory.ts': 'the staff import writes the HR fields',
  'bot/src/people/sync-linked-people.ts': 'the import unlinks people who left',
  'bot/src/store/firestore-turn-store.ts': 'a follow or unfollow writes lineFollowing',
  'bot/src/features/library-digest-turn.ts': "the chat's digest choice writes libraryDigest",
  'bot/src/library/library-service.ts': "the library page's digest choice writes libraryDigest",
  'bot/src/people/backfill-name-sort-keys.ts': 'the backfill writes nameSortKey from the bare name field',
};

/** What names the collection: a property or variable access, its name as a string, or its type. */
const NAMES_COLLECTION = [
  /\.employees\b/,
  /['"`]employees['"`]/,
  /\bemployees\s*:\s*CollectionReference/,
  /\bemployees\.(doc|where|select|get|count|limit|orderBy|firestore|parent)\b/,
];

/** Source lines without comments (a comment may talk about staff records freely). */
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

/** Every `file:line` outside the allowed files that names the collection. */
function staffCollectionNamers(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  return files.flatMap(({ path, text }) =>
    ALLOWED[path] !== undefined
      ? []
      : codeLines(text)
          .filter(({ code }) => NAMES_COLLECTION.some((re) => re.test(code)))
          .map(({ line, code }) => `${path}:${line}: ${code.trim()}`),
  );
}

describe('staff records have one reader', () => {
  const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d))).map((p) => ({
    path: relative(ROOT, p).split('\\').join('/'),
    text: readFileSync(p, 'utf8'),
  }));

  it('no file outside the repository and the listed writers names the employees collection', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(staffCollectionNamers(files)).toEqual([]);
  });

  it('every allowed file still exists and still names it (a stale entry would hide a new reader)', () => {
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const stale = Object.keys(ALLOWED).filter((path) => {
      const text = byPath.get(path);
      return (
        text === undefined ||
        !codeLines(text).some(({ code }) => NAMES_COLLECTION.some((re) => re.test(code)))
      );
    });
    expect(stale).toEqual([]);
  });

  it('catches each way of naming it, and not comments or other words', () => {
    const at = (text: string) => staffCollectionNamers([{ path: 'bot/src/x.ts', text }]);
    expect(at('const s = await c.employees.doc(id).get();')).toHaveLength(1);
    expect(at("const e = db.collectionGroup('employees');")).toHaveLength(1);
    expect(at('  readonly employees: CollectionReference;')).toHaveLength(1);
    expect(at('await employees.where("a", "==", 1).get();')).toHaveLength(1);
    expect(at("type C = Pick<MunicipalityCollections, 'employees'>;")).toHaveLength(1);
    expect(at('// reads c.employees directly')).toEqual([]);
    expect(at('/* c.employees */ const x = 1;')).toEqual([]);
    expect(at('/**\n * the employees collection, as c.employees\n */\nconst x = 1;')).toEqual([]);
    expect(at('return { employees, divisions };')).toEqual([]);
    expect(at("import { importEmployees } from './people/import-employees';")).toEqual([]);
  });
});
