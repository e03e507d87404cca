import { bangkokDate, surveyAvailability } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { surveyFromDoc } from './survey-records';

// A draft is the only stored place where an unsent answer sits beside the person's id. Once its survey
// has closed it can never be sent, so it is deleted: for an anonymous survey, keeping it would keep
// answers linked to a person for no purpose. Drafts are few (only surveys in progress), so reading them
// all each morning is cheap.

export async function discardClosedSurveyDrafts(
  db: Firestore,
  c: { readonly surveys: CollectionReference; readonly surveyDrafts: CollectionReference },
  now: Date,
): Promise<number> {
  const drafts = await c.surveyDrafts.select('surveyId').get();
  if (drafts.empty) return 0;
  const today = bangkokDate(now);
  const ids = [...new Set(drafts.docs.map((d) => String(d.get('surveyId'))))];
  const surveys = await db.getAll(...ids.map((id) => c.surveys.doc(id)));
  const closed = new Set(
    surveys
      .filter((s) => !s.exists || surveyAvailability(surveyFromDoc(s), today) === 'closed')
      .map((s) => s.id),
  );
  const stale = drafts.docs.filter((d) => closed.has(String(d.get('surveyId'))));
  const writer = db.bulkWriter();
  for (const d of stale) void writer.delete(d.ref);
  await writer.close();
  return stale.length;
}
