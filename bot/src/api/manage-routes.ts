import { randomBytes } from 'node:crypto';
import {
  type ApprovalChainSetting,
  CURRICULA,
  DEFAULT_SURVEY_MIN_GROUP_SIZE,
  DEVELOPMENT_METHODS,
  type Division,
  fiscalYearRange,
  isAutoId,
  isEmployeeId,
  isIsoDate,
  type MunicipalitySettings,
  ORGANISER_KINDS,
  parseSettingsInput,
  parseTrainingInput,
  ROLE_LABELS,
  SETTINGS_LIMITS,
  THAI_GOVERNMENT_HOLIDAYS,
  TRAINING_LIMITS,
  type TrainingInput,
} from '@phattana/shared';
import express, { type Request, type Response, type Router } from 'express';
import { type DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { addHoliday, HolidayInputError, type HolidayKind, removeHoliday } from '../calendar/holiday-admin';
import { createHolidayCalendarSource } from '../calendar/holiday-calendar';
import { type HolidayChange, recordHolidayEdit } from '../calendar/holiday-edits';
import { createFirestoreEmployeeDirectory, EmployeeWriteError } from '../people/firestore-employee-directory';
import { EmployeeImportSetupError, importEmployees } from '../people/import-employees';
import { SPREADSHEET_LIMITS, SpreadsheetError } from '../people/read-spreadsheet';
import { syncLinkedPeople } from '../people/sync-linked-people';
import { recomputeOpenDueDates } from '../reports/recompute-due-dates';
import { personOf } from './api-auth';
import type { ApiDeps } from './api-deps';
import { fiscalYearParam } from './api-input';
import { isoOfTimestamp } from './timestamp-iso';

// HR's management pages in the LIFF app: trainings (the daily job opens each attendee's report after
// the last day), the staff-list import (the CLI's importEmployees, dry run first), the holiday list
// (every open report's due date follows an edit, as with the CLI) and the municipality's settings.
// Every write records who made it and when.

const HOLIDAY_KINDS: readonly HolidayKind[] = ['public', 'substitution', 'special', 'local'];
/** How many settings changes the municipality document keeps for the audit trail. */
const SETTINGS_HISTORY_MAX = 50;

export function createManageRoutes(d: ApiDeps): Router {
  const router = express.Router();
  const c = d.collections;
  const json = express.json({ limit: '256kb' });
  const actor = (req: Request) => {
    const p = personOf(req);
    return { employeeId: p.employeeId, name: p.name };
  };
  const byLabel = (req: Request) => {
    const a = actor(req);
    return `${a.name} (${a.employeeId})`;
  };

  // ---- trainings ----

  router.get('/trainings', async (req, res) => {
    const fy = fiscalYearParam(req, res, d.clock());
    if (fy === undefined) return;
    const range = fiscalYearRange(fy);
    // one range filter on one field needs no composite index
    const snap = await c.trainings
      .where('startDate', '>=', range.start)
      .where('startDate', '<=', range.end)
      .get();
    const trainings = snap.docs
      .map(trainingView)
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title, 'th'));
    res.setHeader('cache-control', 'no-store');
    res.json({ fiscalYear: fy, trainings, options: trainingOptions() });
  });

  router.get('/trainings/:id', async (req, res) => {
    const snap = await trainingSnap(req, res);
    if (!snap) return;
    res.json({ training: trainingView(snap), options: trainingOptions() });
  });

  router.post('/trainings', json, async (req, res) => {
    const checked = await checkTraining(req.body);
    if ('errors' in checked) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: checked.errors });
      return;
    }
    const t = checked.training;
    const id = `T${t.startDate.replaceAll('-', '')}-${randomBytes(4).toString('hex')}`;
    const now = Timestamp.fromDate(d.clock());
    const by = actor(req);
    await c.trainings
      .doc(id)
      .create({ ...t, id, createdBy: by, createdAt: now, updatedBy: by, updatedAt: now });
    d.logger.info('api.training_created', {
      trainingId: id,
      by: by.employeeId,
      attendees: t.attendees.length,
    });
    res.status(201).json({ training: trainingView(await c.trainings.doc(id).get()) });
  });

  router.put('/trainings/:id', json, async (req, res) => {
    const snap = await trainingSnap(req, res);
    if (!snap) return;
    const checked = await checkTraining(req.body);
    if ('errors' in checked) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: checked.errors });
      return;
    }
    const t = checked.training;
    const by = actor(req);
    const outcome = await d.db.runTransaction(async (tx) => {
      const fresh = await tx.get(snap.ref);
      if (fresh.get('reportsOpened') === true) {
        // the reports exist already, with these dates and people: changing them here would not follow
        const before = fresh.data() as TrainingInput;
        const changed = (['startDate', 'endDate', 'reportRequired'] as const).filter(
          (k) => (before[k] ?? true) !== (t[k] ?? true),
        );
        if (changed.length > 0 || [...before.attendees].sort().join() !== [...t.attendees].sort().join())
          return 'locked' as const;
      }
      tx.set(
        snap.ref,
        {
          ...t,
          ...(t.organiserKind ? {} : { organiserKind: null }),
          ...(t.curriculum ? {} : { curriculum: null }),
          ...(t.competency ? {} : { competency: null }),
          updatedBy: by,
          updatedAt: Timestamp.fromDate(d.clock()),
        },
        { merge: true },
      );
      return 'saved' as const;
    });
    if (outcome === 'locked') {
      res.status(409).json({
        message:
          'ระบบเปิดรายงานผลการฝึกอบรมของการอบรมนี้ให้ผู้เข้าอบรมแล้ว จึงเปลี่ยนวันที่ ผู้เข้าอบรม หรือการต้องส่งรายงานไม่ได้ (แก้ชื่อ ผู้จัด หลักสูตร และชั่วโมงได้)',
      });
      return;
    }
    d.logger.info('api.training_updated', { trainingId: snap.id, by: by.employeeId });
    res.json({ training: trainingView(await snap.ref.get()) });
  });

  async function trainingSnap(req: Request, res: Response): Promise<DocumentSnapshot | undefined> {
    const id = req.params.id;
    const snap = isAutoId(id) ? await c.trainings.doc(id).get() : undefined;
    if (!snap?.exists) {
      res.status(404).json({ message: 'ไม่พบการอบรมนี้' });
      return undefined;
    }
    return snap;
  }

  /** The form's checks, then the attendees against the staff list. */
  async function checkTraining(body: unknown) {
    const parsed = parseTrainingInput(body);
    if ('errors' in parsed) return parsed;
    // a code that cannot be a staff record's id (a "/", "..") is unknown, never a document path
    const ids = parsed.training.attendees.filter((id) => isEmployeeId(id));
    const malformed = parsed.training.attendees.filter((id) => !isEmployeeId(id));
    if (ids.length === 0 && malformed.length === 0) return parsed;
    const snaps =
      ids.length > 0
        ? await d.db.getAll(...ids.map((id) => c.employees.doc(id)), { fieldMask: ['active'] })
        : [];
    const unknown = [...malformed, ...snaps.filter((s) => !s.exists).map((s) => s.id)];
    const left = snaps.filter((s) => s.exists && s.get('active') === false).map((s) => s.id);
    const problems = [
      unknown.length > 0 ? `ไม่พบพนักงานรหัส ${unknown.join(', ')}` : '',
      left.length > 0 ? `พ้นจากตำแหน่งแล้ว: ${left.join(', ')}` : '',
    ].filter(Boolean);
    return problems.length > 0 ? { errors: { attendees: problems.join(' · ') } } : parsed;
  }

  // ---- staff list ----

  router.get('/employees', async (_req, res) => {
    const [snap, municipality] = await Promise.all([
      c.employees.select('code', 'name', 'divisionId', 'position', 'active', 'roles', 'lineUserId').get(),
      c.municipality.get(),
    ]);
    const divisions = (municipality.get('divisions') as Division[] | undefined) ?? [];
    const employees = snap.docs
      .map((s) => ({
        id: s.id,
        code: String(s.get('code') ?? s.id),
        name: String(s.get('name') ?? ''),
        divisionId: (s.get('divisionId') as string | undefined) ?? null,
        position: (s.get('position') as string | undefined) ?? null,
        active: s.get('active') !== false,
        roles: (s.get('roles') as string[] | undefined) ?? [],
        linked: Boolean(s.get('lineUserId')),
      }))
      .sort((a, b) => a.code.localeCompare(b.code));
    res.setHeader('cache-control', 'no-store');
    res.json({ employees, divisions: divisions.map((v) => ({ id: v.id, name: v.name })) });
  });

  // The file is the request body as it is (CSV or XLSX bytes); ?dryRun=1 checks without writing.
  router.post(
    '/employees/import',
    express.raw({ type: () => true, limit: SPREADSHEET_LIMITS.maxBytes + 1024 }),
    async (req, res) => {
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      const filename = typeof req.query.filename === 'string' ? req.query.filename.slice(0, 200) : undefined;
      const bytes = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array();
      if (!d.birthDatePepper) {
        res.status(503).json({ message: 'ระบบยังไม่ได้ตั้งค่าการนำเข้ารายชื่อ (pepper ของวันเกิด) กรุณาติดต่อผู้ดูแลระบบ' });
        return;
      }
      const now = d.clock();
      try {
        const result = await importEmployees({
          bytes,
          ...(filename ? { filename } : {}),
          municipalityId: c.municipality.id,
          directory: createFirestoreEmployeeDirectory(d.db, {
            municipality: c.municipality,
            employees: c.employees,
          }),
          pepper: d.birthDatePepper,
          now,
          dryRun,
        });
        // linked people whose roles changed get them in chat; those who left are unlinked (their rich
        // menu changes at the next CLI import or menu setup: the API holds no LINE client)
        const linked =
          result.linkedChanges.length > 0
            ? await syncLinkedPeople(d.db, result.linkedChanges, {
                conversations: c.conversations,
                employees: c.employees,
                now,
              })
            : undefined;
        const by = actor(req);
        d.logger.info('api.employees_import', {
          by: by.employeeId,
          dryRun,
          ...result.summary,
          written: result.written,
          errors: result.errors.length,
        });
        if (!dryRun)
          await c.municipality.set(
            {
              lastEmployeeImport: {
                by,
                at: Timestamp.fromDate(now),
                filename: filename ?? null,
                ...result.summary,
                written: result.written,
              },
            },
            { merge: true },
          );
        res.json({
          dryRun,
          file: result.file,
          where: result.file.format === 'xlsx' ? 'แถว' : 'บรรทัด',
          headerRejected: result.headerRejected,
          summary: result.summary,
          written: result.written,
          errors: result.errors,
          linked: linked
            ? { updated: linked.updated, unlinked: linked.unlinked }
            : { updated: 0, unlinked: 0 },
        });
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

  // ---- holidays ----

  router.get('/holidays', async (req, res) => {
    const year =
      typeof req.query.year === 'string' && /^\d{4}$/.test(req.query.year) ? req.query.year : undefined;
    const snap = await c.holidays.get();
    // an untouched list is the shipped government holidays (what the calendar uses then)
    const all = snap.empty
      ? THAI_GOVERNMENT_HOLIDAYS.map((h) => ({ date: h.date, name: h.name, kind: h.kind, source: 'shipped' }))
      : snap.docs
          .filter((s) => s.get('removed') !== true)
          .map((s) => ({
            date: String(s.get('date') ?? s.id),
            name: String(s.get('name') ?? ''),
            kind: String(s.get('kind') ?? 'special'),
            source: String(s.get('source') ?? 'hr'),
          }));
    const holidays = all
      .filter((h) => !year || h.date.startsWith(year))
      .sort((a, b) => a.date.localeCompare(b.date));
    res.setHeader('cache-control', 'no-store');
    res.json({ year: year ?? null, holidays, kinds: HOLIDAY_KINDS });
  });

  router.post('/holidays', json, async (req, res) => {
    const b = (req.body ?? {}) as { date?: unknown; name?: unknown; kind?: unknown };
    const date = typeof b.date === 'string' ? b.date.trim() : '';
    const name = typeof b.name === 'string' ? b.name : '';
    const kind = b.kind === undefined || b.kind === '' ? 'special' : b.kind;
    const errors: Record<string, string> = {};
    if (!isIsoDate(date)) errors.date = 'กรุณาเลือกวันที่จากปฏิทิน';
    if (name.trim().length < 2) errors.name = 'กรุณาระบุชื่อวันหยุด';
    else if (name.trim().length > 100) errors.name = 'ชื่อวันหยุดยาวเกินไป ไม่เกิน 100 ตัวอักษร';
    if (!HOLIDAY_KINDS.includes(kind as HolidayKind)) errors.kind = 'กรุณาเลือกประเภทวันหยุดจากรายการ';
    if (Object.keys(errors).length > 0) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors });
      return;
    }
    await editHolidays(req, res, { date, change: 'add' }, () =>
      addHoliday(c.holidays, { date, name, kind: kind as HolidayKind, by: byLabel(req) }, d.clock()),
    );
  });

  router.post('/holidays/:date/remove', async (req, res) => {
    const date = String(req.params.date ?? '');
    if (!isIsoDate(date)) {
      res.status(400).json({ message: 'วันที่ไม่ถูกต้อง' });
      return;
    }
    await editHolidays(req, res, { date, change: 'remove' }, () =>
      removeHoliday(c.holidays, date, byLabel(req), d.clock()),
    );
  });

  /**
   * An edit starts from the shipped list (first use) and is recorded for undo (holiday-edit-routes.ts);
   * then every open report's due date follows.
   */
  async function editHolidays(
    req: Request,
    res: Response,
    what: { date: string; change: HolidayChange },
    edit: () => Promise<void>,
  ) {
    const now = d.clock();
    let editId: string;
    try {
      editId = await recordHolidayEdit(c, { ...what, by: byLabel(req), now }, edit);
    } catch (err) {
      if (err instanceof HolidayInputError) {
        res.status(400).json({ message: err.message });
        return;
      }
      throw err;
    }
    d.invalidateCalendar?.();
    const calendar = await createHolidayCalendarSource(c.holidays).get();
    const moved = await recomputeOpenDueDates(d.db, c.reports, calendar, now);
    d.logger.info('api.holidays_edited', { by: personOf(req).employeeId, moved });
    res.json({ moved, editId });
  }

  // ---- settings ----

  router.get('/settings', async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json(settingsView(await c.municipality.get()));
  });

  router.put('/settings', json, async (req, res) => {
    const parsed = parseSettingsInput(req.body);
    if ('errors' in parsed) {
      res.status(400).json({ message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้', errors: parsed.errors });
      return;
    }
    const s = parsed.settings;
    const stopAt = s.approvalChain.stopAtEmployeeId;
    if (stopAt) {
      const e = isEmployeeId(stopAt) ? await c.employees.doc(stopAt).get() : undefined;
      if (!e?.exists || e.get('active') === false) {
        res.status(400).json({
          message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้',
          errors: { stopAtEmployeeId: `ไม่พบพนักงานรหัส ${stopAt} ที่ยังปฏิบัติงานอยู่` },
        });
        return;
      }
    }
    const by = actor(req);
    const now = Timestamp.fromDate(d.clock());
    await d.db.runTransaction(async (tx) => {
      const snap = await tx.get(c.municipality);
      const before = settingsOf(snap);
      const history = ((snap.get('settingsHistory') as unknown[] | undefined) ?? []).slice(
        -(SETTINGS_HISTORY_MAX - 1),
      );
      tx.set(
        c.municipality,
        {
          yearlyHoursTarget: s.yearlyHoursTarget,
          // the whole setting is replaced: a stop HR cleared must not survive a merge
          approvalChain: { ...s.approvalChain } satisfies ApprovalChainSetting,
          surveyDefaults: { minGroupSize: s.surveyMinGroupSize },
          settingsUpdatedBy: by,
          settingsUpdatedAt: now,
          settingsHistory: [...history, { by, at: now, before, after: s }],
        },
        {
          mergeFields: [
            'yearlyHoursTarget',
            'approvalChain',
            'surveyDefaults',
            'settingsUpdatedBy',
            'settingsUpdatedAt',
            'settingsHistory',
          ],
        },
      );
    });
    d.logger.info('api.settings_updated', { by: by.employeeId });
    res.json(settingsView(await c.municipality.get()));
  });

  return router;
}

function trainingOptions() {
  return {
    methods: DEVELOPMENT_METHODS.map(({ id, name }) => ({ id, name })),
    curricula: CURRICULA.map(({ id, name }) => ({ id, name })),
    organiserKinds: ORGANISER_KINDS.map(({ id, name }) => ({ id, name })),
    limits: TRAINING_LIMITS,
  };
}

function trainingView(s: DocumentSnapshot) {
  const t = s.data() ?? {};
  return {
    id: s.id,
    title: String(t.title ?? ''),
    organiser: String(t.organiser ?? ''),
    organiserKind: (t.organiserKind as string | undefined) ?? null,
    method: String(t.method ?? ''),
    curriculum: (t.curriculum as string | undefined) ?? null,
    competency: (t.competency as string | undefined) ?? null,
    startDate: String(t.startDate ?? ''),
    endDate: String(t.endDate ?? ''),
    hours: Number(t.hours ?? 0),
    attendees: (t.attendees as string[] | undefined) ?? [],
    reportRequired: t.reportRequired !== false,
    reportsOpened: t.reportsOpened === true,
    updatedBy: (t.updatedBy as { employeeId: string; name: string } | undefined) ?? null,
    updatedAt: isoOfTimestamp(t.updatedAt),
  };
}

function settingsOf(snap: DocumentSnapshot): MunicipalitySettings {
  return {
    yearlyHoursTarget: Number(snap.get('yearlyHoursTarget') ?? 0),
    approvalChain: (snap.get('approvalChain') as ApprovalChainSetting | undefined) ?? {},
    surveyMinGroupSize: Number(snap.get('surveyDefaults.minGroupSize') ?? DEFAULT_SURVEY_MIN_GROUP_SIZE),
  };
}

function settingsView(snap: DocumentSnapshot) {
  return {
    settings: settingsOf(snap),
    updatedBy: (snap.get('settingsUpdatedBy') as { employeeId: string; name: string } | undefined) ?? null,
    updatedAt: isoOfTimestamp(snap.get('settingsUpdatedAt')),
    options: {
      roles: (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((id) => ({
        id,
        name: ROLE_LABELS[id],
      })),
      limits: SETTINGS_LIMITS,
    },
  };
}
