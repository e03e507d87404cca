import { readFile } from 'node:fs/promises';
import { addDays, bangkokDate, COMPLEMENT_NOTE, fiscalYearOf, surveyFromTemplate } from '@phattana/shared';
import { FieldPath, FieldValue } from 'firebase-admin/firestore';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { surveyPhotoPath } from '../../bot/src/surveys/store-survey-photo';
import { createSurvey, updateSurvey } from '../../bot/src/surveys/survey-admin';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-hr-surveys');
const sys = useSystem({ liffOrigins: liff.origins });

// HR's survey pages end to end: the LIFF app logs in through the fake platform's LINE Login, the bot's
// API reads the survey, its counters and responses from the emulator, and the browser saves the export.
describeBrowser('LIFF: HR surveys', () => {
  let hr = '';
  let surveyId = '';
  const today = bangkokDate(new Date());
  const m = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

  liff.use(sys);

  beforeAll(async () => {
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

  it('shows this year’s surveys with response rates, overall and per division', async () => {
    await liff.page.goto(`${liff.url}/hr/surveys?sim_user=${hr}`);
    await liff.page.getByRole('heading', { level: 1, name: 'แบบสำรวจ' }).waitFor();
    const card = liff.page.getByRole('article', { name: /แบบสำรวจความพึงพอใจ/ });
    await card.waitFor();
    // 6 of the 9 active people asked (B001–B005 in finance, B006–B008 in works, B010 in education)
    await card.getByText('ตอบแล้ว 6 จาก 9 คน (ร้อยละ 66.7)').waitFor();
    await card.getByText('อัตราการตอบรายหน่วยงาน').click();
    // works has one response and education none: an anonymous survey hides both, and finance too, or
    // 6 − 5 would give the one works answer away
    await expect.poll(() => card.getByText('กลุ่มน้อยกว่า 5 คน').count()).toBe(2);
    await card.getByText(COMPLEMENT_NOTE).waitFor();
  });

  it('opens the results: per-question bars, the division table with its notice, and both downloads', async () => {
    await liff.page.getByRole('link', { name: 'ดูผลสำรวจ' }).first().click();
    await liff.page.getByRole('heading', { level: 2, name: /แบบสำรวจความพึงพอใจ/ }).waitFor();
    expect(new URL(liff.page.url()).pathname).toBe(`/hr/surveys/${surveyId}`);
    await liff.page.getByRole('heading', { level: 3, name: /^ข้อ 1\./ }).waitFor();
    // (5+4+4+5+3+2)/6 = 3.83 → 76.7%
    await liff.page.getByText('ร้อยละความพึงพอใจโดยรวม 76.7%').waitFor();
    const table = liff.page.getByRole('table', { name: 'อัตราการตอบรายหน่วยงาน' });
    await expect
      .poll(async () => (await table.getByRole('row', { name: /กองช่าง/ }).textContent()) ?? '')
      .toContain('กลุ่มน้อยกว่า 5 คน');
    expect((await table.getByRole('row', { name: /กองคลัง/ }).textContent()) ?? '').toContain(COMPLEMENT_NOTE);
    await liff.page.getByText(/หน่วยงานที่มีผู้ตอบน้อยกว่า 5 คน/).waitFor();

    const [xlsx] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'ดาวน์โหลด Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(new RegExp(`^survey-${surveyId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const rows = (await readSheet(await readFile((await xlsx.path()) as string))) as unknown[][];
    // every division is hidden, so the division column is left out
    expect(rows[0]?.slice(0, 2)).toEqual(['ลำดับ', expect.stringMatching(/^1\. /)]);
    expect(rows).toHaveLength(7);
    await liff.page.getByText(`ดาวน์โหลด ${xlsx.suggestedFilename()} แล้ว`).waitFor();

    const [csv] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click(),
    ]);
    const bytes = await readFile((await csv.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('"ลำดับ","1. ');
  });

  it('creates a draft from a template and announces a 5ส day', async () => {
    await liff.page.goto(`${liff.url}/hr/surveys?sim_user=${hr}`);
    await liff.page.getByRole('heading', { name: 'สร้างจากแบบสำรวจต้นแบบ' }).waitFor();
    await liff.page
      .getByLabel('แบบสำรวจต้นแบบ', { exact: true })
      .selectOption({ label: 'ความต้องการพัฒนา/ฝึกอบรม' });
    await liff.page.getByRole('button', { name: 'สร้างร่างแบบสำรวจ' }).click();
    await liff.page.getByText(/^สร้างร่าง "แบบสำรวจความต้องการพัฒนา/).waitFor();
    await liff.page
      .getByRole('article', { name: /แบบสำรวจความต้องการพัฒนา/ })
      .getByText('ร่าง')
      .waitFor();

    await liff.page.getByLabel('พื้นที่', { exact: true }).fill('ลานจอดรถหน้าสำนักงาน');
    await liff.page
      .getByRole('group', { name: /หน่วยงานที่ร่วมกิจกรรม/ })
      .getByLabel('กองช่าง')
      .check();
    await liff.page.getByRole('button', { name: 'ประกาศและส่งคำเชิญ' }).click();
    await liff.page.getByText(/^ประกาศกิจกรรม 5ส วันที่ .* แล้ว ผู้ได้รับคำเชิญ 3 คน$/).waitFor();
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
    await liff.page.goto(`${liff.url}/hr/surveys?sim_user=${staff}`);
    await liff.page
      .getByRole('alert')
      .getByText(/ไม่มีสิทธิ์/)
      .waitFor();
  });

  it('shows a named 5ส survey’s photos in a gallery, fetched with the ID token', async () => {
    const c = municipalityCollections(m());
    const id = 'fiveS-photos';
    const messageId = '700000000000000123';
    // a 1×1 PNG: small, and a real image the browser must decode
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await c.surveys.doc(id).set({
      ...surveyFromTemplate('fiveS', {
        id,
        fiscalYear: fiscalYearOf(today),
        opensOn: today,
        closesOn: addDays(today, 14),
        activity: { date: today, area: 'ห้องเก็บเอกสาร' },
      }),
      status: 'open',
      anonymous: false,
      responseCount: 1,
      responsesByDivision: { finance: 1 },
    });
    await sys.storage.media.put(surveyPhotoPath(c.surveys.doc(id), messageId), png, 'image/png');
    await c.surveys.doc(id).collection('photos').doc(messageId).set({
      surveyId: id,
      questionId: 'photoBefore',
      messageId,
      employeeId: 'B002',
      status: 'stored',
      contentType: 'image/png',
      bytes: png.length,
    });
    await c.surveys
      .doc(id)
      .collection('responses')
      .doc('B002')
      .set({
        surveyId: id,
        answers: { photoBefore: { type: 'photos', photos: [{ messageId }] } },
        divisionId: 'finance',
        staffType: 'municipalEmployee',
        submittedOn: today,
        employeeId: 'B002',
      });

    await liff.page.goto(`${liff.url}/hr/surveys/${id}?sim_user=${hr}`);
    await liff.page.getByRole('heading', { level: 2, name: 'ภาพกิจกรรม' }).waitFor();
    const img = liff.page.getByRole('img', { name: 'ภาพก่อนทำกิจกรรม ของ พนักงาน B002 (กองคลัง)' });
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    // the gallery's images load lazily, as HR scrolls to them
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((e) => (e as { naturalWidth: number }).naturalWidth)).toBe(1);
  });
});
