import { describe, expect, it } from 'vitest';
import { collectionGuard, productSources } from './support/collection-guard';

// Post-training reports are read and parsed in one module (bot/src/reports/report-repository.ts).
// Anything else that names the reports collection is a second reader in the making, unless it is one of
// the writers below, which write where they are (beside the who-owes-what index), or a reader not yet
// moved, listed with why.

/** Files allowed to name the collection, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'bot/src/reports/report-repository.ts': 'the repository itself',
  'bot/src/municipality-collections.ts': 'where every collection is named',
  'bot/src/reports/report-turn-io.ts': "the chat's report effects write the report and the owing index",
  'bot/src/reports/daily-report-jobs.ts': 'the daily job opens reports (and indexes them) in a transaction',
  // not yet moved (out of time): the LIFF form's save compares the stored document's update time and
  // writes the draft in the same transaction; its list of one's reports already reads the repository
  'bot/src/api/api-router.ts': 'not yet moved: hands the collection to the report routes',
  'bot/src/api/report-routes.ts': 'not yet moved: the draft save and library choice read and write here',
};

/**
 * What names the collection: the collections' property (c.reports, d.c.reports, collections.reports), a
 * query on it, its name given to collection() or a Pick<>, or its type. Other `.reports` (a list of
 * report rows) and the chat feature's id 'reports' are not the collection.
 */
const NAMES_COLLECTION = [
  /\b(c|d|collections)\.reports\b/,
  /\.reports\.(doc|where|select|get|count|limit|orderBy|firestore|parent)\b/,
  /collection(Group)?\(\s*['"`]reports['"`]/,
  /<[^>]*['"`]reports['"`]/,
  /\breports\s*:\s*CollectionReference/,
  /\breports\.(doc|where|select|get|count|limit|orderBy|firestore|parent)\b/,
];

const guard = collectionGuard({ allowed: ALLOWED, patterns: NAMES_COLLECTION });
const reportCollectionNamers = guard.namers;

describe('post-training reports have one reader', () => {
  const files = productSources();

  it('no file outside the repository and the listed writers names the reports collection', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(reportCollectionNamers(files)).toEqual([]);
  });

  it('every allowed file still exists and still names it (a stale entry would hide a new reader)', () => {
    const stale = guard.stale(files);
    expect(stale).toEqual([]);
  });

  it('catches each way of naming it, and not comments or other words', () => {
    const at = (text: string) => reportCollectionNamers([{ path: 'bot/src/x.ts', text }]);
    expect(at('const s = await c.reports.doc(id).get();')).toHaveLength(1);
    expect(at("const e = db.collectionGroup('reports');")).toHaveLength(1);
    expect(at('  readonly reports: CollectionReference;')).toHaveLength(1);
    expect(at('await reports.where("a", "==", 1).get();')).toHaveLength(1);
    expect(at("type C = Pick<MunicipalityCollections, 'reports'>;")).toHaveLength(1);
    expect(at('// reads c.reports directly')).toEqual([]);
    expect(at('/* c.reports */ const x = 1;')).toEqual([]);
    expect(at('/**\n * the reports collection, as c.reports\n */\nconst x = 1;')).toEqual([]);
    expect(at('const r = d.c.reports;')).toHaveLength(1);
    expect(at("const r = municipality.collection('reports');")).toHaveLength(1);
    expect(at('return { reports, divisions };')).toEqual([]);
    expect(at('for (const r of owing.reports) n++;')).toEqual([]);
    expect(at("export const reportTurn = { id: 'reports' };")).toEqual([]);
    expect(at("import { reportRecords } from './reports/report-repository';")).toEqual([]);
  });
});
