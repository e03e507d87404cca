import { Timestamp } from 'firebase-admin/firestore';

/** A stored Timestamp as the ISO instant the LIFF app reads; null when the field is unset or not a Timestamp. */
export const isoOfTimestamp = (t: unknown): string | null =>
  t instanceof Timestamp ? t.toDate().toISOString() : null;
