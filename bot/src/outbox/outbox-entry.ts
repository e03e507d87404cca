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

/**
 * An entry as stored (`processedEvents/{eventId}.outbox`): who it is for and whether it is delivered as
 * fields (the sweeper queries them), what it sends as ONE JSON string. The rendered messages are deep
 * maps (flex bubbles); as a string they cost one stringify, where nested maps cost Firestore's validation
 * and encoding of every value in every turn's commit, and nothing ever queries inside them.
 */
export interface StoredOutbox {
  readonly to: string;
  readonly delivered: false;
  /** JSON of `{ batches, tasks }` (undefined fields dropped, as Firestore would refuse them) */
  readonly sends: string;
}

export function toStoredOutbox(entry: OutboxEntry): StoredOutbox {
  return {
    to: entry.to,
    delivered: false,
    sends: JSON.stringify({ batches: entry.batches, tasks: entry.tasks }),
  };
}

/**
 * The entry a record holds, when it is still to deliver. Reads entries written before `sends` too
 * (batches and tasks as maps), which records kept for the replay window may still hold.
 */
export function fromStoredOutbox(raw: unknown): OutboxEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as { to?: unknown; delivered?: unknown; sends?: unknown; batches?: unknown; tasks?: unknown };
  if (o.delivered !== false) return undefined;
  const sends = (typeof o.sends === 'string' ? JSON.parse(o.sends) : o) as Partial<OutboxEntry>;
  return {
    to: typeof o.to === 'string' ? o.to : '',
    batches: sends.batches ?? [],
    tasks: sends.tasks ?? [],
    delivered: false,
  };
}
