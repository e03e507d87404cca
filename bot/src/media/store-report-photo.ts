import {
  lineReach,
  openReportAction,
  PHOTO_RETRY_HINT,
  photoRefusalReason,
  type Reply,
  type ReportPhoto,
  type ReportPhotoError,
  text,
} from '@phattana/shared';
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import type { StaffRecords } from '../people/staff-record-repository';
import { type OnceOnlySender, onceRecipient } from '../reports/once-only-sender';
import { fetchLinePhoto, PHOTO_MAX_BYTES } from './fetch-line-photo';
import type { MediaStore } from './media-store';

/** LINE's own limit for an image message; anything larger is not a photo the person meant to send. */
export const REPORT_PHOTO_MAX_BYTES = PHOTO_MAX_BYTES;

export interface StoreReportPhotoDeps {
  /** municipalities/{m}/reports/{reportId} */
  readonly report: DocumentReference;
  readonly media: MediaStore;
  readonly line: LineClient;
  /** tells the person once why a photo was refused; without it the refusal is only recorded */
  readonly notify?: { readonly staff: StaffRecords; readonly sender: OnceOnlySender };
}

export type StoreReportPhotoOutcome =
  /** copied and recorded now */
  | 'stored'
  /** refused or expired: the reason is recorded on the photo */
  | 'refused'
  /** an earlier run already settled it */
  | 'alreadyDone'
  /** no such report or photo entry (e.g. the report was deleted): nothing to do */
  | 'noSuchPhoto';

/** Where a report photo's bytes live: beside the report's own path, keyed by LINE's message id. */
export const reportPhotoPath = (report: DocumentReference, messageId: string) =>
  `${report.path}/photos/${messageId}`;

/**
 * Copies one report photo from LINE to the media store and records it on the report's photo entry.
 * Safe to run again (Cloud Tasks retries): a settled entry is left alone and never fetched twice, the
 * object path is fixed, and the entry is updated in place in a transaction. LINE outages throw, so
 * the task is retried; a 404 means the content has expired and is recorded, not retried.
 */
export async function storeReportPhoto(
  d: StoreReportPhotoDeps,
  messageId: string,
): Promise<StoreReportPhotoOutcome> {
  const before = photoOf(await d.report.get(), messageId);
  if (!before) return 'noSuchPhoto';
  if (before.error) {
    // a run that died after recording the refusal but before telling the person tells them now
    await tellRefused(d, messageId, before.error);
    return 'alreadyDone';
  }
  if (isSettled(before)) return 'alreadyDone';

  const photo = await fetchLinePhoto(d.line, messageId);
  if (photo.kind === 'refused') {
    const { kind: _k, ...refusal } = photo;
    const outcome = await record(d, messageId, refusal);
    if (outcome === 'refused') await tellRefused(d, messageId, photo.error);
    return outcome;
  }
  const storagePath = reportPhotoPath(d.report, messageId);
  await d.media.put(storagePath, photo.body, photo.contentType);
  return record(d, messageId, { storagePath, contentType: photo.contentType, bytes: photo.bytes });
}

type Settlement = Pick<ReportPhoto, 'storagePath' | 'contentType' | 'bytes' | 'error'>;

/** Writes the outcome onto the photo entry, unless another run settled it first. */
async function record(
  d: StoreReportPhotoDeps,
  messageId: string,
  settlement: Settlement,
): Promise<StoreReportPhotoOutcome> {
  return d.report.firestore.runTransaction(async (tx) => {
    const snap = await tx.get(d.report);
    const photos = (snap.get('photos') as ReportPhoto[] | undefined) ?? [];
    const current = photoOf(snap, messageId);
    if (!current) return 'noSuchPhoto';
    if (isSettled(current)) return 'alreadyDone';
    tx.update(d.report, {
      photos: photos.map((p) => (p.messageId === messageId ? { ...p, ...settlement } : p)),
    });
    return settlement.error ? 'refused' : 'stored';
  });
}

function photoOf(snap: DocumentSnapshot, messageId: string): ReportPhoto | undefined {
  if (!snap.exists) return undefined;
  return ((snap.get('photos') as ReportPhoto[] | undefined) ?? []).find((p) => p.messageId === messageId);
}

const isSettled = (p: ReportPhoto) => p.storagePath !== undefined || p.error !== undefined;

/** One push per refused photo (the once-only sender keys it), naming the reason and what to send. */
async function tellRefused(
  d: StoreReportPhotoDeps,
  messageId: string,
  reason: ReportPhotoError,
): Promise<void> {
  if (!d.notify) return;
  const report = await d.report.get();
  const employeeId = report.get('employeeId') as string | undefined;
  if (!employeeId) return;
  const reach = lineReach(await d.notify.staff.byId(employeeId));
  await d.notify.sender.send({
    key: `report:${d.report.id}:photoRefused:${messageId}`,
    to: onceRecipient(employeeId, reach),
    replies: reportPhotoRefused(
      d.report.id,
      String(report.get('trainingTitle') ?? 'การฝึกอบรม'),
      reason,
      report.get('status') as string | undefined,
    ),
    meta: { reportId: d.report.id, kind: 'reportPhotoRefused', messageId },
  });
}

export function reportPhotoRefused(
  reportId: string,
  title: string,
  reason: ReportPhotoError,
  status: string | undefined,
): Reply[] {
  const why = `รูปที่ส่งสำหรับรายงาน "${title}" บันทึกไม่ได้: ${photoRefusalReason(reason)}`;
  const editable = status === undefined || status === 'pending' || status === 'returned';
  if (!editable) return [text(`${why}\nรายงานนี้ส่งแล้ว หากต้องการแนบรูปเพิ่มกรุณาติดต่อฝ่ายบุคคล`)];
  return [text(`${why}\n${PHOTO_RETRY_HINT}`, [openReportAction(reportId, 'ส่งรูปใหม่')])];
}
