import { createHash } from 'node:crypto';
import type { HeldBackReason, MessagePriority } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { coalescedIncrementsOf } from '../stats/coalesced-increments';
import { counterShard } from '../stats/counter-shards';

// What the bot itself records about the LINE message budget, deployment-wide (one LINE Official Account
// may serve several municipalities): messageBudget/{month} and its counter shards hold each municipality's
// sent count and the held-back counts; the document itself whether
// LINE closed the month and whether HR was told; …/heldBack/{id} every message not sent, with the reason,
// so HR sees it and the jobs can send it once the quota opens again.

export interface HeldBackEntry {
  readonly month: string;
  readonly municipalityId: string;
  readonly priority: MessagePriority;
  readonly reason: HeldBackReason;
  readonly recipients: number;
  readonly purpose: string;
  /** the once-only key or retry key: one record per message however often it is tried */
  readonly key: string;
  readonly at: Date;
}

export interface BudgetLedger {
  recordSent(month: string, municipalityId: string, recipients: number): Promise<void>;
  recordHeldBack(h: HeldBackEntry): Promise<void>;
  recordClosed(month: string, at: Date): Promise<void>;
  /** true for exactly one caller per month: the one that tells HR */
  claimHrNotice(month: string, at: Date): Promise<boolean>;
  recordHrNotice(month: string, via: 'line' | 'dashboard'): Promise<void>;
}

/**
 * The deployment's months (one LINE Official Account): top level, never under municipalities/{id}.
 * createBot hands the collection to the ledger and the dashboard; this is its default.
 */
export const messageBudgetCollection = (db: Firestore) => db.collection('messageBudget');

const heldBackId = (key: string) => createHash('sha256').update(key).digest('hex').slice(0, 32);

export function createFirestoreBudgetLedger(
  db: Firestore,
  months: CollectionReference = messageBudgetCollection(db),
): BudgetLedger {
  const month = (m: string) => months.doc(m);
  const increments = coalescedIncrementsOf(db);
  return {
    async recordSent(m, municipalityId, recipients) {
      // every push of every municipality counts here: on a random shard (see counter-shards), and the
      // counts of pushes sent side by side added up into one write a second (see coalesced-increments)
      await increments.add(month(m), { sent: { [municipalityId]: recipients } });
    },
    async recordHeldBack(h) {
      const ref = month(h.month).collection('heldBack').doc(heldBackId(h.key));
      await db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        tx.set(
          ref,
          {
            municipalityId: h.municipalityId,
            priority: h.priority,
            reason: h.reason,
            recipients: h.recipients,
            purpose: h.purpose,
            key: h.key,
            attempts: Number(snap.get('attempts') ?? 0) + 1,
            lastAt: Timestamp.fromDate(h.at),
            ...(snap.exists ? {} : { firstAt: Timestamp.fromDate(h.at) }),
          },
          { merge: true },
        );
        // the month's count grows once per message, not per attempt
        if (!snap.exists)
          tx.set(
            counterShard(month(h.month)),
            { heldBack: { [h.reason]: FieldValue.increment(1) }, heldBackTotal: FieldValue.increment(1) },
            { merge: true },
          );
      });
    },
    async recordClosed(m, at) {
      await month(m).set({ closedAt: Timestamp.fromDate(at) }, { merge: true });
    },
    async claimHrNotice(m, at) {
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(month(m));
        if (snap.get('hrNoticeAt')) return false;
        tx.set(month(m), { hrNoticeAt: Timestamp.fromDate(at) }, { merge: true });
        return true;
      });
    },
    async recordHrNotice(m, via) {
      await month(m).set({ hrNoticeVia: via }, { merge: true });
    },
  };
}
