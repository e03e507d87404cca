import { Timestamp } from 'firebase-admin/firestore';

// PDPA: records that only grow are deleted by Firestore itself once their `expireAt` has passed (TTL
// policies in firestore.indexes.json). How long each kind is kept, and why that is long enough:
export const KEEP_DAYS = {
  /** once-only sender records: a reminder is never repeated while its report or survey can still be open */
  notification: 730,
  /** a broadcast batch already delivered: only its counts matter, kept on the broadcast itself */
  sentBroadcastBatch: 90,
  /** a survey draft nobody finished: surveys close within weeks; an edit pushes this further */
  surveyDraft: 365,
  /** a notice kept through quiet hours: released the next morning; the record only shows that it went */
  heldNotice: 30,
} as const;

/** The field the TTL policies name. */
export const EXPIRE_AT = 'expireAt';

const DAY_MS = 86_400_000;

export function expireAt(from: Date, days: number): Timestamp {
  return Timestamp.fromMillis(from.getTime() + days * DAY_MS);
}
