import { type FyStats, fyStatsFromData, fyStatsId } from '@phattana/shared';
import type {
  CollectionReference,
  DocumentData,
  DocumentSnapshot,
  Transaction,
} from 'firebase-admin/firestore';
import { readCounterShards, sumCounters } from './counter-shards';

// A fiscal year's maintained stats as stored: `stats/fy<year>` (what the last rebuild wrote, with its
// `rebuiltAt` and `hoursTarget`) plus the increments on its shards since. Always SHARDS + 1 reads.

export interface StoredStats {
  readonly stats: FyStats;
  /** the counted document itself: rebuiltAt, hoursTarget and whether it was ever written */
  readonly base: DocumentSnapshot;
  /** the sum of the shards alone (what a rebuild subtracts from the records) */
  readonly shardSum: Record<string, unknown>;
  /** the latest write to the document or a shard, ISO */
  readonly updatedAt: string | null;
}

export async function readStoredStats(
  stats: CollectionReference,
  fiscalYear: number,
  tx?: Transaction,
): Promise<StoredStats> {
  const ref = stats.doc(fyStatsId(fiscalYear));
  const [base, shards] = await Promise.all([tx ? tx.get(ref) : ref.get(), readCounterShards(ref, tx)]);
  return {
    stats: fyStatsFromData(fiscalYear, sumCounters([base.data(), ...shards])),
    base,
    shardSum: sumCounters(shards),
    updatedAt: latest([base.data(), ...shards]),
  };
}

function latest(docs: readonly (DocumentData | undefined)[]): string | null {
  let max: Date | null = null;
  for (const d of docs) {
    const v = d?.updatedAt as { toDate?: () => Date } | undefined;
    const at = typeof v?.toDate === 'function' ? v.toDate() : null;
    if (at && (max === null || at > max)) max = at;
  }
  return max ? max.toISOString() : null;
}
