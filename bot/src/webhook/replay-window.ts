/**
 * How long after an event happened LINE may still deliver it. LINE documents that a redelivered event
 * keeps its original `timestamp` and the same `webhookEventId`, but publishes no figure for how long
 * redelivery goes on (its docs say only that it stops after "a certain period"); a day is well beyond
 * what redelivery has been seen to take, and costs nothing but a day of small id records.
 *
 * An event older than this is refused as a replay (a captured signed body sent again later); within it,
 * the event's id record (kept at least this long) recognises it.
 */
export const REPLAY_WINDOW_MS = 24 * 60 * 60_000;

/** Events stamped this far in the future are not LINE's either (its clock and ours agree to seconds). */
export const FUTURE_SKEW_MS = 10 * 60_000;

/**
 * When the record of a processed event may go (a Firestore TTL policy on `expireAt` (the one TTL field, bot/src/store/expire-at.ts) deletes it): the
 * end of the window, counted from the event's own time, plus the allowed skew so the two checks overlap.
 */
export function processedEventExpiry(eventTimestamp: number): Date {
  return new Date(eventTimestamp + REPLAY_WINDOW_MS + FUTURE_SKEW_MS);
}

/** 'ok', or why an event's timestamp puts it outside what LINE could deliver now. */
export function replayVerdict(eventTimestamp: number, nowMs: number): 'ok' | 'too_old' | 'in_future' {
  if (eventTimestamp < nowMs - REPLAY_WINDOW_MS) return 'too_old';
  if (eventTimestamp > nowMs + FUTURE_SKEW_MS) return 'in_future';
  return 'ok';
}
