import { randomInt } from 'node:crypto';
import type { DocumentData, DocumentReference, Transaction } from 'firebase-admin/firestore';

// Counters everyone increments (a fiscal year's stats, a survey's responses) would make one document
// hot: Firestore sustains about one write per second per document, and the morning job or a survey
// burst writes hundreds. So every increment goes to one of a fixed number of shard documents under the
// counted document, chosen at random, and a reader adds the document and its shards together: a view
// reads SHARDS + 1 documents, however many people wrote.

/** Shards per counted document: spreads a 16/s burst to ~1/s per document; a view reads 17. */
export const COUNTER_SHARDS = 16;

const shardsOf = (counted: DocumentReference) => counted.collection('shards');

/** A random shard of the counted document, for a blind increment (no read, so no contention). */
export function counterShard(counted: DocumentReference): DocumentReference {
  return shardsOf(counted).doc(String(randomInt(COUNTER_SHARDS)));
}

/** The shard documents' data (at most COUNTER_SHARDS), inside a transaction when one is given. */
export async function readCounterShards(
  counted: DocumentReference,
  tx?: Transaction,
): Promise<DocumentData[]> {
  const snap = await (tx ? tx.get(shardsOf(counted)) : shardsOf(counted).get());
  return snap.docs.map((d) => d.data());
}

/** Numbers and nested maps of numbers added leaf by leaf (the counted document plus its shards). */
export function sumCounters(docs: readonly (DocumentData | undefined)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const d of docs) if (d) addInto(out, d);
  return out;
}

function addInto(out: Record<string, unknown>, d: DocumentData): void {
  for (const [k, v] of Object.entries(d)) {
    if (typeof v === 'number') out[k] = (typeof out[k] === 'number' ? (out[k] as number) : 0) + v;
    else if (v !== null && typeof v === 'object' && isPlainMap(v)) {
      const inner = (out[k] !== null && typeof out[k] === 'object' ? out[k] : {}) as Record<string, unknown>;
      addInto(inner, v as DocumentData);
      out[k] = inner;
    } else if (!(k in out)) out[k] = v;
  }
}

// a Timestamp or other SDK value is kept as it is (the first document's), never summed
const isPlainMap = (v: object) => Object.getPrototypeOf(v) === Object.prototype;
