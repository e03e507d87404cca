import { isFirestoreDocId } from '@phattana/shared';
import { FieldPath, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';

// One page of an ordered query: `limit` documents after a key cursor (the last one's ordered value and
// id, so equal values never skip or repeat anyone), read as `limit + 1` to know whether more follow.
// The order needs an index on the query's filters + the field + __name__ (firestore.indexes.json).

/** [ordered value, document id]; the value is the id again when the list is in id order */
export type KeyCursor = readonly [string | number, string];

export const isKeyCursor = (v: unknown): v is KeyCursor =>
  Array.isArray(v) &&
  v.length === 2 &&
  ((typeof v[0] === 'string' && v[0].length <= 1500) ||
    (typeof v[0] === 'number' && Number.isFinite(v[0]))) &&
  isFirestoreDocId(v[1]);

export interface QueryPage {
  readonly docs: readonly QueryDocumentSnapshot[];
  readonly next: KeyCursor | null;
}

/** `order` is a field, or 'id' for the documents' own id order; `direction` applies to both keys. */
export async function queryPage(
  query: Query,
  order: string,
  limit: number,
  after: KeyCursor | undefined,
  direction: 'asc' | 'desc' = 'asc',
): Promise<QueryPage> {
  let q =
    order === 'id'
      ? query.orderBy(FieldPath.documentId(), direction)
      : query.orderBy(order, direction).orderBy(FieldPath.documentId(), direction);
  if (after) q = order === 'id' ? q.startAfter(after[1]) : q.startAfter(after[0], after[1]);
  const snap = await q.limit(limit + 1).get();
  const docs = snap.docs.slice(0, limit);
  const last = docs.at(-1);
  const value = (d: QueryDocumentSnapshot): string | number => {
    const v = order === 'id' ? d.id : d.get(order);
    return typeof v === 'number' ? v : String(v ?? '');
  };
  return { docs, next: snap.size > limit && last ? [value(last), last.id] : null };
}
