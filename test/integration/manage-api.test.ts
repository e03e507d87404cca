import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { reportsOf, seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// HR's management API for the LIFF pages (trainings, staff import, holidays, settings) against the
// real emulator and the real bot over HTTP, with ID tokens signed by the fake LINE platform.

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

async function call(
  path: string,
  o: { token?: string; method?: string; body?: unknown; raw?: Uint8Array } = {},
) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  if (o.raw) headers['content-type'] = 'text/csv';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

const hrUser = () => sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });

const TRAINING = {
  title: 'การจัดทำแผนพัฒนาท้องถิ่น',
  organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
  organiserKind: 'dla',
  method: 'training',
  curriculum: 'duties',
  startDate: '2026-12-21',
  endDate: '2026-12-23',
  hours: 18,
  attendees: ['HR01'],
  reportRequired: true,
};

const csv = (rows: string[][]) =>
  Uint8Array.from([
    0xef,
    0xbb,
    0xbf,
    ...new TextEncoder().encode(`${rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`),
  ]);
const HEADER = ['รหัสพนักงาน', 'ชื่อ-สกุล', 'กอง/สำนัก', 'ตำแหน่ง', 'ประเภทบุคลากร', 'รหัสผู้บังคับบัญชา', 'วันเกิด'];

describe('management API for HR', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    await municipality().set(demoMunicipality);
  });

  it('creates and edits a training of this fiscal year, with Thai errors field by field', async () => {
    const hr = await hrUser();
    const token = tokenFor(hr);
    const bad = await call('/manage/trainings', {
      token,
      method: 'POST',
      body: {
        ...TRAINING,
        title: 'ก',
        method: 'lecture',
        endDate: '2026-12-20',
        hours: 0,
        attendees: ['HR01', 'NOBODY'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      title: expect.stringContaining('กรุณาระบุชื่อหลักสูตร'),
      method: expect.stringContaining('วิธีการพัฒนา'),
      endDate: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มอบรม',
      hours: expect.stringContaining('จำนวนชั่วโมงต้องอยู่ระหว่าง'),
    });
    const unknownPerson = await call('/manage/trainings', {
      token,
      method: 'POST',
      body: { ...TRAINING, attendees: ['HR01', 'NOBODY'] },
    });
    expect(unknownPerson.body.errors).toEqual({ attendees: 'ไม่พบพนักงานรหัส NOBODY' });
    expect((await municipality().collection('trainings').get()).size).toBe(0);

    const created = await call('/manage/trainings', { token, method: 'POST', body: TRAINING });
    expect(created.status).toBe(201);
    const t = created.body.training;
    expect(t).toMatchObject({ ...TRAINING, reportsOpened: false, updatedBy: { employeeId: 'HR01' } });
    const stored = (await municipality().collection('trainings').doc(t.id).get()).data();
    expect(stored).toMatchObject({
      ...TRAINING,
      id: t.id,
      createdBy: { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' },
    });

    const list = await call('/manage/trainings', { token });
    expect(list.body.fiscalYear).toBe(2570);
    expect(list.body.trainings.map((x: { id: string }) => x.id)).toEqual([t.id]);
    expect(list.body.options.methods).toContainEqual({ id: 'training', name: 'การฝึกอบรม' });
    expect((await call('/manage/trainings?fy=2569', { token })).body.trainings).toEqual([]);

    const edited = await call(`/manage/trainings/${t.id}`, {
      token,
      method: 'PUT',
      body: { ...TRAINING, hours: 12, curriculum: '' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.training).toMatchObject({ hours: 12, curriculum: null });

    // once the daily job opened the reports, the dates and people are fixed; the title is not
    await municipality().collection('trainings').doc(t.id).update({ reportsOpened: true });
    const locked = await call(`/manage/trainings/${t.id}`, {
      token,
      method: 'PUT',
      body: { ...TRAINING, endDate: '2026-12-24' },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('เปิดรายงานผลการฝึกอบรม');
    const renamed = await call(`/manage/trainings/${t.id}`, {
      token,
      method: 'PUT',
      body: { ...TRAINING, title: 'การจัดทำแผนพัฒนาท้องถิ่น รุ่นที่ 2' },
    });
    expect(renamed.body.training.title).toBe('การจัดทำแผนพัฒนาท้องถิ่น รุ่นที่ 2');
  });

  it('refuses attendee and staff codes that are no staff record’s id in Thai, never with a 500', async () => {
    const token = tokenFor(await hrUser());
    const training = await call('/manage/trainings', {
      token,
      method: 'POST',
      body: { ...TRAINING, attendees: ['HR01', 'a/b', '..'] },
    });
    expect(training.status).toBe(400);
    expect(training.body.errors.attendees).toBe('ไม่พบพนักงานรหัส a/b, ..');
    const settings = await call('/manage/settings', {
      token,
      method: 'PUT',
      body: { yearlyHoursTarget: 40, surveyMinGroupSize: 5, approvalChain: { stopAtEmployeeId: 'x/y' } },
    });
    expect(settings.status).toBe(400);
    expect(settings.body.errors.stopAtEmployeeId).toContain('x/y');
    // and what no route serves is answered in Thai JSON too
    const nothing = await call('/manage/nothing-here', { token });
    expect(nothing.status).toBe(404);
    expect(nothing.body.message).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('a training made here gets its attendees’ reports from the daily job after the last day', async () => {
    const hr = await hrUser();
    const created = await call('/manage/trainings', {
      token: tokenFor(hr),
      method: 'POST',
      body: { ...TRAINING, startDate: '2026-12-14', endDate: '2026-12-15' },
    });
    expect(created.status).toBe(201);
    const { bot } = await sys.start();
    const r = await bot.runDailyJobs(NOW);
    expect(r).toMatchObject({ trainingsOpened: 1, reportsOpened: 1 });
    const report = await reportsOf(sys.fs.db).doc(`${created.body.training.id}__HR01`).get();
    expect(report.data()).toMatchObject({
      trainingTitle: TRAINING.title,
      status: 'pending',
      returnDate: '2026-12-15',
      dueDate: '2026-12-24', // 7 working days: 16, 17, 18, 21, 22, 23, 24
    });
  });

  it('checks a staff file first (per-row Thai errors, nothing written), then imports it', async () => {
    const hr = await hrUser();
    const token = tokenFor(hr);
    const file = csv([
      HEADER,
      ['E101', 'นายสมชาย ใจดี', 'สำนักปลัดเทศบาล', 'ปลัดเทศบาล', 'พนักงานเทศบาล', '', '15/1/2518'],
      ['E102', 'นางสาววิไล ศรีสุข', 'กองไม่มีจริง', 'นักวิชาการ', 'พนักงานเทศบาล', 'E101', '3/4/2530'],
      ['E103', 'นายประยุทธ มั่นคง', 'สำนักปลัดเทศบาล', 'นิติกร', 'พนักงานจ้าง', 'E101', ''],
    ]);
    const dry = await call('/manage/employees/import?dryRun=1&filename=staff.csv', {
      token,
      method: 'POST',
      raw: file,
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, written: 0, where: 'บรรทัด', headerRejected: false });
    expect(dry.body.summary).toMatchObject({ created: 2, failed: 1 });
    expect(dry.body.errors).toEqual([
      { line: 3, code: 'E102', reasons: [expect.stringContaining('กองไม่มีจริง')] },
    ]);
    expect((await municipality().collection('employees').doc('E101').get()).exists).toBe(false);

    const applied = await call('/manage/employees/import?filename=staff.csv', {
      token,
      method: 'POST',
      raw: file,
    });
    expect(applied.body).toMatchObject({ dryRun: false, written: 2, summary: { created: 2, failed: 1 } });
    expect((await municipality().collection('employees').doc('E101').get()).get('name')).toBe('นายสมชาย ใจดี');
    expect((await municipality().get()).get('lastEmployeeImport')).toMatchObject({
      by: { employeeId: 'HR01' },
      created: 2,
    });
    const people = await call('/manage/employees', { token });
    expect(people.body.employees.map((e: { id: string }) => e.id)).toEqual(['E101', 'E103', 'HR01']);

    const notAFile = await call('/manage/employees/import?dryRun=1', {
      token,
      method: 'POST',
      raw: Uint8Array.from([0x00, 0x01, 0x02, 0x03]),
    });
    expect(notAFile.status).toBe(400);
    expect(notAFile.body.message).toContain('อ่านไฟล์ไม่ได้');
  });

  it('adds and removes a holiday, and an open report’s due date follows', async () => {
    const hr = await hrUser();
    const token = tokenFor(hr);
    // back on Mon 14 Dec: the 7th working day after is Wed 23 Dec
    const report = await seedReport(sys.fs.db, 'HR01', {
      returnDate: '2026-12-14',
      endDate: '2026-12-14',
      dueDate: '2026-12-23',
    });
    const listed = await call('/manage/holidays?year=2026', { token });
    expect(listed.body.holidays).toContainEqual({
      date: '2026-12-10',
      name: 'วันรัฐธรรมนูญ',
      kind: 'public',
      source: 'shipped',
    });

    const bad = await call('/manage/holidays', {
      token,
      method: 'POST',
      body: { date: '18/12/2569', name: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ date: 'กรุณาเลือกวันที่จากปฏิทิน', name: 'กรุณาระบุชื่อวันหยุด' });

    const added = await call('/manage/holidays', {
      token,
      method: 'POST',
      body: { date: '2026-12-18', name: 'วันหยุดพิเศษ (มติ ครม.)', kind: 'special' },
    });
    expect(added.body).toEqual({ moved: 1, editId: expect.any(String) });
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('dueDate')).toBe('2026-12-24');
    const holiday = (await municipality().collection('holidays').doc('2026-12-18').get()).data();
    expect(holiday).toMatchObject({
      name: 'วันหยุดพิเศษ (มติ ครม.)',
      source: 'hr',
      by: 'นางสาวบุคคล ดูแลดี (HR01)',
    });
    // the shipped list came along on the first edit
    expect((await municipality().collection('holidays').doc('2026-12-10').get()).get('source')).toBe(
      'shipped',
    );

    const removed = await call('/manage/holidays/2026-12-18/remove', { token, method: 'POST' });
    expect(removed.body).toEqual({ moved: 1, editId: expect.any(String) });
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('dueDate')).toBe('2026-12-23');
    const after = await call('/manage/holidays?year=2026', { token });
    expect(after.body.holidays.map((h: { date: string }) => h.date)).not.toContain('2026-12-18');
  });

  it('validates the settings, stores them where the bot reads them and records who changed them', async () => {
    const hr = await hrUser();
    const token = tokenFor(hr);
    const before = await call('/manage/settings', { token });
    expect(before.body.settings).toEqual({ yearlyHoursTarget: 40, approvalChain: {}, surveyMinGroupSize: 5 });

    const bad = await call('/manage/settings', {
      token,
      method: 'PUT',
      body: {
        yearlyHoursTarget: -1,
        surveyMinGroupSize: 1,
        approvalChain: { stopAtRole: 'mayor', maxSteps: 0 },
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      yearlyHoursTarget: 'เป้าหมายชั่วโมงอบรมต่อปีต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 500',
      surveyMinGroupSize: 'จำนวนผู้ตอบขั้นต่ำที่จะแสดงผลแยกกองต้องเป็นจำนวนเต็มตั้งแต่ 3 ถึง 50',
      stopAtRole: 'กรุณาเลือกบทบาทจากรายการ',
      maxSteps: 'จำนวนผู้อนุมัติสูงสุดต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง 10',
    });
    const nobody = await call('/manage/settings', {
      token,
      method: 'PUT',
      body: { yearlyHoursTarget: 30, surveyMinGroupSize: 5, approvalChain: { stopAtEmployeeId: 'NOBODY' } },
    });
    expect(nobody.body.errors).toEqual({ stopAtEmployeeId: 'ไม่พบพนักงานรหัส NOBODY ที่ยังปฏิบัติงานอยู่' });

    const saved = await call('/manage/settings', {
      token,
      method: 'PUT',
      body: {
        yearlyHoursTarget: 30,
        surveyMinGroupSize: 7,
        approvalChain: { stopAtRole: 'executive', maxSteps: 3 },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      settings: {
        yearlyHoursTarget: 30,
        surveyMinGroupSize: 7,
        approvalChain: { stopAtRole: 'executive', maxSteps: 3 },
      },
      updatedBy: { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' },
      updatedAt: NOW.toISOString(),
    });
    // a second save that clears the stop replaces the setting instead of merging into it
    await call('/manage/settings', {
      token,
      method: 'PUT',
      body: { yearlyHoursTarget: 30, surveyMinGroupSize: 7, approvalChain: { maxSteps: 2 } },
    });
    const doc = await municipality().get();
    expect(doc.get('approvalChain')).toEqual({ maxSteps: 2 });
    expect(doc.get('surveyDefaults')).toEqual({ minGroupSize: 7 });
    expect(doc.get('name')).toBe(demoMunicipality.name); // the rest of the document is untouched
    expect(doc.get('settingsHistory')).toHaveLength(2);
    expect(doc.get('settingsHistory')[1]).toMatchObject({
      by: { employeeId: 'HR01' },
      before: { approvalChain: { stopAtRole: 'executive', maxSteps: 3 } },
      after: { approvalChain: { maxSteps: 2 } },
    });
  });
});
