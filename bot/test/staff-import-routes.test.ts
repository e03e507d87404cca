import { beforeEach, describe, expect, it } from 'vitest';
import { BAD_CURSOR, BAD_PAGE_SIZE, encodeCursor } from '../src/api/page-cursor';
import { staffImportRoutes } from '../src/api/staff-import-routes';
import { EmployeeWriteError } from '../src/people/firestore-employee-directory';
import { EmployeeImportSetupError } from '../src/people/import-employees';
import { SpreadsheetError } from '../src/people/read-spreadsheet';
import type {
  StaffImportAdmin,
  StaffImportRequest,
  StaffImportResult,
  StaffList,
} from '../src/people/staff-import-admin';
import { createMemoryLogger } from '../src/runtime/logger';
import { serveRoutes } from './support/route-harness';

// HR's staff list and import routes in process over an in-memory StaffImportAdmin: no emulator. The
// import itself (reading the file, writing the records, unlinking who left) stays in test/integration
// (manage-api, staff-list-pages, municipality-setup).

const NOW = new Date('2026-12-16T02:00:00Z');
const BAD_DIVISION = 'กอง/สำนักที่เลือกไม่ถูกต้อง กรุณาเลือกจากรายการ';
const NO_PEPPER = 'ระบบยังไม่ได้ตั้งค่าการนำเข้ารายชื่อ (pepper ของวันเกิด) กรุณาติดต่อผู้ดูแลระบบ';

const RESULT: StaffImportResult = {
  dryRun: true,
  file: { format: 'csv', rows: 1 } as StaffImportResult['file'],
  where: 'บรรทัด',
  headerRejected: false,
  summary: {
    created: 1,
    updated: 0,
    deactivated: 0,
    unchanged: 0,
  } as unknown as StaffImportResult['summary'],
  written: 0,
  errors: [],
  linked: { updated: 0, unlinked: 0 },
};

let lists: Parameters<StaffImportAdmin['list']>[0][] = [];
let imports: StaffImportRequest[] = [];
let failWith: Error | undefined;
const admin: StaffImportAdmin = {
  async list(page): Promise<StaffList> {
    lists.push(page);
    return { employees: [], next: page.after ? null : ['E050', 'E050'], total: 120, divisions: [] };
  },
  async importFile(r) {
    imports.push(r);
    if (failWith) throw failWith;
    return { ...RESULT, dryRun: r.dryRun };
  },
};

let pepper: string | undefined = 'pepper';
const { logger, lines } = createMemoryLogger();

const api = serveRoutes({
  mount: '/manage/employees',
  person: () => ({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }),
  router: () =>
    staffImportRoutes(admin, { clock: () => NOW, logger, ...(pepper ? { birthDatePepper: pepper } : {}) }),
});
beforeEach(() => {
  lists = [];
  imports = [];
  failWith = undefined;
  pepper = 'pepper';
});

const get = (query: string) => api.call(query);
async function upload(query: string, text = 'รหัส,ชื่อ\nE001,สมชาย') {
  const res = await fetch(api.url(`/import${query}`), {
    method: 'POST',
    body: new TextEncoder().encode(text),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as any };
}

describe('staff routes over an in-memory StaffImportAdmin', () => {
  it('lists a page, of one division when asked, with the next page’s cursor', async () => {
    const first = await get('?limit=20&division=finance');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 120, nextCursor: encodeCursor(['E050', 'E050']) });
    const next = await get(`?cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.nextCursor).toBeNull();
    expect(lists).toEqual([
      { limit: 20, after: undefined, divisionId: 'finance' },
      { limit: 50, after: ['E050', 'E050'] },
    ]);
  });

  it('answers a bad page size, cursor or division in Thai without reading', async () => {
    expect(await get('?limit=500')).toEqual({
      status: 400,
      body: { message: BAD_PAGE_SIZE, errors: { limit: BAD_PAGE_SIZE } },
    });
    expect(await get('?cursor=nonsense')).toEqual({
      status: 400,
      body: { message: BAD_CURSOR, errors: { cursor: BAD_CURSOR } },
    });
    expect(await get('?division=a%2Fb')).toEqual({
      status: 400,
      body: { message: BAD_DIVISION, errors: { division: BAD_DIVISION } },
    });
    expect(lists).toEqual([]);
  });

  it('imports the bytes as sent (a dry run when asked) with who and the file’s name, and logs no names', async () => {
    const checked = await upload('?dryRun=1&filename=staff.csv');
    expect(checked).toEqual({ status: 200, body: { ...RESULT, dryRun: true } });
    expect((await upload('')).body.dryRun).toBe(false);
    expect(imports.map((r) => [r.dryRun, r.filename, r.pepper, r.by, r.now])).toEqual([
      [true, 'staff.csv', 'pepper', { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' }, NOW],
      [false, undefined, 'pepper', { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' }, NOW],
    ]);
    expect(new TextDecoder().decode(imports[0]?.bytes)).toBe('รหัส,ชื่อ\nE001,สมชาย');
    expect(lines.at(-1)).toMatchObject({ msg: 'api.employees_import', by: 'HR01', dryRun: false, errors: 0 });
    expect(JSON.stringify(lines)).not.toContain('สมชาย');
  });

  it('answers the import’s own errors in Thai: the file or the setup as 400, a failed write as 500', async () => {
    failWith = new SpreadsheetError('unreadable', 'อ่านไฟล์ไม่ได้ กรุณาบันทึกเป็น CSV หรือ XLSX');
    expect(await upload('')).toEqual({
      status: 400,
      body: { message: 'อ่านไฟล์ไม่ได้ กรุณาบันทึกเป็น CSV หรือ XLSX' },
    });
    failWith = new EmployeeImportSetupError('ยังไม่ได้ตั้งค่าเทศบาล');
    expect(await upload('')).toEqual({ status: 400, body: { message: 'ยังไม่ได้ตั้งค่าเทศบาล' } });
    failWith = new EmployeeWriteError('บันทึกรายชื่อไม่สำเร็จ บันทึกไปแล้ว 3 คน', 3, new Error('x'));
    expect(await upload('')).toEqual({ status: 500, body: { message: 'บันทึกรายชื่อไม่สำเร็จ บันทึกไปแล้ว 3 คน' } });
    expect(lines.at(-1)).toMatchObject({ msg: 'api.employees_import_failed', severity: 'ERROR' });
  });

  it('refuses to import while the birth-date pepper is not set, without reading the file', async () => {
    pepper = undefined;
    expect(await upload('?dryRun=1')).toEqual({ status: 503, body: { message: NO_PEPPER } });
    expect(imports).toEqual([]);
  });
});
