import type { PersonContext } from '@phattana/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { staffRecords } from '../people/staff-record-repository';
import { type AuthedRequest, requireRoles } from './api-auth';
import { apiCors } from './api-cors';
import type { ApiDeps } from './api-deps';
import { jsonBodyErrors } from './api-input';
import { createArchiveRoutes } from './archive-routes';
import { createDashboardRoutes } from './dashboard-routes';
import { createEthicsRoutes } from './ethics-routes';
import { createEvidenceRoutes } from './evidence-routes';
import { createHolidayRoutes } from './holiday-routes';
import { createHoursRoutes } from './hours-routes';
import { IdTokenError } from './id-token-verifier';
import { createIdpRoutes } from './idp-routes';
import { createImportTemplateRoutes } from './import-template-routes';
import { createInviteRoutes } from './invite-routes';
import { createLateRoutes } from './late-routes';
import { createLibraryRoutes } from './library-routes';
import { createMeRoutes } from './me-routes';
import { createMessageBudgetRoutes } from './message-budget-routes';
import { createReportPhotoRoutes } from './report-photo-routes';
import { createReportRoutes } from './report-routes';
import { createRequestRoutes } from './request-routes';
import { createSettingsRoutes } from './settings-routes';
import { createStaffImportRoutes } from './staff-import-routes';
import { createSurveyRoutes } from './survey-routes';
import { createTargetRoutes } from './target-routes';
import { createTeamRoutes } from './team-routes';
import { createTrainingsRoutes } from './trainings-routes';

export type { ApiDeps } from './api-deps';

type Authed = AuthedRequest;

/**
 * The HTTPS API the LIFF app calls. Every request proves who it is with a LINE ID token; the person is
 * looked up on the server from the verified LINE user id, never taken from the client.
 */
export function createApiRouter(d: ApiDeps): Router {
  const router = express.Router();

  router.use(apiCors(d.allowedOrigins));

  router.use(async (req: Request, res: Response, next: NextFunction) => {
    // personal data: no shared cache may keep an answer
    res.setHeader('cache-control', 'no-store');
    const token = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (!token) {
      res.status(401).json({ message: 'กรุณาเข้าสู่ระบบผ่าน LINE' });
      return;
    }
    try {
      const verified = await d.verifier.verify(token);
      const conv = await d.collections.conversations.doc(verified.sub).get();
      const person = conv.get('person') as PersonContext | undefined;
      if (!person) {
        res.status(403).json({ message: 'บัญชี LINE นี้ยังไม่ได้ลงทะเบียนกับข้อมูลพนักงาน กรุณาพิมพ์ "ลงทะเบียน" ในแชต' });
        return;
      }
      // the staff record is the authority: someone who left, or was unlinked by HR, gets nothing
      const employee = await staffRecords(d.collections).byId(person.employeeId);
      if (!employee?.active || employee.lineUserId !== verified.sub) {
        res.status(403).json({ message: 'บัญชีนี้ไม่มีสิทธิ์ใช้งาน กรุณาติดต่อฝ่ายบุคคล' });
        return;
      }
      // roles and name as the staff record has them now, not as the chat context remembers them
      const current: PersonContext = {
        employeeId: person.employeeId,
        name: employee.name || person.name,
        roles: [...employee.roles],
      };
      Object.assign(req, { lineUserId: verified.sub, person: current });
      next();
    } catch (err) {
      if (err instanceof IdTokenError) {
        d.logger.warn('api.token_refused', { reason: err.reason });
        if (err.reason === 'unavailable') {
          // neither LINE's keys nor its verify endpoint answered: nobody is let in, and it is not their fault
          res.setHeader('retry-after', '30');
          res.status(503).json({
            message: 'ระบบยืนยันตัวตนของ LINE ไม่ตอบสนองชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
            reason: err.reason,
          });
          return;
        }
        res.status(401).json({
          message:
            err.reason === 'expired'
              ? 'การเข้าสู่ระบบหมดอายุ กรุณาเปิดหน้านี้ใหม่'
              : 'ยืนยันตัวตนไม่สำเร็จ กรุณาปิดแล้วเปิดหน้านี้ใหม่จาก LINE',
          reason: err.reason,
        });
        return;
      }
      next(err);
    }
  });

  // PDPA: everything the system holds about the person, as a file they can keep.
  router.get('/me/data', async (req, res) => {
    const { lineUserId, person } = req as Authed;
    const c = d.collections;
    const [employee, conversation, trainings, requests, drafts, completions, named] = await Promise.all([
      staffRecords(c).exported(person.employeeId),
      c.conversations.doc(lineUserId).get(),
      // by staff record, not LINE account: a relinked account must not see someone else's records
      c.externalTrainings.where('employeeId', '==', person.employeeId).get(),
      c.dataRequests.where('employeeId', '==', person.employeeId).get(),
      c.surveyDrafts.where('employeeId', '==', person.employeeId).get(),
      c.surveyCompletions.where('employeeId', '==', person.employeeId).get(),
      // named surveys keep the person's id on the response; anonymous ones hold nothing to export
      d.db.collectionGroup('responses').where('employeeId', '==', person.employeeId).get(),
    ]);
    const conv = conversation.data() ?? {};
    const now = d.clock();
    const body = {
      exportedAt: now.toISOString(),
      lineUserId,
      employee: plain(employee),
      consent: conv.consent ?? null,
      conversation: { following: conv.following ?? null, pending: plain(conv.state ?? null) },
      externalTrainings: trainings.docs.map((t) => plain(t.data())),
      dataRequests: requests.docs.map((r) => plain(r.data())),
      surveys: {
        drafts: drafts.docs.map((r) => plain(r.data())),
        answered: completions.docs.map((r) => plain(r.data())),
        // a collection group spans municipalities: keep this one's
        namedResponses: named.docs
          .filter((r) => r.ref.path.startsWith(`${c.municipality.path}/`))
          .map((r) => plain(r.data())),
        note: 'คำตอบของแบบสำรวจที่ไม่ระบุตัวตนไม่ได้ผูกกับตัวท่าน จึงไม่มีในไฟล์นี้ ระบบเก็บเพียงว่าท่านตอบแล้ว',
      },
      note: 'ข้อมูลวันเกิดไม่ได้เก็บเป็นข้อความ ระบบเก็บเพียงค่าที่เข้ารหัสแบบทางเดียวเพื่อยืนยันตัวตน',
    };
    d.logger.info('api.my_data_exported', { employeeId: person.employeeId });
    res.setHeader(
      'content-disposition',
      `attachment; filename="phattana-my-data-${now.toISOString().slice(0, 10)}.json"`,
    );
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });

  router.use('/dashboard', createDashboardRoutes(d));
  router.use('/late', requireRoles('hr'), createLateRoutes(d));
  router.use('/manage/holidays', requireRoles('hr'), createHolidayRoutes(d));
  router.use('/manage/invites', requireRoles('hr'), createInviteRoutes(d));
  router.use('/manage/employees/template', requireRoles('hr'), createImportTemplateRoutes(d));
  router.use('/manage/trainings', requireRoles('hr'), createTrainingsRoutes(d));
  router.use('/manage/employees', requireRoles('hr'), createStaffImportRoutes(d));
  router.use('/manage/settings', requireRoles('hr'), createSettingsRoutes(d));
  router.use('/message-budget', createMessageBudgetRoutes(d));
  router.use('/reports', createReportPhotoRoutes(d));
  router.use(
    '/reports',
    createReportRoutes({ reports: d.collections.reports, logger: d.logger, clock: d.clock }),
  );

  router.use('/me', createMeRoutes(d));
  router.use('/idp', createIdpRoutes(d));
  router.use('/hours', createHoursRoutes(d));
  router.use('/team', createTeamRoutes(d));
  router.use('/surveys', createSurveyRoutes(d));
  router.use('/targets', createTargetRoutes(d));
  router.use('/ethics', createEthicsRoutes(d));
  router.use('/evidence', createEvidenceRoutes(d));
  router.use('/library', createLibraryRoutes(d));
  router.use('/archive', requireRoles('hr'), createArchiveRoutes(d));
  router.use('/requests', createRequestRoutes(d));

  // whatever no route answered, or a route threw (express 5 forwards a rejected handler here): Thai
  // JSON the app can show, never express's English HTML page
  router.use((_req: Request, res: Response) => {
    res.status(404).json({ message: 'ไม่พบข้อมูลหรือหน้าที่ต้องการ' });
  });
  router.use(jsonBodyErrors);
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    if (isBadPathEncoding(err) && !res.headersSent) {
      // `%ZZ` or an overlong `%C0%AE` in a route parameter: the client's mistake, not ours
      res.status(400).json({ message: 'ที่อยู่ของข้อมูลไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่จากเมนู' });
      return;
    }
    d.logger.error('api.failed', {
      method: req.method,
      path: req.path,
      err: err instanceof Error ? err.message : String(err),
    });
    if (res.headersSent) {
      next(err);
      return;
    }
    res.status(500).json({ message: 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่' });
  });

  return router;
}

/** The router could not percent-decode a route parameter (express marks it 400). */
function isBadPathEncoding(err: unknown): boolean {
  return err instanceof URIError || (err as { status?: unknown } | null)?.status === 400;
}

/** Firestore Timestamps and nested values as JSON people can read. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toDate?: unknown }).toDate === 'function')
    return (value as { toDate(): Date }).toDate().toISOString();
  if (Array.isArray(value)) return value.map(plain);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
}
