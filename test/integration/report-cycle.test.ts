import { describe, expect, it } from 'vitest';
import { jpegImage } from '../support/images';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The heart of the product end to end, through signed webhooks, the real Firestore emulator and the
// fake LINE platform: a training ends, the attendee is told, files the report in chat with a photo, the
// chain (director → ปลัด → mayor) approves from their own chats, and the hours reach the ledger.

let now = bangkokMorning('2026-12-04');
const sys = useSystem({ clock: () => now });

const LEARNED = 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด';
const APPLIED = 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ';
const JPEG = jpegImage();

async function training(id: string, attendees: string[]) {
  await municipality(sys).collection('trainings').doc(id).set({
    title: 'การเขียนหนังสือราชการ',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'training',
    curriculum: 'duties',
    startDate: '2026-12-01',
    endDate: '2026-12-03',
    hours: 18,
    attendees,
  });
}

async function fileReport(user: string) {
  await sys.tap(user, 'เขียนรายงาน');
  await sys.tap(user, 'ใช่');
  await sys.text(user, LEARNED);
  await sys.text(user, APPLIED);
  await sys.tap(user, 'เล่าในประชุมประจำเดือน');
  await sys.tap(user, 'ไม่มี');
  await sys.tap(user, '5 มากที่สุด');
}

describe('post-training report cycle', () => {
  it('goes from the end of a training to approved hours in the ledger', async () => {
    const users = await seedChain(sys);
    const staff = users.R010 as string;
    await training('TC1', ['R010']);
    const { bot } = await sys.start();
    await bot.runDailyJobs(now);
    expect(textsOf(sys.botMessages(staff))).toEqual([expect.stringContaining('ภายใน 16 ธันวาคม 2569')]);

    await fileReport(staff);
    const { messageId } = await sys.image(staff, JPEG);
    expect(textsOf(sys.botMessages(staff)).at(-1)).toContain('แนบแล้ว 1/5 รูป');
    await sys.tap(staff, 'เสร็จแล้ว');
    const m = municipality(sys);
    const draft = (await m.collection('reports').doc('TC1__R010').get()).data();
    expect(draft?.answers).toMatchObject({
      learned: LEARNED,
      application: APPLIED,
      sharing: 'staffMeeting',
      problems: '-',
      rating: 5,
    });
    expect(draft?.photos).toEqual([expect.objectContaining({ messageId })]);

    await sys.tap(staff, 'ส่งรายงาน');
    expect(textsOf(sys.botMessages(staff)).at(-1)).toContain('ผู้อำนวยการกองคลัง ทดสอบ');
    const submitted = (await m.collection('reports').doc('TC1__R010').get()).data();
    expect(submitted).toMatchObject({
      status: 'submitted',
      approvers: ['R009', 'R002', 'R001'],
      currentApproverId: 'R009',
    });

    // each approver gets the report in their own chat and signs from there
    for (const [approver, next] of [
      ['R009', 'R002'],
      ['R002', 'R001'],
      ['R001', null],
    ] as const) {
      const chat = users[approver] as string;
      expect(textsOf(sys.botMessages(chat)).at(-1)).toContain('นางสาวจิราพร ทดสอบ รอท่านพิจารณา');
      now = new Date(now.getTime() + 3600_000);
      await sys.tap(chat, 'อนุมัติ');
      expect(textsOf(sys.botMessages(chat)).at(-1)).toContain('อนุมัติรายงานของ นางสาวจิราพร ทดสอบ แล้ว');
      const r = (await m.collection('reports').doc('TC1__R010').get()).data();
      expect(r?.currentApproverId).toBe(next);
      // only the last approval publishes it to the knowledge library
      expect((await m.collection('library').doc('TC1__R010').get()).exists).toBe(next === null);
    }
    const approved = (await m.collection('reports').doc('TC1__R010').get()).data();
    expect(approved?.status).toBe('approved');
    expect(approved?.history.map((h: { action: string; by: string }) => `${h.action}:${h.by}`)).toEqual([
      'opened:system',
      'submitted:R010',
      'approved:R009',
      'approved:R002',
      'approved:R001',
    ]);
    expect(textsOf(sys.botMessages(staff)).at(-1)).toContain('ได้รับการอนุมัติครบแล้ว');

    // the hours count once, in FY2570 (Oct 2026 – Sep 2027), by method and curriculum
    const totals = (await m.collection('hoursTotals').doc('R010__2570').get()).data();
    expect(totals).toMatchObject({
      hours: 18,
      trainings: 1,
      eLearningCourses: 0,
      byMethod: { training: 18 },
      byCurriculum: { duties: 18 },
    });
    expect((await m.collection('hoursLedger').doc('TC1__R010').get()).get('source')).toBe('approvedReport');
    // signed in chat, published with the same write: colleagues read it in the library
    expect((await m.collection('library').doc('TC1__R010').get()).data()).toMatchObject({
      visibility: 'published',
      employeeId: 'R010',
      approvedAt: approved?.approvedAt,
      readCount: 0,
    });

    // a stale approve button tapped again changes nothing
    await sys.tap(users.R001 as string, 'อนุมัติ');
    expect(textsOf(sys.botMessages(users.R001 as string)).at(-1)).toContain('อนุมัติครบแล้ว');
    expect((await m.collection('hoursTotals').doc('R010__2570').get()).get('hours')).toBe(18);
  });

  it('lets the supervisor return it with a comment and the person resubmit; others cannot approve', async () => {
    const users = await seedChain(sys);
    const staff = users.R011 as string;
    await training('TC2', ['R011']);
    const { bot } = await sys.start();
    await bot.runDailyJobs(now);
    await fileReport(staff);
    await sys.tap(staff, 'ข้าม');
    await sys.tap(staff, 'ส่งรายงาน');

    // the ปลัด is next in the chain, not now: refused
    const director = users.R009 as string;
    const palad = users.R002 as string;
    const m = municipality(sys);
    await sys.postback(palad, findApprove(sys.botMessages(director)));
    expect(textsOf(sys.botMessages(palad)).at(-1)).toContain('ไม่ได้รอการอนุมัติจากท่าน');
    expect((await m.collection('reports').doc('TC2__R011').get()).get('currentApproverId')).toBe('R009');

    await sys.tap(director, 'ส่งกลับแก้ไข');
    await sys.text(director, 'กรุณาเพิ่มตัวอย่างการนำไปใช้ในงานจริง');
    const returned = (await m.collection('reports').doc('TC2__R011').get()).data();
    expect(returned).toMatchObject({ status: 'returned', returnComment: 'กรุณาเพิ่มตัวอย่างการนำไปใช้ในงานจริง' });
    expect(textsOf(sys.botMessages(staff)).at(-1)).toContain('กรุณาเพิ่มตัวอย่างการนำไปใช้ในงานจริง');

    await sys.tap(staff, 'แก้ไขรายงาน');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('กรุณาเพิ่มตัวอย่างการนำไปใช้ในงานจริง');
    await sys.tap(staff, 'ส่งรายงาน');
    const again = (await m.collection('reports').doc('TC2__R011').get()).data();
    expect(again).toMatchObject({ status: 'submitted', currentApproverId: 'R009' });
    expect(textsOf(sys.botMessages(director)).at(-1)).toContain('รอท่านพิจารณา');

    // the director records how work compares before and after the training
    await sys.tap(director, 'บันทึกผลก่อน/หลัง');
    await sys.text(director, 'หนังสือออกมีข้อผิดพลาดบ่อย ต้องแก้หลายรอบ');
    await sys.text(director, 'หนังสือถูกต้องตามแบบตั้งแต่ครั้งแรก');
    const noted = (await m.collection('reports').doc('TC2__R011').get()).data();
    expect(noted?.performanceNotes).toEqual([
      expect.objectContaining({
        by: 'R009',
        before: 'หนังสือออกมีข้อผิดพลาดบ่อย ต้องแก้หลายรอบ',
        after: 'หนังสือถูกต้องตามแบบตั้งแต่ครั้งแรก',
      }),
    ]);
  });

  it("keeps the supervisor's notice of a report sent at 22:00 until 08:00, then pushes it once", async () => {
    const users = await seedChain(sys);
    const staff = users.R004 as string;
    const director = users.R002 as string;
    await training('TC3', ['R004']);
    const { bot } = await sys.start();
    await bot.runDailyJobs(now);
    await fileReport(staff);
    await sys.tap(staff, 'ข้าม');
    const before = sys.botMessages(director).length;
    const answered = sys.botMessages(staff).length;
    now = new Date('2026-12-04T22:00:00+07:00');
    await sys.tap(staff, 'ส่งรายงาน');
    // the person who wrote is answered at once; the supervisor's phone stays quiet
    expect(sys.botMessages(staff).length).toBeGreaterThan(answered);
    expect(sys.botMessages(director)).toHaveLength(before);
    const held = await municipality(sys).collection('heldNotices').where('status', '==', 'held').get();
    expect(held.docs.map((d) => d.get('releaseAt').toDate().toISOString())).toEqual([
      '2026-12-05T01:00:00.000Z',
    ]);
    // what it says is deleted by Firestore's TTL a month on
    expect(held.docs[0]?.get('expireAt').toDate().toISOString()).toBe('2027-01-03T15:00:00.000Z');

    // still night: nothing goes
    expect((await bot.releaseDeferred(new Date('2026-12-05T07:59:00+07:00'))).notices).toBe(0);
    expect(sys.botMessages(director)).toHaveLength(before);
    // the opening hour: pushed, once however often the release runs
    now = new Date('2026-12-05T08:00:00+07:00');
    expect((await bot.releaseDeferred(now)).notices).toBe(1);
    expect((await bot.releaseDeferred(now)).notices).toBe(0);
    expect(textsOf(sys.botMessages(director)).slice(before)).toEqual([
      expect.stringContaining('รอท่านพิจารณา'),
    ]);
    await sys.tap(director, 'อนุมัติ');
    expect(
      (await municipality(sys).collection('reports').doc('TC3__R004').get()).get('currentApproverId'),
    ).toBe('R001');
  });
});

/** The signed data of the "อนุมัติ" button in the last card, as someone else might replay it. */
function findApprove(messages: Array<Record<string, unknown>>): string {
  const json = JSON.stringify(messages.at(-1));
  const m = /"label":"อนุมัติ","data":"([^"]+)"/.exec(json) ?? /"data":"([^"]+)"[^}]*"label":"อนุมัติ"/.exec(json);
  if (!m?.[1]) throw new Error('no approve button');
  return m[1];
}
