import { readSheet } from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { reportsOf, seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// HR's safer holiday edits (what an edit would move, undo) and invite codes from the LIFF API, against
// the real emulator and the real bot over HTTP.

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

async function call(path: string, o: { token: string; method?: string; body?: unknown }) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers: {
      authorization: `Bearer ${o.token}`,
      ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json'))
    return { status: res.status, body: {}, bytes: new Uint8Array(await res.arrayBuffer()), res };
  return {
    status: res.status,
    // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
    body: (await res.json()) as Record<string, any>,
    bytes: new Uint8Array(),
    res,
  };
}

const hrUser = () => sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });

describe('holiday edits with their effect shown first, and undo', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    await municipality().set(demoMunicipality);
  });

  it('says how many open reports would move, then undoes an add and a remove with the due dates back', async () => {
    const token = tokenFor(await hrUser());
    // back on Mon 14 Dec: the 7th working day after is Wed 23 Dec; one filed report never moves
    const open = await seedReport(sys.fs.db, 'HR01', {
      returnDate: '2026-12-14',
      endDate: '2026-12-14',
      dueDate: '2026-12-23',
    });
    const other = await seedReport(sys.fs.db, 'HR01', {
      returnDate: '2026-12-15',
      endDate: '2026-12-15',
      dueDate: '2026-12-24',
    });
    await seedReport(sys.fs.db, 'HR01', {
      returnDate: '2026-12-14',
      endDate: '2026-12-14',
      dueDate: '2026-12-23',
      status: 'approved',
    });
    const due = async (id: string) => (await reportsOf(sys.fs.db).doc(id).get()).get('dueDate');

    const impact = await call('/manage/holidays/impact?date=2026-12-18&change=add', { token });
    expect(impact.body).toEqual({ moved: 2, alreadyThatWay: false });
    // nothing changed by asking
    expect(await due(open.id)).toBe('2026-12-23');
    // a day after both due dates moves nothing
    expect((await call('/manage/holidays/impact?date=2026-12-28&change=add', { token })).body.moved).toBe(0);
    expect((await call('/manage/holidays/impact?date=18/12/2569&change=add', { token })).status).toBe(400);

    const added = await call('/manage/holidays', {
      token,
      method: 'POST',
      body: { date: '2026-12-18', name: 'วันหยุดพิเศษ (มติ ครม.)', kind: 'special' },
    });
    expect(added.body.moved).toBe(2);
    expect([await due(open.id), await due(other.id)]).toEqual(['2026-12-24', '2026-12-25']);

    const undone = await call(`/manage/holidays/undo/${added.body.editId}`, { token, method: 'POST' });
    expect(undone.body).toEqual({ date: '2026-12-18', change: 'add', moved: 2 });
    expect([await due(open.id), await due(other.id)]).toEqual(['2026-12-23', '2026-12-24']);
    expect((await municipality().collection('holidays').doc('2026-12-18').get()).exists).toBe(false);
    const again = await call(`/manage/holidays/undo/${added.body.editId}`, { token, method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('ยกเลิกการแก้ไขนี้ไปแล้ว');

    // removing a shipped holiday (Thu 10 Dec, วันรัฐธรรมนูญ): a report back on 9 Dec is due a day sooner
    const early = await seedReport(sys.fs.db, 'HR01', {
      returnDate: '2026-12-09',
      endDate: '2026-12-09',
      dueDate: '2026-12-21',
    });
    expect((await call('/manage/holidays/impact?date=2026-12-10&change=remove', { token })).body).toEqual({
      moved: 1,
      alreadyThatWay: false,
    });
    const removed = await call('/manage/holidays/2026-12-10/remove', { token, method: 'POST' });
    expect(await due(early.id)).toBe('2026-12-18');
    expect(
      (await call(`/manage/holidays/undo/${removed.body.editId}`, { token, method: 'POST' })).body.moved,
    ).toBe(1);
    expect(await due(early.id)).toBe('2026-12-21');
    const listed = await call('/manage/holidays?year=2026', { token });
    expect(listed.body.holidays).toContainEqual({
      date: '2026-12-10',
      name: 'วันรัฐธรรมนูญ',
      kind: 'public',
      source: 'shipped',
    });
  });

  it('refuses to undo an edit that a later edit of the same day replaced', async () => {
    const token = tokenFor(await hrUser());
    const first = await call('/manage/holidays', {
      token,
      method: 'POST',
      body: { date: '2026-12-30', name: 'วันหยุดพิเศษ' },
    });
    await call('/manage/holidays/2026-12-30/remove', { token, method: 'POST' });
    const refused = await call(`/manage/holidays/undo/${first.body.editId}`, { token, method: 'POST' });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/ถูกแก้ไขอีกครั้ง/);
    expect((await call('/manage/holidays/undo/nope', { token, method: 'POST' })).status).toBe(404);
    const staff = tokenFor(await sys.linkedUser({ employeeId: 'S001' }));
    expect(
      (await call(`/manage/holidays/undo/${first.body.editId}`, { token: staff, method: 'POST' })).status,
    ).toBe(403);
  });
});

describe('invite codes from the LIFF app', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    await municipality().set(demoMunicipality);
  });

  const person = (id: string, divisionId: string) =>
    municipality()
      .collection('employees')
      .doc(id)
      .set({ id, code: id, name: `พนักงาน ${id}`, divisionId, active: true, roles: ['staff'] });

  it('issues for one person, a division and everyone not linked; a reissue revokes the older code', async () => {
    const division = demoMunicipality.divisions[0]?.id as string;
    const otherDivision = demoMunicipality.divisions[1]?.id as string;
    const hr = await hrUser();
    await municipality().collection('employees').doc('HR01').update({ divisionId: division });
    const token = tokenFor(hr);
    await person('P001', division);
    await person('P002', division);
    await person('P003', otherDivision);
    await municipality()
      .collection('employees')
      .doc('P004')
      .set({ id: 'P004', name: 'ลาออกแล้ว', divisionId: division, active: false });

    const one = await call('/manage/invites', { token, method: 'POST', body: { employeeId: 'P001' } });
    expect(one.body.issued).toEqual([
      expect.objectContaining({
        id: 'P001',
        invite: { code: expect.stringMatching(/^[A-Z2-9]{8}$/), expiresAt: '2026-12-30' },
      }),
    ]);
    const firstCode = one.body.issued[0].invite.code;

    const linked = await call('/manage/invites', { token, method: 'POST', body: { employeeId: 'HR01' } });
    expect(linked.status).toBe(409);
    expect(linked.body.message).toBe('นางสาวบุคคล ดูแลดี เชื่อม LINE แล้ว ไม่ต้องใช้รหัสเชิญ');
    expect(
      (await call('/manage/invites', { token, method: 'POST', body: { employeeId: 'P004' } })).status,
    ).toBe(404);
    expect((await call('/manage/invites', { token, method: 'POST', body: {} })).status).toBe(400);

    // the division: its two unlinked people (not HR01, linked; not P004, gone); P001 gets a new code
    const byDivision = await call('/manage/invites', {
      token,
      method: 'POST',
      body: { divisionId: division },
    });
    expect(byDivision.body.issued.map((p: { id: string }) => p.id)).toEqual(['P001', 'P002']);
    expect((await municipality().collection('invites').doc(firstCode).get()).get('revoked')).toBe(true);

    const everyone = await call('/manage/invites', { token, method: 'POST', body: { unlinked: true } });
    expect(everyone.body.issued.map((p: { id: string }) => p.id)).toEqual(['P001', 'P002', 'P003']);

    const roster = await call('/manage/invites', { token });
    const codes = Object.fromEntries(
      roster.body.people.map((p: { id: string; invite: unknown }) => [p.id, p.invite]),
    );
    expect(Object.keys(codes)).toEqual(['HR01', 'P001', 'P002', 'P003']);
    expect(codes.HR01).toBeNull();
    // the roster shows the latest code, the one that works
    expect(codes.P003).toEqual(everyone.body.issued[2].invite);

    const staff = tokenFor(await sys.linkedUser({ employeeId: 'S001' }));
    expect((await call('/manage/invites', { token: staff })).status).toBe(403);
  });

  it('downloads the import template as CSV with a BOM and as XLSX, with the import’s Thai headings', async () => {
    const token = tokenFor(await hrUser());
    const csv = await call('/manage/employees/template/csv', { token });
    expect(csv.res.headers.get('content-disposition')).toBe(
      'attachment; filename="staff-import-template.csv"',
    );
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = new TextDecoder().decode(csv.bytes).replace('\uFEFF', '').trim();
    expect(header).toBe(
      '"รหัสพนักงาน","ชื่อ-สกุล","กอง/สำนัก","ตำแหน่ง","ระดับ","ประเภทบุคลากร","สายงาน","รหัสผู้บังคับบัญชา","บทบาท","สถานะ","วันเกิด"',
    );
    const xlsx = await call('/manage/employees/template/xlsx', { token });
    const sheets = await readSheet(Buffer.from(xlsx.bytes), 'คำอธิบาย');
    expect((await readSheet(Buffer.from(xlsx.bytes)))[0]?.[0]).toBe('รหัสพนักงาน');
    expect(sheets.map((r) => r[0])).toContain('วันเกิด');
    expect(JSON.stringify(sheets)).toContain(demoMunicipality.divisions[0]?.name as string);
  });
});
