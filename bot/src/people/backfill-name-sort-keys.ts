import { nameSortKey } from '@phattana/shared';
import { type CollectionReference, FieldPath } from 'firebase-admin/firestore';

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
