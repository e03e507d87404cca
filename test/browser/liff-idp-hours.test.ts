import { fiscalYearOfInstant, fiscalYearRange, hoursEntry, totalsFromEntries } from '@phattana/shared';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { daytimeClock } from '../support/daytime-clock';
import { liffInBrowser } from '../support/liff-in-browser';
import { seedReport } from '../support/report-docs';
import { municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

const liff = liffInBrowser('liff-idp-hours');
// notices to other people are pushed: daytime, whatever the hour the suite runs
const sys = useSystem({ liffOrigins: liff.origins, clock: daytimeClock() });
const FY = fiscalYearOfInstant(new Date());

// An employee's "ชั่วโมงอบรมของฉัน" and "แผนพัฒนาของฉัน" in the LIFF app, end to end against the real bot
// API, the Firestore emulator and the fake platform's LINE Login.
describeBrowser('LIFF: my hours and my development plan', () => {
  let users: Record<string, string> = {};

  liff.use(sys);

  beforeAll(async () => {
    users = await seedChain(sys);
  });

  it('shows this year’s hours by method with the targets, the reports, and opens a pending one', async () => {
    const m = municipality(sys);
    const now = new Date();
    const entries = [
      hoursEntry(
        'R010',
        {
          trainingId: 'TH1',
          title: 'ธรรมาภิบาลออนไลน์',
          method: 'eLearning',
          curriculum: 'ethics',
          hours: 6,
          endDate: fiscalYearRange(FY).start,
        },
        'approvedReport',
        now,
      ),
      hoursEntry(
        'R010',
        {
          trainingId: 'TH2',
          title: 'การเงินการคลังท้องถิ่น',
          method: 'seminar',
          hours: 18,
          endDate: fiscalYearRange(FY).start,
        },
        'approvedReport',
        now,
      ),
    ];
    for (const e of entries) await m.collection('hoursLedger').doc(e.id).set(e);
    await m
      .collection('hoursTotals')
      .doc(`R010__${FY}`)
      .set(totalsFromEntries('R010', FY, entries));
    await m
      .collection('hoursTotals')
      .doc(`R010__${FY - 1}`)
      .set({
        employeeId: 'R010',
        fiscalYear: FY - 1,
        hours: 42,
        trainings: 3,
        byMethod: {},
        byCurriculum: {},
        eLearningCourses: 1,
      });
    const pending = await seedReport(sys.fs.db, 'R010', { trainingTitle: 'ความปลอดภัยไซเบอร์เบื้องต้น' });

    await liff.page.goto(`${liff.url}/hours?sim_user=${users.R010}`);
    await liff.page.getByRole('heading', { level: 2, name: `ปีงบประมาณ พ.ศ. ${FY}` }).waitFor();
    const hours = entries.reduce((a, e) => a + e.hours, 0);
    expect(await liff.page.locator('.big-number').textContent()).toContain(`${hours} ชั่วโมง`);
    const targets =
      (await liff.page.getByRole('list', { name: 'ความก้าวหน้าตามเป้าหมายของเทศบาล' }).textContent()) ?? '';
    expect(targets).toContain('ชั่วโมงอบรมตามเป้าหมาย 40 ชั่วโมง');
    expect(targets).toContain(`ขาดอีก ${40 - hours} ชั่วโมง`);
    expect(targets).toContain('✅ ได้รับการพัฒนาอย่างน้อย 1 ครั้งในปีนี้');
    const progress = liff.page.getByRole('progressbar');
    expect(await progress.getAttribute('value')).toBe(String(Math.floor((hours / 40) * 100)));
    // the chart is an SVG with its numbers in words for screen readers
    const chart = liff.page.getByRole('img', { name: /^ชั่วโมงตามวิธีการพัฒนา/ });
    expect(await chart.getAttribute('aria-label')).toContain('e-Learning (เช่น Local MOOC) 6 ชั่วโมง');
    expect(await liff.page.locator('svg rect.chart-bar').count()).toBeGreaterThanOrEqual(2);
    expect(await liff.page.getByRole('table').last().textContent()).toContain(`พ.ศ. ${FY - 1}`);

    // the pending report opens the same form the chat links to
    await liff.page.getByRole('link', { name: 'เขียนรายงาน' }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'ความปลอดภัยไซเบอร์เบื้องต้น' }).waitFor();
    expect(new URL(liff.page.url()).pathname).toBe(`/reports/${pending.id}`);
    expect(liff.pageErrors).toEqual([]);
  });

  it('drafts the IDP, is told what is missing, and sends it to the supervisor, who is pushed', async () => {
    await liff.page.goto(`${liff.url}/idp?sim_user=${users.R010}`);
    await liff.page.getByRole('heading', { level: 2, name: `แผนพัฒนารายบุคคล ปีงบประมาณ พ.ศ. ${FY}` }).waitFor();
    await liff.page.getByText('ผู้เห็นชอบแผน: ผู้อำนวยการกองคลัง ทดสอบ').waitFor();
    await liff.page.getByRole('button', { name: 'เพิ่มเป้าหมาย' }).click();
    const goal = liff.page.getByRole('group', { name: 'เป้าหมายที่ 1' });
    await goal.getByLabel('สมรรถนะที่ต้องการพัฒนา').selectOption('serviceExcellence');
    await goal.getByLabel('ระดับปัจจุบัน').selectOption('2');
    await goal.getByLabel('ระดับเป้าหมาย').selectOption('4');
    await goal.getByLabel('เป้าหมายการพัฒนา').fill('สั้น');
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await goal.getByText('เป้าหมายการพัฒนาสั้นเกินไป').waitFor();
    expect(await goal.getByLabel('เป้าหมายการพัฒนา').getAttribute('aria-invalid')).toBe('true');
    const ref = municipality(sys).collection('idps').doc(`R010__${FY}`);
    expect((await ref.get()).exists).toBe(false);

    await goal.getByLabel('เป้าหมายการพัฒนา').fill('ตอบคำถามผู้มาชำระภาษีได้ถูกต้องภายในครั้งเดียว');
    await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).click();
    await liff.page.getByText('บันทึกร่างแล้ว (ก่อนส่งให้หัวหน้า: เป้าหมายที่ 1: ยังไม่ได้เลือกวิธีการพัฒนา)').waitFor();
    expect((await ref.get()).data()).toMatchObject({
      status: 'draft',
      version: 1,
      goals: [{ competencyId: 'serviceExcellence', currentLevel: 2, targetLevel: 4, methods: [] }],
    });

    await goal.getByRole('checkbox', { name: 'ฝึกอบรม' }).check();
    await goal.getByRole('checkbox', { name: 'e-Learning' }).check();
    await goal.getByLabel('ความก้าวหน้า (ร้อยละ)').fill('10');
    const before = textsOf(sys.botMessages(users.R009 as string)).length;
    await liff.page.getByRole('button', { name: 'ส่งให้หัวหน้าเห็นชอบ' }).click();
    await liff.page.getByText('ส่งแผนพัฒนาให้ ผู้อำนวยการกองคลัง ทดสอบ พิจารณาแล้ว').waitFor();
    await liff.page.getByText('อยู่ระหว่างรอความเห็นชอบ จึงแก้ไขไม่ได้').waitFor();
    expect(await liff.page.getByRole('button', { name: 'บันทึกร่าง' }).count()).toBe(0);
    expect((await ref.get()).data()).toMatchObject({
      status: 'submitted',
      supervisorId: 'R009',
      version: 3,
      goals: [{ methods: ['training', 'eLearning'], progress: 10 }],
    });
    const { bot } = await sys.start();
    await bot.drain();
    expect(textsOf(sys.botMessages(users.R009 as string)).slice(before)).toEqual([
      expect.stringContaining('นางสาวจิราพร ทดสอบ ส่งแผนพัฒนารายบุคคล (IDP)'),
    ]);
    expect(liff.pageErrors).toEqual([]);
  });
});
