import { isFirestoreDocId, isLineMessageId, isLineUserId, isWellFormed } from '@phattana/shared';

// A signed body is LINE's, but its events are still checked before anything reads them: a field of the
// wrong type would otherwise throw deep in a flow, answer 500 and block the rest of the delivery on
// every redelivery. A malformed event is skipped (and logged by its reason only, never its contents).

export type MalformedReason =
  | 'not_object'
  | 'event_id'
  | 'timestamp'
  | 'source'
  | 'user_id'
  | 'reply_token'
  | 'mode'
  | 'message'
  | 'postback'
  | 'delivery_context';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** undefined when every field the bot reads has the type LINE documents; else the first bad one. */
export function malformedReason(e: unknown): MalformedReason | undefined {
  if (!isObject(e)) return 'not_object';
  if (!isFirestoreDocId(e.webhookEventId) || e.webhookEventId.length > 100) return 'event_id';
  if (typeof e.timestamp !== 'number' || !Number.isSafeInteger(e.timestamp) || e.timestamp <= 0)
    return 'timestamp';
  if (!optionalString(e.mode)) return 'mode';
  if (!optionalString(e.replyToken)) return 'reply_token';
  if (e.deliveryContext !== undefined && !isObject(e.deliveryContext)) return 'delivery_context';
  if (e.source !== undefined) {
    const s = e.source;
    if (!isObject(s) || typeof s.type !== 'string') return 'source';
    // the user id names the person's conversation document: only LINE's documented form
    if (s.userId !== undefined && !isLineUserId(s.userId)) return 'user_id';
    if (s.type === 'user' && s.userId === undefined) return 'user_id';
    if (!optionalString(s.groupId) || !optionalString(s.roomId)) return 'source';
  }
  if (e.type === 'message') {
    const m = e.message;
    if (!isObject(m) || typeof m.type !== 'string' || typeof m.id !== 'string') return 'message';
    // text is stored with the conversation: a lone surrogate would make every write of it fail
    if (m.type === 'text' && (typeof m.text !== 'string' || !isWellFormed(m.text))) return 'message';
    // an image id goes into the content URL: digits only, as LINE issues them
    if (m.type === 'image' && !isLineMessageId(m.id)) return 'message';
  }
  if (e.type === 'postback') {
    const p = e.postback;
    if (!isObject(p) || typeof p.data !== 'string' || !isWellFormed(p.data)) return 'postback';
    if (p.params !== undefined) {
      if (!isObject(p.params)) return 'postback';
      if (!Object.values(p.params).every((v) => typeof v === 'string' && isWellFormed(v))) return 'postback';
    }
  }
  return undefined;
}

/** What a skipped event may be logged with: its id and type when they are plain, nothing personal. */
export function loggableEvent(e: unknown): { eventId?: string; type?: string } {
  if (!isObject(e)) return {};
  const short = (v: unknown) => (typeof v === 'string' && v.length <= 100 ? v : undefined);
  return { eventId: short(e.webhookEventId), type: short(e.type) };
}
