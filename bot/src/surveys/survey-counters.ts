import { type CollectionReference, type DocumentSnapshot, FieldValue } from 'firebase-admin/firestore';
import { counterShard, readCounterShards, sumCounters } from '../stats/counter-shards';
import type { TurnWriter } from '../store/turn-writer';

// A survey's response counters, which the dashboards and HR's pages read instead of counting answers.
// Every submission increments a random shard of the survey's document (a burst of answers to one survey
// would otherwise write that document many times a second); a reader adds the document (counters set
// at creation, or from before the shards) and its shards.

export interface SurveyCounts {
  readonly responseCount: number;
  readonly responsesByDivision: Readonly<Record<string, number>>;
}

/** One more response from the division, in the submission's own write. */
export function countSurveyResponse(
  w: Pick<TurnWriter, 'set'>,
  surveys: CollectionReference,
  surveyId: string,
  divisionId: string,
): void {
  w.set(
    counterShard(surveys.doc(surveyId)),
    {
      responseCount: FieldValue.increment(1),
      responsesByDivision: { [divisionId]: FieldValue.increment(1) },
    },
    { merge: true },
  );
}

/** The survey document's data with its shards' counters added (SHARDS + 1 reads at most). */
export async function countedSurveyData(snap: DocumentSnapshot): Promise<Record<string, unknown>> {
  return sumCounters([snap.data(), ...(await readCounterShards(snap.ref))]);
}

export async function readSurveyCounts(snap: DocumentSnapshot): Promise<SurveyCounts> {
  const d = await countedSurveyData(snap);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return {
    responseCount: num(d.responseCount),
    responsesByDivision: Object.fromEntries(
      Object.entries((d.responsesByDivision ?? {}) as Record<string, unknown>).map(([k, v]) => [k, num(v)]),
    ),
  };
}
