import type { PersonContext, PostbackSigner, Reply, Typed, WorkingDayCalendar } from '@phattana/shared';
import type { CollectionReference, Firestore, Timestamp, Transaction } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import type { MediaStore } from '../media/media-store';
import type { MunicipalityCollections } from '../municipality-collections';
import type { Logger } from '../runtime/logger';
import type { TurnWriter } from './turn-writer';

// How a chat feature meets Firestore and the task queue. The turn store, handle-event and createBot
// loop over a list of these (bot/src/features/registry.ts) and name no feature: each adapter says how
// its lookups are read, how its effects are written (and whether they may go in the optimistic
// batch), and which slow work follows the commit.

/** Where a turn reads and writes: the municipality's collections and the bot's own. */
export type TurnCollections = MunicipalityCollections & {
  /** one document per LINE user: conversation state, the ids of its latest events, follow status */
  readonly conversations: CollectionReference;
  /**
   * one document per processed webhook event, deployment-wide, written with the turn and deleted by a
   * TTL policy on `expireAt` (the one TTL field, bot/src/store/expire-at.ts) once LINE can no longer redeliver it
   */
  readonly processedEvents: CollectionReference;
  /** external trainings reported from chat, for HR to verify */
  readonly externalTrainings: CollectionReference;
};

export interface TurnSettings {
  /** secret mixed into birth-date hashes (the same one the employee import uses) */
  readonly birthDatePepper: string;
}

/** A push to another member of staff, sent after the commit. */
export interface Notification {
  readonly to: string;
  readonly replies: readonly Reply[];
  readonly key: string;
}

/** What an adapter sees of the turn in progress. */
export interface TurnIo<M> {
  readonly userId: string;
  readonly eventId: string;
  /** the clock's time for this turn */
  readonly at: Date;
  /** the write time stamped on documents */
  readonly now: Timestamp;
  /** the linked person; an effect that links the account sets it */
  person?: PersonContext;
  readonly c: TurnCollections;
  readonly settings: TurnSettings;
  /** what this adapter's lookups read, kept for its effects in the same turn */
  readonly scratch: M;
  /** fields this turn adds to the person's conversation document (e.g. their consent) */
  readonly conversation: Record<string, unknown>;
}

/** Reads inside the turn's transaction (every read before the first write, as Firestore requires). */
export interface ReadIo<M> extends TurnIo<M> {
  readonly tx: Transaction;
  /** pushes to other people, sent after the commit; skipped ones are logged */
  readonly notifications: Notification[];
  readonly notificationsSkipped: { employeeId: string; reason: string }[];
}

/** Writes through the turn's transaction or optimistic batch. */
export interface WriteIo<M> extends TurnIo<M> {
  readonly w: TurnWriter;
}

export interface EffectHandler<E, M> {
  /**
   * A blind write whose only condition is the conversation document itself: such a turn commits as
   * one batch with a precondition instead of a transaction. Anything else runs in a transaction.
   */
  readonly batchable?: boolean;
  write(effect: E, io: WriteIo<M>): void;
}

/** What slow work may need; createBot supplies it. */
export interface TaskIo {
  readonly line: LineClient;
  readonly db: Firestore;
  /** the bot's municipality, for tasks that name none */
  readonly municipalityId: string;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly media?: MediaStore;
  readonly signer?: PostbackSigner;
  readonly calendar?: () => Promise<WorkingDayCalendar>;
}

/**
 * One feature's edge. `E` its effects, `L` its lookups, `X` its facts (keyed by lookup type), `T` the
 * tasks it queues and `M` what its lookups keep for its effects within one turn.
 */
export interface TurnFeature<
  E extends Typed = never,
  L extends Typed = never,
  X = unknown,
  T extends Typed = never,
  M = undefined,
> {
  readonly id: string;
  /** a fresh scratch object for each turn */
  scratch?(): M;
  readonly lookups?: {
    readonly [K in L['type']]: (
      lookup: Extract<L, { type: K }>,
      io: ReadIo<M>,
    ) => Promise<K extends keyof X ? X[K] : never>;
  };
  /** reads this feature's effects need before any write (only in a transaction) */
  prepare?(effects: readonly E[], io: ReadIo<M>): Promise<void>;
  readonly effects?: { readonly [K in E['type']]: EffectHandler<Extract<E, { type: K }>, M> };
  /** slow work to queue once the turn has committed */
  tasksFor?(effect: E): readonly T[];
  /** how each of its tasks runs (in-process locally, from Cloud Tasks in production) */
  readonly tasks?: {
    readonly [K in T['type']]: (task: Extract<T, { type: K }>, io: TaskIo) => Promise<void>;
  };
}
