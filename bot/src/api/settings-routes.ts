import express, { type Router } from 'express';
import { firestoreSettingsAdmin, type SettingsAdmin } from '../settings/settings-admin';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// HR's settings page (mounted at /manage/settings, HR only) over settings/settings-admin.ts.

const FIX_FIELDS = 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้';

export const createSettingsRoutes = (d: ApiDeps): Router =>
  settingsRoutes(firestoreSettingsAdmin(d.collections), d);

/** The routes over any SettingsAdmin (the unit tests give an in-memory one). */
export function settingsRoutes(admin: SettingsAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();

  router.get('/', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await admin.read());
  });

  router.put('/', express.json({ limit: '256kb' }), async (req, res) => {
    const p = personOf(req);
    const by = { employeeId: p.employeeId, name: p.name };
    const saved = await admin.save(req.body, by, d.clock());
    if ('errors' in saved) {
      res.status(400).json({ message: FIX_FIELDS, errors: saved.errors });
      return;
    }
    d.logger.info('api.settings_updated', { by: by.employeeId });
    res.json(saved.view);
  });

  return router;
}
