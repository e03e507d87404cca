import { isAutoId, isIsoDate } from '@phattana/shared';
import express, { type Router } from 'express';
import { createHolidayCalendarSource } from '../calendar/holiday-calendar';
import { HolidayUndoError, previewHolidayEdit, undoHolidayEdit } from '../calendar/holiday-edits';
import { recomputeOpenDueDates } from '../reports/recompute-due-dates';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';

// Before HR adds or removes a holiday, the LIFF page asks what it would change (how many open reports
// get a new due date) and says so in the confirmation; after it, one tap undoes the edit and the due
// dates follow back. Mounted at /manage/holidays, HR only.

export function createHolidayEditRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;

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
    const p = personOf(req);
    const now = d.clock();
    let undone: Awaited<ReturnType<typeof undoHolidayEdit>>;
    try {
      undone = await undoHolidayEdit(d.db, c, { editId, by: `${p.name} (${p.employeeId})`, now });
    } catch (err) {
      if (err instanceof HolidayUndoError) {
        res.status(err.status).json({ message: err.message });
        return;
      }
      throw err;
    }
    d.invalidateCalendar?.();
    const calendar = await createHolidayCalendarSource(c.holidays).get();
    const moved = await recomputeOpenDueDates(d.db, c.reports, calendar, now);
    d.logger.info('api.holiday_edit_undone', { by: p.employeeId, editId, moved });
    res.json({ ...undone, moved });
  });

  return router;
}
