import { readFile } from 'node:fs/promises';
import { bangkokDate, fiscalYearOfInstant, formatThaiDate, quizKey } from '@phattana/shared';
import { readSheet } from 'read-excel-file/node';
import { expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { PHONE, readabilityProblems } from '../support/readability';
import { useSystem } from '../support/system';
import { pickThaiDate } from '../support/thai-date-picker';

const liff = liffInBrowser('liff-hr-ethics');
const sys = useSystem({ liffOrigins: liff.origins });

// HR's ethics quiz page on a 360 px phone against the real bot and emulator: a question refused with a
// Thai message per field, then added; a 20% sample drawn by division from a typed seed; a second draw
// only after confirming, with both draws in the history; readable throughout.
describeBrowser('LIFF: ethics quiz bank and sample draw', () => {
  const fy = fiscalYearOfInstant(new Date());
  liff.use(sys);

  async function seed() {
    const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m.set({
      id: DEMO_MUNICIPALITY_ID,
      name: 'เทศบาลตำบลทดสอบ',
      yearlyHoursTarget: 10,
      divisions: [
        { id: 'finance', name: 'กองคลัง' },
        { id: 'palad', name: 'สำนักปลัดเทศบาล' },
      ],
    });
    const hr = await sys.linkedUser({ employeeId: 'H000', name: 'นางสาวฝ่าย บุคคล', roles: ['staff', 'hr'] });
    await m.collection('employees').doc('H000').update({ divisionId: 'palad' });
    for (let i = 1; i < 10; i++) {
      const id = `H00${i}`;
      await m
        .collection('employees')
        .doc(id)
        .set({
          id,
          code: id,
          name: `บุคลากร ${id}`,
          active: true,
          roles: ['staff'],
          divisionId: i < 6 ? 'finance' : 'palad',
        });
    }
    // four questions already in the bank; the fifth is added through the page
    for (let i = 1; i <= 4; i++)
      await m
        .collection('ethicsQuestions')
        .doc(`seed${i}`)
        .set({
          text: `คำถามจริยธรรมข้อที่ ${i} ควรปฏิบัติอย่างไร`,
          choices: [
            { id: 'a', label: 'ปฏิบัติตามประมวลจริยธรรม' },
            { id: 'b', label: 'ทำตามความสะดวก' },
          ],
          answerId: 'a',
          retired: false,
          updatedAt: `2026-12-0${i}T02:00:00.000Z`,
          updatedBy: 'ระบบ',
        });
    return hr;
  }

  it('adds a question, draws a 20% sample and confirms a second draw, at 360 px', async () => {
    const hr = await seed();
    const page = liff.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${liff.url}/hr/ethics?sim_user=${hr}`);
    await page.getByRole('heading', { level: 1, name: 'แบบทดสอบจริยธรรม' }).waitFor();
    await page.getByText('ยังไม่ได้สุ่มกลุ่มตัวอย่างของปีนี้').waitFor();

    // too few questions: the draw is refused in Thai
    await page.getByLabel('รหัสสุ่ม (เว้นว่างให้ระบบสร้าง)').fill('hr-seed-1');
    await page.getByRole('button', { name: 'สุ่มกลุ่มตัวอย่าง' }).click();
    await page
      .getByRole('alert')
      .getByText(/ต้องมีอย่างน้อย 5 ข้อก่อนสุ่มกลุ่มตัวอย่าง/)
      .waitFor();

    await page.getByRole('button', { name: 'เพิ่มคำถาม' }).click();
    await page.getByLabel('ตัวเลือกที่ 1', { exact: true }).fill('แจ้งผู้บังคับบัญชา');
    await page.getByRole('button', { name: 'บันทึกคำถาม' }).click();
    await page.getByRole('alert').getByText('คำถาม: กรุณาพิมพ์คำถาม').waitFor();
    await page.getByRole('alert').getByText('ตัวเลือก: ตัวเลือกต้องมี 2 ถึง 5 ข้อ').waitFor();
    await page.getByLabel('คำถาม', { exact: true }).fill('เมื่อได้รับของขวัญเกินราคาที่กำหนดควรทำอย่างไร');
    await page.getByLabel('ตัวเลือกที่ 2', { exact: true }).fill('เก็บไว้เงียบ ๆ');
    await page.getByRole('button', { name: 'บันทึกคำถาม' }).click();
    await page.getByRole('heading', { name: 'คลังคำถาม (5 ข้อที่ใช้งาน)' }).waitFor();
    expect(await page.getByText('เมื่อได้รับของขวัญเกินราคาที่กำหนดควรทำอย่างไร').count()).toBe(1);

    await page.getByLabel('รหัสสุ่ม (เว้นว่างให้ระบบสร้าง)').fill('hr-seed-1');
    await page.getByRole('button', { name: 'สุ่มกลุ่มตัวอย่าง' }).click();
    const drawn = page.getByRole('list', { name: 'ผู้ได้รับการสุ่ม' });
    await drawn.waitFor();
    // 10 people, 20%: one from กองคลัง (6) and one from สำนักปลัด (4)
    expect(await drawn.getByRole('listitem').count()).toBe(2);
    expect(await drawn.getByText(/กองคลัง · ยังไม่เริ่ม/).count()).toBe(1);
    expect(await drawn.getByText(/สำนักปลัดเทศบาล · ยังไม่เริ่ม/).count()).toBe(1);
    const history = page.getByRole('list', { name: 'ประวัติการสุ่ม' });
    await history
      .getByText(/ปัจจุบัน · .* 25\d\d.* โดย นางสาวฝ่าย บุคคล · รหัสสุ่ม hr-seed-1 · ร้อยละ 20 · ได้ 2 จาก 10 คน/)
      .waitFor();
    expect(await readabilityProblems(page)).toEqual([]);
    const first = (
      await sys.fs.db.doc(`municipalities/${DEMO_MUNICIPALITY_ID}/ethicsQuizzes/${quizKey(fy)}`).get()
    ).get('draw.drawn');

    // a second draw (the same seed typed again) asks first, then keeps the first in the history
    await page.getByLabel('รหัสสุ่ม (เว้นว่างให้ระบบสร้าง)').fill('hr-seed-1');
    await page.getByRole('button', { name: 'สุ่มกลุ่มตัวอย่าง' }).click();
    await page.getByText(/สุ่มกลุ่มตัวอย่างไปแล้วเมื่อ .* กรุณายืนยัน/).waitFor();
    await page.getByRole('button', { name: 'ยืนยันสุ่มใหม่' }).click();
    await history.getByText(/ถูกแทนที่ · /).waitFor();
    expect(await history.getByRole('listitem').count()).toBe(2);
    // same seed and staff list: the same people
    const second = (
      await sys.fs.db.doc(`municipalities/${DEMO_MUNICIPALITY_ID}/ethicsQuizzes/${quizKey(fy)}`).get()
    ).get('draw.drawn');
    expect(second).toEqual(first);
    const width = await page.locator('html').evaluate((e) => (e as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await readabilityProblems(page)).toEqual([]);
  }, 180_000);

  it('records a monthly meeting for item 1.13 and downloads its evidence pack, at 360 px', async () => {
    const hr = await sys.linkedUser({ employeeId: 'H100', name: 'นายบุคคล ประชุมดี', roles: ['staff', 'hr'] });
    const page = liff.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${liff.url}/hr/evidence?sim_user=${hr}`);
    await page.getByRole('heading', { level: 1, name: 'หลักฐานการประเมิน' }).waitFor();
    await page.getByText('ยังไม่มีข้อมูลในปีงบประมาณนี้').waitFor();

    await page.getByRole('button', { name: 'บันทึกการประชุม' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('วาระการประชุม: กรุณาพิมพ์วาระการประชุม').waitFor();
    await alert.getByText('จำนวนผู้เข้าประชุม (คน): จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็มตั้งแต่ 1 คน').waitFor();

    const today = bangkokDate(new Date());
    await pickThaiDate(page, 'วันที่ประชุม', today);
    await page.getByLabel('วาระการประชุม', { exact: true }).fill('ถ่ายทอดนโยบายผู้บริหารและติดตามแผนพัฒนาบุคลากร');
    await page.getByLabel('จำนวนผู้เข้าประชุม (คน)').fill('37');
    await page.getByRole('button', { name: 'บันทึกการประชุม' }).click();
    const result = page.locator('[data-pack-result]');
    await result.getByText('ประชุม 1 ครั้ง ครอบคลุม 1 เดือน · ยังไม่ผ่านเกณฑ์').waitFor();
    await page
      .getByRole('list', { name: 'ข้อมูลประกอบ' })
      .getByText(/ถ่ายทอดนโยบายผู้บริหาร.* · 37/)
      .waitFor();
    expect(await readabilityProblems(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลด Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`evidence-1.13-${fy}.xlsx`);
    const path = await download.path();
    const summary = await readSheet(await readFile(path), 'สรุป');
    expect(summary.map((r) => r[0])).toEqual([
      'รายการประเมิน',
      'เกณฑ์',
      'เป้าหมาย',
      'ผลการดำเนินงาน',
      'ผลการประเมิน',
    ]);
    expect(summary[2]?.[1]).toBe('12 เดือนต่อปี');
    const rows = await readSheet(await readFile(path), 'ข้อมูลประกอบ');
    expect(rows[1]).toEqual([1, formatThaiDate(today), 'ถ่ายทอดนโยบายผู้บริหารและติดตามแผนพัฒนาบุคลากร', 37]);
  }, 180_000);

  it('shows the teamwork (1.22) and ITA 038 packs with where their criteria come from, at 360 px', async () => {
    const hr = await sys.linkedUser({ employeeId: 'H200', name: 'นางทีมงาน ร่วมใจ', roles: ['staff', 'hr'] });
    await sys.fs.db.doc(`municipalities/${DEMO_MUNICIPALITY_ID}/idps/H200__${fy}`).set({
      employeeId: 'H200',
      employeeName: 'นางทีมงาน ร่วมใจ',
      fiscalYear: fy,
      status: 'agreed',
      goals: [
        {
          id: 'g1',
          competencyId: 'teamwork',
          currentLevel: 2,
          targetLevel: 3,
          goal: 'วางแผนงานร่วมกับทีมทุกสัปดาห์',
          methods: ['studyVisit'],
          progress: 60,
          trainingIds: [],
        },
      ],
    });
    const page = liff.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${liff.url}/hr/evidence?sim_user=${hr}`);
    await page.getByRole('heading', { level: 1, name: 'หลักฐานการประเมิน' }).waitFor();
    await page.getByLabel('รายการประเมิน').selectOption('1.22');
    await page.locator('[data-pack-result]').getByText('เห็นชอบแล้ว 1 เป้าหมาย').waitFor();
    await page
      .getByRole('list', { name: 'ข้อมูลประกอบ' })
      .getByText('นางทีมงาน ร่วมใจ · วางแผนงานร่วมกับทีมทุกสัปดาห์ · ศึกษาดูงาน')
      .waitFor();
    await page.locator('[data-pack-basis]').getByText('ไม่พบเอกสารเกณฑ์ฉบับทางการของข้อ 1.22').waitFor();
    expect(await readabilityProblems(page)).toEqual([]);

    await page.getByLabel('รายการประเมิน').selectOption('ita-038');
    await page.getByRole('heading', { name: /ITA ข้อ 038/ }).waitFor();
    await page
      .getByRole('list', { name: 'ข้อมูลประกอบ' })
      .getByText(/^บุคลากรได้รับการอบรมคุณธรรมจริยธรรม/)
      .waitFor();
    const width = await page.locator('html').evaluate((e) => (e as { scrollWidth: number }).scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    expect(await readabilityProblems(page)).toEqual([]);
  }, 180_000);
});
