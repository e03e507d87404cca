import { parseTrainingInput, type TrainingInput } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { trainingsRoutes } from '../src/api/trainings-routes';
import { createMemoryLogger } from '../src/runtime/logger';
import { changesOpenedReports, type TrainingAdmin, type TrainingView } from '../src/trainings/training-admin';
import { serveRoutes } from './support/route-harness';

// HR's trainings routes in process over an in-memory TrainingAdmin: no emulator. What only Firestore can
// prove (the transaction, the staff list) stays in test/integration/manage-api.test.ts.

const NOW = new Date('2026-12-16T02:00:00Z'); // fiscal year 2570
const STAFF = new Set(['HR01', 'R010']);
const TRAINING = {
  title: 'การจัดทำแผนพัฒนาท้องถิ่น',
  organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
  method: 'training',
  startDate: '2026-12-21',
  endDate: '2026-12-23',
  hours: 18,
  attendees: ['HR01'],
  reportRequired: true,
};

/** Trainings in a Map; the attendee check is the staff set; the lock rule is the real one. */
function memoryAdmin() {
  const stored = new Map<string, { input: TrainingInput; view: TrainingView }>();
  const view = (id: string, t: TrainingInput, by: { employeeId: string; name: string }, opened = false) =>
    ({
      ...t,
      id,
      organiserKind: t.organiserKind ?? null,
      curriculum: t.curriculum ?? null,
      competency: t.competency ?? null,
      reportRequired: t.reportRequired !== false,
      reportsOpened: opened,
      updatedBy: by,
      updatedAt: NOW.toISOString(),
    }) as TrainingView;
  const admin: TrainingAdmin = {
    list: async (fy, page) => ({
      trainings: [...stored.values()]
        .map((s) => s.view)
        .filter(() => fy === 2570)
        .slice(0, page.limit),
      next: null,
    }),
    read: async (id) => stored.get(id)?.view,
    async check(body) {
      const parsed = parseTrainingInput(body);
      if ('errors' in parsed) return parsed;
      const unknown = parsed.training.attendees.filter((a) => !STAFF.has(a));
      return unknown.length > 0 ? { errors: { attendees: `ไม่พบพนักงานรหัส ${unknown.join(', ')}` } } : parsed;
    },
    async create(t, by) {
      const id = `T${stored.size + 1}`;
      stored.set(id, { input: t, view: view(id, t, by) });
      return stored.get(id)?.view as TrainingView;
    },
    async update(id, t, by) {
      const s = stored.get(id);
      if (!s) return { outcome: 'missing' };
      if (s.view.reportsOpened && changesOpenedReports(s.input, t)) return { outcome: 'locked' };
      stored.set(id, { input: t, view: view(id, t, by, s.view.reportsOpened) });
      return { outcome: 'saved', training: stored.get(id)?.view as TrainingView };
    },
  };
  const openReports = (id: string) => {
    const s = stored.get(id);
    if (s) stored.set(id, { ...s, view: { ...s.view, reportsOpened: true } });
  };
  return { admin, openReports };
}

let mem: ReturnType<typeof memoryAdmin>;
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/manage/trainings',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }),
  router: () => trainingsRoutes(mem.admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  mem = memoryAdmin();
});

const call = api.call;

describe('trainings routes over an in-memory service', () => {
  it('creates a training, lists it with the form options, and records who made it', async () => {
    const created = await call('', { method: 'POST', body: TRAINING });
    expect(created.status).toBe(201);
    expect(created.body.training).toMatchObject({ title: TRAINING.title, updatedBy: { employeeId: 'HR01' } });
    const list = await call('?fy=2570');
    expect(list.body.fiscalYear).toBe(2570);
    expect(list.body.trainings).toHaveLength(1);
    expect(list.body.options.methods.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toMatchObject({ msg: 'api.training_created', by: 'HR01', attendees: 1 });
  });

  it('answers bad input in Thai: fields, unknown staff, a year out of range, a body that is not JSON', async () => {
    const bad = await call('', { method: 'POST', body: { ...TRAINING, title: 'ก', attendees: ['HR01'] } });
    expect(bad).toMatchObject({ status: 400, body: { message: 'กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้' } });
    expect(bad.body.errors.title).toMatch(/[\u0E00-\u0E7F]/);
    const nobody = await call('', { method: 'POST', body: { ...TRAINING, attendees: ['NOBODY'] } });
    expect(nobody.body.errors).toEqual({ attendees: 'ไม่พบพนักงานรหัส NOBODY' });
    expect((await call('?fy=2590')).status).toBe(400);
    const broken = await call('', { method: 'POST', raw: '{"title":' });
    expect(broken).toEqual({ status: 400, body: { message: 'รูปแบบข้อมูลไม่ถูกต้อง' } });
  });

  it('finds no training for an unknown id, before reading the body', async () => {
    expect(await call('/T404')).toEqual({ status: 404, body: { message: 'ไม่พบการอบรมนี้' } });
    expect((await call('/T404', { method: 'PUT', body: { nonsense: true } })).status).toBe(404);
  });

  it('once reports are open, refuses new dates or people (409) but takes a new title', async () => {
    const { body } = await call('', { method: 'POST', body: TRAINING });
    const id = body.training.id as string;
    mem.openReports(id);
    const moved = await call(`/${id}`, { method: 'PUT', body: { ...TRAINING, endDate: '2026-12-24' } });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toContain('เปิดรายงานผลการฝึกอบรม');
    const renamed = await call(`/${id}`, {
      method: 'PUT',
      body: { ...TRAINING, title: 'แผนพัฒนาท้องถิ่น รุ่นที่ 2' },
    });
    expect(renamed).toMatchObject({ status: 200, body: { training: { title: 'แผนพัฒนาท้องถิ่น รุ่นที่ 2' } } });
  });
});

describe('which edits change what opened reports were made from', () => {
  const t = parseTrainingInput(TRAINING);
  if ('errors' in t) throw new Error('the sample training must parse');
  const base = t.training;

  it('dates, attendees and whether a report is due; not the order of attendees, nor the title', () => {
    expect(changesOpenedReports(base, { ...base, startDate: '2026-12-22' })).toBe(true);
    expect(changesOpenedReports(base, { ...base, reportRequired: false })).toBe(true);
    expect(changesOpenedReports(base, { ...base, attendees: ['HR01', 'R010'] })).toBe(true);
    const two = { ...base, attendees: ['HR01', 'R010'] };
    expect(changesOpenedReports(two, { ...two, attendees: ['R010', 'HR01'] })).toBe(false);
    expect(changesOpenedReports(base, { ...base, title: 'อื่น', hours: 12 })).toBe(false);
  });
});
