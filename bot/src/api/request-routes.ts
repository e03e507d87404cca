import {
  type Actor,
  type ApprovedRequestsPage,
  bangkokDate,
  type CatalogueCourse,
  DEFAULT_ADVANCE_CLEARING_DAYS,
  fiscalYearOf,
  type IdpGoal,
  idpIdFor,
  isIsoDate,
  isRequestId,
  parseBaht,
  type ReportNow,
  type RequestDecisionBody,
  type RequestInput,
  type RequestsPage,
  type RequestView,
  requestStepOf,
  requestTrailRows,
  type TrainingRequest,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { reportFromDoc } from '../reports/report-records';
import {
  approvedRequestsPage,
  requestFromDoc,
  requestsOf,
  upcomingCatalogue,
} from '../requests/request-records';
import {
  decideRequest,
  type HrRecord,
  type RequestOutcome,
  recordForRequest,
  sendRequest,
} from '../requests/request-service';
import { isKeyCursor } from '../store/query-page';
import { hasRole, personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { encodeCursor, pageParam } from './page-cursor';
import { recordNotifications, sendNotifications } from './push-notifications';

// The LIFF request page (/requests): the person's requests and a new one, the requests waiting for an
// approver's decision, and HR's records on approved ones (the travel order, the advance, cleared). Each
// write is the chat's own decision, through the request service, in one transaction.

const view = (r: TrainingRequest, report?: ReportNow): RequestView => ({
  request: r,
  trail: requestTrailRows(r, report),
  step: requestStepOf(r),
});

export function createRequestRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;

  /** Views of requests whose report is open, with the report as it stands (return date, status). */
  async function viewsWithReports(requests: readonly TrainingRequest[]): Promise<RequestView[]> {
    const ids = requests.flatMap((r) => (r.reportId ? [r.reportId] : []));
    const docs = ids.length > 0 ? await d.db.getAll(...ids.map((id) => c.reports.doc(id))) : [];
    const byId = new Map(docs.filter((x) => x.exists).map((x) => [x.id, reportFromDoc(x)]));
    return requests.map((r) => view(r, r.reportId ? byId.get(r.reportId) : undefined));
  }

  router.get('/', async (req, res) => {
    const person = personOf(req);
    // ?limit= sizes HR's first page of approved requests; the next pages come from /approved
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const now = d.clock();
    const hr = hasRole(person, ['hr']);
    const [mine, catalogue, idp, waiting, approved, municipality] = await Promise.all([
      requestsOf(c, person.employeeId),
      upcomingCatalogue(c, now),
      c.idps.doc(idpIdFor(person.employeeId, fiscalYearOf(bangkokDate(now)))).get(),
      c.trainingRequests
        .where('currentApproverId', '==', person.employeeId)
        .where('status', '==', 'submitted')
        .get(),
      hr ? approvedRequestsPage(c, page.limit, undefined) : undefined,
      c.municipality.get(),
    ]);
    const body: RequestsPage = {
      mine: await viewsWithReports(mine),
      catalogue: catalogue.map(
        (t): CatalogueCourse => ({
          id: t.id,
          title: t.title,
          organiser: t.organiser,
          startDate: t.startDate,
          endDate: t.endDate,
          hours: t.hours,
        }),
      ),
      goals: idp.exists ? ((idp.get('goals') as IdpGoal[] | undefined) ?? []) : [],
      waiting: waiting.docs
        .map(requestFromDoc)
        .sort((a, b) => (a.trail.at(-1)?.at ?? '').localeCompare(b.trail.at(-1)?.at ?? ''))
        .map((r) => view(r)),
      ...(approved
        ? {
            approved: await viewsWithReports(approved.requests),
            approvedNextCursor: approved.next ? encodeCursor(approved.next) : null,
          }
        : {}),
      advanceClearingDays: Number(municipality.get('advanceClearingDays') ?? DEFAULT_ADVANCE_CLEARING_DAYS),
    };
    res.json(body);
  });

  // HR: the next page of approved requests (?cursor= from approvedNextCursor or the previous page)
  router.get('/approved', requireRoles('hr'), async (req, res) => {
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const { requests, next } = await approvedRequestsPage(c, page.limit, page.after);
    const body: ApprovedRequestsPage = {
      approved: await viewsWithReports(requests),
      nextCursor: next ? encodeCursor(next) : null,
    };
    res.json(body);
  });

  router.post('/', express.json({ limit: '16kb' }), async (req, res) => {
    const person = personOf(req);
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      res.status(400).json({ message: 'ไม่พบข้อมูลคำขอที่จะส่ง' });
      return;
    }
    const now = d.clock();
    const outcome = await sendRequest(d.db, c, person, body as RequestInput, now, (tx, n) =>
      recordNotifications(d, tx, n, now),
    );
    await answer(res, outcome, 201);
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
      const now = d.clock();
      const outcome = await decideRequest(d.db, c, {
        id,
        by: actorOf(req),
        decision: b.decision as RequestDecisionBody['decision'],
        comment,
        step: b.step,
        now,
        // the next approver's card or the person's "approved" notice, recorded with the decision
        record: (tx, n) => recordNotifications(d, tx, n, now),
      });
      await answer(res, outcome);
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
        const now = d.clock();
        const outcome = await recordForRequest(
          d.db,
          c,
          { id, by: actorOf(req), record, now },
          await d.calendar(),
        );
        await answer(res, outcome);
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

  async function answer(res: Response, outcome: RequestOutcome, ok = 200) {
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
        await sendNotifications(d, outcome.work, outcome.notifications);
        res.status(ok).json(view(outcome.request));
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
