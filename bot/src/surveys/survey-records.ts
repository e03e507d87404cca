import type { SurveyDefinition } from '@phattana/shared';
import type { CollectionReference, DocumentData, DocumentSnapshot, Query } from 'firebase-admin/firestore';

// The rules about stored surveys (municipalities/{m}/surveys/{id}) that every reader shares: how a stored
// one reads back, which ones are open, which belong to a fiscal year. Readers go through these.

const SURVEY_FIELDS = [
  'kind',
  'title',
  'description',
  'fiscalYear',
  'audience',
  'opensOn',
  'closesOn',
  'status',
  'anonymous',
  'minGroupSize',
  'questions',
  'reminders',
  'activity',
  'copiedFrom',
] as const satisfies readonly (keyof SurveyDefinition)[];

/** A stored survey read back: only the definition (not its counters, timestamps or audit fields). */
export function surveyFromDoc(snap: DocumentSnapshot): SurveyDefinition {
  const d: DocumentData = snap.data() ?? {};
  const out: Record<string, unknown> = { id: snap.id };
  for (const k of SURVEY_FIELDS) if (d[k] !== undefined && d[k] !== null) out[k] = d[k];
  out.audience ??= {};
  out.questions ??= [];
  out.reminders ??= { maxReminders: 0, everyWorkingDays: 1 };
  out.anonymous = d.anonymous === true;
  return out as unknown as SurveyDefinition;
}

/** Surveys HR has opened (each still has its own opening and closing dates: surveyAvailability). */
export const openSurveys = (surveys: CollectionReference): Query => surveys.where('status', '==', 'open');

/** The surveys of one fiscal year (one equality filter: no composite index). */
export const surveysOfYear = (surveys: CollectionReference, fiscalYear: number): Query =>
  surveys.where('fiscalYear', '==', fiscalYear);
