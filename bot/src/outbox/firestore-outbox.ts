import { type CollectionReference, Timestamp } from 'firebase-admin/firestore';
import { createGroupedUpdates } from './grouped-updates';
import { type DeliveredVia, fromStoredOutbox, type Outbox } from './outbox-entry';

/** The outbox on the processed-event records (`processedEvents/{eventId}.outbox`). */
export function createFirestoreOutbox(processedEvents: CollectionReference): Outbox {
  // turns finishing together share the round trip of their marks (grouped-updates.ts)
  const marks = createGroupedUpdates(processedEvents.firestore);
  return {
    async undelivered(eventId) {
      const snap = await processedEvents.doc(eventId).get();
      return fromStoredOutbox(snap.get('outbox'));
    },
    async markDelivered(eventId, via: DeliveredVia) {
      // The whole entry is replaced: once sent, neither the answer (a survey summary repeats the answers)
      // nor whom it was for stays on the record, so an anonymous survey leaves no path to the person.
      await marks.update(processedEvents.doc(eventId), {
        outbox: { delivered: true, via, deliveredAt: Timestamp.now() },
      });
    },
    async pending({ userId, before, limit }) {
      // equality filters only (served by single-field indexes); the age is checked here
      let q = processedEvents.where('outbox.delivered', '==', false);
      if (userId) q = q.where('outbox.to', '==', userId);
      const snap = await q.limit(limit * 4).get();
      return snap.docs
        .filter((d) => ((d.get('processedAt') as Timestamp | undefined)?.toMillis() ?? 0) < before.getTime())
        .sort(
          (a, b) =>
            (a.get('processedAt') as Timestamp).toMillis() - (b.get('processedAt') as Timestamp).toMillis(),
        )
        .slice(0, limit)
        .flatMap((d) => {
          const entry = fromStoredOutbox(d.get('outbox'));
          return entry ? [{ eventId: d.id, entry }] : [];
        });
    },
  };
}
