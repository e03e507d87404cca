import { isFirestoreDocId, parseMunicipalityFile } from '@phattana/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import type { IdTokenVerifier } from '../api/id-token-verifier';
import { MunicipalitySetupError, setUpMunicipality } from '../people/municipality-setup';
import type { Logger } from '../runtime/logger';
import {
  issueMunicipalityInvites,
  listMunicipalities,
  nameHrAdmins,
  PlatformAdminError,
} from './platform-admin';
import { platformUser } from './platform-auth';
import { platformCollections } from './platform-collections';

// `/api/platform`: the deployment administrator's page (LIFF /platform). Every municipality with its
// staff, linked and HR counts; create a municipality; name its HR admins once its staff are imported;
// hand out invite codes to everyone not yet linked. Only LINE users the index marks `platformAdmin`
// (set from the CLI) get in; they read counts, never a person's record.

export function createPlatformRouter(d: {
  db: Firestore;
  verifier: IdTokenVerifier | undefined;
  logger: Logger;
  clock: () => Date;
}): Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await platformUser(d, req, res);
      if (!user) return;
      if (user.home?.platformAdmin !== true) {
        res.status(403).json({ message: 'หน้านี้สำหรับผู้ดูแลระบบของหน่วยงานที่ให้บริการเท่านั้น' });
        return;
      }
      Object.assign(req, { platformAdmin: user.sub });
      next();
    } catch (err) {
      next(err);
    }
  });
  const by = (req: Request) => `platform:${(req as Request & { platformAdmin: string }).platformAdmin}`;
  const refuse = (res: Response, err: unknown, next: NextFunction) => {
    if (err instanceof PlatformAdminError || err instanceof MunicipalitySetupError) {
      res.status(400).json({ message: err.message });
      return;
    }
    d.logger.error('api.platform_failed', { err: (err as Error).message });
    next(err);
  };

  router.get('/municipalities', async (_req, res, next) => {
    try {
      res.json({ municipalities: await listMunicipalities(d.db) });
    } catch (err) {
      refuse(res, err, next);
    }
  });

  router.post('/municipalities', async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const id = typeof body.id === 'string' ? body.id.trim() : '';
      const parsed = parseMunicipalityFile(id, body.file);
      if ('errors' in parsed) {
        res.status(400).json({ message: 'ข้อมูลเทศบาลยังไม่ถูกต้อง', errors: parsed.errors });
        return;
      }
      const ref = platformCollections(d.db).municipalities.doc(id);
      if ((await ref.get()).exists) {
        res.status(409).json({ message: `มีเทศบาลรหัส ${id} อยู่แล้ว` });
        return;
      }
      await setUpMunicipality(d.db, ref, parsed.file, { by: by(req), now: d.clock() });
      res.status(201).json({ id, name: parsed.file.name });
    } catch (err) {
      refuse(res, err, next);
    }
  });

  router.post('/municipalities/:id/admins', async (req, res, next) => {
    try {
      const ids = (req.body as { employeeIds?: unknown } | undefined)?.employeeIds;
      const list = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
      if (!isFirestoreDocId(req.params.id)) throw new PlatformAdminError('รหัสเทศบาลไม่ถูกต้อง');
      res.json({ named: await nameHrAdmins(d.db, req.params.id, list, { by: by(req), now: d.clock() }) });
    } catch (err) {
      refuse(res, err, next);
    }
  });

  router.post('/municipalities/:id/invites', async (req, res, next) => {
    try {
      if (!isFirestoreDocId(req.params.id)) throw new PlatformAdminError('รหัสเทศบาลไม่ถูกต้อง');
      const issued = await issueMunicipalityInvites(d.db, req.params.id, 'unlinked', {
        by: by(req),
        now: d.clock(),
      });
      // the codes themselves go to the municipality's HR (their /hr/invites prints the slips)
      res.json({ issued: issued.length });
    } catch (err) {
      refuse(res, err, next);
    }
  });
  return router;
}
