import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { groupWhileInFlight } from './group-while-in-flight';

/** Documents one getAll asks for at most (a request stays small; the next group goes right after). */
const MAX_GROUP = 300;

interface Waiting {
  readonly ref: DocumentReference;
  readonly resolve: (snap: DocumentSnapshot) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Reads of single documents that may share a round trip (the webhook's routing read of a person's
 * `lineUsers` entry), grouped while a getAll is on its way, as grouped-updates.ts groups commits.
 * Nothing is cached: every snapshot is read after it was asked for, as a get() of its own would be, so
 * no one sees an older route than before; under load, many events share one RPC.
 */
export function createGroupedReads(db: Firestore) {
  const enqueue = groupWhileInFlight<Waiting>(MAX_GROUP, async (group) => {
    try {
      // getAll answers in the order asked, one snapshot per reference (duplicates included)
      const snaps = await db.getAll(...group.map((w) => w.ref));
      group.forEach((w, i) => {
        const snap = snaps[i];
        if (snap) w.resolve(snap);
        else w.reject(new Error(`no snapshot for ${w.ref.path}`));
      });
    } catch (err) {
      for (const w of group) w.reject(err);
    }
  });
  return {
    get(ref: DocumentReference): Promise<DocumentSnapshot> {
      return new Promise<DocumentSnapshot>((resolve, reject) => enqueue({ ref, resolve, reject }));
    },
  };
}
