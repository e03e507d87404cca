import { readFileSync } from 'node:fs';
import { type MunicipalityFile, parseMunicipalityFile } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { MunicipalitySetupError, setUpMunicipality } from '../../bot/src/people/municipality-setup';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { useSystem } from '../support/system';

// `npm run municipality -- init` against the real emulator, then the real bot over HTTP: the staff
// import finds the divisions by their Thai names and HR's settings page reads the settings, so the
// record is in exactly the shape the bot reads. The shipped example file is the one used.

const NOW = new Date('2026-12-16T02:00:00Z');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const example = JSON.parse(
  readFileSync(new URL('../../docs/municipality.example.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function fileOf(raw: unknown): MunicipalityFile {
  const r = parseMunicipalityFile(DEMO_MUNICIPALITY_ID, raw);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.file;
}
const init = (raw: unknown) =>
  setUpMunicipality(sys.fs.db, municipality(), fileOf(raw), { by: 'it-admin', now: NOW });

async function call(token: string, path: string, o: { method?: string; body?: unknown; csv?: string } = {}) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(o.csv !== undefined ? { 'content-type': 'text/csv' } : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: o.csv !== undefined ? `\ufeff${o.csv}` : o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const STAFF = [
  'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร,รหัสผู้บังคับบัญชา,วันเกิด',
  'E101,นายสมชาย ใจดี,สำนักปลัดเทศบาล,ปลัดเทศบาล,พนักงานเทศบาล,,15/1/2518',
  'E102,นายณัฐวุฒิ แสงทอง,กองช่าง,นายช่างโยธา,พนักงานเทศบาล,E101,3/4/2530',
].join('\r\n');

describe('municipality init', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
  });

  it('creates the record the staff import and the settings page read, and re-runs change only what the file gives', async () => {
    expect(await init(example)).toEqual({
      created: true,
      changed: [
        'name',
        'province',
        'divisions',
        'yearlyHoursTarget',
        'approvalChain',
        'surveyDefaults.minGroupSize',
      ],
    });
    const hr = await sys.linkedUser({ employeeId: 'HR01', roles: ['staff', 'hr'] });
    const token = sys.platform.issueIdToken(hr, { aud: DEV_CHANNEL.loginChannelId });

    const imported = await call(token, '/manage/employees/import?filename=staff.csv', {
      method: 'POST',
      csv: STAFF,
    });
    expect(imported.body).toMatchObject({ written: 2, summary: { created: 2, failed: 0 } });
    expect((await municipality().collection('employees').doc('E102').get()).get('divisionId')).toBe('works');

    const settings = await call(token, '/manage/settings');
    expect(settings.body.settings).toEqual({
      yearlyHoursTarget: 40,
      approvalChain: { stopAtRole: 'executive', maxSteps: 3 },
      surveyMinGroupSize: 5,
    });

    // HR changes the target in LIFF; IT re-runs init with a renamed municipality and no settings
    const put = await call(token, '/manage/settings', {
      method: 'PUT',
      body: { yearlyHoursTarget: 30, surveyMinGroupSize: 7, approvalChain: {} },
    });
    expect(put.status).toBe(200);
    const { settings: _, ...withoutSettings } = example;
    expect(await init({ ...withoutSettings, name: 'เทศบาลเมืองบ้านใหม่' })).toEqual({
      created: false,
      changed: ['name'],
    });
    expect(await init({ ...withoutSettings, name: 'เทศบาลเมืองบ้านใหม่' })).toEqual({
      created: false,
      changed: [],
    });
    expect((await call(token, '/manage/settings')).body.settings).toEqual({
      yearlyHoursTarget: 30,
      approvalChain: {},
      surveyMinGroupSize: 7,
    });
    const doc = await municipality().get();
    expect(doc.get('name')).toBe('เทศบาลเมืองบ้านใหม่');
    expect(doc.get('lastEmployeeImport')).toMatchObject({ created: 2 });
    expect((await municipality().collection('employees').get()).size).toBe(3);

    // a stop must be someone still at work, once there is a staff list
    const nobody = await init({
      ...withoutSettings,
      settings: { approvalChain: { stopAtEmployeeId: 'E999' } },
    }).catch((e: unknown) => e);
    expect(nobody).toBeInstanceOf(MunicipalitySetupError);
    expect((nobody as Error).message).toContain('ไม่พบพนักงานรหัส E999');
    // a stop the file now sets replaces the whole chain, not merged into the old one
    await init({ ...withoutSettings, settings: { approvalChain: { stopAtEmployeeId: 'E101' } } });
    expect((await municipality().get()).get('approvalChain')).toEqual({ stopAtEmployeeId: 'E101' });
  });

  it('refuses to remove a division staff still belong to, and writes nothing', async () => {
    await init(example);
    await municipality()
      .collection('employees')
      .doc('E102')
      .set({ id: 'E102', divisionId: 'works', active: false });
    const divisions = (example.divisions as { id: string }[]).filter(
      (d) => d.id !== 'works' && d.id !== 'health',
    );
    const err = await init({ ...example, name: 'ชื่อใหม่', divisions }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MunicipalitySetupError);
    expect((err as Error).message).toContain('กองช่าง (works)');
    expect((err as Error).message).not.toContain('health');
    expect((await municipality().get()).get('name')).toBe('เทศบาลตำบลบ้านใหม่');

    // a division nobody uses goes
    await init({
      ...example,
      divisions: (example.divisions as { id: string }[]).filter((d) => d.id !== 'health'),
    });
    expect(((await municipality().get()).get('divisions') as { id: string }[]).map((d) => d.id)).toEqual([
      'palad',
      'finance',
      'works',
      'education',
    ]);
  });
});
