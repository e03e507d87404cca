import { fyStatsId, isEmptyDelta, type StatsDelta } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Timestamp } from 'firebase-admin/firestore';
import type { TurnWriter } from '../store/turn-writer';
import { counterShard } from './counter-shards';

/**
 * Adds a delta to the fiscal year's stats in the caller's transaction: every leaf becomes a
 * server-side increment (a blind write, so concurrent events never conflict) on a random shard of
 * `stats/fy<year>` (see counter-shards: no document is written by everyone at 08:30), created by its
 * first event. Readers add the document and its shards (stored-stats).
 */
export function applyStatsDelta(
  w: Pick<TurnWriter, 'set'>,
  stats: CollectionReference,
  fiscalYear: number,
  delta: StatsDelta,
  now: Timestamp,
): void {
  if (isEmptyDelta(delta)) return;
  w.set(
    counterShard(stats.doc(fyStatsId(fiscalYear))),
    { ...increments(delta), updatedAt: now },
    { merge: true },
  );
}

type Increments = { [key: string]: FieldValue | Increments };

function increments(d: StatsDelta): Increments {
  const out: Increments = {};
  for (const [k, v] of Object.entries(d)) {
    if (typeof v === 'number') {
      if (v !== 0) out[k] = FieldValue.increment(v);
    } else if (!isEmptyDelta(v)) out[k] = increments(v);
  }
  return out;
}
