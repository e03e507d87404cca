import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { reportsOf, seedReport } from '../support/report-docs';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-report-form');
const sys = useSystem({ liffOrigins: liff.origins });

const LEARNED = 'ได้เรียนรู้รูปแบบหนังสือราชการหกชนิดและการใช้ภาษาให้ถูกต้องตามระเบียบงานสารบรรณ';
const APPLICATION = 'นำไปตรวจทานหนังสือออกของกองคลังก่อนเสนอผู้บริหารทุกฉบับ';
const SHARING_DETAIL = 'ทำคลิปสั้นสรุปเนื้อหาลงกลุ่มไลน์ของกอง';

// The report form in the LIFF app, end to end: the chat's deep link opens it, the local LIFF app logs in
// through the fake platform's LINE Login, and the bot's API writes the report document in Firestore.
describeBrowser('LIFF: the post-training report form', () => {
  liff.use(sys);

  /** The chat's button opens liff.line.me/{liffId}/reports/{id}: LIFF hands the path over in liff.state. */
  const deepLink = (reportId: string, user: string) =>
    `${liff.url}/?liff.state=${encodeURIComponent(`/reports/${reportId}`)}&sim_user=${user}`;

  it('opens from the deep link, checks answers, saves the draft into the report document', async () => {
    const user = await sys.linkedUser({ employeeId: 'F001' });
    const report = await seedReport(sys.fs.db, 'F001', { trainingTitle: 'การเขียนหนังสือราชการ' });
    await liff.page.goto(deepLink(report.id, user));
    await liff.page.getByRole('heading', { level: 1, name: 'รายงานผลการฝึกอบรม' }).waitFor();
    await liff.page.getByRole('heading', { level: 2, name: 'การเขียนหนังสือราชการ' }).waitFor();
    expect(new URL(liff.page.url()).pathname).toBe(`/reports/${report.id}`);
    const facts = (await liff.page.locator('.report-facts').textContent()) ?? '';
    // Buddhist era from Intl th-TH, and how the due date is counted
    expect(facts).toContain(String(Number(report.dueDate.slice(0, 4)) + 543));
    expect(facts).toContain('7 วันทำการ นับจากวันถัดจากวันที่กลับมาปฏิบัติงาน ไม่นับวันเสาร์ อาทิตย์ และวันหยุดราชการ');

    const learned = liff.page.getByRole('textbox', { name: 'ท่านได้เรียนรู้อะไรจากการอบรมครั้งนี้ (สาระสำคัญที่ได้รับ)' });
    await learned.fill('สั้นไป');
    await liff.page.getByText('6/2000 ตัวอักษร').waitFor();
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await liff.page.getByText(/คำตอบสั้นเกินไป .* อย่างน้อย 10 ตัวอักษร/).waitFor();
    expect(await learned.getAttribute('aria-invalid')).toBe('true');
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('answers')).toEqual({});

    await learned.fill(LEARNED);
    await liff.page.getByText(`${LEARNED.length}/2000 ตัวอักษร`).waitFor();
    await liff.page
      .getByRole('textbox', { name: 'ท่านจะนำความรู้ที่ได้ไปปรับใช้ในการปฏิบัติงานอย่างไร' })
      .fill(APPLICATION);
    await liff.page.getByRole('radio', { name: 'อื่น ๆ' }).check();
    await liff.page.getByRole('textbox', { name: 'วิธีแบ่งปันความรู้ของท่าน' }).fill(SHARING_DETAIL);
    await liff.page.getByRole('textbox', { name: 'ปัญหาอุปสรรคและข้อเสนอแนะต่อการอบรม' }).fill('-');
    await liff.page.getByRole('radio', { name: '4 มาก', exact: true }).check();
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await liff.page.getByText('บันทึกแล้ว กลับไปที่แชตแล้วพิมพ์ "ทำต่อ" เพื่อส่งรายงาน').waitFor();

    const stored = await reportsOf(sys.fs.db).doc(report.id).get();
    expect(stored.get('answers')).toEqual({
      learned: LEARNED,
      application: APPLICATION,
      sharing: 'other',
      sharingDetail: SHARING_DETAIL,
      problems: '-',
      rating: 4,
    });
    expect(stored.get('status')).toBe('pending');
    expect(stored.get('lastAction')).toBe('draftSaved');
    expect(await liff.page.getByRole('button', { name: 'กลับไปที่แชต' }).count()).toBe(1);
    expect(liff.pageErrors).toEqual([]);
  });

  it('keeps an answer given in chat meanwhile and says so', async () => {
    const user = await sys.linkedUser({ employeeId: 'F002' });
    const report = await seedReport(sys.fs.db, 'F002');
    await liff.page.goto(`${liff.url}/reports/${report.id}?sim_user=${user}`);
    const learned = liff.page.getByRole('textbox', { name: /^ท่านได้เรียนรู้อะไร/ });
    await learned.waitFor();
    // the chat saves the second answer while the form is open
    await reportsOf(sys.fs.db).doc(report.id).update({ 'answers.application': APPLICATION });
    await learned.fill(LEARNED);
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await liff.page.getByText('มีการแก้ไขจากแชต').waitFor();
    expect(await liff.page.getByRole('textbox', { name: /^ท่านจะนำความรู้/ }).inputValue()).toBe(APPLICATION);
    expect(await learned.inputValue()).toBe(LEARNED);
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await liff.page.getByText('บันทึกแล้ว กลับไปที่แชต').waitFor();
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('answers')).toEqual({
      learned: LEARNED,
      application: APPLICATION,
    });
  });

  it('shows a submitted report read-only', async () => {
    const user = await sys.linkedUser({ employeeId: 'F003' });
    const report = await seedReport(sys.fs.db, 'F003', {
      status: 'submitted',
      answers: {
        learned: LEARNED,
        application: APPLICATION,
        sharing: 'staffMeeting',
        problems: '-',
        rating: 5,
      },
      approvers: ['R009'],
      currentApproverId: 'R009',
      submittedAt: new Date().toISOString(),
    });
    await liff.page.goto(deepLink(report.id, user));
    await liff.page.getByText('รายงานนี้ส่งแล้ว อยู่ระหว่างการพิจารณา').waitFor();
    expect(await liff.page.getByText(LEARNED).count()).toBe(1);
    expect(await liff.page.getByText('5 มากที่สุด').count()).toBe(1);
    expect(await liff.page.getByRole('textbox').count()).toBe(0);
    expect(await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).count()).toBe(0);
  });

  it('refuses someone else’s report in Thai', async () => {
    const user = await sys.linkedUser({ employeeId: 'F004' });
    const report = await seedReport(sys.fs.db, 'F005');
    await liff.page.goto(deepLink(report.id, user));
    await liff.page.getByRole('alert').getByText('รายงานนี้ไม่ใช่ของท่าน').waitFor();
    expect(await liff.page.getByRole('textbox').count()).toBe(0);
  });

  it('lists the person’s reports and opens one', async () => {
    const user = await sys.linkedUser({ employeeId: 'F006' });
    const report = await seedReport(sys.fs.db, 'F006', { trainingTitle: 'ความปลอดภัยไซเบอร์เบื้องต้น' });
    await liff.page.goto(`${liff.url}/reports?sim_user=${user}`);
    await liff.page.getByRole('link', { name: /ความปลอดภัยไซเบอร์เบื้องต้น/ }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'ความปลอดภัยไซเบอร์เบื้องต้น' }).waitFor();
    expect(new URL(liff.page.url()).pathname).toBe(`/reports/${report.id}`);
  });
});
