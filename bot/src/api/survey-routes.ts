import {
  exportCsv,
  isIsoDate,
  type Role,
  STAFF_TYPE_LABELS,
  type StaffType,
  SURVEY_TEMPLATES,
  type SurveyAudience,
  type SurveyStatus,
  type SurveyTemplateKind,
} from '@phattana/shared';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import {
  type CreateSurveyInput,
  createSurvey,
  divisionNames,
  exportFileName,
  exportXlsx,
  getSurvey,
  listSurveys,
  loadSurveyExport,
  loadSurveyResults,
  mySurveys,
  readSurvey,
  SurveyAdminError,
  type SurveyPatch,
  updateSurvey,
} from '../surveys/survey-admin';
import { readSurveyPhoto } from '../surveys/survey-photo-access';
import { personOf, requireRoles } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';

// HR's survey management for the LIFF pages (issue 5/6): the list with response rates, create from a
// template or by copying last year's, edit and open/close, the results and the CSV/XLSX export.
// Executives may read the list and the results; only HR changes anything or downloads the answers.
// `/mine` is for everyone: the open surveys that ask the person.

const ROLES: readonly Role[] = ['staff', 'supervisor', 'hr', 'executive'];
const STAFF_TYPES = Object.keys(STAFF_TYPE_LABELS) as StaffType[];
const STATUSES: readonly SurveyStatus[] = ['draft', 'open', 'closed'];

export function createSurveyRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const readers = requireRoles('hr', 'executive');
  const hr = requireRoles('hr');

  router.get('/mine', async (req, res) => {
    const person = personOf(req);
    res.json({ surveys: await mySurveys(c, person.employeeId, d.clock()) });
  });

  router.get('/', readers, async (req, res) => {
    const fiscalYear = fiscalYearParam(req, res, d.clock(), req.query.fiscalYear);
    if (fiscalYear === undefined) return;
    const [surveys, names] = await Promise.all([listSurveys(c, fiscalYear, d.clock()), divisionNames(c)]);
    res.json({
      fiscalYear,
      templates: SURVEY_TEMPLATES,
      divisions: Object.entries(names).map(([id, name]) => ({ id, name })),
      surveys,
    });
  });

  router.post('/', hr, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = parseCreate(req.body);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลแบบสำรวจตามที่แจ้ง', errors: parsed.errors });
      return;
    }
    const by = personOf(req).employeeId;
    const survey = await createSurvey(c, parsed.input, by, d.clock());
    d.logger.info('api.survey_created', { surveyId: survey.id, by, copiedFrom: survey.copiedFrom });
    res.status(201).json({ survey });
  });

  router.get('/:id', readers, async (req, res) => {
    res.json(await getSurvey(c, String(req.params.id), d.clock()));
  });

  router.patch('/:id', hr, express.json({ limit: '16kb' }), async (req, res) => {
    const parsed = parsePatch(req.body);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลแบบสำรวจตามที่แจ้ง', errors: parsed.errors });
      return;
    }
    const by = personOf(req).employeeId;
    const out = await updateSurvey(c, String(req.params.id), parsed.patch, {
      by,
      now: d.clock(),
      afterCommit: d.afterCommit,
    });
    d.logger.info('api.survey_updated', {
      surveyId: out.survey.id,
      by,
      status: out.survey.status,
      fields: Object.keys(parsed.patch),
    });
    res.json(out);
  });

  router.get('/:id/results', readers, async (req, res) => {
    res.json(await loadSurveyResults(c, String(req.params.id), d.clock()));
  });

  // a named survey's photo (e.g. 5ส before/after) for the results page; private: never in a shared cache
  router.get('/:id/photos/:messageId', readers, async (req, res) => {
    if (!d.media) {
      res.status(503).json({ message: 'ยังไม่ได้ตั้งค่าที่เก็บรูปภาพ กรุณาติดต่อผู้ดูแลระบบ' });
      return;
    }
    const snap = await readSurvey(c, String(req.params.id));
    const photo = await readSurveyPhoto(d.media, snap, String(req.params.messageId));
    if (photo.kind !== 'ok') {
      res.status(404).json({ message: photo.message });
      return;
    }
    res.setHeader('content-type', photo.media.contentType);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(photo.media.bytes);
  });

  router.get('/:id/export.csv', hr, async (req, res) => {
    const id = String(req.params.id);
    const { table } = await loadSurveyExport(c, id);
    d.logger.info('api.survey_exported', { surveyId: id, by: personOf(req).employeeId, format: 'csv' });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${exportFileName(id, d.clock(), 'csv')}"`);
    res.send(Buffer.from(exportCsv(table), 'utf8'));
  });

  router.get('/:id/export.xlsx', hr, async (req, res) => {
    const id = String(req.params.id);
    const { table } = await loadSurveyExport(c, id);
    d.logger.info('api.survey_exported', { surveyId: id, by: personOf(req).employeeId, format: 'xlsx' });
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${exportFileName(id, d.clock(), 'xlsx')}"`);
    res.send(await exportXlsx(table));
  });

  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof SurveyAdminError) {
      res.status(err.status).json({ message: err.message, errors: err.errors });
      return;
    }
    next(err); // a body that could not be read: the API's one JSON error handler
  });

  return router;
}

type Body = Record<string, unknown>;

const isBody = (v: unknown): v is Body => typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalText(b: Body, key: string, label: string, errors: string[]): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') {
    errors.push(`${label}ต้องเป็นข้อความ`);
    return undefined;
  }
  return v;
}

function dateOf(
  b: Body,
  key: string,
  label: string,
  errors: string[],
  required: boolean,
): string | undefined {
  const v = b[key];
  if (v === undefined && !required) return undefined;
  if (typeof v !== 'string' || !isIsoDate(v)) {
    errors.push(`กรุณาระบุ${label} (รูปแบบ YYYY-MM-DD)`);
    return undefined;
  }
  return v;
}

function audienceOf(v: unknown, errors: string[]): SurveyAudience | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isBody(v)) {
    errors.push('กลุ่มเป้าหมายไม่ถูกต้อง');
    return undefined;
  }
  const list = <T extends string>(
    key: string,
    allowed: readonly T[] | null,
    label: string,
  ): T[] | undefined => {
    const x = v[key];
    if (x === undefined) return undefined;
    if (!Array.isArray(x) || !x.every((i) => typeof i === 'string' && i !== '')) {
      errors.push(`${label}ในกลุ่มเป้าหมายไม่ถูกต้อง`);
      return undefined;
    }
    const bad = allowed ? x.filter((i) => !allowed.includes(i as T)) : [];
    if (bad.length > 0) errors.push(`${label}ไม่ถูกต้อง: ${bad.join(', ')}`);
    return x as T[];
  };
  const divisionIds = list<string>('divisionIds', null, 'หน่วยงาน');
  const staffTypes = list('staffTypes', STAFF_TYPES, 'ประเภทบุคลากร');
  const roles = list('roles', ROLES, 'บทบาท');
  return {
    ...(divisionIds ? { divisionIds } : {}),
    ...(staffTypes ? { staffTypes } : {}),
    ...(roles ? { roles } : {}),
  };
}

function activityOf(v: unknown, errors: string[]): { date: string; area: string } | undefined {
  if (v === undefined || v === null) return undefined;
  const e: string[] = [];
  if (!isBody(v)) {
    errors.push('กรุณาระบุวันที่และพื้นที่จัดกิจกรรม');
    return undefined;
  }
  const date = dateOf(v, 'date', 'วันที่จัดกิจกรรม', e, true);
  const area = typeof v.area === 'string' ? v.area.trim() : '';
  if (area === '') e.push('กรุณาระบุพื้นที่จัดกิจกรรม');
  else if (area.length > 100) e.push('ชื่อพื้นที่จัดกิจกรรมยาวเกิน 100 ตัวอักษร');
  errors.push(...e);
  return date && e.length === 0 ? { date, area } : undefined;
}

export function parseCreate(body: unknown): { input: CreateSurveyInput } | { errors: string[] } {
  if (!isBody(body)) return { errors: ['ไม่พบข้อมูลแบบสำรวจ'] };
  const errors: string[] = [];
  const opensOn = dateOf(body, 'opensOn', 'วันเปิดรับคำตอบ', errors, true);
  const closesOn = dateOf(body, 'closesOn', 'วันปิดรับคำตอบ', errors, true);
  const activity = activityOf(body.activity, errors);
  if (body.copyFrom !== undefined) {
    if (typeof body.copyFrom !== 'string' || body.copyFrom === '') errors.push('กรุณาเลือกแบบสำรวจที่จะคัดลอก');
    if (errors.length > 0 || !opensOn || !closesOn) return { errors };
    return {
      input: { copyFrom: body.copyFrom as string, opensOn, closesOn, ...(activity ? { activity } : {}) },
    };
  }
  const template = body.template;
  if (typeof template !== 'string' || !SURVEY_TEMPLATES.some((t) => t.kind === template))
    errors.push('กรุณาเลือกแบบสำรวจต้นแบบ: ความต้องการพัฒนา ความพึงพอใจ หรือกิจกรรม 5ส');
  const title = optionalText(body, 'title', 'ชื่อแบบสำรวจ', errors);
  const description = optionalText(body, 'description', 'คำอธิบาย', errors);
  const audience = audienceOf(body.audience, errors);
  if (errors.length > 0 || !opensOn || !closesOn) return { errors };
  return {
    input: {
      template: template as SurveyTemplateKind,
      opensOn,
      closesOn,
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(audience ? { audience } : {}),
      ...(activity ? { activity } : {}),
    },
  };
}

export function parsePatch(body: unknown): { patch: SurveyPatch } | { errors: string[] } {
  if (!isBody(body)) return { errors: ['ไม่พบข้อมูลที่จะแก้ไข'] };
  const errors: string[] = [];
  const known = ['title', 'description', 'opensOn', 'closesOn', 'audience', 'status'];
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length > 0)
    errors.push(`แก้ไขได้เฉพาะชื่อ คำอธิบาย วันที่ กลุ่มเป้าหมาย และสถานะ (ไม่รู้จัก: ${unknown.join(', ')})`);
  const title = optionalText(body, 'title', 'ชื่อแบบสำรวจ', errors);
  const description = optionalText(body, 'description', 'คำอธิบาย', errors);
  const opensOn = dateOf(body, 'opensOn', 'วันเปิดรับคำตอบ', errors, false);
  const closesOn = dateOf(body, 'closesOn', 'วันปิดรับคำตอบ', errors, false);
  const audience = audienceOf(body.audience, errors);
  const status = body.status;
  if (status !== undefined && !STATUSES.includes(status as SurveyStatus))
    errors.push('สถานะต้องเป็น draft (ร่าง) open (เปิด) หรือ closed (ปิด)');
  if (errors.length > 0) return { errors };
  return {
    patch: {
      ...(title !== undefined ? { title } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(opensOn ? { opensOn } : {}),
      ...(closesOn ? { closesOn } : {}),
      ...(audience ? { audience } : {}),
      ...(status !== undefined ? { status: status as SurveyStatus } : {}),
    },
  };
}
