import express, { type Request, type Router } from 'express';
import { isKeyCursor } from '../store/query-page';
import { firestoreTrainingAdmin, type TrainingAdmin, trainingOptions } from '../trainings/training-admin';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';
import { encodeCursor, pageParam } from './page-cursor';

// HR's trainings page (mounted at /manage/trainings, HR only) over trainings/training-admin.ts.

const FIX_FIELDS = 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้';
const LOCKED =
  'ระบบเปิดรายงานผลการฝึกอบรมของการอบรมนี้ให้ผู้เข้าอบรมแล้ว จึงเปลี่ยนวันที่ ผู้เข้าอบรม หรือการต้องส่งรายงานไม่ได้ (แก้ชื่อ ผู้จัด หลักสูตร และชั่วโมงได้)';
const NOT_FOUND = 'ไม่พบการอบรมนี้';

export const createTrainingsRoutes = (d: ApiDeps): Router =>
  trainingsRoutes(firestoreTrainingAdmin(d.collections), d);

/** The routes over any TrainingAdmin (the unit tests give an in-memory one). */
export function trainingsRoutes(admin: TrainingAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();
  const json = express.json({ limit: '256kb' });
  const actor = (req: Request) => {
    const p = personOf(req);
    return { employeeId: p.employeeId, name: p.name };
  };

  router.get('/', async (req, res) => {
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const { trainings, next } = await admin.list(fy, page);
    res.setHeader('cache-control', 'no-store');
    res.json({
      fiscalYear: fy,
      trainings,
      nextCursor: next ? encodeCursor(next) : null,
      options: trainingOptions(),
    });
  });

  router.get('/:id', async (req, res) => {
    const training = await admin.read(req.params.id);
    if (!training) {
      res.status(404).json({ message: NOT_FOUND });
      return;
    }
    res.json({ training, options: trainingOptions() });
  });

  router.post('/', json, async (req, res) => {
    const checked = await admin.check(req.body);
    if ('errors' in checked) {
      res.status(400).json({ message: FIX_FIELDS, errors: checked.errors });
      return;
    }
    const by = actor(req);
    const training = await admin.create(checked.training, by, d.clock());
    d.logger.info('api.training_created', {
      trainingId: training.id,
      by: by.employeeId,
      attendees: checked.training.attendees.length,
    });
    res.status(201).json({ training });
  });

  router.put('/:id', json, async (req, res) => {
    const id = req.params.id;
    if (!(await admin.read(id))) {
      res.status(404).json({ message: NOT_FOUND });
      return;
    }
    const checked = await admin.check(req.body);
    if ('errors' in checked) {
      res.status(400).json({ message: FIX_FIELDS, errors: checked.errors });
      return;
    }
    const by = actor(req);
    const saved = await admin.update(id, checked.training, by, d.clock());
    if (saved.outcome !== 'saved') {
      res
        .status(saved.outcome === 'locked' ? 409 : 404)
        .json({ message: saved.outcome === 'locked' ? LOCKED : NOT_FOUND });
      return;
    }
    d.logger.info('api.training_updated', { trainingId: id, by: by.employeeId });
    res.json({ training: saved.training });
  });

  return router;
}
