import { type FairnessResult, fairnessResult, type SurveyResponse } from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';

// The fiscal year's fairness figure from its fairness survey(s): the answers only (anonymous responses
// carry division and staff type, never a person). Read for the targets page, which freezes the figure
// on the year's targets document; the dashboard itself never reads responses.

export async function readFairness(
  surveys: CollectionReference,
  fiscalYear: number,
): Promise<FairnessResult | null> {
  const snap = await surveys.where('fiscalYear', '==', fiscalYear).where('kind', '==', 'fairness').get();
  const asked = snap.docs.filter((d) => d.get('status') !== 'draft');
  if (asked.length === 0) return null;
  const responses = await Promise.all(
    asked.map((d) => d.ref.collection('responses').select('answers').get()),
  );
  return fairnessResult(
    responses.flatMap((r) => r.docs.map((d) => d.data() as Pick<SurveyResponse, 'answers'>)),
  );
}
