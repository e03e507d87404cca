import { readFile, rm } from 'node:fs/promises';
import { addDays, bangkokDate } from '@phattana/shared';
import { FieldPath, FieldValue } from 'firebase-admin/firestore';
import type { Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { createSurvey, updateSurvey } from '../../bot/src/surveys/survey-admin';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { makeTempOutDir } from '../../liff/tools/build-app';
import { type StaticServer, serveStatic } from '../../liff/tools/static-server';
import { describeBrowser, type LaunchedBrowser, launchBrowser } from '../support/browser';
import { buildLiffAgainstBot } from '../support/liff-against-bot';
import { useSystem } from '../support/system';

let liff: StaticServer | undefined;
const sys = useSystem({ liffOrigins: () => (liff ? [liff.url] : []) });

// HR's survey pages end to end: the LIFF app logs in through the fake platform's LINE Login, the bot's
// API reads the survey, its counters and responses from the emulator, and the browser saves the export.
describeBrowser('LIFF: HR surveys', () => {
  let outDir = '';
  let browser: LaunchedBrowser;
  let page: Page;
  let hr = '';
  let surveyId = '';
  const today = bangkokDate(new Date());
  const m = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

  beforeAll(async () => {
    outDir = await makeTempOutDir('liff-hr-surveys');
    liff = await serveStatic(outDir); // its origin must be known before the API starts (CORS)
    const { platform, bot } = await sys.start();
    await buildLiffAgainstBot(outDir, { botUrl: bot.url, platformUrl: platform.url });
    browser = await launchBrowser();
    page = await browser.context.newPage();

    await m().set(
      {
        id: DEMO_MUNICIPALITY_ID,
        name: 'เทศบาลตำบลทดสอบ',
        divisions: [
          { id: 'finance', name: 'กองคลัง' },
          { id: 'works', name: 'กองช่าง' },
          { id: 'education', name: 'กองการศึกษา' },
        ],
      },
      { merge: true },
    );
    hr = await sys.linkedUser({ employeeId: 'B001', name: 'นางสาวบุคคล ทดสอบ', roles: ['staff', 'hr'] });
    await m()
      .collection('employees')
      .doc('B001')
      .update({ divisionId: 'finance', staffType: 'municipalEmployee' });
    for (const [id, divisionId] of [
      ['B002', 'finance'],
      ['B003', 'finance'],
      ['B004', 'finance'],
      ['B005', 'finance'],
      ['B006', 'works'],
      ['B007', 'works'],
      ['B008', 'works'],
      ['B010', 'education'],
    ])
      await m()
        .collection('employees')
        .doc(id as string)
        .set({
          id,
          name: `พนักงาน ${id}`,
          divisionId,
          staffType: 'municipalEmployee',
          roles: ['staff'],
          active: true,
        });

    // HR made and opened the satisfaction survey; six people answered in chat
    const c = municipalityCollections(m());
    const made = await createSurvey(
      c,
      { template: 'satisfaction', opensOn: today, closesOn: addDays(today, 14) },
      'B001',
      new Date(),
    );
    surveyId = made.id;
    await updateSurvey(c, surveyId, { status: 'open' }, { by: 'B001', now: new Date() });
    const def = (await c.surveys.doc(surveyId).get()).get('questions') as { id: string; type: string }[];
    const likert = def.filter((q) => q.type === 'likert').map((q) => q.id);
    const answers = (value: number) => Object.fromEntries(likert.map((q) => [q, { type: 'likert', value }]));
    for (const [divisionId, value] of [
      ['finance', 5],
      ['finance', 4],
      ['finance', 4],
      ['finance', 5],
      ['finance', 3],
      ['works', 2],
    ] as const) {
      await c.surveys
        .doc(surveyId)
        .collection('responses')
        .add({
          surveyId,
          answers: answers(value),
          divisionId,
          staffType: 'municipalEmployee',
          submittedOn: today,
        });
      await c.surveys
        .doc(surveyId)
        .update(
          'responseCount',
          FieldValue.increment(1),
          new FieldPath('responsesByDivision', divisionId),
          FieldValue.increment(1),
        );
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await liff?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('shows this year’s surveys with response rates, overall and per division', async () => {
    await page.goto(`${liff?.url}/hr/surveys?sim_user=${hr}`);
    await page.getByRole('heading', { level: 1, name: 'แบบสำรวจ' }).waitFor();
    const card = page.getByRole('article', { name: /แบบสำรวจความพึงพอใจ/ });
    await card.waitFor();
    // 6 of the 9 active people asked (B001–B005 in finance, B006–B008 in works, B010 in education)
    await card.getByText('ตอบแล้ว 6 จาก 9 คน (ร้อยละ 66.7)').waitFor();
    await card.getByText('อัตราการตอบรายหน่วยงาน').click();
    await card.getByText('5/5 คน (100%)').waitFor();
    // works has one response and education none: an anonymous survey hides both
    await expect.poll(() => card.getByText('กลุ่มน้อยกว่า 5 คน').count()).toBe(2);
  });

  it('opens the results: per-question bars, the division table with its notice, and both downloads', async () => {
    await page.getByRole('link', { name: 'ดูผลสำรวจ' }).first().click();
    await page.getByRole('heading', { level: 2, name: /แบบสำรวจความพึงพอใจ/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/hr/surveys/${surveyId}`);
    await page.getByRole('heading', { level: 3, name: /^ข้อ 1\./ }).waitFor();
    // (5+4+4+5+3+2)/6 = 3.83 → 76.7%
    await page.getByText('ร้อยละความพึงพอใจโดยรวม 76.7%').waitFor();
    const table = page.getByRole('table', { name: 'อัตราการตอบรายหน่วยงาน' });
    await expect
      .poll(async () => (await table.getByRole('row', { name: /กองช่าง/ }).textContent()) ?? '')
      .toContain('กลุ่มน้อยกว่า 5 คน');
    expect((await table.getByRole('row', { name: /กองคลัง/ }).textContent()) ?? '').toContain('5 (100%)');
    await page.getByText(/หน่วยงานที่มีผู้ตอบน้อยกว่า 5 คน/).waitFor();

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^survey-${surveyId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const rows = (await readSheet(await readFile((await xlsx.path()) as string))) as unknown[][];
    expect(rows[0]?.slice(0, 3)).toEqual(['ลำดับ', 'หน่วยงาน', expect.stringMatching(/^1\. /)]);
    expect(rows).toHaveLength(7);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['กองคลัง', 'ไม่แสดง (กลุ่มเล็ก)']));
    await page.getByText(`ดาวน์โหลด ${xlsx.suggestedFilename()} แล้ว`).waitFor();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click(),
    ]);
    const bytes = await readFile((await csv.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"ลำดับ","หน่วยงาน"');
  });

  it('creates a draft from a template and announces a 5ส day', async () => {
    await page.goto(`${liff?.url}/hr/surveys?sim_user=${hr}`);
    await page.getByRole('heading', { name: 'สร้างจากแบบสำรวจต้นแบบ' }).waitFor();
    await page.getByLabel('แบบสำรวจต้นแบบ', { exact: true }).selectOption({ label: 'ความต้องการพัฒนา/ฝึกอบรม' });
    await page.getByRole('button', { name: 'สร้างร่างแบบสำรวจ' }).click();
    await page.getByText(/^สร้างร่าง "แบบสำรวจความต้องการพัฒนา/).waitFor();
    await page
      .getByRole('article', { name: /แบบสำรวจความต้องการพัฒนา/ })
      .getByText('ร่าง')
      .waitFor();

    await page.getByLabel('พื้นที่', { exact: true }).fill('ลานจอดรถหน้าสำนักงาน');
    await page
      .getByRole('group', { name: /หน่วยงานที่ร่วมกิจกรรม/ })
      .getByLabel('กองช่าง')
      .check();
    await page.getByRole('button', { name: 'ประกาศและส่งคำเชิญ' }).click();
    await page.getByText(/^ประกาศกิจกรรม 5ส วันที่ .* แล้ว ผู้ได้รับคำเชิญ 3 คน$/).waitFor();
    const fiveS = (await m().collection('surveys').where('kind', '==', 'fiveS').get()).docs;
    expect(fiveS).toHaveLength(1);
    expect(fiveS[0]?.data()).toMatchObject({
      status: 'open',
      audience: { divisionIds: ['works'] },
      activity: { area: 'ลานจอดรถหน้าสำนักงาน' },
      audienceByDivision: { works: 3 },
    });
  });

  it('tells staff in Thai that the page is for HR', async () => {
    const staff = await sys.linkedUser({ employeeId: 'B009' });
    await page.goto(`${liff?.url}/hr/surveys?sim_user=${staff}`);
    await page
      .getByRole('alert')
      .getByText(/ไม่มีสิทธิ์/)
      .waitFor();
  });
});
