import {
  type Effect,
  fiscalYearOfInstant,
  type IdpPlan,
  IdpTransitionError,
  idpIdFor,
  idpNotice,
  parseIdpGoals,
  saveIdp,
  submitIdp,
} from '@phattana/shared';
import express, { type Response, type Router } from 'express';
import { Timestamp } from 'firebase-admin/firestore';
import { idpFromDoc, loadIdpView, nearestSupervisor } from '../idp/idp-docs';
import type { CommittedWork } from '../outbox/after-commit';
import { staffRecords } from '../people/staff-record-repository';
import { type Notification, resolveNotifications } from '../reports/report-turn-io';
import { withoutUndefined } from '../store/without-undefined';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam, isWhole } from './api-input';
import { recordNotifications, sendNotifications } from './push-notifications';

// The person's own individual development plan (IDP): read, save the draft, send it to the supervisor.
// Every write names the version it started from; a plan changed meanwhile (another device, or the
// supervisor deciding) is refused with 409 and the current plan, so nothing is overwritten unseen.

export const IDP_CHANGED =
  'แผนพัฒนานี้มีการเปลี่ยนแปลงระหว่างที่ท่านเปิดหน้านี้ (อาจแก้จากอีกเครื่องหนึ่ง หรือหัวหน้าพิจารณาแล้ว) ระบบแสดงฉบับล่าสุดแล้ว กรุณาตรวจสอบแล้วบันทึกอีกครั้ง';

type Outcome =
  | { kind: 'done'; plan: IdpPlan; notifications: Notification[]; work: CommittedWork | undefined }
  | { kind: 'changed' }
  | { kind: 'refused'; error: IdpTransitionError };

export function createIdpRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    res.setHeader('cache-control', 'no-store');
    res.json(await loadIdpView(c, person.employeeId, fy));
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
    const outcome = await write(person.employeeId, body, (plan, now) =>
      saveIdp(plan, person.employeeId, now, parsed.goals),
    );
    await answer(res, outcome, person.employeeId, body.fiscalYear, 'api.idp_saved');
  });

  router.post('/mine/submit', express.json({ limit: '4kb' }), async (req, res) => {
    const person = personOf(req);
    const body = readBody(req.body, res);
    if (!body) return;
    const outcome = await write(person.employeeId, body, (plan, now, supervisorId) =>
      submitIdp(plan, person.employeeId, now, supervisorId),
    );
    await answer(res, outcome, person.employeeId, body.fiscalYear, 'api.idp_submitted');
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

  /** Reads plan, staff record and supervisor, applies `change`, writes, and resolves the push. */
  async function write(
    employeeId: string,
    body: { fiscalYear: number; version: number },
    change: (plan: IdpPlan, now: Date, supervisorId: string | null) => IdpPlan,
  ): Promise<Outcome> {
    const ref = c.idps.doc(idpIdFor(employeeId, body.fiscalYear));
    const now = d.clock();
    return d.db.runTransaction(async (tx): Promise<Outcome> => {
      const [snap, emp] = await Promise.all([tx.get(ref), staffRecords(c).byId(employeeId, { tx })]);
      const plan = idpFromDoc(snap, {
        employeeId,
        employeeName: emp?.name ?? '',
        fiscalYear: body.fiscalYear,
      });
      if (plan.version !== body.version) return { kind: 'changed' };
      const supervisor = await nearestSupervisor(c, emp, tx);
      let updated: IdpPlan;
      try {
        updated = change(
          { ...plan, employeeName: plan.employeeName || (emp?.name ?? '') },
          now,
          supervisor?.id ?? null,
        );
      } catch (err) {
        if (err instanceof IdpTransitionError) return { kind: 'refused', error: err };
        throw err;
      }
      const notice = updated.status !== plan.status ? idpNotice(updated, d.liffId) : undefined;
      const effects: Effect[] = notice ? [{ type: 'notifyEmployee', ...notice }] : [];
      const notices = await resolveNotifications(tx, effects, c);
      for (const s of notices.skipped) d.logger.info('notify.skipped', { ...s, idp: updated.id });
      tx.set(ref, { ...withoutUndefined(updated), updatedAt: Timestamp.fromDate(now) });
      const work = recordNotifications(d, tx, notices.send, now);
      return { kind: 'done', plan: updated, notifications: notices.send, work };
    });
  }

  async function answer(res: Response, outcome: Outcome, employeeId: string, fy: number, event: string) {
    if (outcome.kind === 'done') {
      await sendNotifications(d, outcome.work, outcome.notifications);
      d.logger.info(event, { idp: outcome.plan.id, version: outcome.plan.version });
    }
    const view = await loadIdpView(c, employeeId, fy);
    res.setHeader('cache-control', 'no-store');
    if (outcome.kind === 'done') res.json(view);
    else if (outcome.kind === 'changed')
      res.status(409).json({ code: 'changed', message: IDP_CHANGED, current: view });
    else
      res
        .status(idpErrorStatus(outcome.error))
        .json({ code: outcome.error.kind, message: outcome.error.message, current: view });
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
