import {
  bangkokDate,
  EVIDENCE_ITEMS,
  type EvidencePack,
  isAutoId,
  MEETINGS_PER_YEAR,
  parsePolicyMeeting,
} from '@phattana/shared';
import express, { type Response, type Router } from 'express';
import writeExcelFile from 'write-excel-file/node';
import { type EvidenceAdmin, firestoreEvidenceAdmin } from '../ethics/evidence-admin';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// Assessment evidence (HR): the monthly policy meetings HR records for the standards' item 1.13, and
// one pack per assessment item (criterion, target, result and the rows behind it) as JSON for the
// printable page and as a workbook.

export const createEvidenceRoutes = (d: ApiDeps): Router =>
  evidenceRoutes(firestoreEvidenceAdmin(d.db, d.collections), d);

/** The routes over any EvidenceAdmin (the unit tests give an in-memory one); ethics/evidence-admin.ts does the work. */
export function evidenceRoutes(admin: EvidenceAdmin, d: Pick<ApiDeps, 'clock' | 'logger'>): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  router.use(requireRoles('hr'));

  router.get('/meetings', async (req, res) => {
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    res.setHeader('cache-control', 'no-store');
    res.json({
      fiscalYear: fy,
      target: MEETINGS_PER_YEAR,
      meetings: await admin.meetings(fy),
      // the packs there are, for the page's list
      items: EVIDENCE_ITEMS,
    });
  });

  router.post('/meetings', json, async (req, res) => {
    const now = d.clock();
    const parsed = parsePolicyMeeting(req.body, bangkokDate(now));
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: parsed.errors });
      return;
    }
    const by = personOf(req);
    const id = await admin.recordMeeting(parsed.meeting, by, now);
    d.logger.info('api.policy_meeting_recorded', { by: by.employeeId, date: parsed.meeting.date });
    res.json({ id });
  });

  router.delete('/meetings/:id', async (req, res) => {
    const id = req.params.id;
    if (!isAutoId(id) || !(await admin.deleteMeeting(id))) {
      res.status(404).json({ message: 'ไม่พบการประชุมนี้' });
      return;
    }
    d.logger.info('api.policy_meeting_deleted', { by: personOf(req).employeeId, id });
    res.json({ deleted: true });
  });

  // one JSON (the printable page) and one workbook per assessment item
  for (const { id } of EVIDENCE_ITEMS) {
    router.get(`/${id}`, async (req, res) => {
      const fy = fiscalYearParam(req, res, d.clock());
      if (fy === undefined) return;
      res.setHeader('cache-control', 'no-store');
      res.json(await admin.pack(id, fy, d.clock()));
    });
    router.get(`/${id}.xlsx`, async (req, res) => {
      const fy = fiscalYearParam(req, res, d.clock());
      if (fy === undefined) return;
      await sendWorkbook(res, await admin.pack(id, fy, d.clock()), `evidence-${id}-${fy}.xlsx`);
    });
  }

  return router;
}

/** The pack as a workbook: a summary sheet in the assessor's terms, then the rows behind it. */
async function sendWorkbook(res: Response, p: EvidencePack, filename: string) {
  const bold = (v: string) => ({ value: v, fontWeight: 'bold' as const });
  const cell = (v: string | number) => (typeof v === 'number' ? { value: v } : { value: v });
  const buffer = await writeExcelFile([
    {
      sheet: 'สรุป',
      data: [
        [bold('รายการประเมิน'), cell(p.title)],
        [bold('เกณฑ์'), cell(p.criterion)],
        ...(p.basis ? [[bold('ที่มาของเกณฑ์'), cell(p.basis)]] : []),
        [bold('เป้าหมาย'), cell(p.target)],
        [bold('ผลการดำเนินงาน'), cell(p.result)],
        [bold('ผลการประเมิน'), cell(p.met ? 'ผ่านเกณฑ์' : 'ยังไม่ผ่านเกณฑ์')],
      ],
    },
    {
      sheet: 'ข้อมูลประกอบ',
      data: [p.headers.map(bold), ...p.rows.map((r) => r.map(cell))],
      stickyRowsCount: 1,
    },
  ]).toBuffer();
  res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.send(buffer);
}
