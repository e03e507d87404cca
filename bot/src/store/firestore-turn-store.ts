import type { ConversationState, Effect } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import type { TurnStore } from './turn-store';

export interface FirestoreTurnStoreCollections {
  /** one document per LINE user: conversation state, the ids of its latest events, follow status */
  conversations: CollectionReference;
  /** external trainings reported from chat, for HR to verify */
  externalTrainings: CollectionReference;
}

/**
 * How many of a person's latest webhook event ids are remembered for de-duplication. LINE redelivers
 * an event within minutes; nobody sends this many messages in that time.
 */
export const REMEMBERED_EVENT_IDS = 100;

/**
 * Conversation state in Firestore. The de-duplication record lives in the person's own conversation
 * document, so one turn is one transaction of one read and one write (plus any effects): a redelivered
 * event can never run twice, and two turns of one person never interleave.
 */
export function createFirestoreTurnStore(db: Firestore, c: FirestoreTurnStoreCollections): TurnStore {
  return {
    async runTurn(input, decide) {
      const stateRef = c.conversations.doc(input.userId);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(stateRef);
        const recent = (snap.exists ? (snap.get('recentEventIds') as string[] | undefined) : undefined) ?? [];
        if (recent.includes(input.eventId)) return { duplicate: true } as const;
        const stored = snap.exists ? (snap.get('state') as ConversationState | undefined) : undefined;
        const outcome = decide(stored);
        const now = Timestamp.now();
        tx.set(
          stateRef,
          {
            state: stripUndefined(outcome.state),
            recentEventIds: [...recent.slice(-(REMEMBERED_EVENT_IDS - 1)), input.eventId],
            lastEventAt: Timestamp.fromMillis(input.eventTimestamp),
            updatedAt: now,
          },
          { merge: true },
        );
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
