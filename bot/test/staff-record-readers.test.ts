import { describe, expect, it } from 'vitest';
import { collectionGuard, productSources } from './support/collection-guard';

// Staff records are read and parsed in one module (bot/src/people/staff-record-repository.ts). Anything
// else that names the employees collection is a second reader in the making, unless it is one of the
// writers below, which write where they are and read nothing they parse.

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

const guard = collectionGuard({ allowed: ALLOWED, patterns: NAMES_COLLECTION });
const staffCollectionNamers = guard.namers;

describe('staff records have one reader', () => {
  const files = productSources();

  it('no file outside the repository and the listed writers names the employees collection', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(staffCollectionNamers(files)).toEqual([]);
  });

  it('every allowed file still exists and still names it (a stale entry would hide a new reader)', () => {
    const stale = guard.stale(files);
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
