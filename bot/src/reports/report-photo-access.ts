import type { PersonContext, TrainingReport } from '@phattana/shared';
import type { MediaStore, StoredMedia } from '../media/media-store';
import { reportPhotoPath } from '../media/store-report-photo';
import type { LocatedReport } from './report-repository';

// The photos and certificate attached to a post-training report are shown to the person who filed it,
// to the people in its approval chain (who must judge them) and to HR, and to no one else: a colleague,
// or a supervisor of another chain, is refused. Only a photo the report lists and that was stored is
// served; the path is derived from the report, never read from the record.

export const REPORT_PHOTO_REFUSED = 'รูปของรายงานนี้ดูได้เฉพาะเจ้าของรายงาน ผู้พิจารณาตามสายอนุมัติ และฝ่ายบุคคล';
export const REPORT_PHOTO_NOT_FOUND = 'ไม่พบรูปนี้ หรือระบบยังบันทึกรูปไม่เสร็จ';

/** Whether this person may see the report's photos. */
export function mayViewReportPhotos(person: PersonContext, report: TrainingReport): boolean {
  return (
    report.employeeId === person.employeeId ||
    report.approvers.includes(person.employeeId) ||
    person.roles.includes('hr')
  );
}

/** The report's photos as a page lists them: stored ones by id, the others with why they are missing. */
export function reportPhotoList(report: TrainingReport) {
  return report.photos.map((p) => ({
    messageId: p.messageId,
    stored: Boolean(p.storagePath) && !p.error,
    ...(p.error ? { error: p.error } : {}),
  }));
}

export type ReportPhotoRead =
  | { readonly kind: 'ok'; readonly media: StoredMedia }
  | { readonly kind: 'refused' | 'notFound'; readonly message: string };

/** One photo's bytes for `person`, or why not. */
export async function readReportPhoto(
  media: MediaStore,
  located: LocatedReport | undefined,
  messageId: string,
  person: PersonContext,
): Promise<ReportPhotoRead> {
  if (!located) return { kind: 'notFound', message: REPORT_PHOTO_NOT_FOUND };
  if (!mayViewReportPhotos(person, located.report)) return { kind: 'refused', message: REPORT_PHOTO_REFUSED };
  return readListedPhoto(media, located, messageId);
}

/** The bytes of a photo the report lists and stored (whoever asks has been checked already). */
export async function readListedPhoto(
  media: MediaStore,
  { report, ref }: LocatedReport,
  messageId: string,
): Promise<ReportPhotoRead> {
  const photo = report.photos.find((p) => p.messageId === messageId);
  if (!photo?.storagePath || photo.error) return { kind: 'notFound', message: REPORT_PHOTO_NOT_FOUND };
  const stored = await media.get(reportPhotoPath(ref, messageId));
  return stored ? { kind: 'ok', media: stored } : { kind: 'notFound', message: REPORT_PHOTO_NOT_FOUND };
}
