import {
  BAD_FISCAL_YEAR,
  type DashboardData,
  divisionsExportTable,
  type ExportTable,
  exportCsv,
  indicatorsExportTable,
  peopleExportTable,
} from '@phattana/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import writeExcelFile from 'write-excel-file/node';
import { readDashboard, readExportPeople, selectableYears } from '../stats/dashboard-data';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// The HR/executive dashboard of the plan's indicators for one fiscal year, and the same numbers as
// LPA/ITA evidence files. The view reads maintained documents only (bot/src/stats/dashboard-data.ts);
// the people export reads the year's totals documents, one per person, since it lists everyone.

const BAD_KIND = 'กรุณาเลือกไฟล์ที่จะส่งออก: รายบุคคล (people) หรือรายหน่วยงาน (divisions)';

export function createDashboardRoutes(d: ApiDeps): Router {
  const router = express.Router();
  router.use(requireRoles('hr', 'executive'));

  /** The fiscal year asked for (default: the current one) if it has begun, or a 400 in Thai. */
  const yearOf = (req: Request, res: Response): number | undefined => {
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined || selectableYears(d.clock()).includes(fy)) return fy;
    res.status(400).json({ message: BAD_FISCAL_YEAR });
    return undefined;
  };
  const dashboard = (fy: number) => readDashboard(d.db, d.collections, fy, d.clock());

  router.get('/', async (req, res, next) => {
    const fy = yearOf(req, res);
    if (fy === undefined) return;
    try {
      res.json(await dashboard(fy));
    } catch (err) {
      next(err);
    }
  });

  const tables = async (fy: number, data: DashboardData) => {
    const { people, totals } = await readExportPeople(d.collections, fy);
    return {
      people: peopleExportTable({ people, totals, divisions: data.divisions, hoursTarget: data.hoursTarget }),
      divisions: divisionsExportTable(data),
    };
  };

  router.get('/export.csv', async (req, res, next) => {
    const fy = yearOf(req, res);
    if (fy === undefined) return;
    const kind = req.query.kind ?? 'people';
    if (kind !== 'people' && kind !== 'divisions') {
      res.status(400).json({ message: BAD_KIND });
      return;
    }
    try {
      const data = await dashboard(fy);
      const table = kind === 'divisions' ? divisionsExportTable(data) : (await tables(fy, data)).people;
      log(req, fy, `csv-${kind}`, table);
      attachment(res, `phattana-kpi-${fy}-${kind}.csv`, 'text/csv; charset=utf-8');
      res.send(Buffer.from(exportCsv(table), 'utf8'));
    } catch (err) {
      next(err);
    }
  });

  router.get('/export.xlsx', async (req, res, next) => {
    const fy = yearOf(req, res);
    if (fy === undefined) return;
    try {
      const data = await dashboard(fy);
      const t = await tables(fy, data);
      const sheets = [
        { sheet: 'ตัวชี้วัด', table: indicatorsExportTable(data) },
        { sheet: 'รายหน่วยงาน', table: t.divisions },
        { sheet: 'รายบุคคล', table: t.people },
      ];
      const buffer = await writeExcelFile(
        sheets.map((s) => ({
          sheet: s.sheet,
          data: [
            s.table.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
            ...s.table.rows.map((r) => r.map((v) => (v === null ? null : { value: v }))),
          ],
          stickyRowsCount: 1,
        })),
      ).toBuffer();
      log(req, fy, 'xlsx', t.people);
      attachment(
        res,
        `phattana-kpi-${fy}.xlsx`,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      res.send(buffer);
    } catch (err) {
      next(err);
    }
  });

  const log = (req: Request, fy: number, kind: string, table: ExportTable) =>
    d.logger.info('api.dashboard_exported', {
      employeeId: personOf(req).employeeId,
      fiscalYear: fy,
      kind,
      rows: table.rows.length,
    });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    d.logger.error('api.dashboard_failed', { error: err instanceof Error ? err.message : String(err) });
    res.status(500).json({ message: 'แสดงข้อมูลแดชบอร์ดไม่สำเร็จ กรุณาลองใหม่อีกครั้ง' });
  });

  return router;
}

function attachment(res: Response, filename: string, type: string) {
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.setHeader('cache-control', 'no-store');
}
