import type { PostbackSigner } from '@phattana/shared';
import express, { type Router } from 'express';
import type { MediaStore } from '../media/media-store';
import { readListedPhoto } from '../reports/report-photo-access';
import { checkReportPhotoToken } from '../reports/report-photo-link';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import type { Logger } from '../runtime/logger';

// The pictures in an approver's card, fetched by LINE (mounted at /media, outside the LIFF API: LINE
// brings no login). The signed token in the address is the only key: a tampered or expired one gets
// 403 and no bytes. Only a JPEG or PNG the report lists and stored, within LINE's 10 MB, is served;
// the original bytes (no image library in the bot), cacheable for as long as the token lives.

const LINE_IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);
const LINE_IMAGE_MAX_BYTES = 10 * 1024 * 1024;

export function createReportThumbnailRoutes(d: {
  /** whose reports these are: a token signed for another municipality is refused */
  municipalityId: string;
  /** where the reports are */
  source: ReportSource;
  media?: MediaStore;
  signer: PostbackSigner;
  clock: () => Date;
  logger: Logger;
}): Router {
  const router = express.Router();
  router.get('/report-photos/:token', async (req, res) => {
    const check = checkReportPhotoToken(d.signer, String(req.params.token), d.clock());
    if (!check.ok || check.municipalityId !== d.municipalityId) {
      d.logger.warn('media.report_photo_refused', { why: check.ok ? 'municipality' : check.why });
      res.status(403).type('text/plain').send('ลิงก์รูปนี้หมดอายุหรือไม่ถูกต้อง');
      return;
    }
    const located = await reportRecords(d.source).located(check.ref.reportId);
    const read =
      d.media && located ? await readListedPhoto(d.media, located, check.ref.messageId) : undefined;
    if (
      read?.kind !== 'ok' ||
      !LINE_IMAGE_TYPES.has(read.media.contentType) ||
      read.media.bytes.length > LINE_IMAGE_MAX_BYTES
    ) {
      res.status(404).type('text/plain').send('ไม่พบรูปนี้');
      return;
    }
    res.setHeader('content-type', read.media.contentType);
    res.setHeader('cache-control', 'private, max-age=3600');
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(read.media.bytes);
  });
  return router;
}
