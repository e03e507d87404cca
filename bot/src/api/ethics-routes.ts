import {
  isAutoId,
  QUESTION_IMPORT_EXAMPLE,
  QUESTION_IMPORT_GUIDE,
  QUESTION_IMPORT_HEADERS,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import writeExcelFile from 'write-excel-file/node';
import {
  drawQuizSample,
  ethicsPage,
  type Outcome,
  retireQuestion,
  saveQuestion,
  setQuizStatus,
} from '../ethics/ethics-quiz-service';
import { importQuestions } from '../ethics/question-import-service';
import { SPREADSHEET_LIMITS } from '../people/read-spreadsheet';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// HR's ethics quiz (/hr/ethics): the question bank, the year's random sample and the quiz's status.

export function createEthicsRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const json = express.json({ limit: '32kb' });
  router.use(requireRoles('hr'));

  const actor = (req: Request) => {
    const p = personOf(req);
    return { employeeId: p.employeeId, name: p.name };
  };
  const send = <T>(res: Response, o: Outcome<T>) => {
    if ('ok' in o) res.json(o.ok);
    else res.status(o.status).json({ message: o.message, ...(o.errors ? { errors: o.errors } : {}) });
  };
  const questionId = (req: Request, res: Response): string | undefined => {
    const id = req.params.id;
    if (isAutoId(id)) return id;
    res.status(404).json({ message: 'ไม่พบคำถามนี้' });
    return undefined;
  };
  /** `/:fy/...` as a path segment, read like `?fy=` */
  const yearOf = (req: Request, res: Response) =>
    fiscalYearParam({ query: { fy: req.params.fy } } as unknown as Request, res, d.clock());

  router.get('/', async (req, res) => {
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    res.setHeader('cache-control', 'no-store');
    res.json(await ethicsPage(c, fy));
  });

  // the bank's spreadsheet template, with an example row and the rules in a second sheet
  router.get('/questions/template.xlsx', async (_req, res) => {
    const bold = (h: string) => ({ value: h, fontWeight: 'bold' as const });
    const buffer = await writeExcelFile([
      {
        sheet: 'คำถาม',
        data: [QUESTION_IMPORT_HEADERS.map(bold), QUESTION_IMPORT_EXAMPLE.map((v) => ({ value: v }))],
        stickyRowsCount: 1,
      },
      {
        sheet: 'คำอธิบาย',
        data: [[bold('ข้อกำหนด')], ...QUESTION_IMPORT_GUIDE.map((t) => [{ value: t }])],
      },
    ]).toBuffer();
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', 'attachment; filename="ethics-questions-template.xlsx"');
    res.send(buffer);
  });

  // The file is the request body as it is (XLSX or CSV bytes); ?dryRun=1 checks without writing.
  router.post(
    '/questions/import',
    express.raw({ type: () => true, limit: SPREADSHEET_LIMITS.maxBytes + 1024 }),
    async (req, res) => {
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      const filename = typeof req.query.filename === 'string' ? req.query.filename.slice(0, 200) : undefined;
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      const by = actor(req);
      const o = await importQuestions(d.db, c, bytes, {
        dryRun,
        by,
        now: d.clock(),
        ...(filename ? { filename } : {}),
      });
      if ('ok' in o)
        d.logger.info('api.ethics_questions_import', {
          by: by.employeeId,
          dryRun,
          added: o.ok.added,
          errors: o.ok.errors.length,
        });
      send(res, o);
    },
  );

  router.post('/questions', json, async (req, res) => {
    const o = await saveQuestion(c, req.body, actor(req), d.clock());
    if ('ok' in o) d.logger.info('api.ethics_question_added', { by: actor(req).employeeId, id: o.ok.id });
    send(res, o);
  });

  router.put('/questions/:id', json, async (req, res) => {
    const id = questionId(req, res);
    if (!id) return;
    send(res, await saveQuestion(c, req.body, actor(req), d.clock(), id));
  });

  router.post('/questions/:id/retire', json, async (req, res) => {
    const id = questionId(req, res);
    if (!id) return;
    const retired = (req.body as { retired?: unknown } | undefined)?.retired !== false;
    send(res, await retireQuestion(c, id, retired, actor(req), d.clock()));
  });

  router.post('/:fy/draw', json, async (req, res) => {
    const fy = yearOf(req, res);
    if (fy === undefined) return;
    const o = await drawQuizSample(d.db, c, fy, req.body ?? {}, actor(req), d.clock());
    if ('ok' in o)
      d.logger.info('api.ethics_sample_drawn', {
        by: actor(req).employeeId,
        fiscalYear: fy,
        drawn: o.ok.draw.drawn.length,
        seed: o.ok.draw.seed,
      });
    send(res, o);
  });

  router.put('/:fy/status', json, async (req, res) => {
    const fy = yearOf(req, res);
    if (fy === undefined) return;
    send(res, await setQuizStatus(c, fy, (req.body as { status?: unknown } | undefined)?.status));
  });

  return router;
}
