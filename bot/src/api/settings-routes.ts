import express, { type Router } from 'express';
import { readSettings, saveSettings } from '../settings/settings-admin';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// HR's settings page (mounted at /manage/settings, HR only) over settings/settings-admin.ts.

export function createSettingsRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;

  router.get('/', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(await readSettings(c));
  });

  router.put('/', express.json({ limit: '256kb' }), async (req, res) => {
    const p = personOf(req);
    const by = { employeeId: p.employeeId, name: p.name };
    const saved = await saveSettings(c, req.body, by, d.clock());
    if ('errors' in saved) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: saved.errors });
      return;
    }
    d.logger.info('api.settings_updated', { by: by.employeeId });
    res.json(saved.view);
  });

  return router;
}
