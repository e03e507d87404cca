import { beforeAll, expect, it } from 'vitest';
import { indexReportWrite, indexStaffWrite } from '../../bot/src/owing/owing-writes';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';
import { pickThaiDate } from '../support/thai-date-picker';

const liff = liffInBrowser('liff-hr-broadcast');
const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW, liffOrigins: liff.origins });
const MULTICAST = '/v2/bot/message/multicast';
/** The LINE user ids a recorded multicast went to. */
const recipientsOf = (call: { body: unknown } | undefined) =>
  (call?.body as { to?: string[] } | undefined)?.to ?? [];
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

/** A member of staff with one open report, linked to LINE unless told otherwise. */
async function latePerson(id: string, name: string, dueDate: string, o: { linked?: boolean } = {}) {
  const userId = o.linked === false ? undefined : await sys.linkedUser({ employeeId: id, name });
  // straight into Firestore, with the who-owes-what index's line as the product writes it
  const ref = municipality().collection('employees').doc(id);
  const staff = userId
    ? { divisionId: 'finance' }
    : { id, code: id, name, roles: ['staff'], active: true, divisionId: 'finance' };
  const batch = sys.fs.db.batch();
  batch.set(ref, staff, { merge: true });
  indexStaffWrite(batch, ref, staff);
  await batch.commit();
  // a training that ended well before the due date HR sees; returnDate keeps holiday edits working
  await seedReport(sys.fs.db, id, {
    trainingId: 'TRB',
    trainingTitle: 'การเขียนหนังสือราชการ',
    employeeName: name,
    divisionId: 'finance',
    endDate: '2026-11-27',
    returnDate: '2026-11-27',
    dueDate,
  });
  return userId;
}

// HR's late list in the LIFF app, end to end: the app logs in through the fake platform's LINE Login,
// previews a reminder, confirms it, follows the delivery; the fake LINE platform gets one multicast.
describeBrowser('LIFF: HR reminds the people who are late', () => {
  liff.use(sys);

  beforeAll(async () => {
    await municipality().set({ ...demoMunicipality, divisions: [{ id: 'finance', name: 'กองคลัง' }] });
  });

  it('opens the late list, previews the reminder, sends it and sees it delivered', async () => {
    const a = await latePerson('B001', 'นายหนึ่ง ล่าช้า', '2026-12-08');
    const b = await latePerson('B002', 'นางสอง ล่าช้า', '2026-12-14');
    await latePerson('B003', 'นายสาม ไม่มีไลน์', '2026-12-15', { linked: false });
    await latePerson('B004', 'นางสี่ ใกล้ครบ', '2026-12-17');
    const hr = await sys.linkedUser({ employeeId: 'BHR', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });

    await liff.page.goto(`${liff.url}/?sim_user=${hr}`);
    await liff.page.getByRole('link', { name: /ผู้ค้างส่งรายงาน/ }).click();
    await liff.page.getByRole('heading', { level: 1, name: 'ผู้ค้างส่งรายงาน' }).waitFor();
    await liff.page.getByRole('heading', { level: 2, name: 'เลยกำหนดส่ง (3 คน)' }).waitFor();
    const lateList = liff.page.getByRole('region', { name: 'เลยกำหนดส่ง (3 คน)' });
    expect(await lateList.getByText('เลย 5 วันทำการ').count()).toBe(1); // 10 Dec is a holiday
    expect(await lateList.getByText(/ส่ง LINE ไม่ได้: ยังไม่ได้ลงทะเบียน LINE/).count()).toBe(1);
    await liff.page
      .getByRole('heading', { level: 2, name: /ใกล้ครบกำหนด ภายใน 3 วันทำการ \(1 คน\)/ })
      .waitFor();

    expect(await liff.page.getByRole('radio', { name: 'เฉพาะผู้ที่เลยกำหนดส่ง' }).isChecked()).toBe(true);
    await liff.page.getByRole('button', { name: 'ดูตัวอย่างก่อนส่ง' }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'ตรวจสอบก่อนส่งแจ้งเตือน' }).waitFor();
    await liff.page.getByText('จะส่งถึง 2 คน (คนละ 1 ข้อความ)').waitFor();
    expect(await liff.page.getByText('ยังไม่ได้ลงทะเบียน LINE 1 คน').count()).toBe(1);
    expect(await liff.page.getByText(/เลยกำหนดส่งแล้ว กรุณาส่งโดยเร็วที่สุด/).count()).toBe(1);
    expect(sys.platform.requests({ path: MULTICAST })).toHaveLength(0);

    await liff.page.getByRole('button', { name: 'ยืนยันส่ง 2 คน' }).click();
    await liff.page.getByRole('status').getByText('ส่งครบแล้ว ส่งถึง 2 คน').waitFor({ timeout: 15_000 });
    const calls = sys.platform.requests({ path: MULTICAST });
    expect(calls.map((c) => c.status)).toEqual([200]);
    expect([...recipientsOf(calls[0])].sort()).toEqual([a, b].sort());
    expect(sys.botMessages(a as string)).toHaveLength(1);
    const stored = (await municipality().collection('broadcasts').get()).docs.map((d) => d.data());
    expect(stored).toMatchObject([{ status: 'sent', confirmedBy: { employeeId: 'BHR' }, deliveredCount: 2 }]);
    expect(liff.pageErrors).toEqual([]);
  });

  it('sends to people picked one by one, or cancels without sending', async () => {
    const hr = await sys.linkedUser({ employeeId: 'BHR2', roles: ['staff', 'hr'] });
    await latePerson('B010', 'นายสิบ เลือกไว้', '2026-12-11');
    const before = sys.platform.requests({ path: MULTICAST }).length;
    await liff.page.goto(`${liff.url}/hr/late?sim_user=${hr}`);
    await liff.page.getByRole('checkbox', { name: 'นายสิบ เลือกไว้' }).check();
    expect(await liff.page.getByRole('radio', { name: 'เฉพาะคนที่เลือกในรายชื่อ (1 คน)' }).isChecked()).toBe(true);
    await liff.page.getByRole('button', { name: 'ดูตัวอย่างก่อนส่ง' }).click();
    await liff.page.getByText('ผู้ค้างส่งที่เลือกไว้ 1 คน').waitFor();
    await liff.page.getByText('จะส่งถึง 1 คน (คนละ 1 ข้อความ)').waitFor();
    await liff.page.getByRole('button', { name: 'ยกเลิก' }).click();
    await liff.page.getByRole('status').getByText('ยกเลิกแล้ว ไม่มีการส่งข้อความ').waitFor();
    expect(sys.platform.requests({ path: MULTICAST })).toHaveLength(before);
  });

  it('manages settings, holidays, trainings and the staff list from their lazy pages', async () => {
    const hr = await sys.linkedUser({ employeeId: 'BHR3', name: 'นางสาวจัดการ ระบบ', roles: ['staff', 'hr'] });

    await liff.page.goto(`${liff.url}/hr/settings?sim_user=${hr}`);
    const target = liff.page.getByRole('spinbutton', { name: 'เป้าหมายชั่วโมงอบรมต่อคนต่อปี' });
    await target.fill('-1');
    await liff.page.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await liff.page
      .getByRole('alert')
      .getByText(/เป้าหมายชั่วโมงอบรมต่อปีต้องเป็นจำนวนเต็ม/)
      .first()
      .waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await target.fill('36');
    await liff.page.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await liff.page.getByRole('status').getByText('บันทึกการตั้งค่าแล้ว').waitFor();
    expect((await municipality().get()).get('yearlyHoursTarget')).toBe(36);
    await liff.page.getByText(/แก้ไขล่าสุดโดย นางสาวจัดการ ระบบ/).waitFor();

    await liff.page.goto(`${liff.url}/hr/holidays?sim_user=${hr}`);
    await pickThaiDate(liff.page, 'วันที่', '2026-12-18');
    await liff.page.getByLabel('ชื่อวันหยุด').fill('วันหยุดพิเศษ (มติ ครม.)');
    await liff.page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    await liff.page.getByRole('button', { name: 'ยืนยันเพิ่มวันหยุด' }).click();
    await liff.page
      .getByRole('status')
      .getByText(/เพิ่มวันหยุด .* แล้ว/)
      .waitFor();
    expect((await municipality().collection('holidays').doc('2026-12-18').get()).get('by')).toBe(
      'นางสาวจัดการ ระบบ (BHR3)',
    );

    await liff.page.goto(`${liff.url}/hr/trainings?sim_user=${hr}`);
    await liff.page.getByRole('button', { name: 'เพิ่มการอบรม' }).click();
    await liff.page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await liff.page
      .getByRole('alert')
      .getByText(/กรุณาระบุชื่อหลักสูตร/)
      .first()
      .waitFor();
    await liff.page.getByLabel('ชื่อหลักสูตร/การอบรม').fill('ความปลอดภัยไซเบอร์เบื้องต้น');
    await liff.page.getByLabel('หน่วยงานผู้จัด').fill('สำนักปลัดเทศบาล');
    await pickThaiDate(liff.page, 'วันเริ่มอบรม', '2027-01-12');
    await pickThaiDate(liff.page, 'วันสิ้นสุดการอบรม', '2027-01-12');
    await liff.page.getByRole('checkbox', { name: /นางสาวจัดการ ระบบ/ }).check();
    await liff.page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await liff.page.getByRole('status').getByText('บันทึก "ความปลอดภัยไซเบอร์เบื้องต้น" แล้ว').waitFor();
    const trainings = (await municipality().collection('trainings').get()).docs.map((d) => d.data());
    expect(trainings).toMatchObject([{ title: 'ความปลอดภัยไซเบอร์เบื้องต้น', attendees: ['BHR3'], hours: 6 }]);

    await liff.page.goto(`${liff.url}/hr/employees?sim_user=${hr}`);
    const csv = [
      'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร',
      'E901,นายนำเข้า ทดสอบ,กองคลัง,นิติกร,พนักงานเทศบาล',
      'E902,นางผิดกอง ทดสอบ,กองไม่มีจริง,นิติกร,พนักงานเทศบาล',
    ].join('\r\n');
    await liff.page.getByLabel('เลือกไฟล์ (.xlsx หรือ .csv)').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${csv}\r\n`, 'utf8'),
    });
    await liff.page.getByRole('button', { name: 'ตรวจสอบไฟล์ (ยังไม่บันทึก)' }).click();
    await liff.page.getByRole('heading', { name: 'ผลการตรวจสอบ (ยังไม่ได้บันทึก)' }).waitFor();
    expect(await liff.page.getByRole('cell', { name: 'E902' }).count()).toBe(1);
    expect((await municipality().collection('employees').doc('E901').get()).exists).toBe(false);
    await liff.page.getByRole('button', { name: 'นำเข้า 1 คน' }).click();
    await liff.page.getByRole('heading', { name: 'นำเข้าแล้ว' }).waitFor();
    expect((await municipality().collection('employees').doc('E901').get()).get('name')).toBe(
      'นายนำเข้า ทดสอบ',
    );
    // the staff list under the import shows who was just written; a division is filtered by the server
    const staffList = liff.page.getByRole('region', { name: 'รายชื่อพนักงานในระบบ' });
    await staffList.getByText('นายนำเข้า ทดสอบ').waitFor();
    const listed = liff.page.waitForResponse(
      (r) => new URL(r.url()).searchParams.get('division') === 'finance',
    );
    await staffList.getByLabel('กอง/สำนัก').selectOption({ label: 'กองคลัง' });
    expect((await listed).status()).toBe(200);
    const financeOnly = async () => {
      const rows = await staffList.getByRole('listitem').allTextContents();
      return (
        rows.length > 0 && rows.every((r) => r.includes(' · กองคลัง')) && rows.some((r) => r.includes('E901'))
      );
    };
    await expect.poll(financeOnly).toBe(true);
    // the division's total is what the server counted: everyone listed here (one page holds them)
    const rows = await staffList.getByRole('listitem').count();
    await staffList.getByText(`ทั้งหมด ${rows} คน`, { exact: true }).waitFor();
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);

  it('shows the late list a page at a time and loads the rest with ดูเพิ่ม', async () => {
    // 120 more people late, written with their index lines as the morning job would open their reports
    const batch = sys.fs.db.batch();
    for (let i = 0; i < 120; i++) {
      const id = `BP${String(i).padStart(3, '0')}`;
      const ref = municipality().collection('employees').doc(id);
      const staff = {
        id,
        code: id,
        name: `ผู้ค้างส่ง ลำดับ ${i + 1}`,
        roles: ['staff'],
        active: true,
        divisionId: 'finance',
      };
      batch.set(ref, staff);
      indexStaffWrite(batch, ref, staff);
      const report = {
        employeeId: id,
        employeeName: staff.name,
        trainingTitle: 'การเขียนหนังสือราชการ',
        dueDate: '2026-12-01',
        status: 'pending',
      };
      const reportRef = municipality().collection('reports').doc(`TRP__${id}`);
      batch.set(reportRef, { id: reportRef.id, trainingId: 'TRP', ...report });
      indexReportWrite(batch, reportRef, report);
    }
    await batch.commit();
    const hr = await sys.linkedUser({ employeeId: 'BHR4', roles: ['staff', 'hr'] });
    await liff.page.setViewportSize({ width: 360, height: 740 });
    await liff.page.goto(`${liff.url}/hr/late?sim_user=${hr}`);
    const heading = liff.page.getByRole('heading', { level: 2, name: /^เลยกำหนดส่ง \(/ });
    await heading.waitFor();
    const total = Number((await heading.textContent())?.match(/\(([\d,]+) คน\)/)?.[1]?.replace(',', ''));
    expect(total).toBeGreaterThanOrEqual(120);
    const lateList = liff.page.getByRole('region', { name: /^เลยกำหนดส่ง/ });
    expect(await lateList.getByRole('checkbox').count()).toBe(100);
    await lateList.getByText(/แสดงแล้ว 100 จาก \d+ คน/).waitFor();
    await lateList.getByRole('button', { name: 'ดูเพิ่ม' }).click();
    await expect.poll(() => lateList.getByRole('checkbox').count()).toBe(total);
    expect(await lateList.getByRole('button', { name: 'ดูเพิ่ม' }).count()).toBe(0);
    // the page fits a 360 px phone: nothing wider than the screen
    const width = await liff.page.locator('html').evaluate((e) => (e as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);

  it('tells a member of staff in Thai that the page is for HR', async () => {
    const staff = await sys.linkedUser({ employeeId: 'BST', roles: ['staff'] });
    await liff.page.goto(`${liff.url}/hr/late?sim_user=${staff}`);
    await liff.page
      .getByRole('alert')
      .getByText(/บัญชีของท่านไม่มีสิทธิ์นี้/)
      .waitFor();
  });
});
