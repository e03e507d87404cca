import {
  acceptedFiscalYears,
  BAD_FISCAL_YEAR,
  fiscalYearLabel,
  fiscalYearOfInstant,
  TARGET_INDICATOR_IDS,
} from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { targetRoutes } from '../src/api/target-routes';
import { createMemoryLogger } from '../src/runtime/logger';
import type { TargetAdmin, TargetEdit } from '../src/targets/target-admin';
import { serveRoutes } from './support/route-harness';

// The targets routes in process over an in-memory TargetAdmin: no emulator. The page's history, the
// live figures and the audited transaction stay in test/integration/target-api.test.ts.

const NOW = new Date('2026-12-16T02:00:00Z');
const FY = fiscalYearOfInstant(NOW);
const IND = TARGET_INDICATOR_IDS[0];
const FORBIDDEN = 'หน้านี้สำหรับผู้มีสิทธิ์เฉพาะ (เช่น ฝ่ายบุคคลหรือหัวหน้างาน) บัญชีของท่านไม่มีสิทธิ์นี้';

let edits: TargetEdit[] = [];
let pagesAsked: number[] = [];
const admin: TargetAdmin = {
  async page(fy, now) {
    pagesAsked.push(fy);
    return {
      fiscalYear: fy,
      label: fiscalYearLabel(fy),
      currentYear: fiscalYearOfInstant(now),
      years: acceptedFiscalYears(now),
      indicators: [],
      changes: [],
    };
  },
  async change(edit) {
    edits.push(edit);
  },
};

let roles: string[] = ['staff', 'hr'];
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/targets',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles }),
  router: () => targetRoutes(admin, { clock: () => NOW, logger }),
});
beforeEach(() => {
  edits = [];
  pagesAsked = [];
  roles = ['staff', 'hr'];
});

const call = api.call;
const put = (path: string, body: unknown) => call(path, { method: 'PUT', body });
const by = { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' };

describe('target routes over an in-memory TargetAdmin', () => {
  it('shows a year to HR (may edit) and executives (read only); nobody else', async () => {
    expect((await call(`?fy=${FY - 1}`)).body).toMatchObject({ fiscalYear: FY - 1, canEdit: true });
    roles = ['executive'];
    expect((await call(`?fy=${FY}`)).body).toMatchObject({ fiscalYear: FY, currentYear: FY, canEdit: false });
    for (const r of [['staff'], ['staff', 'supervisor']]) {
      roles = r;
      expect(await call(`?fy=${FY}`)).toEqual({ status: 403, body: { message: FORBIDDEN } });
    }
    roles = ['hr'];
    expect(await call('?fy=1999')).toEqual({ status: 400, body: { message: BAD_FISCAL_YEAR } });
    expect(pagesAsked).toEqual([FY - 1, FY]);
  });

  it('lets HR set a rule or put the default back, with who and when', async () => {
    const rule = { comparison: 'atLeast', percent: '80.5', orNotBelow: 'lastResult' };
    expect(await put(`/${FY}/${IND}`, { rule })).toEqual({ status: 200, body: { saved: true } });
    expect(await put(`/${FY + 1}/${IND}`, { rule: null })).toEqual({ status: 200, body: { saved: true } });
    expect(edits).toEqual([
      {
        fiscalYear: FY,
        indicatorId: IND,
        by,
        at: NOW,
        field: 'rule',
        value: { comparison: 'atLeast', percent: 80.5, orNotBelow: 'lastResult' },
      },
      { fiscalYear: FY + 1, indicatorId: IND, by, at: NOW, field: 'rule', value: null },
    ]);
    expect(lines.at(-1)).toMatchObject({ msg: 'api.target_rule_set', by: 'HR01', fiscalYear: FY + 1 });
  });

  it('lets HR type in a past year’s result (rounded to one decimal) or remove it; never this year’s', async () => {
    expect((await put(`/${FY - 2}/${IND}/result`, { value: '55.55' })).status).toBe(200);
    expect((await put(`/${FY - 2}/${IND}/result`, { value: null })).status).toBe(200);
    expect(edits.map((e) => [e.field, e.value])).toEqual([
      ['result', 55.6],
      ['result', null],
    ]);
    expect(await put(`/${FY}/${IND}/result`, { value: 50 })).toEqual({
      status: 400,
      body: { message: 'บันทึกผลเองได้เฉพาะปีงบประมาณที่ผ่านมาแล้ว ปีนี้ระบบคำนวณให้' },
    });
    for (const value of [120, -1, 'abc', true]) {
      expect(await put(`/${FY - 1}/${IND}/result`, { value })).toEqual({
        status: 400,
        body: { message: 'ผลการดำเนินงานต้องเป็นร้อยละตั้งแต่ 0 ถึง 100' },
      });
    }
    expect(edits).toHaveLength(2);
  });

  it('answers bad input in Thai, and executives cannot change anything', async () => {
    expect(await put(`/${FY}/${IND}`, { rule: { comparison: 'atLeast', percent: 101 } })).toEqual({
      status: 400,
      body: { message: 'ร้อยละของเป้าหมายต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100' },
    });
    expect(await put(`/${FY}/${IND}`, {})).toEqual({ status: 400, body: { message: 'ไม่พบเป้าหมายที่จะบันทึก' } });
    expect(await put(`/${FY}/nothing`, { rule: null })).toEqual({
      status: 404,
      body: { message: 'ไม่พบตัวชี้วัดนี้' },
    });
    expect(await put(`/1999/${IND}`, { rule: null })).toEqual({
      status: 400,
      body: { message: BAD_FISCAL_YEAR },
    });
    expect((await call(`/${FY}/${IND}`, { method: 'PUT', raw: '{"rule":' })).body).toEqual({
      message: 'รูปแบบข้อมูลไม่ถูกต้อง',
    });
    roles = ['executive'];
    expect(await put(`/${FY}/${IND}`, { rule: null })).toEqual({ status: 403, body: { message: FORBIDDEN } });
    expect(await put(`/${FY - 1}/${IND}/result`, { value: 10 })).toEqual({
      status: 403,
      body: { message: FORBIDDEN },
    });
    expect(edits).toEqual([]);
  });
});
