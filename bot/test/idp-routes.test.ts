import {
  BAD_FISCAL_YEAR,
  emptyIdp,
  fiscalYearOfInstant,
  fiscalYearRange,
  type IdpPlan,
  IdpTransitionError,
  type IdpView,
  idpIdFor,
} from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { IDP_CHANGED, idpRoutes } from '../src/api/idp-routes';
import type { IdpAdmin } from '../src/idp/idp-admin';
import { createMemoryLogger } from '../src/runtime/logger';
import { serveRoutes } from './support/route-harness';

// The person's IDP routes in process over an in-memory IdpAdmin that applies the real domain changes
// (saveIdp, submitIdp): no emulator. The transaction, the supervisor lookup and the push stay in
// test/integration/idp-api.test.ts.

const NOW = new Date('2026-12-16T02:00:00Z');
const FY = fiscalYearOfInstant(NOW);
const { start, end } = fiscalYearRange(FY);
const ME = 'E010';

/** plans by id; who is each person's supervisor (E010 has one unless a test takes it away) */
function memoryAdmin(supervisors: Record<string, string | null> = { [ME]: 'S001' }) {
  const plans = new Map<string, IdpPlan>();
  const writes: string[] = [];
  const planOf = (employeeId: string, fy: number) =>
    plans.get(idpIdFor(employeeId, fy)) ?? emptyIdp(employeeId, `คุณ ${employeeId}`, fy);
  // only what the routes pass through; the view's building is idp-docs.ts's, tested with the emulator
  const view = async (employeeId: string, fy: number) =>
    ({ plan: planOf(employeeId, fy), stored: plans.has(idpIdFor(employeeId, fy)) }) as unknown as IdpView;
  const admin: IdpAdmin = {
    view,
    async write(employeeId, from, change, now) {
      const plan = planOf(employeeId, from.fiscalYear);
      if (plan.version !== from.version)
        return { kind: 'changed', view: await view(employeeId, from.fiscalYear) };
      try {
        const updated = change(plan, now, supervisors[employeeId] ?? null);
        plans.set(updated.id, updated);
        writes.push(`${updated.id}@${updated.version}:${updated.status}`);
        return { kind: 'done', plan: updated, view: await view(employeeId, from.fiscalYear) };
      } catch (err) {
        if (!(err instanceof IdpTransitionError)) throw err;
        return { kind: 'refused', error: err, view: await view(employeeId, from.fiscalYear) };
      }
    },
  };
  return { admin, writes };
}

const goal = (over: Record<string, unknown> = {}) => ({
  id: 'g1',
  competencyId: 'serviceExcellence',
  currentLevel: 2,
  targetLevel: 3,
  goal: 'ตอบคำถามผู้มาชำระภาษีได้ถูกต้องภายในครั้งเดียว',
  methods: ['training', 'coaching'],
  startDate: start,
  endDate: end,
  progress: 0,
  trainingIds: [],
  ...over,
});

let mem: ReturnType<typeof memoryAdmin>;
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/idp',
  person: () => ({ employeeId: ME, name: 'คุณ E010', roles: ['staff'] }),
  router: () => idpRoutes(mem.admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  mem = memoryAdmin();
});

const call = api.callWithCacheHeader;
const save = (body: unknown) => call('/mine', { method: 'PUT', body });
const submit = (body: unknown) => call('/mine/submit', { method: 'POST', body });

describe('IDP routes over an in-memory IdpAdmin', () => {
  it('reads the plan uncached, saves with the version it read, and refuses a stale version with the current plan', async () => {
    const first = await call(`/mine?fy=${FY}`);
    expect(first).toMatchObject({ status: 200, cache: 'no-store', body: { stored: false } });
    expect(first.body.plan).toMatchObject({ employeeId: ME, fiscalYear: FY, version: 0 });

    const saved = await save({ fiscalYear: FY, version: 0, goals: [goal()] });
    expect(saved.status).toBe(200);
    expect(saved.body.plan).toMatchObject({ version: 1, status: 'draft' });
    expect(lines.at(-1)).toMatchObject({ msg: 'api.idp_saved', idp: idpIdFor(ME, FY), version: 1 });

    const stale = await save({ fiscalYear: FY, version: 0, goals: [] });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'changed', message: IDP_CHANGED });
    expect(stale.body.current.plan.version).toBe(1);
    expect(mem.writes).toEqual([`${idpIdFor(ME, FY)}@1:draft`]);
  });

  it('answers bad input in Thai and writes nothing', async () => {
    expect(await call('/mine?fy=1999')).toMatchObject({ status: 400, body: { message: BAD_FISCAL_YEAR } });
    expect(await save({ fiscalYear: FY + 5, version: 0, goals: [] })).toMatchObject({
      status: 400,
      body: { message: 'ปีงบประมาณของแผนไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' },
    });
    expect(await save({ fiscalYear: FY, version: '0', goals: [] })).toMatchObject({
      status: 400,
      body: { message: 'ข้อมูลเวอร์ชันของแผนไม่ถูกต้อง กรุณาเปิดหน้านี้ใหม่' },
    });
    const bad = await save({ fiscalYear: FY, version: 0, goals: [goal({ targetLevel: 9, goal: '' })] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้');
    expect(Object.keys(bad.body.errors).length).toBeGreaterThan(0);
    for (const m of Object.values(bad.body.errors)) expect(m).toMatch(/[\u0E00-\u0E7F]/);
    expect((await call('/mine', { method: 'PUT', raw: '{"fiscalYear":' })).body).toEqual({
      message: 'รูปแบบข้อมูลไม่ถูกต้อง',
    });
    expect(mem.writes).toEqual([]);
  });

  it('sends the plan; a refused change answers with its kind, its Thai message, its status and the current plan', async () => {
    const empty = await submit({ fiscalYear: FY, version: 0 });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'incomplete' });
    expect(empty.body.message).toMatch(/^ยังส่งไม่ได้/);
    expect(empty.body.current.plan.version).toBe(0);

    await save({ fiscalYear: FY, version: 0, goals: [goal()] });
    const sent = await submit({ fiscalYear: FY, version: 1 });
    expect(sent.status).toBe(200);
    expect(sent.body.plan).toMatchObject({ status: 'submitted', supervisorId: 'S001', version: 2 });
    expect(lines.at(-1)).toMatchObject({ msg: 'api.idp_submitted', version: 2 });

    const locked = await save({ fiscalYear: FY, version: 2, goals: [goal()] });
    expect(locked).toMatchObject({
      status: 409,
      body: { code: 'wrongStatus', message: 'แผนพัฒนานี้ส่งให้หัวหน้าแล้ว อยู่ระหว่างรอความเห็นชอบ จึงแก้ไขไม่ได้' },
    });
    expect(locked.body.current.plan.status).toBe('submitted');
  });

  it('tells someone without a supervisor on record to ask HR', async () => {
    mem = memoryAdmin({});
    await save({ fiscalYear: FY, version: 0, goals: [goal()] });
    expect(await submit({ fiscalYear: FY, version: 1 })).toMatchObject({
      status: 409,
      body: {
        code: 'noSupervisor',
        message: 'ไม่พบหัวหน้าของท่านในรายชื่อพนักงาน กรุณาแจ้งฝ่ายบุคคลให้กำหนดผู้บังคับบัญชา',
      },
    });
    expect(mem.writes).toEqual([`${idpIdFor(ME, FY)}@1:draft`]);
  });
});
