import {
  DocumentReference,
  Firestore,
  Query,
  QuerySnapshot,
  Transaction,
  WriteBatch,
} from 'firebase-admin/firestore';

/**
 * Counts Firestore document reads and writes made through the Admin SDK in this process, by wrapping
 * the SDK's own entry points: committed writes (batches and transactions, counted once per commit, so
 * a retried transaction counts each attempt that commits), and documents read (transactional or not).
 */
export function countFirestoreOps() {
  // commits: round trips that write (a batch or a transaction), whatever number of documents they carry
  const counts = { reads: 0, writes: 0, commits: 0 };
  const restore: Array<() => void> = [];
  const wrap = <T extends object>(
    proto: T,
    name: keyof T & string,
    after: (self: unknown, args: unknown[], result: unknown) => void,
  ) => {
    const original = proto[name] as unknown as (...a: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const r = original.apply(this, args);
      if (r instanceof Promise) {
        return r.then((v) => {
          after(this, args, v);
          return v;
        });
      }
      after(this, args, r);
      return r;
    };
    restore.push(() => {
      (proto as Record<string, unknown>)[name] = original;
    });
  };
  // Transactions read through their own path, not Firestore.getAll, so nothing is counted twice.
  wrap(
    Transaction.prototype,
    'getAll',
    (_s, args) => (counts.reads += args.filter((a) => a instanceof DocumentReference).length),
  );
  wrap(
    Transaction.prototype,
    'get',
    (_s, _a, r) => (counts.reads += r instanceof QuerySnapshot ? Math.max(1, r.size) : 1),
  );
  wrap(
    Firestore.prototype,
    'getAll',
    (_s, args) => (counts.reads += args.filter((a) => a instanceof DocumentReference).length),
  );
  wrap(Query.prototype, 'get', (_s, _a, r) => (counts.reads += Math.max(1, (r as QuerySnapshot).size)));
  const batchProto = WriteBatch.prototype as unknown as Record<string, unknown>;
  wrap(batchProto, 'commit' as never, (self) => {
    counts.writes += opCount(self);
    counts.commits++;
  });
  const txProto = Transaction.prototype as unknown as Record<string, unknown>;
  wrap(txProto, 'commit' as never, (self) => {
    counts.writes += opCount((self as { _writeBatch: unknown })._writeBatch);
    counts.commits++;
  });
  return {
    counts,
    reset() {
      counts.reads = 0;
      counts.writes = 0;
      counts.commits = 0;
    },
    restore() {
      for (const r of restore.reverse()) r();
    },
  };
}

function opCount(batch: unknown): number {
  const b = batch as { _ops?: unknown[]; _opCount?: number };
  if (Array.isArray(b._ops)) return b._ops.length;
  return typeof b._opCount === 'number' ? b._opCount : 0;
}
