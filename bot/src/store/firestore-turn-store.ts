import type { ConversationState, Effect } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import type { TurnStore } from './turn-store';

export interface FirestoreTurnStoreCollections {
  /** one document per processed webhook event, keyed by webhookEventId */
  events: CollectionReference;
  /** one document per LINE user: conversation state and follow status */
  conversations: CollectionReference;
  /** external trainings reported from chat, for HR to verify */
  externalTrainings: CollectionReference;
}

/** How long the de-duplication record is kept; LINE redelivers for far less. A TTL policy deletes it. */
const EVENT_RECORD_DAYS = 7;

/**
 * Conversation state in Firestore. One turn costs two reads (event record, state) and two writes
 * (event record, state), all in one transaction, so a redelivered event can never run twice and two
 * turns of one person never interleave.
 */
export function createFirestoreTurnStore(db: Firestore, c: FirestoreTurnStoreCollections): TurnStore {
  return {
    async runTurn(input, decide) {
      const eventRef = c.events.doc(input.eventId);
      const stateRef = c.conversations.doc(input.userId);
      return db.runTransaction(async (tx) => {
        const [eventSnap, stateSnap] = await tx.getAll(eventRef, stateRef);
        if (eventSnap?.exists) return { duplicate: true } as const;
        const stored = stateSnap?.exists
          ? (stateSnap.get('state') as ConversationState | undefined)
          : undefined;
        const outcome = decide(stored);
        const now = Timestamp.now();
        tx.create(eventRef, {
          userId: input.userId,
          eventTimestamp: input.eventTimestamp,
          processedAt: now,
          expireAt: Timestamp.fromMillis(now.toMillis() + EVENT_RECORD_DAYS * 86_400_000),
        });
        tx.set(stateRef, { state: stripUndefined(outcome.state), updatedAt: now }, { merge: true });
        for (const effect of outcome.effects) writeEffect(effect, input, c, tx, now);
        return { duplicate: false, result: outcome.result } as const;
      });
    },
    async setFollowing(userId, following, at) {
      await c.conversations
        .doc(userId)
        .set(
          { following, followChangedAt: Timestamp.fromDate(at), updatedAt: FieldValue.serverTimestamp() },
          { merge: true },
        );
    },
  };
}

function writeEffect(
  effect: Effect,
  input: { userId: string; eventId: string },
  c: FirestoreTurnStoreCollections,
  tx: FirebaseFirestore.Transaction,
  now: Timestamp,
): void {
  switch (effect.type) {
    case 'externalTrainingSubmitted':
      // keyed by the event, so even a retried transaction writes it once
      tx.create(c.externalTrainings.doc(input.eventId), {
        lineUserId: input.userId,
        ...effect.training,
        status: 'pendingVerification',
        submittedAt: now,
      });
      break;
  }
}

// Firestore refuses undefined values; drafts legitimately have unanswered (undefined) fields.
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
