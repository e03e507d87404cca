import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { buildLiffAgainstBot } from '../support/liff-against-bot';
import { seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

let liff: StaticServer | undefined;
const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW, liffOrigins: () => (liff ? [liff.url] : []) });
const MULTICAST = '/v2/bot/message/multicast';
/** The LINE user ids a recorded multicast went to. */
const recipientsOf = (call: { body: unknown } | undefined) =>
  (call?.body as { to?: string[] } | undefined)?.to ?? [];
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

/** A member of staff with one open report, linked to LINE unless told otherwise. */
async function latePerson(id: string, name: string, dueDate: string, o: { linked?: boolean } = {}) {
  const userId = o.linked === false ? undefined : await sys.linkedUser({ employeeId: id, name });
  if (!userId)
    await municipality()
      .collection('employees')
      .doc(id)
      .set({ id, code: id, name, roles: ['staff'], active: true });
  await municipality().collection('employees').doc(id).update({ divisionId: 'finance' });
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
  let outDir = '';
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-hr-broadcast');
    liff = await serveStatic(outDir); // its origin must be known before the API starts (CORS)
    const { platform, bot } = await sys.start();
    await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await municipality().set({ ...demoMunicipality, divisions: [{ id: 'finance', name: 'กองคลัง' }] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await liff?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('opens the late list, previews the reminder, sends it and sees it delivered', async () => {
    const a = await latePerson('B001', 'นายหนึ่ง ล่าช้า', '2026-12-08');
    const b = await latePerson('B002', 'นางสอง ล่าช้า', '2026-12-14');
    await latePerson('B003', 'นายสาม ไม่มีไลน์', '2026-12-15', { linked: false });
    await latePerson('B004', 'นางสี่ ใกล้ครบ', '2026-12-17');
    const hr = await sys.linkedUser({ employeeId: 'BHR', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });

    await page.goto(`${liff?.url}/?sim_user=${hr}`);
    await page.getByRole('link', { name: /ผู้ค้างส่งรายงาน/ }).click();
    await page.getByRole('heading', { level: 1, name: 'ผู้ค้างส่งรายงาน' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'เลยกำหนดส่ง (3 คน)' }).waitFor();
    const lateList = page.getByRole('region', { name: 'เลยกำหนดส่ง (3 คน)' });
    expect(await lateList.getByText('เลย 5 วันทำการ').count()).toBe(1); // 10 Dec is a holiday
    expect(await lateList.getByText(/ส่ง LINE ไม่ได้: ยังไม่ได้ลงทะเบียน LINE/).count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: /ใกล้ครบกำหนด ภายใน 3 วันทำการ \(1 คน\)/ }).waitFor();

    expect(await page.getByRole('radio', { name: 'เฉพาะผู้ที่เลยกำหนดส่ง' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'ดูตัวอย่างก่อนส่ง' }).click();
    await page.getByRole('heading', { level: 2, name: 'ตรวจสอบก่อนส่งแจ้งเตือน' }).waitFor();
    await page.getByText('จะส่งถึง 2 คน (คนละ 1 ข้อความ)').waitFor();
    expect(await page.getByText('ยังไม่ได้ลงทะเบียน LINE 1 คน').count()).toBe(1);
    expect(await page.getByText(/เลยกำหนดส่งแล้ว กรุณาส่งภายใน 7 วันทำการ/).count()).toBe(1);
    expect(sys.platform.requests({ path: MULTICAST })).toHaveLength(0);

    await page.getByRole('button', { name: 'ยืนยันส่ง 2 คน' }).click();
    await page.getByRole('status').getByText('ส่งครบแล้ว ส่งถึง 2 คน').waitFor({ timeout: 15_000 });
    const calls = sys.platform.requests({ path: MULTICAST });
    expect(calls.map((c) => c.status)).toEqual([200]);
    expect([...recipientsOf(calls[0])].sort()).toEqual([a, b].sort());
    expect(sys.botMessages(a as string)).toHaveLength(1);
    const stored = (await municipality().collection('broadcasts').get()).docs.map((d) => d.data());
    expect(stored).toMatchObject([{ status: 'sent', confirmedBy: { employeeId: 'BHR' }, deliveredCount: 2 }]);
    expect(pageErrors).toEqual([]);
  });

  it('sends to people picked one by one, or cancels without sending', async () => {
    const hr = await sys.linkedUser({ employeeId: 'BHR2', roles: ['staff', 'hr'] });
    await latePerson('B010', 'นายสิบ เลือกไว้', '2026-12-11');
    const before = sys.platform.requests({ path: MULTICAST }).length;
    await page.goto(`${liff?.url}/hr/late?sim_user=${hr}`);
    await page.getByRole('checkbox', { name: 'นายสิบ เลือกไว้' }).check();
    expect(await page.getByRole('radio', { name: 'เฉพาะคนที่เลือกในรายชื่อ (1 คน)' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'ดูตัวอย่างก่อนส่ง' }).click();
    await page.getByText('ผู้ค้างส่งที่เลือกไว้ 1 คน').waitFor();
    await page.getByText('จะส่งถึง 1 คน (คนละ 1 ข้อความ)').waitFor();
    await page.getByRole('button', { name: 'ยกเลิก' }).click();
    await page.getByRole('status').getByText('ยกเลิกแล้ว ไม่มีการส่งข้อความ').waitFor();
    expect(sys.platform.requests({ path: MULTICAST })).toHaveLength(before);
  });

  it('manages settings, holidays, trainings and the staff list from their lazy pages', async () => {
    const hr = await sys.linkedUser({ employeeId: 'BHR3', name: 'นางสาวจัดการ ระบบ', roles: ['staff', 'hr'] });

    await page.goto(`${liff?.url}/hr/settings?sim_user=${hr}`);
    const target = page.getByRole('spinbutton', { name: 'เป้าหมายชั่วโมงอบรมต่อคนต่อปี' });
    await target.fill('-1');
    await page.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await page
      .getByRole('alert')
      .getByText(/เป้าหมายชั่วโมงอบรมต่อปีต้องเป็นจำนวนเต็ม/)
      .first()
      .waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await target.fill('36');
    await page.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await page.getByRole('status').getByText('บันทึกการตั้งค่าแล้ว').waitFor();
    expect((await municipality().get()).get('yearlyHoursTarget')).toBe(36);
    await page.getByText(/แก้ไขล่าสุดโดย นางสาวจัดการ ระบบ/).waitFor();

    await page.goto(`${liff?.url}/hr/holidays?sim_user=${hr}`);
    await page.getByLabel('วันที่').fill('2026-12-18');
    await page.getByLabel('ชื่อวันหยุด').fill('วันหยุดพิเศษ (มติ ครม.)');
    await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    await page
      .getByRole('status')
      .getByText(/เพิ่มวันหยุด .* แล้ว/)
      .waitFor();
    expect((await municipality().collection('holidays').doc('2026-12-18').get()).get('by')).toBe(
      'นางสาวจัดการ ระบบ (BHR3)',
    );

    await page.goto(`${liff?.url}/hr/trainings?sim_user=${hr}`);
    await page.getByRole('button', { name: 'เพิ่มการอบรม' }).click();
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/กรุณาระบุชื่อหลักสูตร/)
      .first()
      .waitFor();
    await page.getByLabel('ชื่อหลักสูตร/การอบรม').fill('ความปลอดภัยไซเบอร์เบื้องต้น');
    await page.getByLabel('หน่วยงานผู้จัด').fill('สำนักปลัดเทศบาล');
    await page.getByLabel('วันเริ่มอบรม').fill('2027-01-12');
    await page.getByLabel('วันสิ้นสุดการอบรม').fill('2027-01-12');
    await page.getByRole('checkbox', { name: /นางสาวจัดการ ระบบ/ }).check();
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByRole('status').getByText('บันทึก "ความปลอดภัยไซเบอร์เบื้องต้น" แล้ว').waitFor();
    const trainings = (await municipality().collection('trainings').get()).docs.map((d) => d.data());
    expect(trainings).toMatchObject([{ title: 'ความปลอดภัยไซเบอร์เบื้องต้น', attendees: ['BHR3'], hours: 6 }]);

    await page.goto(`${liff?.url}/hr/employees?sim_user=${hr}`);
    const csv = [
      'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร',
      'E901,นายนำเข้า ทดสอบ,กองคลัง,นิติกร,พนักงานเทศบาล',
      'E902,นางผิดกอง ทดสอบ,กองไม่มีจริง,นิติกร,พนักงานเทศบาล',
    ].join('\r\n');
    await page.getByLabel('เลือกไฟล์ (.xlsx หรือ .csv)').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\ufeff${csv}\r\n`, 'utf8'),
    });
    await page.getByRole('button', { name: 'ตรวจสอบไฟล์ (ยังไม่บันทึก)' }).click();
    await page.getByRole('heading', { name: 'ผลการตรวจสอบ (ยังไม่ได้บันทึก)' }).waitFor();
    expect(await page.getByRole('cell', { name: 'E902' }).count()).toBe(1);
    expect((await municipality().collection('employees').doc('E901').get()).exists).toBe(false);
    await page.getByRole('button', { name: 'นำเข้า 1 คน' }).click();
    await page.getByRole('heading', { name: 'นำเข้าแล้ว' }).waitFor();
    expect((await municipality().collection('employees').doc('E901').get()).get('name')).toBe(
      'นายนำเข้า ทดสอบ',
    );
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('tells a member of staff in Thai that the page is for HR', async () => {
    const staff = await sys.linkedUser({ employeeId: 'BST', roles: ['staff'] });
    await page.goto(`${liff?.url}/hr/late?sim_user=${staff}`);
    await page
      .getByRole('alert')
      .getByText(/บัญชีของท่านไม่มีสิทธิ์นี้/)
      .waitFor();
  });
});
