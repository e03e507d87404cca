import { lineReach, type ReportPhotoError, surveyPersonKey } from '@phattana/shared';
import type { CollectionReference, DocumentReference } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import { fetchLinePhoto } from '../media/fetch-line-photo';
import type { MediaStore } from '../media/media-store';
import type { StaffRecords } from '../people/staff-record-repository';
import { type OnceOnlySender, onceRecipient } from '../reports/once-only-sender';
import { surveyPhotoRefused } from './survey-messages';
import { surveyFromDoc } from './survey-records';

// A photo answer (e.g. the 5ส check-in's "after" picture): LINE keeps content only for a while, so a
// task copies it to storage after the turn and records the outcome on surveys/{id}/photos/{messageId}
// (the turn wrote the pending entry). A photo that cannot be kept is recorded with its reason and the
// person is asked, once, for another. Only named surveys have photo questions.

export interface StoreSurveyPhotoDeps {
  /** municipalities/{m}/surveys/{surveyId} */
  readonly survey: DocumentReference;
  /** the municipality's staff records (who to tell, if LINE reaches them) */
  readonly staff: StaffRecords;
  readonly surveyCompletions: CollectionReference;
  readonly media: MediaStore;
  readonly line: LineClient;
  /** sends the "please send another photo" message at most once per photo */
  readonly sender: OnceOnlySender;
}

export type StoreSurveyPhotoOutcome = 'stored' | 'refused' | 'alreadyDone' | 'noSuchPhoto';

/** Where a survey photo's bytes live: beside its record, keyed by LINE's message id. */
export const surveyPhotoPath = (survey: DocumentReference, messageId: string) =>
  `${survey.path}/photos/${messageId}`;

/**
 * Safe to run again (Cloud Tasks retries): a settled photo is never fetched twice, the object path is
 * fixed, the outcome is written once in a transaction, and the refusal message goes through the
 * once-only sender (a run that died after recording but before telling the person tells them now).
 */
export async function storeSurveyPhoto(
  d: StoreSurveyPhotoDeps,
  messageId: string,
): Promise<StoreSurveyPhotoOutcome> {
  const ref = d.survey.collection('photos').doc(messageId);
  const [survey, before] = await d.survey.firestore.getAll(d.survey, ref);
  if (!before?.exists) return 'noSuchPhoto';
  if (!survey?.exists || survey.get('anonymous') === true) {
    // a photo can identify its sender: never kept for an anonymous survey (the flow asks for none)
    await ref.delete();
    return 'noSuchPhoto';
  }
  const settled = before.get('status') as string | undefined;
  if (settled === 'refused') {
    await tellRefused(d, messageId, before.get('employeeId'), before.get('reason'));
    return 'alreadyDone';
  }
  if (settled === 'stored') return 'alreadyDone';

  const photo = await fetchLinePhoto(d.line, messageId);
  const settlement =
    photo.kind === 'refused'
      ? {
          status: 'refused',
          reason: photo.error,
          ...(photo.contentType ? { contentType: photo.contentType } : {}),
          ...(photo.bytes !== undefined ? { bytes: photo.bytes } : {}),
        }
      : {
          status: 'stored',
          storagePath: surveyPhotoPath(d.survey, messageId),
          contentType: photo.contentType,
          bytes: photo.bytes,
        };
  if (photo.kind === 'ok')
    await d.media.put(surveyPhotoPath(d.survey, messageId), photo.body, photo.contentType);
  const recorded = await d.survey.firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return 'noSuchPhoto' as const;
    if (snap.get('status') !== undefined) return 'alreadyDone' as const;
    tx.update(ref, settlement);
    return photo.kind === 'refused' ? ('refused' as const) : ('stored' as const);
  });
  if (recorded === 'refused' && photo.kind === 'refused')
    await tellRefused(d, messageId, before.get('employeeId'), photo.error);
  return recorded;
}

async function tellRefused(
  d: StoreSurveyPhotoDeps,
  messageId: string,
  employeeId: unknown,
  reason: unknown,
): Promise<void> {
  if (typeof employeeId !== 'string') return;
  const [employee, [survey, completion]] = await Promise.all([
    d.staff.byId(employeeId),
    d.survey.firestore.getAll(d.survey, d.surveyCompletions.doc(surveyPersonKey(d.survey.id, employeeId))),
  ]);
  if (!survey?.exists) return;
  const reach = lineReach(employee);
  await d.sender.send({
    key: `survey:${d.survey.id}:photoRefused:${messageId}`,
    to: onceRecipient(employeeId, reach),
    replies: surveyPhotoRefused(
      surveyFromDoc(survey),
      (reason as ReportPhotoError) ?? 'notAnImage',
      completion?.exists === true,
    ),
    meta: { surveyId: d.survey.id, kind: 'surveyPhotoRefused', messageId },
  });
}
