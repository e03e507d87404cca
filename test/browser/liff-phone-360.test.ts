import { readFile } from 'node:fs/promises';
import {
  addDays,
  bangkokDate,
  createWorkingDayCalendar,
  emptyIdp,
  fiscalYearOfInstant,
  fiscalYearRange,
  reportDueDate,
  saveIdp,
  submitIdp,
  surveyFromTemplate,
  THAI_GOVERNMENT_HOLIDAYS,
} from '@phattana/shared';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, expect, it } from 'vitest';
import { reportPhotoPath } from '../../bot/src/media/store-report-photo';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { createSurvey, updateSurvey } from '../../bot/src/surveys/survey-admin';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { overlaps, PHONE, readabilityProblems } from '../support/readability';
import { reportsOf, seedReport } from '../support/report-docs';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';
import { pickThaiDate } from '../support/thai-date-picker';

const liff = liffInBrowser('liff-phone-360');
const sys = useSystem({ liffOrigins: liff.origins });
const FY = fiscalYearOfInstant(new Date());

// Day one at a municipality, on a 360 px phone: HR's destructive actions say what they will change and
// can be undone, invite codes are handed out and printed from LIFF, the import template downloads, and
// every page touched reads without zooming (no sideways scroll, no text under 14 px, nothing cut, the
// IDP badge clear of the button below it, dates in พ.ศ.).
describeBrowser('LIFF at 360 px: HR’s safer tools and readable pages', () => {
  let users: Record<string, string> = {};
  const divisions = [
    { id: 'finance', name: 'กองคลัง' },
    { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  ];

  liff.use(sys);

  beforeAll(async () => {
    users = await seedChain(sys);
    await municipality(sys).set({ divisions }, { merge: true });
    await liff.page.setViewportSize(PHONE);
  }, 120_000);

  const hr = () => users.R004 as string;
  const readable = async () => expect(await readabilityProblems(liff.page)).toEqual([]);

  it('confirms a holiday removal with how many open reports move, then undoes it', async () => {
    const calendar = createWorkingDayCalendar(THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date));
    // back a few working days before New Year's Eve: its due date spans 31 Dec (a shipped holiday)
    const returnDate = '2026-12-24';
    const due = reportDueDate(calendar, returnDate);
    const report = await seedReport(sys.fs.db, 'R010', { returnDate, endDate: returnDate, dueDate: due });
    const without = createWorkingDayCalendar(
      THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date).filter((d) => d !== '2026-12-31'),
    );
    expect(reportDueDate(without, returnDate)).not.toBe(due);

    await liff.page.goto(`${liff.url}/hr/holidays?sim_user=${hr()}`);
    await liff.page.getByRole('heading', { level: 1, name: 'วันหยุดราชการ' }).waitFor();
    const remove = liff.page.getByRole('button', { name: /^ลบ .* 31 ธ\.ค\. 2569$/ });
    // destructive: red, unlike the neighbouring actions
    expect(await remove.getAttribute('class')).toBe('button-danger');
    expect(
      await liff.page.evaluate("getComputedStyle(document.querySelector('.hr-list .button-danger')).color"),
    ).toBe('rgb(180, 35, 24)');
    await remove.click();
    await liff.page.getByText(/^ลบวันหยุด 31 ธ\.ค\. 2569 .*: 1 รายงานที่ยังเปิดอยู่จะได้กำหนดส่งใหม่$/).waitFor();
    // asking changed nothing
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('dueDate')).toBe(due);
    await readable();
    await liff.page.getByRole('button', { name: 'ยืนยันลบวันหยุด' }).click();
    await liff.page
      .getByRole('status')
      .getByText(/ลบวันหยุด 31 ธ\.ค\. 2569 แล้ว · ปรับกำหนดส่งรายงานที่ค้าง 1 ฉบับ/)
      .waitFor();
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('dueDate')).toBe(
      reportDueDate(without, returnDate),
    );

    await liff.page.getByRole('button', { name: /^เลิกทำ/ }).click();
    await liff.page
      .getByRole('status')
      .getByText(/ยกเลิกการลบวันหยุด 31 ธ\.ค\. 2569แล้ว · กำหนดส่งรายงาน 1 ฉบับกลับเป็นเดิม/)
      .waitFor();
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('dueDate')).toBe(due);
    await liff.page.getByRole('button', { name: /^ลบ .* 31 ธ\.ค\. 2569$/ }).waitFor();

    // adding: picked in พ.ศ., and an impossible day is refused in Thai before anything is sent
    await pickThaiDate(liff.page, 'วันที่', '2027-02-31');
    await liff.page.getByText('วันที่นี้ไม่มีในปฏิทิน กรุณาเลือกใหม่').waitFor();
    expect(
      await liff.page
        .getByRole('group', { name: 'วันที่', exact: true })
        .getByLabel('ปี', { exact: true })
        .locator('option:checked')
        .textContent(),
    ).toBe('พ.ศ. 2570');
    await pickThaiDate(liff.page, 'วันที่', '2026-12-28');
    await liff.page.getByLabel('ชื่อวันหยุด').fill('วันหยุดพิเศษ (มติ ครม.)');
    await liff.page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click();
    await liff.page.getByText(/^เพิ่มวันหยุด 28 ธ\.ค\. 2569 .*: 1 รายงานที่ยังเปิดอยู่จะได้กำหนดส่งใหม่$/).waitFor();
    await liff.page.getByRole('button', { name: 'ยกเลิก' }).click();
    expect((await municipality(sys).collection('holidays').doc('2026-12-28').get()).exists).toBe(false);
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);

  it('issues invite codes for a division, reissues one person’s, and prints a sheet per division', async () => {
    const m = municipality(sys);
    for (const [id, divisionId] of [
      ['N001', 'finance'],
      ['N002', 'finance'],
      ['N003', 'palad'],
    ] as const)
      await m
        .collection('employees')
        .doc(id)
        .set({ id, code: id, name: `พนักงานใหม่ ${id}`, divisionId, active: true, roles: ['staff'] });

    await liff.page.goto(`${liff.url}/?sim_user=${hr()}`);
    await liff.page.getByRole('link', { name: /รหัสเชิญเข้าใช้งาน/ }).click();
    await liff.page.getByRole('heading', { level: 1, name: 'รหัสเชิญเข้าใช้งาน' }).waitFor();
    await liff.page.getByText('ยังไม่เชื่อม LINE 3 จาก 9 คน · มีรหัสที่ยังใช้ได้ 0 คน').waitFor();
    await liff.page.getByLabel('ทั้งกอง/สำนัก (เฉพาะผู้ที่ยังไม่เชื่อม LINE)').check();
    await liff.page.getByLabel('กอง/สำนัก', { exact: true }).selectOption('finance');
    await liff.page.getByRole('button', { name: 'ออกรหัสเชิญ' }).click();
    await liff.page.getByText('ออกรหัสเชิญใหม่ให้ 2 คน').waitFor();
    await liff.page.getByRole('button', { name: 'ยืนยันออกรหัส 2 คน' }).click();
    await liff.page
      .getByRole('status')
      .getByText('ออกรหัสเชิญแล้ว 2 คน รหัสเดิมที่ยังไม่ได้ใช้ของคนเหล่านี้ใช้ไม่ได้แล้ว')
      .waitFor();
    const codes = async () =>
      Object.fromEntries(
        (await m.collection('invites').where('revoked', '==', false).get()).docs.map((d) => [
          d.get('employeeId'),
          d.id,
        ]),
      );
    const first = await codes();
    expect(Object.keys(first).sort()).toEqual(['N001', 'N002']);
    const shown = `${first.N001?.slice(0, 4)}-${first.N001?.slice(4)}`;
    await liff.page.getByRole('table', { name: 'รหัสที่เพิ่งออก' }).getByText(shown).waitFor();
    await readable();

    // one person again: the confirmation warns that the printed slip stops working
    await liff.page.getByLabel('ทีละคน').check();
    await liff.page.getByLabel('พนักงาน (ที่ยังไม่เชื่อม LINE)').selectOption('N001');
    await liff.page.getByRole('button', { name: 'ออกรหัสเชิญ' }).click();
    await liff.page.getByText(/รหัสเดิมที่ยังไม่ได้ใช้ของ 1 คนจะใช้ไม่ได้อีก/).waitFor();
    await liff.page.getByRole('button', { name: 'ยืนยันออกรหัส 1 คน' }).click();
    await liff.page
      .getByRole('status')
      .getByText(/ออกรหัสเชิญแล้ว 1 คน/)
      .waitFor();
    const second = await codes();
    expect(second.N001).not.toBe(first.N001);
    expect(second.N002).toBe(first.N002);

    await liff.page.getByRole('link', { name: 'กองคลัง' }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'กองคลัง (2 คน)' }).waitFor();
    const slips = liff.page.locator('.invite-slip');
    expect(await slips.count()).toBe(2);
    expect(await slips.first().textContent()).toContain(
      `${second.N001?.slice(0, 4)}-${second.N001?.slice(4)}`,
    );
    expect(await liff.page.getByText(/ใช้ได้ถึง \d+ [ก-๙.]+ 25\d\d/).count()).toBe(2);
    await readable();
    // on paper: the app's header and the buttons are left off
    await liff.page.emulateMedia({ media: 'print' });
    expect(await liff.page.locator('.app-header').isVisible()).toBe(false);
    expect(await liff.page.getByRole('button', { name: 'พิมพ์' }).isVisible()).toBe(false);
    await liff.page.emulateMedia({ media: 'screen' });
    expect(liff.pageErrors).toEqual([]);
  });

  it('downloads the staff-list template whose headings the import accepts', async () => {
    await liff.page.goto(`${liff.url}/hr/employees?sim_user=${hr()}`);
    const [xlsx] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'ดาวน์โหลดแบบฟอร์ม Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('staff-import-template.xlsx');
    const bytes = await readFile((await xlsx.path()) as string);
    expect((await readSheet(bytes))[0]?.slice(0, 4)).toEqual(['รหัสพนักงาน', 'ชื่อ-สกุล', 'กอง/สำนัก', 'ตำแหน่ง']);
    const [csv] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'ดาวน์โหลดแบบฟอร์ม CSV' }).click(),
    ]);
    const text = await readFile((await csv.path()) as string);
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // the filled-in template passes the header check
    const filled = `${text.toString('utf8').trimEnd()}\r\n"N100","นายใหม่ ทดสอบ","กองคลัง","นิติกร","","พนักงานเทศบาล","","","","",""\r\n`;
    await liff.page.getByLabel('เลือกไฟล์ (.xlsx หรือ .csv)').setInputFiles({
      name: 'staff.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(filled, 'utf8'),
    });
    await liff.page.getByRole('button', { name: 'ตรวจสอบไฟล์ (ยังไม่บันทึก)' }).click();
    await liff.page.getByText(/เพิ่มใหม่ 1 คน/).waitFor();
    await readable();
  });

  it('asks before closing a survey, says the same question count as chat, and explains a blocked export', async () => {
    const c = municipalityCollections(municipality(sys));
    const today = bangkokDate(new Date());
    const needs = await createSurvey(
      c,
      { template: 'trainingNeeds', opensOn: today, closesOn: addDays(today, 14) },
      'R004',
      new Date(),
    );
    await updateSurvey(c, needs.id, { status: 'open' }, { by: 'R004', now: new Date() });
    const poll = await createSurvey(
      c,
      { template: 'satisfaction', opensOn: today, closesOn: addDays(today, 14) },
      'R004',
      new Date(),
    );
    await updateSurvey(c, poll.id, { status: 'open' }, { by: 'R004', now: new Date() });
    await c.surveys
      .doc(poll.id)
      .collection('responses')
      .add({ surveyId: poll.id, answers: {}, divisionId: 'finance', staffType: 'municipalEmployee' });
    const needsDef = surveyFromTemplate('trainingNeeds', {
      id: 'x',
      fiscalYear: FY,
      opensOn: today,
      closesOn: addDays(today, 14),
    });
    expect(needsDef.questions.length).toBe(7);

    await liff.page.goto(`${liff.url}/hr/surveys?sim_user=${hr()}`);
    const card = liff.page.getByRole('article', { name: /แบบสำรวจความต้องการพัฒนา/ });
    await card.getByText('คำถาม 5–7 ข้อ (บางข้อจะถามเพิ่มตามคำตอบ)').waitFor();
    const close = card.getByRole('button', { name: 'ปิดรับคำตอบ' });
    expect(await close.evaluate((b) => b.className)).toBe('button-danger');
    await close.click();
    await card.getByText(/^ปิดรับคำตอบ ".*" ทันที ผู้ที่ยังไม่ตอบ \d+ คนจะตอบไม่ได้อีก และเปิดใหม่ไม่ได้$/).waitFor();
    await readable();
    await card.getByRole('button', { name: 'ยกเลิก' }).click();
    expect((await c.surveys.doc(needs.id).get()).get('status')).toBe('open');
    await card.getByRole('button', { name: 'ปิดรับคำตอบ' }).click();
    await card.getByRole('button', { name: 'ยืนยันปิดรับคำตอบ (เปิดใหม่ไม่ได้)' }).click();
    await expect.poll(async () => (await c.surveys.doc(needs.id).get()).get('status')).toBe('closed');

    // one anonymous answer: the export would single the person out, so the buttons say so beforehand
    await liff.page.goto(`${liff.url}/hr/surveys/${poll.id}?sim_user=${hr()}`);
    const xlsx = liff.page.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' });
    await xlsx.waitFor();
    expect(await xlsx.isDisabled()).toBe(true);
    expect(await liff.page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).isDisabled()).toBe(true);
    await liff.page.getByText(/^ยังดาวน์โหลดไม่ได้: .*ต้องมีผู้ตอบอย่างน้อย 5 คน/).waitFor();
    await readable();
    expect(liff.pageErrors).toEqual([]);
  });

  it('reads on a phone: the menu wraps, charts and badges are readable, dates in พ.ศ.', async () => {
    const { start, end } = fiscalYearRange(FY);
    const plan = submitIdp(
      saveIdp(emptyIdp('R011', 'นายอนุชา ทดสอบ', FY), 'R011', new Date(), [
        {
          id: 'g1',
          competencyId: 'accuracy',
          currentLevel: 2,
          targetLevel: 3,
          goal: 'ตรวจสอบทะเบียนผู้ชำระภาษีให้ไม่มีข้อผิดพลาด',
          methods: ['selfLearning'],
          startDate: start,
          endDate: end,
          progress: 0,
          trainingIds: [],
        },
      ]),
      'R011',
      new Date(),
      'R009',
    );
    await municipality(sys)
      .collection('idps')
      .doc(plan.id)
      .set(JSON.parse(JSON.stringify(plan)));

    // home: every menu label whole and on screen
    await liff.page.goto(`${liff.url}/?sim_user=${users.R009}`);
    await liff.page.getByRole('link', { name: /ทีมของฉัน/ }).waitFor();
    for (const link of await liff.page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link').all()) {
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    }
    await readable();

    // a report waiting for R009 with a certificate attached
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const waiting = await seedReport(sys.fs.db, 'R011', {
      employeeName: 'นายอนุชา ทดสอบ',
      status: 'submitted',
      approvers: ['R009', 'R002'],
      currentApproverId: 'R009',
      submittedAt: new Date().toISOString(),
      photos: [
        {
          messageId: '7001',
          receivedAt: new Date().toISOString(),
          storagePath: 'x',
          contentType: 'image/png',
          bytes: png.length,
        },
      ],
    });
    await sys.storage.media.put(
      reportPhotoPath(reportsOf(sys.fs.db).doc(waiting.id), '7001'),
      png,
      'image/png',
    );

    // team: the IDP badge is clear of the button to the plan
    await liff.page.goto(`${liff.url}/team?sim_user=${users.R009}`);
    const member = liff.page.getByRole('listitem').filter({ hasText: 'นายอนุชา ทดสอบ' });
    await member.getByText('รอท่านเห็นชอบ').waitFor();
    expect(
      await overlaps(member.locator('.badge'), member.getByRole('link', { name: /แผนของ นายอนุชา ทดสอบ/ })),
    ).toBe(false);
    // the approver sees the certificate: a thumbnail that opens at full width
    const photo = liff.page.getByRole('button', { name: /รูปแนบที่ 1/ });
    const img = photo.getByRole('img');
    await img.waitFor();
    await expect.poll(() => img.evaluate((e) => (e as { naturalWidth: number }).naturalWidth)).toBe(1);
    const small = (await img.boundingBox())?.width ?? 0;
    await photo.click();
    await expect.poll(async () => (await img.boundingBox())?.width ?? 0).toBeGreaterThan(small * 2);
    await readable();

    // hours: the chart's labels at 14 px or more
    await liff.page.goto(`${liff.url}/hours?sim_user=${users.R010}`);
    await liff.page.getByRole('heading', { level: 1, name: 'ชั่วโมงอบรมของฉัน' }).waitFor();
    await liff.page.waitForLoadState('networkidle');
    await readable();

    // IDP: the goal's dates in พ.ศ., picked, stored ISO
    await liff.page.goto(`${liff.url}/idp?sim_user=${users.R010}`);
    await liff.page.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    const goal = liff.page.getByRole('group', { name: 'เป้าหมายที่ 1' });
    const startYear = goal.getByRole('group', { name: 'เริ่ม' }).getByLabel('ปี', { exact: true });
    await startYear.waitFor();
    expect(await startYear.locator('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^พ\.ศ\. 25\d\d$/)]),
    );
    expect(await goal.locator('input[type="date"]').count()).toBe(0);
    await readable();

    // the HR dashboard's charts
    await liff.page.goto(`${liff.url}/hr?sim_user=${hr()}`);
    await liff.page.getByRole('img', { name: /ชั่วโมงการพัฒนารวมแยกตามหน่วยงาน/ }).waitFor();
    await readable();
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);
});
