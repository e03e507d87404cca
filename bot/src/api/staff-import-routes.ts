import { isFirestoreDocId } from '@phattana/shared';
import express, { type Router } from 'express';
import { EmployeeWriteError } from '../people/firestore-employee-directory';
import { EmployeeImportSetupError } from '../people/import-employees';
import { SPREADSHEET_LIMITS, SpreadsheetError } from '../people/read-spreadsheet';
import { firestoreStaffImportAdmin, type StaffImportAdmin } from '../people/staff-import-admin';
import { isKeyCursor } from '../store/query-page';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { encodeCursor, pageParam } from './page-cursor';

// HR's staff list and its import (mounted at /manage/employees, HR only) over people/staff-import-admin.ts.

const BAD_DIVISION = 'กอง/สำนักที่เลือกไม่ถูกต้อง กรุณาเลือกจากรายการ';
const NO_PEPPER = 'ระบบยังไม่ได้ตั้งค่าการนำเข้ารายชื่อ (pepper ของวันเกิด) กรุณาติดต่อผู้ดูแลระบบ';

export const createStaffImportRoutes = (d: ApiDeps): Router =>
  staffImportRoutes(firestoreStaffImportAdmin(d.db, d.collections), d);

/** The routes over any StaffImportAdmin (the unit tests give an in-memory one). */
export function staffImportRoutes(
  admin: StaffImportAdmin,
  d: Pick<ApiDeps, 'clock' | 'logger' | 'birthDatePepper'>,
): Router {
  const router = express.Router();

  // one page (?limit=, ?cursor=), of one division when ?division= names one
  router.get('/', async (req, res) => {
    const page = pageParam(req, res, isKeyCursor);
    if (!page) return;
    const division = req.query.division;
    if (division !== undefined && division !== '' && !isFirestoreDocId(division)) {
      res.status(400).json({ message: BAD_DIVISION, errors: { division: BAD_DIVISION } });
      return;
    }
    const { next, ...list } = await admin.list({
      ...page,
      ...(typeof division === 'string' && division ? { divisionId: division } : {}),
    });
    res.setHeader('cache-control', 'no-store');
    res.json({ ...list, nextCursor: next ? encodeCursor(next) : null });
  });

  // The file is the request body as it is (CSV or XLSX bytes); ?dryRun=1 checks without writing.
  router.post(
    '/import',
    express.raw({ type: () => true, limit: SPREADSHEET_LIMITS.maxBytes + 1024 }),
    async (req, res) => {
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      const filename = typeof req.query.filename === 'string' ? req.query.filename.slice(0, 200) : undefined;
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      if (!d.birthDatePepper) {
        res.status(503).json({ message: NO_PEPPER });
        return;
      }
      const p = personOf(req);
      const by = { employeeId: p.employeeId, name: p.name };
      try {
        const body = await admin.importFile({
          bytes,
          ...(filename ? { filename } : {}),
          dryRun,
          pepper: d.birthDatePepper,
          by,
          now: d.clock(),
        });
        d.logger.info('api.employees_import', {
          by: by.employeeId,
          dryRun,
          ...body.summary,
          written: body.written,
          errors: body.errors.length,
        });
        res.json(body);
      } catch (err) {
        if (err instanceof SpreadsheetError || err instanceof EmployeeImportSetupError) {
          res.status(400).json({ message: err.message });
          return;
        }
        if (err instanceof EmployeeWriteError) {
          d.logger.error('api.employees_import_failed', { err: err.message });
          res.status(500).json({ message: err.message });
          return;
        }
        throw err;
      }
    },
  );

  return router;
}
