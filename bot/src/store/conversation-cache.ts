import type { DocumentData, Timestamp } from 'firebase-admin/firestore';

/** A conversation document as this instance last wrote it, with the update time Firestore gave it. */
export interface KnownConversation {
  readonly updateTime: Timestamp;
  readonly data: DocumentData;
}

/**
 * The conversation documents this instance wrote last, so the next turn of the same person can skip
 * the read. Only a hint: every write made from it carries the update time as a precondition, so a
 * document changed elsewhere (another instance, HR tools) fails the write and the turn reads afresh.
 */
export function createConversationCache(o: { maxEntries: number; maxAgeMs: number; now?: () => number }) {
  const now = o.now ?? Date.now;
  const entries = new Map<string, KnownConversation & { at: number }>();
  return {
    get(userId: string): KnownConversation | undefined {
      const e = entries.get(userId);
      if (!e) return undefined;
      entries.delete(userId);
      // after a long pause another instance has likely taken over: reading is cheaper than a failed write
      if (now() - e.at > o.maxAgeMs) return undefined;
      entries.set(userId, e); // most recently used last
      return e;
    },
    set(userId: string, known: KnownConversation): void {
      if (o.maxEntries <= 0) return;
      const previous = entries.get(userId);
      // concurrent turns of one person: keep the newest write, whichever finished last
      if (previous && previous.updateTime.valueOf() > known.updateTime.valueOf()) return;
      entries.delete(userId);
      entries.set(userId, { ...known, at: now() });
      while (entries.size > o.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    forget(userId: string): void {
      entries.delete(userId);
    },
  };
}
