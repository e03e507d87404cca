import {
  fiscalYearOfInstant,
  type IdpTransitionError,
  parseIdpGoals,
  saveIdp,
  submitIdp,
} from '@phattana/shared';
import express, { type Response, type Router } from 'express';
import { firestoreIdpAdmin, type IdpAdmin, type IdpWriteOutcome } from '../idp/idp-admin';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam, isWhole } from './api-input';

// The person's own individual development plan (IDP): read, save the draft, send it to the supervisor.
// Every write names the version it started from; a plan changed meanwhile (another device, or the
// supervisor deciding) is refused with 409 and the current plan, so nothing is overwritten unseen.

export const IDP_CHANGED =
  'แผนพัฒนานี้มีการเปลี่ยนแปลงระหว่างที่ท่านเปิดหน้านี้ (อาจแก้จากอีกเครื่องหนึ่ง หรือหัวหน้าพิจารณาแล้ว) ระบบแสดงฉบับล่าสุดแล้ว กรุณาตรวจสอบแล้วบันทึกอีกครั้ง';

export const createIdpRoutes = (d: ApiDeps): Router => idpRoutes(firestoreIdpAdmin(d), d);

/** The routes over any IdpAdmin (the unit tests give an in-memory one); idp/idp-admin.ts does the work. */
export function idpRoutes(admin: IdpAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    res.setHeader('cache-control', 'no-store');
    res.json(await admin.view(person.employeeId, fy));
  });

  router.put('/mine', express.json({ limit: '64kb' }), async (req, res) => {
    const person = personOf(req);
    const body = readBody(req.body, res);
    if (!body) return;
    const parsed = parseIdpGoals(body.goals, body.fiscalYear);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: parsed.errors });
      return;
    }
    const outcome = await admin.write(
      person.employeeId,
      body,
      (plan, now) => saveIdp(plan, person.employeeId, now, parsed.goals),
      d.clock(),
    );
    answer(res, outcome, 'api.idp_saved');
  });

  router.post('/mine/submit', express.json({ limit: '4kb' }), async (req, res) => {
    const person = personOf(req);
    const body = readBody(req.body, res);
    if (!body) return;
    const outcome = await admin.write(
      person.employeeId,
      body,
      (plan, now, supervisorId) => submitIdp(plan, person.employeeId, now, supervisorId),
      d.clock(),
    );
    answer(res, outcome, 'api.idp_submitted');
  });

  function readBody(raw: unknown, res: Response) {
    const b = (raw ?? {}) as { fiscalYear?: unknown; version?: unknown; goals?: unknown };
    const current = fiscalYearOfInstant(d.clock());
    if (!isWhole(b.fiscalYear) || b.fiscalYear < current - 20 || b.fiscalYear > current + 2) {
      res.status(400).json({ message: 'ปีงบประมาณของแผนไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' });
      return undefined;
    }
    if (!isWhole(b.version)) {
      res.status(400).json({ message: 'ข้อมูลเวอร์ชันของแผนไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' });
      return undefined;
    }
    return { fiscalYear: b.fiscalYear, version: b.version, goals: b.goals };
  }

  function answer(res: Response, outcome: IdpWriteOutcome, event: string) {
    if (outcome.kind === 'done')
      d.logger.info(event, { idp: outcome.plan.id, version: outcome.plan.version });
    res.setHeader('cache-control', 'no-store');
    if (outcome.kind === 'done') res.json(outcome.view);
    else if (outcome.kind === 'changed')
      res.status(409).json({ code: 'changed', message: IDP_CHANGED, current: outcome.view });
    else
      res
        .status(idpErrorStatus(outcome.error))
        .json({ code: outcome.error.kind, message: outcome.error.message, current: outcome.view });
  }

  return router;
}

/** The HTTP status of a refused IDP transition. */
export function idpErrorStatus(err: IdpTransitionError): number {
  switch (err.kind) {
    case 'notYours':
    case 'notYourTurn':
      return 403;
    case 'incomplete':
      return 400;
    default:
      return 409;
  }
}
