import { completeDeletionRequest, DataRequestError, openDataRequests } from '@phattana/bot';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { findAction, textsOf, useSystem } from '../support/system';

const sys = useSystem();
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const c = () => ({
  dataRequests: municipality().collection('dataRequests'),
  employees: municipality().collection('employees'),
  conversations: sys.fs.db.collection('conversations'),
});
const last = (user: string) => textsOf(sys.botMessages(user)).at(-1) ?? '';

describe('PDPA requests from chat', () => {
  it('shows a person what is held about them and logs the request with its 30-day deadline', async () => {
    const user = await sys.linkedUser({ employeeId: 'D001', name: 'นางทดสอบ ขอข้อมูล' });
    await sys.text(user, 'ข้อมูลของฉัน');
    expect(last(user)).toContain('• ชื่อ: นางทดสอบ ขอข้อมูล');
    expect(last(user)).toContain('• รหัสพนักงาน: D001');
    expect(last(user)).toContain('ยอมรับ ประกาศฉบับ 1 พ.ย. 2569');
    const open = await openDataRequests(c().dataRequests);
    const mine = open.filter((r) => r.employeeId === 'D001');
    expect(mine).toHaveLength(1);
    expect(mine[0]?.kind).toBe('access');
    const days = (Date.parse(mine[0]?.dueBy as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(28);
    expect(days).toBeLessThanOrEqual(31);
  });

  it('asks for confirmation, logs a deletion request, and HR completes it', async () => {
    const user = await sys.linkedUser({ employeeId: 'D002' });
    await sys.text(user, 'ขอลบข้อมูล');
    expect(last(user)).toContain('ขอลบข้อมูลส่วนบุคคลของท่าน');
    await sys.postback(user, findAction(sys.botMessages(user), 'ยืนยันขอลบข้อมูล').data as string);
    expect(last(user)).toContain('บันทึกคำขอลบข้อมูลแล้ว');
    const request = (await openDataRequests(c().dataRequests)).find(
      (r) => r.employeeId === 'D002' && r.kind === 'deletion',
    );
    expect(request).toBeDefined();

    await completeDeletionRequest(sys.fs.db, c(), {
      requestId: request?.id as string,
      by: 'hr:E004',
      now: new Date(),
    });
    expect((await c().conversations.doc(user).get()).exists).toBe(false);
    const employee = await c().employees.doc('D002').get();
    expect(employee.exists).toBe(true); // the staff record and its history stay
    expect(employee.get('lineUserId')).toBeUndefined();
    const done = await c()
      .dataRequests.doc(request?.id as string)
      .get();
    expect(done.get('status')).toBe('done');
    expect(done.get('lineUserId')).toBeUndefined();
    await expect(
      completeDeletionRequest(sys.fs.db, c(), {
        requestId: request?.id as string,
        by: 'hr:E004',
        now: new Date(),
      }),
    ).rejects.toBeInstanceOf(DataRequestError);

    // the person is a stranger again: the next message offers registration
    await sys.text(user, 'เมนู');
    expect(last(user)).toContain('ลงทะเบียน');
  });

  it('does not break a newer link when HR completes an old request', async () => {
    const oldPhone = await sys.linkedUser({ employeeId: 'D004' });
    await sys.text(oldPhone, 'ขอลบข้อมูล');
    await sys.postback(oldPhone, findAction(sys.botMessages(oldPhone), 'ยืนยันขอลบข้อมูล').data as string);
    const request = (await openDataRequests(c().dataRequests)).find((r) => r.employeeId === 'D004');
    // meanwhile HR relinked the staff record to a new phone
    await c().employees.doc('D004').set({ lineUserId: 'Unewphone000000000000000000000000' }, { merge: true });
    await completeDeletionRequest(sys.fs.db, c(), {
      requestId: request?.id as string,
      by: 'hr',
      now: new Date(),
    });
    expect((await c().employees.doc('D004').get()).get('lineUserId')).toBe(
      'Unewphone000000000000000000000000',
    );
    expect((await c().conversations.doc(oldPhone).get()).exists).toBe(false);
  });

  it('cancelling a deletion request logs nothing', async () => {
    const user = await sys.linkedUser({ employeeId: 'D003' });
    await sys.text(user, 'ขอลบข้อมูล');
    await sys.text(user, 'ยกเลิก');
    expect(last(user)).toContain('ยกเลิก "คำขอลบข้อมูล" แล้ว');
    const open = await openDataRequests(c().dataRequests);
    expect(open.filter((r) => r.employeeId === 'D003')).toEqual([]);
  });
});
