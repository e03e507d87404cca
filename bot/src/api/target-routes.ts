import {
  BAD_FISCAL_YEAR,
  fiscalYearOfInstant,
  isTargetIndicatorId,
  parseFiscalYear,
  parseTargetRule,
  type TargetIndicatorId,
  type TargetsData,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { firestoreTargetAdmin, type TargetAdmin } from '../targets/target-admin';
import { hasRole, personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';

// The indicators' yearly targets: HR sets each year's rule ("≥ X%", "> X% or not below last year's
// target") and, for years before the system, the result; every change is kept with who made it.
// Executives read the same page. The year asked for is judged with its live figures (the dashboard's).

export const createTargetRoutes = (d: ApiDeps): Router =>
  targetRoutes(firestoreTargetAdmin(d.db, d.collections), d);

/** The routes over any TargetAdmin (the unit tests give an in-memory one); targets/target-admin.ts does the work. */
export function targetRoutes(admin: TargetAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  router.use(requireRoles('hr', 'executive'));

  const yearParam = (raw: unknown, res: Response): number | undefined => {
    const fy = parseFiscalYear(raw, d.clock());
    if (fy === undefined) res.status(400).json({ message: BAD_FISCAL_YEAR });
    return fy;
  };
  const indicatorParam = (raw: unknown, res: Response): TargetIndicatorId | undefined => {
    if (isTargetIndicatorId(raw)) return raw;
    res.status(404).json({ message: 'ไม่พบตัวชี้วัดนี้' });
    return undefined;
  };
  const actor = (req: Request) => {
    const p = personOf(req);
    return { employeeId: p.employeeId, name: p.name };
  };

  router.get('/', async (req, res) => {
    const fy = yearParam(req.query.fy, res);
    if (fy === undefined) return;
    const body: TargetsData = {
      ...(await admin.page(fy, d.clock())),
      canEdit: hasRole(personOf(req), ['hr']),
    };
    res.json(body);
  });

  router.put('/:fy/:indicatorId', requireRoles('hr'), json, async (req, res) => {
    const fy = yearParam(req.params.fy, res);
    if (fy === undefined) return;
    const id = indicatorParam(req.params.indicatorId, res);
    if (!id) return;
    const raw = (req.body ?? {}) as { rule?: unknown };
    let rule = null;
    if (raw.rule !== null) {
      const parsed = parseTargetRule(raw.rule);
      if ('error' in parsed) {
        res.status(400).json({ message: parsed.error });
        return;
      }
      rule = parsed.rule;
    }
    const by = actor(req);
    await admin.change({
      fiscalYear: fy,
      indicatorId: id,
      by,
      at: d.clock(),
      field: 'rule',
      value: rule,
    });
    d.logger.info('api.target_rule_set', { by: by.employeeId, fiscalYear: fy, indicatorId: id });
    res.json({ saved: true });
  });

  router.put('/:fy/:indicatorId/result', requireRoles('hr'), json, async (req, res) => {
    const fy = yearParam(req.params.fy, res);
    if (fy === undefined) return;
    const id = indicatorParam(req.params.indicatorId, res);
    if (!id) return;
    if (fy >= fiscalYearOfInstant(d.clock())) {
      res.status(400).json({ message: 'บันทึกผลเองได้เฉพาะปีงบประมาณที่ผ่านมาแล้ว ปีนี้ระบบคำนวณให้' });
      return;
    }
    const raw = (req.body ?? {}) as { value?: unknown };
    const value = raw.value === null ? null : typeof raw.value === 'string' ? Number(raw.value) : raw.value;
    if (
      value !== null &&
      (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100)
    ) {
      res.status(400).json({ message: 'ผลการดำเนินงานต้องเป็นร้อยละตั้งแต่ 0 ถึง 100' });
      return;
    }
    const by = actor(req);
    await admin.change({
      fiscalYear: fy,
      indicatorId: id,
      by,
      at: d.clock(),
      field: 'result',
      value: value === null ? null : Math.round(value * 10) / 10,
    });
    d.logger.info('api.target_result_set', { by: by.employeeId, fiscalYear: fy, indicatorId: id });
    res.json({ saved: true });
  });

  return router;
}
