import type { DocumentData, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { groupWhileInFlight } from '../store/group-while-in-flight';

/** Firestore's limit of writes in one batch. */
const MAX_BATCH = 500;

interface Waiting {
  readonly ref: DocumentReference;
  readonly data: DocumentData;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

/**
 * Updates that may go together (the outbox's delivered marks), committed as a group while a commit is
 * on its way (store/group-while-in-flight.ts): under load, many turns' marks share one round trip, which
 * is most of what a mark costs (each write in the batch is still a document write). Each caller's
 * promise settles when its own update is committed, so whoever awaits it still knows the mark is durable.
 */
export function createGroupedUpdates(db: Firestore) {
  const enqueue = groupWhileInFlight<Waiting>(MAX_BATCH, async (group) => {
    const batch = db.batch();
    for (const w of group) batch.update(w.ref, w.data);
    try {
      await batch.commit();
      for (const w of group) w.resolve();
    } catch {
      // one refused update (its document gone) must not fail the others: each on its own, with its own error
      await Promise.all(group.map((w) => w.ref.update(w.data).then(w.resolve, w.reject)));
    }
  });
  return {
    update(ref: DocumentReference, data: DocumentData): Promise<void> {
      return new Promise<void>((resolve, reject) => enqueue({ ref, data, resolve, reject }));
    },
  };
}
