import { type Division, employeeImportGuide, employeeImportTemplate, exportCsv } from '@phattana/shared';
import express, { type Response, type Router } from 'express';
import writeExcelFile from 'write-excel-file/node';
import type { ApiDeps } from './api-deps';

// The staff-list template HR fills in (mounted at /manage/employees/template, HR only): the import's
// Thai headings as CSV (UTF-8 with BOM, so Excel shows Thai) or as a workbook with a sheet explaining
// each column and naming this municipality's divisions.

export function createImportTemplateRoutes(d: ApiDeps): Router {
  const router = express.Router();

  router.get('/csv', (_req, res) => {
    attachment(res, 'staff-import-template.csv', 'text/csv; charset=utf-8');
    res.send(Buffer.from(exportCsv(employeeImportTemplate()), 'utf8'));
  });

  router.get('/xlsx', async (_req, res) => {
    const municipality = await d.collections.municipality.get();
    const divisions = (municipality.get('divisions') as Division[] | undefined) ?? [];
    const template = employeeImportTemplate();
    const guide = employeeImportGuide(divisions);
    const bold = (h: string) => ({ value: h, fontWeight: 'bold' as const });
    const buffer = await writeExcelFile([
      { sheet: 'รายชื่อพนักงาน', data: [template.headers.map(bold)], stickyRowsCount: 1 },
      {
        sheet: 'คำอธิบาย',
        data: [guide.headers.map(bold), ...guide.rows.map((r) => r.map((v) => ({ value: String(v) })))],
      },
    ]).toBuffer();
    attachment(
      res,
      'staff-import-template.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.send(buffer);
  });

  return router;
}

function attachment(res: Response, filename: string, type: string) {
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
}
