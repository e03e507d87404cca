import { describe, expect, it } from 'vitest';
import { bangkokMorning, municipality, type Person, seedChain } from '../support/report-people';
import { findAction, textsOf, useSystem } from '../support/system';

// Training requests end to end through signed webhooks, the Firestore emulator and the fake LINE
// platform: E010 asks to go on a catalogue course in chat, E009 then E002 approve from their own chats,
// the approved request becomes the attendance, and the morning job after the course opens the report
// with the return date from the request. Then the bad inputs, and foreign or stale approve buttons.

let now = bangkokMorning('2026-12-08');
const sys = useSystem({ clock: () => now });

const PEOPLE: Person[] = [
  { employeeId: 'E001', name: 'นายสมชาย ใจดี', roles: ['executive'], supervisorId: null },
  { employeeId: 'E002', name: 'นางสาวปลัด ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: 'E001' },
  { employeeId: 'E009', name: 'นายผู้อำนวยการ กองคลัง', roles: ['supervisor'], supervisorId: 'E002' },
  {
    employeeId: 'E010',
    name: 'นางสาวจิราพร สายทอง',
    roles: ['staff'],
    supervisorId: 'E009',
    divisionId: 'finance',
  },
  {
    employeeId: 'E011',
    name: 'นายอนุชา ทดสอบ',
    roles: ['staff'],
    supervisorId: 'E009',
    divisionId: 'finance',
  },
];

const REASON = 'ต้องใช้ระเบียบพัสดุฉบับใหม่ในการตรวจเอกสารเบิกจ่ายของกองคลังทุกวัน';

let run = 0;
async function setup() {
  // a minute apart per test: request ids (and so the pushes' retry keys) differ
  now = new Date(bangkokMorning('2026-12-08').getTime() + ++run * 60_000);
  const users = await seedChain(sys, PEOPLE);
  const m = municipality(sys);
  // each test starts from no requests or courses (the emulator's data lives for the whole file)
  for (const c of ['trainingRequests', 'trainings', 'reports'])
    await sys.fs.db.recursiveDelete(m.collection(c));
  await m.set({ approvalChain: { stopAtEmployeeId: 'E002' } }, { merge: true });
  await m.collection('trainings').doc('CAT1').set({
    title: 'ระเบียบพัสดุฉบับใหม่',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'training',
    startDate: '2026-12-14',
    endDate: '2026-12-16',
    hours: 18,
    attendees: [],
  });
  return users;
}

const last = (user: string) => textsOf(sys.botMessages(user)).at(-1) ?? '';
type Stored = Record<string, unknown> & { id: string };
/** E010's requests as stored */
const requests = async (): Promise<Stored[]> => {
  const q = await municipality(sys).collection('trainingRequests').where('employeeId', '==', 'E010').get();
  return q.docs.map((d) => ({ ...d.data(), id: d.id }));
};
const request = async (id: string | undefined) => (await requests()).find((d) => d.id === id);

/** E010's request for the catalogue course, back on the 17th, 3,500 baht */
async function requestCatalogueCourse(user: string) {
  await sys.text(user, 'ขอไปอบรม');
  expect(last(user)).toContain('1. ระเบียบพัสดุฉบับใหม่');
  await sys.text(user, '1');
  expect(last(user)).toContain('วันที่จะกลับมาปฏิบัติงาน');
  await sys.text(user, '17/12/2569');
  await sys.text(user, '3,500');
  await sys.text(user, 'ค่าใช้จ่ายในการฝึกอบรม กองคลัง');
  await sys.text(user, REASON);
  expect(textsOf(sys.botMessages(user)).at(-1)).toContain('ตรวจสอบคำขอไปอบรม');
  await sys.tap(user, 'ส่งคำขอ');
}

describe('training requests up the chain', () => {
  it('E010 requests a catalogue course, E009 → E002 approve, the morning job after the course opens the report with the request’s return date', async () => {
    const users = await setup();
    const staff = users.E010 as string;
    await requestCatalogueCourse(staff);
    expect(last(staff)).toContain('ให้ นายผู้อำนวยการ กองคลัง พิจารณาแล้ว');
    const [sent] = await requests();
    expect(sent).toMatchObject({
      status: 'submitted',
      approvers: ['E009', 'E002'],
      currentApproverId: 'E009',
      returnDate: '2026-12-17',
      course: {
        source: 'catalogue',
        trainingId: 'CAT1',
        cost: 3500,
        budgetLine: 'ค่าใช้จ่ายในการฝึกอบรม กองคลัง',
      },
    });

    for (const [approver, next] of [
      ['E009', 'E002'],
      ['E002', null],
    ] as const) {
      const chat = users[approver] as string;
      expect(last(chat)).toContain('คำขอไปอบรมของ นางสาวจิราพร สายทอง รอท่านพิจารณา');
      // "งานรออนุมัติ" lists it too, with the same buttons
      await sys.text(chat, 'งานรออนุมัติ');
      expect(textsOf(sys.botMessages(chat)).join('\n')).toContain('คำขอไปอบรมรอท่านอนุมัติ 1 เรื่อง');
      expect(last(chat)).toContain('คำขอไปอบรมของ นางสาวจิราพร สายทอง รอท่านพิจารณา');
      now = new Date(now.getTime() + 3600_000);
      await sys.tap(chat, 'อนุมัติ');
      expect(last(chat)).toContain('อนุมัติคำขอไปอบรมของ นางสาวจิราพร สายทอง แล้ว');
      expect((await request(sent?.id))?.currentApproverId).toBe(next);
    }
    const approved = await request(sent?.id);
    expect(approved?.status).toBe('approved');
    expect(last(staff)).toContain('ได้รับอนุมัติครบแล้ว');
    const trail = approved?.trail as Array<{ action: string; by: string; byName: string }>;
    expect(trail.map((s) => `${s.action}:${s.by}`)).toEqual([
      'requested:E010',
      'approved:E009',
      'approved:E002',
    ]);
    expect(trail[1]?.byName).toBe('นายผู้อำนวยการ กองคลัง');
    // the attendance: E010 is on the course with the request's return date
    const course = (await municipality(sys).collection('trainings').doc('CAT1').get()).data();
    expect(course?.attendees).toEqual(['E010']);
    expect(course?.requestReturns).toEqual({ E010: { requestId: sent?.id, returnDate: '2026-12-17' } });

    // the course ends on the 16th; the morning job on Thursday the 17th opens the report
    now = bangkokMorning('2026-12-17');
    const { bot } = await sys.start();
    await bot.runDailyJobs(now);
    const report = (await municipality(sys).collection('reports').doc('CAT1__E010').get()).data();
    expect(report).toMatchObject({ status: 'pending', returnDate: '2026-12-17', requestId: sent?.id });
    // 7 working days counted from the day after the 17th (no holiday in between in this test)
    expect(report?.dueDate).toBe('2026-12-28');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('กลับมาปฏิบัติงาน 17 ธันวาคม 2569');
    const opened = await request(sent?.id);
    expect(opened?.reportId).toBe('CAT1__E010');
    expect((opened?.trail as Array<{ action: string }> | undefined)?.at(-1)?.action).toBe('reportOpened');
  });

  it('refuses a course already requested and dates that overlap another request', async () => {
    const users = await setup();
    const staff = users.E010 as string;
    await requestCatalogueCourse(staff);
    await sys.text(staff, 'ขอไปอบรม');
    await sys.text(staff, '1');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain(
      'ท่านขอไปอบรมหลักสูตร "ระเบียบพัสดุฉบับใหม่" แล้ว (รออนุมัติ) ไม่ต้องขอซ้ำ',
    );
    // an external course on overlapping dates
    await sys.tap(staff, 'หลักสูตรภายนอก');
    await sys.text(staff, 'การบริหารความเสี่ยงทางการเงิน');
    await sys.text(staff, 'มหาวิทยาลัยขอนแก่น');
    await sys.text(staff, '15/12/2569');
    await sys.text(staff, '14/12/2569');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม');
    await sys.text(staff, '18/12/2569');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('ช่วงวันที่ทับกับ "ระเบียบพัสดุฉบับใหม่"');
    expect(last(staff)).toContain('วันเริ่มอบรม');
    await sys.text(staff, '21/12/2569');
    await sys.text(staff, '22/12/2569');
    await sys.text(staff, '12');
    await sys.text(staff, 'ขอนแก่น');
    await sys.tap(staff, 'วันสุดท้ายของการอบรม');
    await sys.text(staff, 'สามพันบาท');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('ค่าใช้จ่ายต้องเป็นตัวเลข (บาท)');
    await sys.text(staff, '0');
    await sys.text(staff, REASON);
    await sys.tap(staff, 'ส่งคำขอ');
    const all = await requests();
    expect(all).toHaveLength(2);
    const external = all.find((r) => (r.course as { source: string }).source === 'external');
    expect(external).toMatchObject({
      returnDate: '2026-12-22',
      course: { title: 'การบริหารความเสี่ยงทางการเงิน', cost: 0, place: 'ขอนแก่น', hours: 12 },
    });
  });

  it('refuses foreign and stale approve buttons; return and refuse reach the person with the comment', async () => {
    const users = await setup();
    const staff = users.E010 as string;
    const boss = users.E009 as string;
    const other = users.E011 as string;
    await requestCatalogueCourse(staff);
    const [sent] = await requests();
    const approve = findAction(sys.botMessages(boss), 'อนุมัติ');
    // someone else replays the director's button: refused, nothing changes
    await sys.postback(other, String(approve.data));
    expect(last(other)).toContain('ไม่ได้รอการพิจารณาจากท่าน');
    expect((await request(sent?.id))?.currentApproverId).toBe('E009');
    // the director approves; their old button pressed again is stale
    await sys.postback(boss, String(approve.data));
    await sys.postback(boss, String(approve.data));
    expect(last(boss)).toContain('ไม่ได้รอการพิจารณาจากท่าน');
    expect((await request(sent?.id))?.approvedBy).toEqual(['E009']);
    // ปลัด sends it back with a comment
    const palad = users.E002 as string;
    await sys.tap(palad, 'ส่งกลับแก้ไข');
    await sys.text(palad, 'ขอใบเสนอราคาค่าลงทะเบียนแนบด้วย');
    expect(last(staff)).toContain('ความเห็นของ นางสาวปลัด ทดสอบ: ขอใบเสนอราคาค่าลงทะเบียนแนบด้วย');
    const returned = await request(sent?.id);
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'ขอใบเสนอราคาค่าลงทะเบียนแนบด้วย' });
    // its approve button is stale now too
    await sys.tap(palad, 'ส่งกลับแก้ไข');
    expect(last(palad)).toContain('ไม่ได้รอการพิจารณา');
  });
});
