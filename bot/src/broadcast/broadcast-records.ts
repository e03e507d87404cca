import type {
  BroadcastFilter,
  BroadcastSendingNotes,
  BroadcastStatus,
  ExclusionReason,
  IsoDate,
  Reply,
} from '@phattana/shared';

// The stored shape of a reminder broadcast (municipalities/{m}/broadcasts/{id}) and its delivery
// batches (…/batches/{index}). One batch document records up to 500 people, so delivery is recorded
// per person in about N/500 writes. Every step keeps who did it and when, for the audit trail.

export type { BroadcastStatus };

export interface BroadcastActor {
  readonly employeeId: string;
  readonly name: string;
  readonly lineUserId: string;
}

/** Fields of broadcasts/{id}; Firestore timestamps are written beside them (requestedAt, …). */
export interface BroadcastRecord {
  readonly id: string;
  readonly status: BroadcastStatus;
  readonly filter: BroadcastFilter;
  /** the requester's date in Bangkok: "overdue" is judged against it */
  readonly today: IsoDate;
  readonly requestedBy: BroadcastActor;
  readonly requestEventId: string;
  readonly recipientCount?: number;
  readonly excluded?: Readonly<Record<ExclusionReason, number>>;
  readonly matchedPeople?: number;
  readonly matchedReports?: number;
  readonly batchCount?: number;
  readonly sampleNames?: readonly string[];
  /** the reminder as reply data, rendered at send time */
  readonly message?: readonly Reply[];
  readonly messageText?: string;
  /** set when the filter could not be applied (e.g. an unknown division) */
  readonly problem?: string;
  readonly confirmedBy?: BroadcastActor;
  readonly confirmEventId?: string;
  readonly cancelledBy?: BroadcastActor;
  readonly sendRuns?: number;
  readonly deliveredCount?: number;
  readonly failedCount?: number;
  /** when it goes out, its cost against the month's messages, who was just reminded (budget/) */
  readonly sending?: BroadcastSendingNotes;
  /** confirmed outside hours: sent at this hour (the morning release) */
  readonly deferredUntil?: unknown;
}

export type BatchStatus =
  | 'pending'
  /** LINE accepted it (200, or 409 for a retry key it had accepted already) */
  | 'sent'
  /** a retryable failure (429 after backoff, 5xx, timeout): the next run sends it again */
  | 'failed'
  /** LINE refused the request itself (4xx): retrying cannot help */
  | 'rejected';

export interface BatchRecord {
  readonly index: number;
  readonly employeeIds: readonly string[];
  readonly lineUserIds: readonly string[];
  readonly status: BatchStatus;
  readonly attempts: number;
  /** X-Line-Retry-Key of this batch, the same on every attempt */
  readonly retryKey: string;
  readonly lastError?: string;
}
