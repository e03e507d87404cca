import { issueInvite } from '@phattana/bot';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { seedReport } from '../support/report-docs';
import { findAction, textsOf, useSystem } from '../support/system';

// A supervisor who links LINE after reports were sent to them (the approval push was skipped: "not
// linked") is told in the link turn's reply what waits, with the approval cards; "งานรออนุมัติ" lists
// what waits for their sign-off at any time, oldest first, each with its buttons.
const sys = useSystem();
const m = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const all = (user: string) => textsOf(sys.botMessages(user)).join('\n');

const ANSWERS = {
  learned: 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด',
  application: 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ',
  sharing: 'staffMeeting',
  problems: '-',
  rating: 5,
} as const;

/** reached the supervisor `days` ago */
const sentTo = (
  supervisorId: string,
  employeeId: string,
  employeeName: string,
  title: string,
  days: number,
) =>
  seedReport(sys.fs.db, employeeId, {
    employeeName,
    trainingTitle: title,
    status: 'submitted',
    answers: ANSWERS,
    approvers: [supervisorId],
    currentApproverId: supervisorId,
    firstSubmittedAt: daysAgo(days),
    submittedAt: daysAgo(days),
    history: [
      { action: 'opened', by: 'system', at: daysAgo(days + 2) },
      { action: 'submitted', by: employeeId, at: daysAgo(days) },
    ],
  });

async function supervisorWithWork(id: string) {
  await m()
    .collection('employees')
    .doc(id)
    .set({
      id,
      code: id,
      name: 'นางสมศรี หัวหน้ากอง',
      roles: ['supervisor'],
      active: true,
    });
  const older = await sentTo(id, `${id}-A`, 'นายเอก ทดสอบ', 'การจัดซื้อจัดจ้างภาครัฐ', 5);
  const newer = await sentTo(id, `${id}-B`, 'นางสาวบี ทดสอบ', 'การเขียนหนังสือราชการ', 1);
  await m()
    .collection('idps')
    .doc(`${id}-C__2570`)
    .set({
      id: `${id}-C__2570`,
      employeeId: `${id}-C`,
      employeeName: 'นายซี ทดสอบ',
      fiscalYear: 2570,
      status: 'submitted',
      version: 2,
      goals: [],
      supervisorId: id,
      submittedAt: daysAgo(2),
      history: [],
    });
  return { older, newer };
}

async function linkWithInvite(employeeId: string): Promise<string> {
  const { code } = await issueInvite(
    sys.fs.db,
    { employees: m().collection('employees'), invites: m().collection('invites') },
    { employeeId, now: new Date(), issuedBy: 'hr' },
  );
  const user = sys.newUserId();
  await sys.follow(user);
  await sys.tap(user, 'ยอมรับ');
  await sys.tap(user, 'ใช้รหัสเชิญ');
  await sys.text(user, code);
  return user;
}

describe('งานรออนุมัติ and what waits when a person links', () => {
  it('a supervisor who links after reports were sent to them gets the list and the approval cards in the link reply', async () => {
    await sys.start();
    const { older, newer } = await supervisorWithWork('W100');
    const user = await linkWithInvite('W100');

    const said = all(user);
    expect(said).toContain('ลงทะเบียนสำเร็จ');
    expect(said).toContain('ระหว่างที่ยังไม่ได้ลงทะเบียน มีงานรอท่านอยู่');
    expect(said).toContain('รายงานผลการอบรมรอท่านอนุมัติ 2 ฉบับ');
    // oldest first
    expect(said.indexOf('1. นายเอก ทดสอบ: การจัดซื้อจัดจ้างภาครัฐ')).toBeGreaterThan(-1);
    expect(said.indexOf('2. นางสาวบี ทดสอบ')).toBeGreaterThan(said.indexOf('1. นายเอก'));
    expect(said).toContain('แผนพัฒนารายบุคคลรอท่านเห็นชอบ 1 แผน');
    // all of it in the reply (free), none pushed
    const link = sys.platform
      .messagesFor(user)
      .filter((d) => JSON.stringify(d.message).includes('รอท่านพิจารณา'));
    expect(link.length).toBeGreaterThanOrEqual(2);
    expect(new Set(link.map((d) => d.via))).toEqual(new Set(['reply']));

    // the first card's อนุมัติ approves the oldest report
    await sys.tap(user, 'อนุมัติ');
    const approvedOne = (await m().collection('reports').doc(older.id).get()).get('status');
    const approvedOther = (await m().collection('reports').doc(newer.id).get()).get('status');
    expect([approvedOne, approvedOther].sort()).toEqual(['approved', 'submitted']);
  });

  it('lists what waits for sign-off, oldest first, with buttons; the next time without what was decided', async () => {
    await sys.start();
    const { older } = await supervisorWithWork('W200');
    const user = await sys.linkedUser({
      employeeId: 'W200',
      name: 'นางสมศรี หัวหน้ากอง',
      roles: ['supervisor'],
    });

    await sys.text(user, 'งานรออนุมัติ');
    const first = textsOf(sys.botMessages(user)).join('\n');
    expect(first).toMatch(/1\. นายเอก ทดสอบ: การจัดซื้อจัดจ้างภาครัฐ \(ส่งมาเมื่อ .* \(รอ 5 วัน\)\)/);
    expect(first).toContain('2. นางสาวบี ทดสอบ');
    expect(first).toContain('3. นายซี ทดสอบ: ปีงบประมาณ พ.ศ. 2570');
    expect(findAction(sys.botMessages(user), 'ส่งกลับแก้ไข').type).toBe('postback');
    expect(findAction(sys.botMessages(user), 'ดูรายงานฉบับเต็ม').type).toBe('postback');

    // the oldest report's card
    const card = sys
      .botMessages(user)
      .filter((x) => x.type === 'flex' && JSON.stringify(x).includes('การจัดซื้อจัดจ้างภาครัฐ'));
    await sys.postback(user, String(findAction(card, 'อนุมัติ').data));
    await sys.text(user, 'งานรออนุมัติ');
    const list = textsOf(sys.botMessages(user)).filter((t) => t.startsWith('รายงานผลการอบรมรอท่านอนุมัติ'));
    expect(list.at(-1)).toContain('รายงานผลการอบรมรอท่านอนุมัติ 1 ฉบับ');
    expect(list.at(-1)).not.toContain('การจัดซื้อจัดจ้างภาครัฐ');
    expect((await m().collection('reports').doc(older.id).get()).get('status')).toBe('approved');
  });

  it('says plainly when nothing waits, and names the list in the menu help', async () => {
    await sys.start();
    const user = await sys.linkedUser({ employeeId: 'W300', roles: ['supervisor'] });
    await sys.text(user, 'งานรออนุมัติ');
    expect(textsOf(sys.botMessages(user)).at(-1)).toBe('ตอนนี้ไม่มีรายงานหรือแผนพัฒนารอท่านพิจารณา 🙏');
    await sys.text(user, 'เมนู');
    expect(textsOf(sys.botMessages(user)).at(-1)).toContain('งานรออนุมัติ: รายงานและแผนพัฒนาที่รอท่านพิจารณา');
  });

  it('a person with nothing waiting links as before, with nothing added', async () => {
    await sys.start();
    await m()
      .collection('employees')
      .doc('W400')
      .set({ id: 'W400', code: 'W400', name: 'นายว่าง งาน', roles: ['staff'], active: true });
    const user = await linkWithInvite('W400');
    expect(all(user)).toContain('ลงทะเบียนสำเร็จ');
    expect(all(user)).not.toContain('มีงานรอท่านอยู่');
  });
});
