import {
  type Actor,
  type ApprovedRequestsPage,
  isIsoDate,
  isRequestId,
  parseBaht,
  type RequestDecisionBody,
  type RequestInput,
  type RequestsPage,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { firestoreRequestAdmin, type RequestAdmin, type RequestAnswer } from '../requests/request-admin';
import type { HrRecord } from '../requests/request-service';
import { isKeyCursor } from '../store/query-page';
import { hasRole, personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { encodeCursor, pageParam } from './page-cursor';

// The LIFF request page (/requests): the person's requests and a new one, the requests waiting for an
// approver's decision, and HR's records on approved ones (the travel order, the advance, cleared). Each
// write is the chat's own decision, through the request service, in one transaction
// (requests/request-admin.ts does the work).

export const createRequestRoutes = (d: ApiDeps): Router => requestRoutes(firestoreRequestAdmin(d), d);

/** The routes over any RequestAdmin (the unit tests give an in-memory one). */
export function requestRoutes(admin: RequestAdmin, d: Pick<ApiDeps, 'clock'>): Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    const person = personOf(req);
    // ?limit= sizes HR's first page of approved requests; the next pages come from /approved
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const now = d.clock();
    const hr = hasRole(person, ['hr']);
    const { page: view, approvedNext } = await admin.page(
      person.employeeId,
      hr ? page.limit : undefined,
      now,
    );
    const body: RequestsPage = {
      ...view,
      ...(hr ? { approvedNextCursor: approvedNext ? encodeCursor(approvedNext) : null } : {}),
    };
    res.json(body);
  });

  // HR: the next page of approved requests (?cursor= from approvedNextCursor or the previous page)
  router.get('/approved', requireRoles('hr'), async (req, res) => {
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const { approved, next } = await admin.approved(page.limit, page.after);
    const body: ApprovedRequestsPage = { approved, nextCursor: next ? encodeCursor(next) : null };
    res.json(body);
  });

  router.post('/', express.json({ limit: '16kb' }), async (req, res) => {
    const person = personOf(req);
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      res.status(400).json({ message: 'ไม่พบข้อมูลคำขอที่จะส่ง' });
      return;
    }
    answer(res, await admin.send(person, body as RequestInput, d.clock()), 201);
  });

  router.post(
    '/:id/decision',
    requireRoles('supervisor', 'executive', 'hr'),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const id = idOf(req, res);
      if (!id) return;
      const b = (req.body ?? {}) as Partial<RequestDecisionBody>;
      if (!['approve', 'return', 'refuse'].includes(String(b.decision)) || typeof b.step !== 'string') {
        res.status(400).json({ message: 'กรุณาเลือกอนุมัติ ส่งกลับแก้ไข หรือไม่อนุมัติ' });
        return;
      }
      const comment = typeof b.comment === 'string' ? b.comment.trim() : '';
      if (b.decision !== 'approve' && (comment.length < 5 || comment.length > 500)) {
        res.status(400).json({
          message:
            b.decision === 'return'
              ? 'กรุณาพิมพ์สิ่งที่ต้องการให้แก้ไข (5–500 ตัวอักษร)'
              : 'กรุณาพิมพ์เหตุผลที่ไม่อนุมัติ (5–500 ตัวอักษร)',
        });
        return;
      }
      const outcome = await admin.decide(
        {
          id,
          by: actorOf(req),
          decision: b.decision as RequestDecisionBody['decision'],
          comment,
          step: b.step,
        },
        d.clock(),
      );
      answer(res, outcome);
    },
  );

  const hrRecord = (read: (body: Record<string, unknown>) => HrRecord | string) =>
    [
      requireRoles('hr'),
      express.json({ limit: '4kb' }),
      async (req: Request, res: Response) => {
        const id = idOf(req, res);
        if (!id) return;
        const record = read((req.body ?? {}) as Record<string, unknown>);
        if (typeof record === 'string') {
          res.status(400).json({ message: record });
          return;
        }
        answer(res, await admin.record({ id, by: actorOf(req), record }, d.clock()));
      },
    ] as const;

  router.put(
    '/:id/travel-order',
    ...hrRecord((b) => {
      const number = typeof b.number === 'string' ? b.number.trim() : '';
      const date = typeof b.date === 'string' ? b.date.trim() : '';
      if (number.length < 1 || number.length > 50) return 'กรุณาระบุเลขที่คำสั่งไปราชการ (ไม่เกิน 50 ตัวอักษร)';
      if (!isIsoDate(date)) return 'กรุณาเลือกวันที่ของคำสั่งจากปฏิทิน';
      return { kind: 'travelOrder', order: { number, date } };
    }),
  );
  router.put(
    '/:id/advance',
    ...hrRecord((b) => {
      const amount = parseBaht(b.amount);
      if (amount === undefined || amount <= 0) return 'จำนวนเงินยืมต้องเป็นตัวเลขมากกว่า 0 (บาท) เช่น 3500';
      return { kind: 'advance', amount };
    }),
  );
  router.post('/:id/advance-cleared', ...hrRecord(() => ({ kind: 'advanceCleared' })));

  function answer(res: Response, outcome: RequestAnswer, ok = 200) {
    switch (outcome.kind) {
      case 'notFound':
        res.status(404).json({ message: 'ไม่พบคำขอนี้ อาจถูกลบหรือย้ายแล้ว' });
        return;
      case 'invalid':
        res
          .status(400)
          .json({ message: outcome.message, ...(outcome.errors ? { errors: outcome.errors } : {}) });
        return;
      case 'refused':
        res.status(outcome.status).json({ message: outcome.message });
        return;
      case 'done':
        res.status(ok).json(outcome.view);
    }
  }
  return router;
}

function idOf(req: Request, res: Response): string | undefined {
  const id = req.params.id;
  if (isRequestId(id)) return id;
  res.status(404).json({ message: 'ไม่พบคำขอนี้ อาจถูกลบหรือย้ายแล้ว' });
  return undefined;
}

const actorOf = (req: Request): Actor => {
  const p = personOf(req);
  return { id: p.employeeId, name: p.name };
};
