import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { buildLiffAgainstBot } from '../support/liff-against-bot';
import { reportsOf, seedReport } from '../support/report-docs';
import { useSystem } from '../support/system';

let liff: StaticServer | undefined;
const sys = useSystem({ liffOrigins: () => (liff ? [liff.url] : []) });

const LEARNED = 'ได้เรียนรู้รูปแบบหนังสือราชการหกชนิดและการใช้ภาษาให้ถูกต้องตามระเบียบงานสารบรรณ';
const APPLICATION = 'นำไปตรวจทานหนังสือออกของกองคลังก่อนเสนอผู้บริหารทุกฉบับ';
const SHARING_DETAIL = 'ทำคลิปสั้นสรุปเนื้อหาลงกลุ่มไลน์ของกอง';

// The report form in the LIFF app, end to end: the chat's deep link opens it, the local LIFF app logs in
// through the fake platform's LINE Login, and the bot's API writes the report document in Firestore.
describeBrowser('LIFF: the post-training report form', () => {
  let outDir = '';
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-report-form');
    liff = await serveStatic(outDir); // its origin must be known before the API starts (CORS)
    const { platform, bot } = await sys.start();
    await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await liff?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  /** The chat's button opens liff.line.me/{liffId}/reports/{id}: LIFF hands the path over in liff.state. */
  const deepLink = (reportId: string, user: string) =>
    `${liff?.url}/?liff.state=${encodeURIComponent(`/reports/${reportId}`)}&sim_user=${user}`;

  it('opens from the deep link, checks answers, saves the draft into the report document', async () => {
    const user = await sys.linkedUser({ employeeId: 'F001' });
    const report = await seedReport(sys.fs.db, 'F001', { trainingTitle: 'การเขียนหนังสือราชการ' });
    await page.goto(deepLink(report.id, user));
    await page.getByRole('heading', { level: 1, name: 'รายงานผลการฝึกอบรม' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'การเขียนหนังสือราชการ' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/${report.id}`);
    const facts = (await page.locator('.report-facts').textContent()) ?? '';
    // Buddhist era from Intl th-TH, and how the due date is counted
    expect(facts).toContain(String(Number(report.dueDate.slice(0, 4)) + 543));
    expect(facts).toContain('7 วันทำการ นับจากวันถัดจากวันที่กลับมาปฏิบัติงาน ไม่นับวันเสาร์ อาทิตย์ และวันหยุดราชการ');

    const learned = page.getByRole('textbox', { name: 'ท่านได้เรียนรู้อะไรจากการอบรมครั้งนี้ (สาระสำคัญที่ได้รับ)' });
    await learned.fill('สั้นไป');
    await page.getByText('6/2000 ตัวอักษร').waitFor();
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await page.getByText(/คำตอบสั้นเกินไป .* อย่างน้อย 10 ตัวอักษร/).waitFor();
    expect(await learned.getAttribute('aria-invalid')).toBe('true');
    expect((await reportsOf(sys.fs.db).doc(report.id).get()).get('answers')).toEqual({});

    await learned.fill(LEARNED);
    await page.getByText(`${LEARNED.length}/2000 ตัวอักษร`).waitFor();
    await page.getByRole('textbox', { name: 'ท่านจะนำความรู้ที่ได้ไปปรับใช้ในการปฏิบัติงานอย่างไร' }).fill(APPLICATION);
    await page.getByRole('radio', { name: 'อื่น ๆ' }).check();
    await page.getByRole('textbox', { name: 'วิธีแบ่งปันความรู้ของท่าน' }).fill(SHARING_DETAIL);
    await page.getByRole('textbox', { name: 'ปัญหาอุปสรรคและข้อเสนอแนะต่อการอบรม' }).fill('-');
    await page.getByRole('radio', { name: '4 มาก', exact: true }).check();
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await page.getByText('บันทึกแล้ว กลับไปที่แชตแล้วพิมพ์ "ทำต่อ" เพื่อส่งรายงาน').waitFor();

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
    expect(await page.getByRole('button', { name: 'กลับไปที่แชต' }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('keeps an answer given in chat meanwhile and says so', async () => {
    const user = await sys.linkedUser({ employeeId: 'F002' });
    const report = await seedReport(sys.fs.db, 'F002');
    await page.goto(`${liff?.url}/reports/${report.id}?sim_user=${user}`);
    const learned = page.getByRole('textbox', { name: /^ท่านได้เรียนรู้อะไร/ });
    await learned.waitFor();
    // the chat saves the second answer while the form is open
    await reportsOf(sys.fs.db).doc(report.id).update({ 'answers.application': APPLICATION });
    await learned.fill(LEARNED);
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await page.getByText('มีการแก้ไขจากแชต').waitFor();
    expect(await page.getByRole('textbox', { name: /^ท่านจะนำความรู้/ }).inputValue()).toBe(APPLICATION);
    expect(await learned.inputValue()).toBe(LEARNED);
    await page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await page.getByText('บันทึกแล้ว กลับไปที่แชต').waitFor();
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
    await page.goto(deepLink(report.id, user));
    await page.getByText('รายงานนี้ส่งแล้ว อยู่ระหว่างการพิจารณา').waitFor();
    expect(await page.getByText(LEARNED).count()).toBe(1);
    expect(await page.getByText('5 มากที่สุด').count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'บันทึกร่าง' }).count()).toBe(0);
  });

  it('refuses someone else’s report in Thai', async () => {
    const user = await sys.linkedUser({ employeeId: 'F004' });
    const report = await seedReport(sys.fs.db, 'F005');
    await page.goto(deepLink(report.id, user));
    await page.getByRole('alert').getByText('รายงานนี้ไม่ใช่ของท่าน').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
  });

  it('lists the person’s reports and opens one', async () => {
    const user = await sys.linkedUser({ employeeId: 'F006' });
    const report = await seedReport(sys.fs.db, 'F006', { trainingTitle: 'ความปลอดภัยไซเบอร์เบื้องต้น' });
    await page.goto(`${liff?.url}/reports?sim_user=${user}`);
    await page.getByRole('link', { name: /ความปลอดภัยไซเบอร์เบื้องต้น/ }).click();
    await page.getByRole('heading', { level: 2, name: 'ความปลอดภัยไซเบอร์เบื้องต้น' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/reports/${report.id}`);
  });
});
