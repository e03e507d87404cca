import { isReportId } from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import type { MediaStore, StoredMedia } from '../media/media-store';
import { readReportPhoto } from '../reports/report-photo-access';
import { reportRecords } from '../reports/report-repository';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// A report's photo or certificate at full size for the LIFF pages (mounted at /reports): the owner, the
// approval chain and HR; anyone else gets a Thai 403.

export function createReportPhotoRoutes(d: ApiDeps): Router {
  const router = express.Router();

  router.get('/:id/photos/:messageId', async (req, res) => {
    const asked = photoAsked(d, req, res);
    if (!asked) return;
    const { id, messageId, media } = asked;
    const person = personOf(req);
    const read = await readReportPhoto(
      media,
      await reportRecords(d.collections).located(id),
      messageId,
      person,
    );
    if (read.kind !== 'ok') {
      if (read.kind === 'refused')
        d.logger.warn('api.report_photo_refused', { reportId: id, employeeId: person.employeeId });
      res.status(read.kind === 'refused' ? 403 : 404).json({ message: read.message });
      return;
    }
    sendPhoto(res, read.media);
  });

  return router;
}

/**
 * `/:id/photos/:messageId` of a report (its own page or its library entry): the store and the ids
 * checked once for both routes; a Thai 503/404 already sent when it answers undefined.
 */
export function photoAsked(
  d: Pick<ApiDeps, 'media'>,
  req: Request,
  res: Response,
): { id: string; messageId: string; media: MediaStore } | undefined {
  if (!d.media) {
    res.status(503).json({ message: 'ยังไม่ได้ตั้งค่าที่เก็บรูปภาพ กรุณาติดต่อผู้ดูแลระบบ' });
    return undefined;
  }
  const id = String(req.params.id);
  const messageId = String(req.params.messageId);
  if (!isReportId(id) || !/^[0-9A-Za-z_-]{1,100}$/.test(messageId)) {
    res.status(404).json({ message: 'ไม่พบรูปนี้' });
    return undefined;
  }
  return { id, messageId, media: d.media };
}

/** A stored photo's bytes, never cached by anyone else and never sniffed into something else. */
export function sendPhoto(res: Response, media: StoredMedia) {
  res.setHeader('content-type', media.contentType);
  res.setHeader('cache-control', 'private, no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(media.bytes);
}
