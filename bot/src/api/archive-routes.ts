import { isEmployeeId } from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import writeExcelFile from 'write-excel-file/node';
import type { ArchiveScope } from '../archive/archive-sources';
import { archiveRows, readArchive } from '../archive/read-archive';
import { staffRecords } from '../people/staff-record-repository';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// The audit archive for LPA assessors (HR): one person's or one fiscal year's whole trail, as JSON for
// the printable LIFF page (which the browser saves as PDF) and as one XLSX download.

export function createArchiveRoutes(d: ApiDeps): Router {
  const router = express.Router();

  /** `?employee=E010` and/or `?fy=2570` (default: this fiscal year unless a person is asked for). */
  const scopeOf = async (req: Request, res: Response): Promise<ArchiveScope | undefined> => {
    const employee = req.query.employee;
    if (employee !== undefined && employee !== '') {
      if (!isEmployeeId(employee) || !(await staffRecords(d.collections).byId(employee))) {
        res.status(404).json({ message: 'ไม่พบรหัสพนักงานนี้ในรายชื่อบุคลากร' });
        return undefined;
      }
      if (req.query.fy === undefined || req.query.fy === '') return { employeeId: employee };
    }
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return undefined;
    return { fiscalYear: fy, ...(typeof employee === 'string' && employee ? { employeeId: employee } : {}) };
  };

  router.get('/', async (req, res) => {
    const scope = await scopeOf(req, res);
    if (!scope) return;
    res.json(await readArchive(d.collections, scope, d.clock()));
  });

  router.get('/export.xlsx', async (req, res) => {
    const scope = await scopeOf(req, res);
    if (!scope) return;
    const archive = await readArchive(d.collections, scope, d.clock());
    const [headers = [], ...rows] = archiveRows(archive);
    const buffer = await writeExcelFile([
      {
        sheet: 'หลักฐานการพัฒนา',
        data: [
          [{ value: archive.title, fontWeight: 'bold' as const }],
          headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
          ...rows.map((r) => r.map((v) => ({ value: v }))),
        ],
        stickyRowsCount: 2,
      },
    ]).toBuffer();
    d.logger.info('api.archive_exported', {
      employeeId: personOf(req).employeeId,
      scope,
      rows: rows.length,
    });
    const name = scope.employeeId
      ? `${scope.employeeId}${scope.fiscalYear ? `-${scope.fiscalYear}` : ''}`
      : scope.fiscalYear;
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="phattana-archive-${name}.xlsx"`);
    res.send(buffer);
  });

  return router;
}
