import {
  type SurveyDefinition,
  type SurveyPhoto,
  type SurveyResponse,
  shownQuestionIds,
} from '@phattana/shared';
import type { CollectionReference, DocumentSnapshot } from 'firebase-admin/firestore';
import type { MediaStore, StoredMedia } from '../media/media-store';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { surveyPhotoPath } from './store-survey-photo';
import { surveyFromDoc } from './survey-records';

// HR sees a named survey's photos (the 5ส before/after pictures): the results list the stored photos
// of submitted responses with who sent them, and one photo's bytes are read through the API. Only
// what was submitted and kept is shown: a photo of a draft, a replaced one or a refused one is not;
// an anonymous survey keeps none and shows none.

export const PHOTO_NOT_FOUND = 'ไม่พบรูปนี้ หรือระบบยังบันทึกรูปไม่เสร็จ';
export const PHOTO_REFUSED = 'ระบบไม่ได้เก็บรูปนี้ (ไฟล์ใหญ่เกิน ไม่ใช่รูปภาพ หรือหมดอายุใน LINE) จึงไม่มีให้แสดง';

/** Firestore's document id rules: no "/", not "." or "..", not `__…__`, at most 1,500 bytes. */
export const isDocumentId = (s: string): boolean =>
  s !== '' &&
  s !== '.' &&
  s !== '..' &&
  !s.includes('/') &&
  !/^__.*__$/.test(s) &&
  Buffer.byteLength(s, 'utf8') <= 1500;

/** Each photo a response submitted for a question the person was shown, in question order. */
function submittedPhotos(survey: SurveyDefinition, answers: SurveyResponse['answers']) {
  const shown = shownQuestionIds(survey, answers);
  return survey.questions.flatMap((q) => {
    const a = answers[q.id];
    if (q.type !== 'photo' || !shown.has(q.id) || a?.type !== 'photos') return [];
    return a.photos
      .filter((p) => typeof p.messageId === 'string' && isDocumentId(p.messageId))
      .map((p) => ({ questionId: q.id, messageId: p.messageId }));
  });
}

/** The stored photos of a named survey's responses, with the sender's name and division. */
export async function surveyPhotos(
  c: StaffSource & { readonly surveys: CollectionReference },
  survey: SurveyDefinition,
  responses: readonly SurveyResponse[],
  divisionNames: Readonly<Record<string, string>>,
): Promise<SurveyPhoto[]> {
  if (survey.anonymous) return [];
  const sent = responses.flatMap((r) =>
    r.employeeId
      ? submittedPhotos(survey, r.answers).map((p) => ({ ...p, r, employeeId: r.employeeId }))
      : [],
  );
  if (sent.length === 0) return [];
  const photos = c.surveys.doc(survey.id).collection('photos');
  const db = c.surveys.firestore;
  const employeeIds = [...new Set(sent.map((p) => p.employeeId as string))];
  const [outcomes, people] = await Promise.all([
    db.getAll(...sent.map((p) => photos.doc(p.messageId))),
    staffRecords(c).byIds(employeeIds, { fields: ['name'] }),
  ]);
  const names = new Map([...people].map(([id, r]) => [id, r.name || id]));
  return sent.flatMap((p, i) => {
    const o = outcomes[i];
    if (!isStoredFor(o, p.employeeId as string)) return [];
    return [
      {
        questionId: p.questionId,
        messageId: p.messageId,
        name: names.get(p.employeeId as string) ?? (p.employeeId as string),
        divisionName: divisionNames[p.r.divisionId] ?? p.r.divisionId,
        submittedOn: p.r.submittedOn ?? null,
      },
    ];
  });
}

/** Kept in storage, and sent by this person (the record is the task's, the answer the person's). */
const isStoredFor = (o: DocumentSnapshot | undefined, employeeId: string) =>
  o?.exists === true && o.get('status') === 'stored' && o.get('employeeId') === employeeId;

/** A photo HR may see, or why not (both answered as "not found", in Thai). */
export type SurveyPhotoRead =
  | { readonly kind: 'ok'; readonly media: StoredMedia }
  | { readonly kind: 'notFound' | 'refused'; readonly message: string };

const notFound = { kind: 'notFound', message: PHOTO_NOT_FOUND } as const;

/**
 * One photo's bytes for HR: only a named survey's, only one a submitted response names and that was
 * stored. Anything else is "not found", so the answer says nothing about anonymous surveys.
 */
export async function readSurveyPhoto(
  media: MediaStore,
  survey: DocumentSnapshot,
  messageId: string,
): Promise<SurveyPhotoRead> {
  if (!isDocumentId(messageId) || surveyFromDoc(survey).anonymous) return notFound;
  const outcome = await survey.ref.collection('photos').doc(messageId).get();
  if (outcome.get('status') === 'refused') return { kind: 'refused', message: PHOTO_REFUSED };
  const employeeId = outcome.get('employeeId');
  if (typeof employeeId !== 'string' || !isDocumentId(employeeId) || !isStoredFor(outcome, employeeId))
    return notFound;
  const response = await survey.ref.collection('responses').doc(employeeId).get();
  const answers = (response.get('answers') ?? {}) as SurveyResponse['answers'];
  const submitted = response.exists ? submittedPhotos(surveyFromDoc(survey), answers) : [];
  if (!submitted.some((p) => p.messageId === messageId)) return notFound;
  // the path is derived, not read from the record: the bytes can only come from this survey's photos
  const stored = await media.get(surveyPhotoPath(survey.ref, messageId));
  return stored ? { kind: 'ok', media: stored } : notFound;
}
