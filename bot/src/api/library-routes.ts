import {
  isIsoDate,
  isReportId,
  type LibraryDigestInput,
  type LibraryPresentationInput,
  type LibraryVisibilityInput,
  mayReadEntry,
  PRESENTATION_NOTE_MAX,
} from '@phattana/shared';
import express, { type Response, type Router } from 'express';
import { entryFromDoc } from '../library/library-records';
import {
  ENTRY_INTERNAL,
  ENTRY_NOT_FOUND,
  isLibraryCursor,
  type LibraryOutcome,
  listLibrary,
  openEntry,
  recordPresentation,
  setDigest,
  setVisibility,
} from '../library/library-service';
import { readListedPhoto } from '../reports/report-photo-access';
import { reportRecords } from '../reports/report-repository';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { encodeCursor, pageParam } from './page-cursor';
import { photoAsked, sendPhoto } from './report-photo-routes';

// The knowledge library (LIFF /library): every linked colleague of the municipality searches and opens
// published entries; the owner and HR may keep one internal; HR records the meeting it was presented at.
// Photos of a published entry are served to colleagues too (the report's own rule stays for the rest).

const BAD_ID = 'ไม่พบเรื่องนี้ในคลังความรู้';

export function createLibraryRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const json = express.json({ limit: '8kb' });

  const answer = <T>(res: Response, o: LibraryOutcome<T>, ok: (v: T) => unknown) => {
    if (o.kind === 'ok') res.json(ok(o.value));
    else res.status(o.kind === 'notFound' ? 404 : 403).json({ message: o.message });
  };

  router.get('/', async (req, res) => {
    const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 100) : undefined);
    const fyRaw = text(req.query.fy);
    if (fyRaw && !/^\d{4}$/.test(fyRaw)) {
      res.status(400).json({ message: 'ปีงบประมาณไม่ถูกต้อง (ใช้ปี พ.ศ. เช่น 2570)' });
      return;
    }
    const search = {
      q: text(req.query.q),
      competency: text(req.query.competency),
      divisionId: text(req.query.division),
      ...(fyRaw ? { fiscalYear: Number(fyRaw) } : {}),
    };
    const page = pageParam(req, res, isLibraryCursor);
    if (!page) return;
    const { next, ...list } = await listLibrary(c, personOf(req), search, d.clock(), page);
    res.json({ ...list, nextCursor: next ? encodeCursor(next) : null });
  });

  router.put('/digest', json, async (req, res) => {
    const body = req.body as Partial<LibraryDigestInput> | undefined;
    if (typeof body?.digest !== 'boolean') {
      res.status(400).json({ message: 'กรุณาเลือกว่าจะรับสรุปรายสัปดาห์หรือไม่' });
      return;
    }
    await setDigest(c, personOf(req).employeeId, body.digest);
    res.json({ digest: body.digest });
  });

  router.get('/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!isReportId(id)) {
      res.status(404).json({ message: BAD_ID });
      return;
    }
    answer(res, await openEntry(d.db, c, id, personOf(req), d.clock()), (v) => v);
  });

  router.put('/:id/visibility', json, async (req, res) => {
    const id = String(req.params.id);
    const v = (req.body as Partial<LibraryVisibilityInput> | undefined)?.visibility;
    if (!isReportId(id)) {
      res.status(404).json({ message: BAD_ID });
      return;
    }
    if (v !== 'published' && v !== 'internal') {
      res.status(400).json({ message: 'กรุณาเลือก เผยแพร่ให้เพื่อนร่วมงาน หรือ เก็บเป็นเอกสารภายใน' });
      return;
    }
    const person = personOf(req);
    const out = await setVisibility(d.db, c, id, v, person, d.clock());
    if (out.kind === 'ok')
      d.logger.info('api.library_visibility', { id, visibility: v, by: person.employeeId });
    answer(res, out, (e) => ({ visibility: e.visibility }));
  });

  router.put('/:id/presentation', requireRoles('hr'), json, async (req, res) => {
    const id = String(req.params.id);
    const body = req.body as Partial<LibraryPresentationInput> | undefined;
    if (!isReportId(id)) {
      res.status(404).json({ message: BAD_ID });
      return;
    }
    const note = typeof body?.note === 'string' ? body.note.trim() : '';
    const date = typeof body?.date === 'string' ? body.date : '';
    const errors = [
      ...(isIsoDate(date) ? [] : ['กรุณาเลือกวันที่ประชุม']),
      ...(date &&
      isIsoDate(date) &&
      date > new Date(d.clock().getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
        ? ['วันที่ประชุมต้องไม่เป็นวันในอนาคต']
        : []),
      ...(note.length > PRESENTATION_NOTE_MAX ? [`บันทึกยาวได้ไม่เกิน ${PRESENTATION_NOTE_MAX} ตัวอักษร`] : []),
    ];
    if (errors.length > 0) {
      res.status(400).json({ message: errors.join(' และ ') });
      return;
    }
    answer(res, await recordPresentation(c, id, { date, note }, personOf(req), d.clock()), () => ({
      ok: true,
    }));
  });

  router.get('/:id/photos/:messageId', async (req, res) => {
    const asked = photoAsked(d, req, res);
    if (!asked) return;
    const { id, messageId, media } = asked;
    const [entry, report] = await Promise.all([c.library.doc(id).get(), reportRecords(c).located(id)]);
    if (!entry.exists || !report) {
      res.status(404).json({ message: ENTRY_NOT_FOUND });
      return;
    }
    if (!mayReadEntry(entryFromDoc(entry), personOf(req))) {
      res.status(403).json({ message: ENTRY_INTERNAL });
      return;
    }
    const read = await readListedPhoto(media, report, messageId);
    if (read.kind !== 'ok') {
      res.status(404).json({ message: read.message });
      return;
    }
    sendPhoto(res, read.media);
  });

  return router;
}
