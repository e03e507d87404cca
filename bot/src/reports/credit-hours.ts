import { type CreditPrior, creditDelta, type HoursEntry, totalsIdFor } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Timestamp } from 'firebase-admin/firestore';
import { applyStatsDelta } from '../stats/stats-writes';
import type { TurnWriter } from '../store/turn-writer';
import { withoutUndefined } from '../store/without-undefined';

/**
 * Writes a ledger entry and adds it to the person's fiscal-year totals in the caller's transaction or
 * batch, so the derived totals cannot drift from the entries. `create()` makes a second credit for the
 * same source fail the whole write instead of counting twice; the totals use server-side increments, so
 * concurrent credits for one person add up. With a `stats` collection the fiscal year's dashboard stats
 * get the entry's delta in the same write; that needs what the transaction read first (`prior`, see
 * readCreditPrior).
 */
export function creditHours(
  w: Pick<TurnWriter, 'create' | 'set'>,
  c: {
    readonly hoursLedger: CollectionReference;
    readonly hoursTotals: CollectionReference;
    readonly stats?: CollectionReference;
  },
  e: HoursEntry,
  now: Timestamp,
  prior?: CreditPrior,
): void {
  if (c.stats && !prior) throw new Error(`credit ${e.id}: the stats need the person's totals read first`);
  w.create(c.hoursLedger.doc(e.id), { ...withoutUndefined(e), createdAt: now });
  const inc = (n: number) => FieldValue.increment(n);
  w.set(
    c.hoursTotals.doc(totalsIdFor(e.employeeId, e.fiscalYear)),
    {
      employeeId: e.employeeId,
      fiscalYear: e.fiscalYear,
      hours: inc(e.hours),
      trainings: inc(1),
      eLearningCourses: inc(e.method === 'eLearning' ? 1 : 0),
      byMethod: { [e.method]: inc(e.hours) },
      ...(e.curriculum ? { byCurriculum: { [e.curriculum]: inc(e.hours) } } : {}),
      updatedAt: now,
    },
    { merge: true },
  );
  if (c.stats && prior) applyStatsDelta(w, c.stats, e.fiscalYear, creditDelta(prior, e), now);
}
