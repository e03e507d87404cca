import { birthDateHash, issueInvite, unlinkEmployee } from '@phattana/bot';
import { describe, expect, it } from 'vitest';
import { DEV_BIRTH_DATE_PEPPER } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { findAction, textsOf, useSystem } from '../support/system';

const sys = useSystem({ richMenus: true });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const collections = () => ({
  employees: municipality().collection('employees'),
  invites: municipality().collection('invites'),
  conversations: sys.fs.db.collection('conversations'),
});

async function seedEmployee(id: string, o: { birthDate?: string; active?: boolean; roles?: string[] } = {}) {
  await collections()
    .employees.doc(id)
    .set({
      id,
      code: id,
      name: `นายทดสอบ ${id}`,
      roles: o.roles ?? ['staff'],
      active: o.active ?? true,
      ...(o.birthDate ? { birthDateHash: birthDateHash(DEV_BIRTH_DATE_PEPPER, id, o.birthDate) } : {}),
    });
}

const last = (user: string) => textsOf(sys.botMessages(user)).at(-1) ?? '';
const all = (user: string) => textsOf(sys.botMessages(user)).join('\n');
const tap = async (user: string, label: string) => {
  const a = findAction(sys.botMessages(user), label);
  return sys.postback(user, a.data as string);
};

/** follow, read the notice, accept, choose a method */
async function consentAndChoose(user: string, method: 'ใช้รหัสเชิญ' | 'ใช้รหัสพนักงาน') {
  await sys.follow(user);
  expect(all(user)).toContain('ประกาศความเป็นส่วนตัว');
  await tap(user, 'ยอมรับ');
  await tap(user, method);
}

describe('linking a LINE account to a staff record', () => {
  it('shows the privacy notice, records consent, and links with an HR invite code', async () => {
    await sys.start();
    await seedEmployee('L001');
    const { code } = await issueInvite(sys.fs.db, collections(), {
      employeeId: 'L001',
      now: new Date(),
      issuedBy: 'hr',
    });
    const user = sys.newUserId();
    await consentAndChoose(user, 'ใช้รหัสเชิญ');
    // the notice's version is a date, shown as people read dates (Buddhist era)
    expect(all(user)).toContain('(ฉบับ 1 พ.ย. 2569)');
    expect(all(user)).not.toContain('2026-11-01');
    const conv = await collections().conversations.doc(user).get();
    expect(conv.get('consent')).toMatchObject({
      decision: 'granted',
      version: '2026-11-01',
      channel: 'line',
    });

    await sys.text(user, 'ABCD-EFGH');
    expect(last(user)).toContain('พิมพ์รหัสเชิญ');
    expect(all(user)).toContain('ไม่พบรหัสเชิญนี้');
    await sys.text(user, `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`); // as people type it
    expect(all(user)).toContain('ลงทะเบียนสำเร็จ');
    expect(all(user)).toContain('สวัสดีค่ะ นายทดสอบ L001');

    const employee = await collections().employees.doc('L001').get();
    expect(employee.get('lineUserId')).toBe(user);
    expect((await collections().invites.doc(code).get()).get('usedBy')).toBe(user);
    expect((await collections().conversations.doc(user).get()).get('person')).toEqual({
      employeeId: 'L001',
      name: 'นายทดสอบ L001',
      roles: ['staff'],
    });
    // and see their role's rich menu
    await expect
      .poll(() => sys.platform.richMenuOf(user)?.menu)
      .toMatchObject({ name: expect.stringMatching(/^phattana:staff:/) });
    // linked people can now use the flows that need them
    await sys.text(user, 'แจ้งอบรมภายนอก');
    expect(last(user)).toContain('(1/6)');
  });

  it('refuses a used, an expired and a revoked code with a clear reason', async () => {
    await sys.start();
    await seedEmployee('L002');
    await seedEmployee('L003');
    const used = await issueInvite(sys.fs.db, collections(), {
      employeeId: 'L002',
      now: new Date(),
      issuedBy: 'hr',
    });
    const first = sys.newUserId();
    await consentAndChoose(first, 'ใช้รหัสเชิญ');
    await sys.text(first, used.code);
    const second = sys.newUserId();
    await consentAndChoose(second, 'ใช้รหัสเชิญ');
    await sys.text(second, used.code);
    expect(all(second)).toContain('รหัสเชิญนี้ถูกใช้ไปแล้ว');

    await collections()
      .invites.doc('EXPRD234')
      .set({ employeeId: 'L003', expiresAt: '2020-01-01', usedBy: null, revoked: false });
    await sys.text(second, 'EXPR-D234');
    expect(all(second)).toContain('รหัสเชิญนี้หมดอายุแล้ว');

    const old = await issueInvite(sys.fs.db, collections(), {
      employeeId: 'L003',
      now: new Date(),
      issuedBy: 'hr',
    });
    await issueInvite(sys.fs.db, collections(), { employeeId: 'L003', now: new Date(), issuedBy: 'hr' });
    await sys.text(second, old.code);
    expect(all(second)).toContain('รหัสเชิญนี้ถูกยกเลิกแล้ว');
    expect((await collections().employees.doc('L003').get()).get('lineUserId')).toBeUndefined();
  });

  it('links with employee code and birth date, and limits wrong attempts', async () => {
    await sys.start();
    await seedEmployee('L004', { birthDate: '1987-03-05' });
    const user = sys.newUserId();
    await consentAndChoose(user, 'ใช้รหัสพนักงาน');
    for (let i = 1; i <= 4; i++) {
      await sys.text(user, 'L004');
      await sys.text(user, `${i}/3/2530`);
      expect(all(user)).toContain(`ไม่ตรงกับข้อมูลของฝ่ายบุคคล (ครั้งที่ ${i}/5)`);
    }
    await sys.text(user, 'L004');
    await sys.text(user, '9/9/2530');
    expect(last(user)).toContain('ลองผิดครบ 5 ครั้ง');
    // even the right answer waits until the lock ends
    await sys.text(user, 'L004');
    expect(last(user)).toContain('กรุณารออีก');
    // and neither cancelling nor starting over resets the count
    await sys.text(user, 'ยกเลิก');
    await sys.text(user, 'ลงทะเบียน');
    expect(last(user)).toContain('กรุณารออีก');
    await tap(user, 'ใช้รหัสพนักงาน').catch(() => undefined);
    await sys.text(user, 'L004');
    await sys.text(user, '5/3/2530');
    expect(all(user)).not.toContain('ลงทะเบียนสำเร็จ');
    expect((await collections().employees.doc('L004').get()).get('lineUserId')).toBeUndefined();

    const other = sys.newUserId();
    await consentAndChoose(other, 'ใช้รหัสพนักงาน');
    await sys.text(other, 'l004');
    await sys.text(other, '5/3/2530');
    expect(all(other)).toContain('ลงทะเบียนสำเร็จ');
    const stored = JSON.stringify((await collections().employees.doc('L004').get()).data());
    expect(stored).not.toContain('1987-03-05');
  });

  it('answers codes no staff record can have (".", "..", "__X__") in Thai, never with a 500', async () => {
    await sys.start();
    const user = sys.newUserId();
    await consentAndChoose(user, 'ใช้รหัสพนักงาน');
    for (const code of ['.', '..', '__X__', '__.__', 'a/b']) {
      const typed = await sys.text(user, code);
      expect(typed.status).toBe(200);
      expect(all(user)).toContain('รหัสพนักงานไม่ถูกต้อง');
      const dated = await sys.text(user, '5/3/2530');
      expect(dated.status).toBe(200);
    }
    expect(last(user)).not.toContain('ระบบขัดข้อง');
  });

  it('gives HR the HR menu with its tabs once linked', async () => {
    await sys.start();
    await seedEmployee('L010', { roles: ['staff', 'hr'] });
    const { code } = await issueInvite(sys.fs.db, collections(), {
      employeeId: 'L010',
      now: new Date(),
      issuedBy: 'hr',
    });
    const user = sys.newUserId();
    await consentAndChoose(user, 'ใช้รหัสเชิญ');
    await sys.text(user, code);
    await expect
      .poll(() => sys.platform.richMenuOf(user)?.menu)
      .toMatchObject({ name: expect.stringMatching(/^phattana:hr-general:/) });
    // tapping a tab sends a postback LINE handles itself: the bot stays quiet
    const before = sys.botMessages(user).length;
    await sys.postback(user, 'richmenu-switch:phattana-hr-admin', {
      newRichMenuAliasId: 'phattana-hr-admin',
      status: 'SUCCESS',
    });
    expect(sys.botMessages(user).length).toBe(before);
  });

  it('never links one staff record to two LINE accounts', async () => {
    await sys.start();
    await seedEmployee('L005', { birthDate: '1990-01-01' });
    const a = sys.newUserId();
    await consentAndChoose(a, 'ใช้รหัสพนักงาน');
    await sys.text(a, 'L005');
    await sys.text(a, '1/1/2533');
    const b = sys.newUserId();
    await consentAndChoose(b, 'ใช้รหัสพนักงาน');
    await sys.text(b, 'L005');
    await sys.text(b, '1/1/2533');
    expect(all(b)).toContain('เชื่อมกับบัญชี LINE อื่นอยู่แล้ว');
    expect((await collections().employees.doc('L005').get()).get('lineUserId')).toBe(a);
  });

  it('respects a refusal: nothing is linked and features that need a person ask to register', async () => {
    const user = sys.newUserId();
    await sys.follow(user);
    await tap(user, 'ไม่ยอมรับ');
    expect(last(user)).toContain('จะไม่เชื่อมบัญชี');
    expect((await collections().conversations.doc(user).get()).get('consent')).toMatchObject({
      decision: 'declined',
    });
    await sys.text(user, 'แจ้งอบรมภายนอก');
    expect(all(user)).toContain('กรุณาลงทะเบียนเชื่อมบัญชีกับข้อมูลพนักงานก่อน');
    expect(all(user).split('ประกาศความเป็นส่วนตัว').length).toBe(3); // asked again, not assumed
  });

  it('marks the link inactive on unfollow and lets HR unlink', async () => {
    const user = await sys.linkedUser({ employeeId: 'L006' });
    await sys.unfollow(user);
    expect((await collections().employees.doc('L006').get()).get('lineFollowing')).toBe(false);
    await sys.follow(user);
    expect(last(user)).toContain('ยินดีต้อนรับกลับ');

    await unlinkEmployee(sys.fs.db, collections(), { employeeId: 'L006', now: new Date(), by: 'hr' });
    expect((await collections().employees.doc('L006').get()).get('lineUserId')).toBeUndefined();
    await sys.text(user, 'เมนู');
    expect(last(user)).toContain('ลงทะเบียน');
  });
});
