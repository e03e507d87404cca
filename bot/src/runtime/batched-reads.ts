import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';

// Reads of single documents asked for side by side (the morning digest checks each message's once-only
// record for every person at once) go to Firestore together: the ones asked for in the same moment
// share one getAll round trip instead of one each. Each caller gets its own document's snapshot.

/** documents in one getAll: well within a request's size, big enough to make round trips rare */
const MAX_PER_READ = 300;

export function createBatchedReads(db: Firestore) {
  let waiting: { ref: DocumentReference; resolve(s: DocumentSnapshot): void; reject(e: unknown): void }[] =
    [];
  let scheduled = false;

  const readAll = async () => {
    scheduled = false;
    const all = waiting;
    waiting = [];
    for (let i = 0; i < all.length; i += MAX_PER_READ) {
      const group = all.slice(i, i + MAX_PER_READ);
      // one reference per document, however many asked for it
      const refs = [...new Map(group.map((w) => [w.ref.path, w.ref])).values()];
      db.getAll(...refs).then(
        (snaps) => {
          const byPath = new Map(snaps.map((s) => [s.ref.path, s]));
          for (const w of group) w.resolve(byPath.get(w.ref.path) as DocumentSnapshot);
        },
        (err) => {
          for (const w of group) w.reject(err);
        },
      );
    }
  };

  return {
    get(ref: DocumentReference): Promise<DocumentSnapshot> {
      return new Promise((resolve, reject) => {
        waiting.push({ ref, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          // after the current turn of the event loop: whoever asks in the same moment joins this read
          setImmediate(() => void readAll());
        }
      });
    },
  };
}
