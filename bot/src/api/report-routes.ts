import {
  applyAnswerPatch,
  fiscalYearOf,
  fiscalYearOfInstant,
  isEditable,
  isReportId,
  missingAnswers,
  parseAnswerPatch,
  REPORT_FORM_RULES,
  type ReportDetail,
  type ReportFormRules,
  type ReportSummary,
  type TrainingReport,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { type CollectionReference, type DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { isOpenStatus, reportFromDoc } from '../reports/report-records';
import { reportRecords } from '../reports/report-repository';
import type { Logger } from '../runtime/logger';
import { personOf } from './api-auth';

// The post-training report for the LIFF form. The report document is the draft the chat edits too:
// a save re-reads it in a transaction and changes only `answers`, so a chat turn (which re-reads the
// document in its own transaction) and a form save serialise and neither loses an answer. Submitting
// stays in chat, where the approval chain is resolved.

export interface ReportRoutesDeps {
  readonly reports: CollectionReference;
  readonly logger: Logger;
  readonly clock: () => Date;
}

const NOT_YOURS = 'รายงานนี้ไม่ใช่ของท่าน ท่านเปิดและแก้ไขได้เฉพาะรายงานของท่านเอง';
const NOT_FOUND = 'ไม่พบรายงานนี้ อาจถูกลบหรือย้ายแล้ว กรุณาติดต่อฝ่ายบุคคล';
const CHANGED = 'มีการแก้ไขจากแชต ระหว่างที่ท่านเปิดแบบฟอร์มนี้ ระบบรวมคำตอบล่าสุดให้แล้ว กรุณาตรวจสอบแล้วกดบันทึกร่างอีกครั้ง';

const FORM: ReportFormRules = REPORT_FORM_RULES;

export function createReportRoutes(d: ReportRoutesDeps): Router {
  const router = express.Router();
  const db = d.reports.firestore;

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    // by staff record, not LINE account; one equality filter needs no composite index
    const all = await reportRecords(d).ofPerson(person.employeeId);
    const fy = fiscalYearOfInstant(d.clock());
    const isOpen = (r: TrainingReport) => isOpenStatus(r.status);
    const open = all
      .filter(isOpen)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
    const rest = all
      .filter((r) => !isOpen(r) && fiscalYearOf(r.endDate) === fy)
      .sort((a, b) => b.endDate.localeCompare(a.endDate) || a.id.localeCompare(b.id));
    res.setHeader('cache-control', 'no-store');
    res.json({
      fiscalYear: fy,
      reports: [...open, ...rest].map(
        (r): ReportSummary => ({
          id: r.id,
          trainingTitle: r.trainingTitle,
          status: r.status,
          startDate: r.startDate,
          endDate: r.endDate,
          dueDate: r.dueDate,
          editable: isEditable(r),
          missing: missingAnswers(r.answers).length,
        }),
      ),
    });
  });

  router.get('/:id', async (req, res) => {
    const person = personOf(req);
    const id = reportIdOf(req, res);
    if (!id) return;
    const snap = await d.reports.doc(id).get();
    if (!snap.exists) {
      res.status(404).json({ message: NOT_FOUND });
      return;
    }
    const report = reportFromDoc(snap);
    if (report.employeeId !== person.employeeId) {
      d.logger.warn('api.report_refused', { reportId: id, employeeId: person.employeeId, op: 'read' });
      res.status(403).json({ message: NOT_YOURS });
      return;
    }
    res.setHeader('cache-control', 'no-store');
    res.json(detail(snap));
  });

  router.put('/:id/answers', express.json({ limit: '64kb' }), async (req, res) => {
    const person = personOf(req);
    const id = reportIdOf(req, res);
    if (!id) return;
    const body = req.body as { answers?: unknown; expectedUpdateTime?: unknown } | undefined;
    if (!body || typeof body !== 'object') {
      res.status(400).json({ message: 'ไม่พบคำตอบที่จะบันทึก', errors: { answers: 'ไม่พบคำตอบที่จะบันทึก' } });
      return;
    }
    const expected = body.expectedUpdateTime;
    if (expected !== undefined && typeof expected !== 'string') {
      res.status(400).json({ message: 'ข้อมูลเวอร์ชันของรายงานไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' });
      return;
    }
    const parsed = parseAnswerPatch(body.answers);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขคำตอบในช่องที่แจ้งไว้', errors: parsed.errors });
      return;
    }
    const ref = d.reports.doc(id);
    const now = Timestamp.fromDate(d.clock());
    const outcome = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return { kind: 'notFound' } as const;
      const report = reportFromDoc(snap);
      if (report.employeeId !== person.employeeId) return { kind: 'notYours' } as const;
      if (!isEditable(report)) return { kind: 'notEditable', status: report.status } as const;
      if (expected !== undefined && expected !== updateTimeOf(snap))
        return { kind: 'changed', snap } as const;
      const answers = applyAnswerPatch(report.answers, parsed.patch);
      // only the draft: status, approvers and history belong to the chat's transitions
      tx.update(ref, { answers: { ...answers }, updatedAt: now, lastAction: 'draftSaved' });
      return { kind: 'saved' } as const;
    });
    switch (outcome.kind) {
      case 'notFound':
        res.status(404).json({ message: NOT_FOUND });
        return;
      case 'notYours':
        d.logger.warn('api.report_refused', { reportId: id, employeeId: person.employeeId, op: 'save' });
        res.status(403).json({ message: NOT_YOURS });
        return;
      case 'notEditable':
        res.status(409).json({
          code: 'notEditable',
          message:
            outcome.status === 'approved'
              ? 'รายงานนี้ส่งแล้วและได้รับการอนุมัติครบแล้ว จึงแก้ไขไม่ได้'
              : 'รายงานนี้ส่งแล้ว อยู่ระหว่างการพิจารณา จึงแก้ไขไม่ได้',
        });
        return;
      case 'changed':
        res.status(409).json({ code: 'changed', message: CHANGED, current: detail(outcome.snap) });
        return;
      case 'saved': {
        d.logger.info('api.report_draft_saved', { reportId: id, fields: Object.keys(parsed.patch) });
        // read back after the commit: the answers and update time the form continues from
        res.json(detail(await ref.get()));
        return;
      }
    }
  });

  // the choice at the end of the report: published in the knowledge library once approved, or internal
  router.put('/:id/library-choice', express.json({ limit: '1kb' }), async (req, res) => {
    const person = personOf(req);
    const id = reportIdOf(req, res);
    if (!id) return;
    const choice = (req.body as { libraryChoice?: unknown } | undefined)?.libraryChoice;
    if (choice !== 'share' && choice !== 'internal') {
      res.status(400).json({ message: 'กรุณาเลือก เผยแพร่ในคลังความรู้ หรือ เก็บเป็นเอกสารภายใน' });
      return;
    }
    const ref = d.reports.doc(id);
    const outcome = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return 'notFound' as const;
      const report = reportFromDoc(snap);
      if (report.employeeId !== person.employeeId) return 'notYours' as const;
      // once approved the library entry is the place to change it (owner or HR)
      if (!isEditable(report)) return 'notEditable' as const;
      tx.update(ref, { libraryChoice: choice, updatedAt: Timestamp.fromDate(d.clock()) });
      return 'saved' as const;
    });
    if (outcome === 'notFound') res.status(404).json({ message: NOT_FOUND });
    else if (outcome === 'notYours') res.status(403).json({ message: NOT_YOURS });
    else if (outcome === 'notEditable')
      res.status(409).json({
        code: 'notEditable',
        message: 'รายงานนี้ส่งแล้ว เปลี่ยนการเผยแพร่ได้ที่หน้าคลังความรู้เมื่ออนุมัติแล้ว',
      });
    else res.json(detail(await ref.get()));
  });

  return router;
}

/** The person the API router put on the request once the ID token and the staff link checked out. */

function reportIdOf(req: Request, res: Response): string | undefined {
  const id = req.params.id;
  if (isReportId(id)) return id;
  res.status(404).json({ message: NOT_FOUND });
  return undefined;
}

/**
 * The document's update time with its nanoseconds: two writes in the same millisecond still differ,
 * so an edit from chat is never mistaken for the version the form loaded.
 */
function updateTimeOf(snap: DocumentSnapshot): string {
  const t = snap.updateTime;
  if (!t) return '';
  const iso = t.toDate().toISOString();
  return `${iso.slice(0, 19)}.${String(t.nanoseconds).padStart(9, '0')}Z`;
}

function detail(snap: DocumentSnapshot): ReportDetail {
  const r = reportFromDoc(snap);
  return {
    report: {
      id: r.id,
      trainingTitle: r.trainingTitle,
      hours: r.hours,
      startDate: r.startDate,
      endDate: r.endDate,
      returnDate: r.returnDate,
      dueDate: r.dueDate,
      status: r.status,
      answers: r.answers,
      returnComment: r.status === 'returned' ? (r.returnComment ?? null) : null,
      submittedAt: r.submittedAt ?? null,
      approvedAt: r.approvedAt ?? null,
      photoCount: r.photos.length,
      libraryChoice: r.libraryChoice ?? 'share',
    },
    editable: isEditable(r),
    missing: missingAnswers(r.answers),
    updateTime: updateTimeOf(snap),
    form: FORM,
  };
}
