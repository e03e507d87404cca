import { isEmployeeId } from '@phattana/shared';
import express, { type Router } from 'express';
import {
  firestoreInviteAdmin,
  type InviteAdmin,
  type InviteScope,
  inviteTargets,
} from '../people/invite-roster';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// HR's invite codes in the LIFF app (mounted at /manage/invites, HR only): the roster with each
// person's working code, and issuing for one person, a division or everyone not yet linked.

/** How many codes one request may issue; a municipality's whole staff fits. */
const MAX_ISSUE = 2000;

export const createInviteRoutes = (d: ApiDeps): Router =>
  inviteRoutes(firestoreInviteAdmin(d.db, d.collections), d);

/** The routes over any InviteAdmin (the unit tests give an in-memory one). */
export function inviteRoutes(admin: InviteAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();

  router.get('/', async (_req, res) => {
    res.json(await admin.roster(d.clock()));
  });

  router.post('/', express.json({ limit: '4kb' }), async (req, res) => {
    const scope = scopeOf(req.body);
    if (!scope) {
      res.status(400).json({ message: 'กรุณาเลือกว่าจะออกรหัสให้ใคร: หนึ่งคน หนึ่งกอง หรือทุกคนที่ยังไม่เชื่อม LINE' });
      return;
    }
    const now = d.clock();
    const roster = await admin.roster(now);
    if (scope.kind === 'division' && !roster.divisions.some((v) => v.id === scope.divisionId)) {
      res.status(400).json({ message: 'ไม่พบกอง/สำนักนี้ในรายชื่อของเทศบาล' });
      return;
    }
    const targets = inviteTargets(roster.people, scope);
    if (scope.kind === 'person') {
      const p = targets[0];
      if (!p) {
        res.status(404).json({ message: `ไม่พบพนักงานรหัส ${scope.employeeId} ที่ยังปฏิบัติงานอยู่` });
        return;
      }
      if (p.linked) {
        res.status(409).json({ message: `${p.name} เชื่อม LINE แล้ว ไม่ต้องใช้รหัสเชิญ` });
        return;
      }
    }
    if (targets.length > MAX_ISSUE) {
      res.status(400).json({ message: `ออกรหัสได้ครั้งละไม่เกิน ${MAX_ISSUE} คน กรุณาเลือกทีละกอง` });
      return;
    }
    const by = personOf(req);
    const issued = await admin.issue(targets, { now, issuedBy: `${by.name} (${by.employeeId})` });
    d.logger.info('api.invites_issued', { by: by.employeeId, scope: scope.kind, count: issued.length });
    res.json({ issued });
  });

  return router;
}

function scopeOf(body: unknown): InviteScope | undefined {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.employeeId === 'string' && isEmployeeId(b.employeeId))
    return { kind: 'person', employeeId: b.employeeId };
  if (typeof b.divisionId === 'string' && b.divisionId.length <= 100)
    return { kind: 'division', divisionId: b.divisionId };
  if (b.unlinked === true) return { kind: 'unlinked' };
  return undefined;
}
