import { isAutoId, isIsoDate } from '@phattana/shared';
import express, { type Request, type Router } from 'express';
import { HolidayInputError } from '../calendar/holiday-admin';
import { HolidayUndoError, previewHolidayEdit } from '../calendar/holiday-edits';
import {
  editHolidayList,
  HOLIDAY_KINDS,
  listHolidays,
  parseHolidayInput,
  undoHolidayListEdit,
} from '../calendar/holiday-list-admin';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// HR's holiday list (mounted at /manage/holidays, HR only) over calendar/holiday-list-admin.ts. Before HR
// adds or removes a holiday, the page asks what it would change (how many open reports get a new due
// date) and says so in the confirmation; after it, one tap undoes the edit and the due dates follow back.

export function createHolidayRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const json = express.json({ limit: '256kb' });
  const deps = {
    db: d.db,
    collections: c,
    ...(d.invalidateCalendar ? { invalidateCalendar: d.invalidateCalendar } : {}),
  };
  const byLabel = (req: Request) => {
    const p = personOf(req);
    return `${p.name} (${p.employeeId})`;
  };

  router.get('/', async (req, res) => {
    const year =
      typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? req.query.year : undefined;
    const holidays = await listHolidays(c, year);
    res.setHeader('cache-control', 'no-store');
    res.json({ year: year ?? null, holidays, kinds: HOLIDAY_KINDS });
  });

  router.post('/', json, async (req, res) => {
    const parsed = parseHolidayInput(req.body);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: parsed.errors });
      return;
    }
    await edited(req, res, () =>
      editHolidayList(deps, { change: 'add', holiday: parsed.holiday }, byLabel(req), d.clock()),
    );
  });

  async function edited(
    req: Request,
    res: express.Response,
    edit: () => Promise<{ editId: string; moved: number }>,
  ): Promise<void> {
    try {
      const { editId, moved } = await edit();
      d.logger.info('api.holidays_edited', { by: personOf(req).employeeId, moved });
      res.json({ moved, editId });
    } catch (err) {
      if (!(err instanceof HolidayInputError)) throw err;
      res.status(400).json({ message: err.message });
    }
  }

  router.get('/impact', async (req, res) => {
    const date = typeof req.query.date === 'string' ? req.query.date : '';
    const change = req.query.change;
    if (!isIsoDate(date) || (change !== 'add' && change !== 'remove')) {
      res.status(400).json({ message: 'กรุณาเลือกวันที่และสิ่งที่จะแก้ไข (เพิ่มหรือลบวันหยุด)' });
      return;
    }
    res.json(await previewHolidayEdit(c, change, date));
  });

  router.post('/undo/:editId', async (req, res) => {
    const editId = String(req.params.editId ?? '');
    if (!isAutoId(editId)) {
      res.status(404).json({ message: 'ไม่พบการแก้ไขวันหยุดนี้' });
      return;
    }
    try {
      const undone = await undoHolidayListEdit(deps, editId, byLabel(req), d.clock());
      d.logger.info('api.holiday_edit_undone', { by: personOf(req).employeeId, editId, moved: undone.moved });
      res.json(undone);
    } catch (err) {
      if (!(err instanceof HolidayUndoError)) throw err;
      res.status(err.status).json({ message: err.message });
    }
  });

  // after /undo/:editId, which a date never matches
  router.post('/:date/remove', async (req, res) => {
    const date = String(req.params.date ?? '');
    if (!isIsoDate(date)) {
      res.status(400).json({ message: 'วันที่ไม่ถูกต้อง' });
      return;
    }
    await edited(req, res, () => editHolidayList(deps, { change: 'remove', date }, byLabel(req), d.clock()));
  });

  return router;
}
