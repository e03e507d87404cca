import { nameSortKey } from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  FieldPath,
  Timestamp,
} from 'firebase-admin/firestore';

// Staff records written before the Thai sort key existed have no `nameSortKey`, and a query ordered by
// it leaves them out (the team view would miss them). This writes the key wherever it is missing or no
// longer matches the name; run it again and it writes nothing. Chunked by document id, so a large staff
// list never sits in memory or in one batch.

export interface NameSortKeyBackfill {
  readonly read: number;
  readonly written: number;
}

export async function backfillNameSortKeys(
  employees: CollectionReference,
  chunk = 300,
): Promise<NameSortKeyBackfill> {
  let read = 0;
  let written = 0;
  let after: string | undefined;
  for (;;) {
    let q = employees.select('name', 'nameSortKey').orderBy(FieldPath.documentId()).limit(chunk);
    if (after !== undefined) q = q.startAfter(after);
    const snap = await q.get();
    read += snap.size;
    const batch = employees.firestore.batch();
    let inBatch = 0;
    for (const d of snap.docs) {
      // a record without a name still gets a key: else the ordered lists would never show it
      const name = d.get('name');
      const key = nameSortKey(typeof name === 'string' ? name : '');
      if (d.get('nameSortKey') === key) continue;
      batch.update(d.ref, { nameSortKey: key });
      inBatch++;
    }
    if (inBatch > 0) await batch.commit();
    written += inBatch;
    if (snap.size < chunk) return { read, written };
    after = snap.docs.at(-1)?.id;
  }
}

/** Set on municipalities/{m} once every staff record there has its key (the import writes it since). */
export const NAME_SORT_KEYS_AT = 'nameSortKeysAt';
const keyed = new Set<string>();

/**
 * A municipality's staff records all carry the key before anything lists them by it: a deployment
 * upgraded from before the keys is backfilled on its first team view, once (then the mark is read at
 * most once per instance), so nobody goes missing from a list waiting for someone to run a command.
 */
export async function ensureNameSortKeys(c: {
  readonly municipality: DocumentReference;
  readonly employees: CollectionReference;
}): Promise<void> {
  const { municipality, employees } = c;
  if (keyed.has(municipality.path)) return;
  if (!(await municipality.get()).get(NAME_SORT_KEYS_AT)) {
    await backfillNameSortKeys(employees);
    await municipality.set({ [NAME_SORT_KEYS_AT]: Timestamp.now() }, { merge: true });
  }
  keyed.add(municipality.path);
}
