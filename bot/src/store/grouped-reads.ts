import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';

/** Documents one getAll asks for at most (a request stays small; the next group goes right after). */
const MAX_GROUP = 300;

interface Waiting {
  readonly ref: DocumentReference;
  readonly resolve: (snap: DocumentSnapshot) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Reads of single documents that may share a round trip (the webhook's routing read of a person's
 * `lineUsers` entry), the way grouped-updates.ts shares commits: the first read goes at once; reads asked
 * for while one is on its way wait for it and go together in the next getAll. Nothing is cached: every
 * snapshot is read after it was asked for, as a get() of its own would be, so no one sees an older
 * route than before; under load, many events share one RPC (most of what a read costs this process).
 */
export function createGroupedReads(db: Firestore) {
  let waiting: Waiting[] = [];
  let reading = false;

  async function readAll(): Promise<void> {
    reading = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.slice(0, MAX_GROUP);
        waiting = waiting.slice(MAX_GROUP);
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
      }
    } finally {
      reading = false;
    }
  }

  return {
    get(ref: DocumentReference): Promise<DocumentSnapshot> {
      return new Promise<DocumentSnapshot>((resolve, reject) => {
        waiting.push({ ref, resolve, reject });
        if (!reading) void readAll();
      });
    },
  };
}
