import { fiscalYearOfInstant, isFirestoreDocId } from '@phattana/shared';
import express, { type Router } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import type { IdTokenVerifier } from '../api/id-token-verifier';
import type { Logger } from '../runtime/logger';
import { platformUser } from './platform-auth';
import { platformCollections } from './platform-collections';
import { readRegionKpis } from './region-kpis';

// `/api/region`: the regional page (province office, municipal league, the DLA). Its staff are LINE
// users the region names (`regions/{id}.staffLineUserIds`, indexed in `lineUsers/{userId}.regionId`),
// not anyone's employees; they see each member municipality's indicators and the region's totals,
// computed from the municipalities' maintained stats, never a person's record.

export function createRegionRouter(d: {
  db: Firestore;
  verifier: IdTokenVerifier | undefined;
  logger: Logger;
  clock?: () => Date;
}): Router {
  const router = express.Router();
  const p = platformCollections(d.db);
  router.get('/', async (req, res, next) => {
    try {
      const user = await platformUser(d, req, res);
      if (!user) return;
      const { sub, home } = user;
      const region =
        home?.regionId && isFirestoreDocId(home.regionId)
          ? await p.regions.doc(home.regionId).get()
          : undefined;
      const staff = (region?.get('staffLineUserIds') as unknown[] | undefined) ?? [];
      if (!region?.exists || !staff.includes(sub)) {
        res.status(403).json({ message: 'หน้านี้สำหรับเจ้าหน้าที่ระดับจังหวัดหรือเครือข่ายที่ได้รับสิทธิ์เท่านั้น' });
        return;
      }
      const now = (d.clock ?? (() => new Date()))();
      const raw = req.query.fy;
      const fy = raw === undefined || raw === '' ? fiscalYearOfInstant(now) : Number(raw);
      if (!Number.isInteger(fy) || fy < 2500 || fy > 2700) {
        res.status(400).json({ message: 'ปีงบประมาณไม่ถูกต้อง กรุณาเลือกปีงบประมาณจากรายการ' });
        return;
      }
      const members = ((region.get('municipalityIds') as unknown[] | undefined) ?? []).filter(
        (id): id is string => typeof id === 'string' && isFirestoreDocId(id),
      );
      res.json({
        region: { id: region.id, name: String(region.get('name') ?? region.id) },
        ...(await readRegionKpis(d.db, members, fy, now)),
      });
    } catch (err) {
      d.logger.error('api.region_failed', { err: (err as Error).message });
      next(err);
    }
  });
  return router;
}
