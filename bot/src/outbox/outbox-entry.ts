import type { Task } from '../runtime/task-queue';

// A turn's outbox: what the turn must still send, written in the same atomic write as its state (on the
// event's processed-event record), so a crash, a failed reply or a lost enqueue after the commit can no
// longer lose an answer: whoever finds the entry undelivered sends it.

/** Firestore stores no array directly inside an array: each batch of (up to 5) messages is wrapped. */
export interface OutboxBatch {
  readonly messages: readonly unknown[];
}

export interface OutboxEntry {
  /** the person the answer is for */
  readonly to: string;
  /** the turn's answer, rendered: the first batch goes as the reply, or all of them by push */
  readonly batches: readonly OutboxBatch[];
  /** follow-up work: photo copies, broadcast sends, pushes to other people (notifications) */
  readonly tasks: readonly Task[];
  readonly delivered: boolean;
}

/** How an entry was delivered, kept on the record for the fault figures and for support. */
export type DeliveredVia = 'reply' | 'reply-presumed' | 'push' | 'nothing';

/** The port the webhook and the sweeper use. */
export interface Outbox {
  /** the entry a processed event left, when it is not delivered yet */
  undelivered(eventId: string): Promise<OutboxEntry | undefined>;
  markDelivered(eventId: string, via: DeliveredVia): Promise<void>;
  /** undelivered entries older than `before` (of one person, or everyone's), oldest first */
  pending(o: {
    userId?: string;
    before: Date;
    limit: number;
  }): Promise<Array<{ eventId: string; entry: OutboxEntry }>>;
}

/** A value Firestore can store: plain JSON (no undefined, no class instances). */
export function storable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
