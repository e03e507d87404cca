import {
  type Effect,
  type IdpPlan,
  IdpTransitionError,
  type IdpView,
  idpIdFor,
  idpNotice,
} from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import type { ApiDeps } from '../api/api-deps';
import { recordNotifications, sendNotifications } from '../api/push-notifications';
import { staffRecords } from '../people/staff-record-repository';
import { resolveNotifications } from '../reports/report-turn-io';
import { withoutUndefined } from '../store/without-undefined';
import { idpFromDoc, loadIdpView, nearestSupervisor } from './idp-docs';

// The person's own IDP as the LIFF routes (api/idp-routes.ts) use it: read the view, and write a change
// that names the version it started from, in one transaction with the push it causes. The routes only
// translate HTTP.

/** A domain change of the plan (save the draft, send it), given who the supervisor is now. */
export type IdpChange = (plan: IdpPlan, now: Date, supervisorId: string | null) => IdpPlan;

/** What a write came to; each carries the current view, shown whatever happened. */
export type IdpWriteOutcome =
  | { kind: 'done'; plan: IdpPlan; view: IdpView }
  | { kind: 'changed'; view: IdpView }
  | { kind: 'refused'; error: IdpTransitionError; view: IdpView };

/** What the IDP routes need; the routes' unit tests give an in-memory one. */
export interface IdpAdmin {
  view(employeeId: string, fiscalYear: number): Promise<IdpView>;
  write(
    employeeId: string,
    from: { fiscalYear: number; version: number },
    change: IdpChange,
    now: Date,
  ): Promise<IdpWriteOutcome>;
}

export type IdpAdminDeps = Pick<
  ApiDeps,
  'db' | 'collections' | 'logger' | 'liffId' | 'afterCommit' | 'signer' | 'mediaUrl'
>;

export function firestoreIdpAdmin(d: IdpAdminDeps): IdpAdmin {
  const c = d.collections;
  const view = (employeeId: string, fiscalYear: number) => loadIdpView(c, employeeId, fiscalYear);
  return {
    view,
    async write(employeeId, from, change, now) {
      const ref = c.idps.doc(idpIdFor(employeeId, from.fiscalYear));
      const outcome = await d.db.runTransaction(async (tx) => {
        const [snap, emp] = await Promise.all([tx.get(ref), staffRecords(c).byId(employeeId, { tx })]);
        const plan = idpFromDoc(snap, {
          employeeId,
          employeeName: emp?.name ?? '',
          fiscalYear: from.fiscalYear,
        });
        if (plan.version !== from.version) return { kind: 'changed' as const };
        const supervisor = await nearestSupervisor(c, emp, tx);
        let updated: IdpPlan;
        try {
          updated = change(
            { ...plan, employeeName: plan.employeeName || (emp?.name ?? '') },
            now,
            supervisor?.id ?? null,
          );
        } catch (err) {
          if (err instanceof IdpTransitionError) return { kind: 'refused' as const, error: err };
          throw err;
        }
        const notice = updated.status !== plan.status ? idpNotice(updated, d.liffId) : undefined;
        const effects: Effect[] = notice ? [{ type: 'notifyEmployee', ...notice }] : [];
        const notices = await resolveNotifications(tx, effects, c);
        for (const s of notices.skipped) d.logger.info('notify.skipped', { ...s, idp: updated.id });
        tx.set(ref, { ...withoutUndefined(updated), updatedAt: Timestamp.fromDate(now) });
        const work = recordNotifications(d, tx, notices.send, now);
        return { kind: 'done' as const, plan: updated, notifications: notices.send, work };
      });
      if (outcome.kind === 'done') await sendNotifications(d, outcome.work, outcome.notifications);
      const current = await view(employeeId, from.fiscalYear);
      if (outcome.kind === 'done') return { kind: 'done', plan: outcome.plan, view: current };
      return { ...outcome, view: current };
    },
  };
}
