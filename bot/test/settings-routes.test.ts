import { type MunicipalitySettings, ROLE_LABELS, SETTINGS_LIMITS } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { settingsRoutes } from '../src/api/settings-routes';
import { createMemoryLogger } from '../src/runtime/logger';
import { checkSettings, type SettingsAdmin, type SettingsView } from '../src/settings/settings-admin';
import { type RouteCall, serveRoutes } from './support/route-harness';

// HR's settings routes in process over an in-memory SettingsAdmin with the real checks: no emulator. The
// transaction and the audit history stay in test/integration/manage-api.test.ts.

const NOW = new Date('2026-12-16T02:00:00Z');
/** active staff; R099 has left */
const ACTIVE = new Set(['HR01', 'E002', 'E009']);

function memoryAdmin() {
  let stored: MunicipalitySettings = { yearlyHoursTarget: 40, approvalChain: {}, surveyMinGroupSize: 5 };
  let updatedBy: SettingsView['updatedBy'] = null;
  const view = (): SettingsView => ({
    settings: stored,
    updatedBy,
    updatedAt: updatedBy ? NOW.toISOString() : null,
    options: {
      roles: (Object.keys(ROLE_LABELS) as (keyof typeof ROLE_LABELS)[]).map((id) => ({
        id,
        name: ROLE_LABELS[id],
      })),
      limits: SETTINGS_LIMITS,
    },
  });
  const admin: SettingsAdmin = {
    read: async () => view(),
    async save(body, by) {
      const checked = await checkSettings(body, async (id) => ACTIVE.has(id));
      if ('errors' in checked) return checked;
      stored = checked.settings;
      updatedBy = by;
      return { view: view() };
    },
  };
  return admin;
}

let admin: SettingsAdmin;
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/manage/settings',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }),
  router: () => settingsRoutes(admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  admin = memoryAdmin();
});

const call = (o?: RouteCall) => api.callWithCacheHeader('', o);

const GOOD = { yearlyHoursTarget: 30, surveyMinGroupSize: 6, approvalChain: { stopAtEmployeeId: 'E002' } };

describe('settings routes over an in-memory service', () => {
  it('shows the settings uncached, with the roles in Thai and the limits the form enforces', async () => {
    const got = await call();
    expect(got.status).toBe(200);
    expect(got.cache).toBe('no-store');
    expect(got.body.settings.yearlyHoursTarget).toBe(40);
    expect(got.body.options.roles).toContainEqual({ id: 'hr', name: ROLE_LABELS.hr });
    expect(got.body.options.limits.surveyMinGroupSize.min).toBe(3);
  });

  it('saves good settings, says who changed them, and logs it', async () => {
    const saved = await call({ method: 'PUT', body: GOOD });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ yearlyHoursTarget: 30, surveyMinGroupSize: 6 });
    expect(saved.body.settings.approvalChain).toEqual({ stopAtEmployeeId: 'E002' });
    expect(saved.body.updatedBy).toEqual({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' });
    expect(lines.at(-1)).toMatchObject({ msg: 'api.settings_updated', by: 'HR01' });
    expect((await call()).body.settings.yearlyHoursTarget).toBe(30);
  });

  it('answers each bad field in Thai and keeps what was stored', async () => {
    const bad = await call({
      method: 'PUT',
      body: { ...GOOD, yearlyHoursTarget: 501, surveyMinGroupSize: 2 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('กรุณาแก้ไขข้อมูลในช่องที่แจ้งไว้');
    expect(Object.keys(bad.body.errors).sort()).toEqual(['surveyMinGroupSize', 'yearlyHoursTarget']);
    for (const text of Object.values(bad.body.errors)) expect(text).toMatch(/[\u0E00-\u0E7F]/);
    expect((await call()).body.settings.yearlyHoursTarget).toBe(40);
  });

  it('refuses a sign-off stop nobody working here has, and a body that is not JSON', async () => {
    const left = await call({
      method: 'PUT',
      body: { ...GOOD, approvalChain: { stopAtEmployeeId: 'R099' } },
    });
    expect(left).toMatchObject({
      status: 400,
      body: { errors: { stopAtEmployeeId: 'ไม่พบพนักงานรหัส R099 ที่ยังปฏิบัติงานอยู่' } },
    });
    const broken = await call({ method: 'PUT', raw: '{"yearlyHoursTarget":' });
    expect(broken).toMatchObject({ status: 400, body: { message: 'รูปแบบข้อมูลไม่ถูกต้อง' } });
    const empty = await call({ method: 'PUT', raw: 'null' });
    expect(empty.status).toBe(400);
  });
});
