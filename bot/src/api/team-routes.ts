import {
  agreeIdp,
  bangkokDate,
  type Effect,
  filedOnTime,
  fiscalYearOfInstant,
  type HoursTotals,
  type IdpPlan,
  IdpTransitionError,
  idpIdFor,
  idpNotice,
  isEmployeeId,
  isReportId,
  REPORT_DUE_RULE,
  returnIdp,
  SHARING_PLANS,
  type TeamMemberRow,
  type TeamView,
  targetProgress,
  totalsIdFor,
  type WaitingReport,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { Timestamp } from 'firebase-admin/firestore';
import { idpFromDoc, loadIdpView } from '../idp/idp-docs';
import { ensureNameSortKeys } from '../people/backfill-name-sort-keys';
import {
  isTeamCursor,
  loadTeamPage,
  TeamCursorError,
  type TeamPage,
  teamMember,
} from '../people/team-members';
import { decideReport } from '../reports/decide-report';
import { reportPhotoList } from '../reports/report-photo-access';
import { isOpenStatus } from '../reports/report-records';
import { reportRecords } from '../reports/report-repository';
import { type Notification, resolveNotifications } from '../reports/report-turn-io';
import { withoutUndefined } from '../store/without-undefined';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam, isWhole } from './api-input';
import { IDP_CHANGED, idpErrorStatus } from './idp-routes';
import { BAD_CURSOR, encodeCursor, pageParam } from './page-cursor';
import { recordNotifications, sendNotifications } from './push-notifications';

// The supervisor's side in LIFF: their team (see people/team-members.ts for who that is) with each
// member's IDP status, hours against the target and reports still owed; a member's IDP to agree to or
// return; and the post-training reports waiting for their signature, decided exactly as in chat.

const NOT_IN_TEAM = 'ท่านดูหรือพิจารณาได้เฉพาะบุคลากรในสายบังคับบัญชาของท่าน';

export function createTeamRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  router.use(requireRoles('supervisor', 'executive', 'hr'));

  // One page of the team (?limit=, ?cursor= from the previous page's nextCursor): the page's people
  // and what is shown of each are read for them alone, so a mayor's page costs what a director's does.
  router.get('/', async (req, res) => {
    const person = personOf(req);
    const page = pageParam(req, res, isTeamCursor);
    if (!page) return;
    const now = d.clock();
    const fy = fiscalYearOfInstant(now);
    const today = bangkokDate(now);
    let team: TeamPage;
    try {
      if (!page.after) await ensureNameSortKeys(c);
      team = await loadTeamPage(c, person, page.limit, page.after);
    } catch (err) {
      if (!(err instanceof TeamCursorError)) throw err;
      d.logger.warn('api.team_cursor_refused', { viewer: person.employeeId });
      res.status(400).json({ message: BAD_CURSOR, errors: { cursor: BAD_CURSOR } });
      return;
    }
    const ids = team.members.map((m) => m.employee.id);
    const [municipality, idps, totals, reports, waiting] = await Promise.all([
      c.municipality.get(),
      ids.length ? d.db.getAll(...ids.map((id) => c.idps.doc(idpIdFor(id, fy)))) : [],
      ids.length ? d.db.getAll(...ids.map((id) => c.hoursTotals.doc(totalsIdFor(id, fy)))) : [],
      openReportsOf(ids),
      reportRecords(c).countWaitingFor(person.employeeId),
    ]);
    const target = municipality.get('yearlyHoursTarget') as number | undefined;
    const members = team.members.map(({ employee: e, direct, supervisorName }, i): TeamMemberRow => {
      const idp = idps[i]?.exists ? (idps[i]?.data() as IdpPlan) : undefined;
      const hours = Number((totals[i]?.data() as HoursTotals | undefined)?.hours ?? 0);
      const progress = targetProgress(hours, target);
      const owed = reports.filter((r) => r.employeeId === e.id);
      return {
        employeeId: e.id,
        name: e.name,
        position: e.position || null,
        divisionId: e.divisionId || null,
        direct,
        supervisorName,
        idp: {
          status: idp?.status ?? 'none',
          waitingForMe: idp?.status === 'submitted' && idp.supervisorId === person.employeeId,
        },
        hours,
        target: progress.target,
        percent: progress.percent,
        pendingReports: owed.length,
        overdueReports: owed.filter((r) => r.dueDate < today).length,
      };
    });
    const body: TeamView = {
      fiscalYear: fy,
      scope: person.roles.includes('executive') ? 'chain' : 'direct',
      members,
      nextCursor: team.next ? encodeCursor(team.next) : null,
      waitingReports: waiting,
    };
    res.setHeader('cache-control', 'no-store');
    res.json(body);
  });

  router.get('/reports/waiting', async (req, res) => {
    const person = personOf(req);
    const reports = (await reportRecords(c).waitingFor(person.employeeId)).sort(
      (a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id.localeCompare(b.id),
    );
    res.setHeader('cache-control', 'no-store');
    res.json({
      dueRule: REPORT_DUE_RULE,
      reports: reports.map(
        (r): WaitingReport => ({
          id: r.id,
          employeeId: r.employeeId,
          employeeName: r.employeeName,
          trainingTitle: r.trainingTitle,
          startDate: r.startDate,
          endDate: r.endDate,
          hours: r.hours,
          dueDate: r.dueDate,
          late: r.firstSubmittedAt !== undefined && !filedOnTime(r, bangkokDate),
          step: r.approvers.indexOf(person.employeeId) + 1,
          steps: r.approvers.length,
          answers: r.answers,
          sharingName: SHARING_PLANS.find((p) => p.id === r.answers.sharing)?.name ?? null,
          photoCount: r.photos.length,
          photos: reportPhotoList(r).map(({ messageId, stored }) => ({ messageId, stored })),
          submittedAt: r.submittedAt ?? null,
        }),
      ),
    });
  });

  router.post('/reports/:id/:decision', express.json({ limit: '8kb' }), async (req, res) => {
    const person = personOf(req);
    const id = req.params.id;
    const decision = req.params.decision;
    if (!isReportId(id) || (decision !== 'approve' && decision !== 'return')) {
      res.status(404).json({ message: 'ไม่พบรายงานนี้' });
      return;
    }
    const comment = commentOf(req);
    if (decision === 'return' && !comment) {
      res.status(400).json({
        message: 'กรุณาเขียนสิ่งที่ต้องการให้แก้ไขหรือเพิ่มเติม อย่างน้อย 5 ตัวอักษร ผู้รายงานจะได้รับข้อความนี้',
        errors: { comment: 'กรุณาเขียนความเห็นอย่างน้อย 5 ตัวอักษร (ไม่เกิน 500)' },
      });
      return;
    }
    const now = d.clock();
    const outcome = await decideReport(d.db, c, {
      reportId: id,
      by: person.employeeId,
      decision,
      comment,
      now,
      record: (tx, notifications) => recordNotifications(d, tx, notifications, now),
    });
    if (outcome.kind === 'notFound') {
      res.status(404).json({ message: 'ไม่พบรายงานนี้ อาจถูกลบหรือย้ายแล้ว' });
      return;
    }
    if (outcome.kind === 'refused') {
      const e = outcome.error;
      // someone in the chain whose step this is not (any more): signed already, here or in chat, or sent
      // back meanwhile; anyone else was never asked
      const stale = outcome.report.approvers.includes(person.employeeId) || e.kind === 'wrongStatus';
      d.logger.info('api.report_decision_refused', { reportId: id, by: person.employeeId, kind: e.kind });
      res.status(stale ? 409 : 403).json({
        code: e.kind,
        message: stale ? `${e.message} (อาจมีการพิจารณาไปแล้วจากแชตหรืออีกเครื่องหนึ่ง)` : e.message,
      });
      return;
    }
    for (const s of outcome.skipped) d.logger.info('notify.skipped', { ...s, reportId: id });
    await sendNotifications(d, outcome.work, outcome.notifications);
    d.logger.info('api.report_decided', { reportId: id, by: person.employeeId, decision });
    const r = outcome.report;
    res.json({
      report: { id: r.id, status: r.status, currentApproverId: r.currentApproverId },
      message:
        decision === 'return'
          ? `ส่งรายงานของ ${r.employeeName} กลับไปแก้ไขแล้ว พร้อมความเห็นของท่าน`
          : r.status === 'approved'
            ? `อนุมัติรายงานของ ${r.employeeName} แล้ว ✅ (อนุมัติครบทุกลำดับ นับชั่วโมงอบรมแล้ว)`
            : `อนุมัติรายงานของ ${r.employeeName} แล้ว ✅ ส่งต่อให้ผู้พิจารณาลำดับถัดไป`,
    });
  });

  router.get('/:employeeId/idp', async (req, res) => {
    const person = personOf(req);
    const member = await memberOf(req, res);
    if (!member) return;
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    res.setHeader('cache-control', 'no-store');
    res.json({ ...(await loadIdpView(c, member, fy, person.employeeId)) });
  });

  router.post('/:employeeId/idp/:decision', express.json({ limit: '8kb' }), async (req, res) => {
    const person = personOf(req);
    const decision = req.params.decision;
    if (decision !== 'agree' && decision !== 'return') {
      res.status(404).json({ message: 'ไม่พบหน้าที่ต้องการ' });
      return;
    }
    const member = await memberOf(req, res);
    if (!member) return;
    const b = (req.body ?? {}) as { fiscalYear?: unknown; version?: unknown };
    const fy = isWhole(b.fiscalYear) ? b.fiscalYear : fiscalYearOfInstant(d.clock());
    if (b.version !== undefined && !isWhole(b.version)) {
      res.status(400).json({ message: 'ข้อมูลเวอร์ชันของแผนไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' });
      return;
    }
    // a return needs what to change; an agreement may carry a short note ("ดีมาก")
    const comment = decision === 'return' ? commentOf(req) : noteOf(req);
    if (comment === null) {
      res.status(400).json({
        message: 'ความเห็นยาวเกินไป กรุณาเขียนไม่เกิน 500 ตัวอักษร',
        errors: { comment: 'ความเห็นยาวเกินไป กรุณาเขียนไม่เกิน 500 ตัวอักษร' },
      });
      return;
    }
    if (decision === 'return' && !comment) {
      res.status(400).json({
        message: 'กรุณาเขียนสิ่งที่ต้องการให้แก้ไข อย่างน้อย 5 ตัวอักษร',
        errors: { comment: 'กรุณาเขียนความเห็นอย่างน้อย 5 ตัวอักษร (ไม่เกิน 500)' },
      });
      return;
    }
    const ref = c.idps.doc(idpIdFor(member, fy));
    const now = d.clock();
    const outcome = await d.db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      if (!snap.exists) return { kind: 'none' } as const;
      const plan = idpFromDoc(snap, { employeeId: member, employeeName: '', fiscalYear: fy });
      if (b.version !== undefined && plan.version !== b.version) return { kind: 'changed' } as const;
      let updated: IdpPlan;
      try {
        updated =
          decision === 'agree'
            ? agreeIdp(plan, person.employeeId, now, comment)
            : returnIdp(plan, person.employeeId, now, comment ?? '');
      } catch (err) {
        if (err instanceof IdpTransitionError) return { kind: 'refused', error: err } as const;
        throw err;
      }
      const notice = idpNotice(updated, d.liffId);
      const effects: Effect[] = notice ? [{ type: 'notifyEmployee', ...notice }] : [];
      const notices = await resolveNotifications(tx, effects, c);
      tx.set(ref, { ...withoutUndefined(updated), updatedAt: Timestamp.fromDate(now) });
      const notifications = notices.send as Notification[];
      const work = recordNotifications(d, tx, notifications, now);
      return { kind: 'done', plan: updated, notifications, work } as const;
    });
    const view = await loadIdpView(c, member, fy, person.employeeId);
    res.setHeader('cache-control', 'no-store');
    switch (outcome.kind) {
      case 'none':
        res.status(404).json({ message: 'บุคลากรผู้นี้ยังไม่ได้จัดทำแผนพัฒนาของปีงบประมาณนี้' });
        return;
      case 'changed':
        res.status(409).json({ code: 'changed', message: IDP_CHANGED, current: view });
        return;
      case 'refused':
        res
          .status(idpErrorStatus(outcome.error))
          .json({ code: outcome.error.kind, message: outcome.error.message, current: view });
        return;
      case 'done':
        await sendNotifications(d, outcome.work, outcome.notifications);
        d.logger.info('api.idp_decided', { idp: outcome.plan.id, by: person.employeeId, decision });
        res.json(view);
    }
  });

  /** The member named in the path if they are in this person's team; else a Thai 403 (or 404). */
  async function memberOf(req: Request, res: Response): Promise<string | undefined> {
    const id = req.params.employeeId;
    if (!isEmployeeId(id)) {
      res.status(404).json({ message: 'ไม่พบบุคลากรผู้นี้' });
      return undefined;
    }
    const person = personOf(req);
    const m = await teamMember(c, person, id);
    if (!m) {
      d.logger.warn('api.team_refused', { viewer: person.employeeId, member: id });
      res.status(403).json({ message: NOT_IN_TEAM });
      return undefined;
    }
    return m.employee.id;
  }

  async function openReportsOf(ids: readonly string[]) {
    return (await reportRecords(c).ofPeople(ids))
      .filter((r) => isOpenStatus(r.status))
      .map((r) => ({ employeeId: r.employeeId, dueDate: r.dueDate }));
  }

  return router;
}

/** A typed comment (trimmed, 5–500 characters), or undefined when there is none that long. */
function commentOf(req: Request): string | undefined {
  const raw = (req.body as { comment?: unknown } | undefined)?.comment;
  if (typeof raw !== 'string') return undefined;
  const t = raw.trim();
  return t.length >= 5 && t.length <= 500 ? t : undefined;
}

/** An optional note: trimmed, undefined when empty, null when longer than 500 characters. */
function noteOf(req: Request): string | undefined | null {
  const raw = (req.body as { comment?: unknown } | undefined)?.comment;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  return raw.trim().length <= 500 ? raw.trim() : null;
}
