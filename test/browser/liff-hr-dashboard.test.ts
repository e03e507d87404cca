import { fiscalYearOfInstant, fiscalYearRange, hoursEntry } from '@phattana/shared';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { creditHours } from '../../bot/src/reports/credit-hours';
import { readCreditPrior } from '../../bot/src/stats/credit-prior';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-hr-dashboard');
const sys = useSystem({ liffOrigins: liff.origins });

// HR's dashboard in the LIFF app against the real bot and emulator: the indicators of the current
// fiscal year from the maintained stats, the charts by division, another year on request, and staff
// without the role told so in Thai.
describeBrowser('LIFF: HR dashboard', () => {
  const fy = fiscalYearOfInstant(new Date());

  liff.use(sys);

  async function seed(o: { credits: boolean }) {
    const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m.set({
      id: DEMO_MUNICIPALITY_ID,
      name: 'เทศบาลตำบลทดสอบ',
      yearlyHoursTarget: 10,
      divisions: [
        { id: 'palad', name: 'สำนักปลัดเทศบาล' },
        { id: 'works', name: 'กองช่าง' },
      ],
    });
    const hr = await sys.linkedUser({ employeeId: 'H001', name: 'นางสาวฝ่าย บุคคล', roles: ['staff', 'hr'] });
    const staff = await sys.linkedUser({ employeeId: 'H002', name: 'นายช่าง ทดสอบ' });
    const people = [
      ['H001', 'palad', 'ทรัพยากรบุคคล'],
      ['H002', 'works', 'ช่างโยธา'],
      ['H003', 'works', 'ช่างโยธา'],
      ['H004', 'works', 'วิศวกรรมโยธา'],
    ] as const;
    for (const [id, divisionId, jobLine] of people)
      await m
        .collection('employees')
        .doc(id)
        .set(
          // arrayUnion: H001 keeps the hr role linkedUser gave it (the API reads roles from this record)
          {
            id,
            code: id,
            name: id,
            divisionId,
            jobLine,
            active: true,
            roles: FieldValue.arrayUnion('staff'),
          },
          { merge: true },
        );
    const c = municipalityCollections(m);
    const { start } = fiscalYearRange(fy);
    const credits = [
      ['H001', 12, 'eLearning'],
      ['H002', 4, 'training'],
      ['H003', 2, 'training'],
    ] as const;
    for (const [id, hours, method] of o.credits ? credits : []) {
      const e = hoursEntry(
        id,
        { trainingId: `TB-${id}`, title: 'หลักสูตรทดสอบ', method, curriculum: 'duties', hours, endDate: start },
        'attendance',
        new Date(),
      );
      await sys.fs.db.runTransaction(async (tx) =>
        creditHours(tx, c, e, Timestamp.now(), await readCreditPrior(tx, c, id, fy)),
      );
    }
    return { hr, staff };
  }

  it('shows HR the indicators with progress toward their targets, and the charts by division', async () => {
    const { hr } = await seed({ credits: true });
    await liff.page.goto(`${liff.url}/hr?sim_user=${hr}`);
    await liff.page.getByRole('heading', { name: 'ตัวชี้วัดตามแผนพัฒนาบุคลากร' }).waitFor();

    // 3 of 4 people developed: 75%, under the 80% target, said in words as well as colour
    const developed = liff.page.locator('[data-indicator="developed"]');
    await expect.poll(() => developed.locator('.kpi-number').textContent()).toBe('75%');
    expect(await developed.locator('.kpi-status').textContent()).toBe('ยังไม่ถึงเป้าหมาย (ขาดอีก 5%)');
    expect(await developed.getAttribute('class')).toContain('kpi-unmet');
    // job lines: ทรัพยากรบุคคล and ช่างโยธา of three had job-line training
    expect(await liff.page.locator('[data-indicator="jobLines"] .kpi-count').textContent()).toBe('2 จาก 3');
    // one of four reached the 10-hour target
    expect(await liff.page.locator('[data-indicator="reachedTarget"] .kpi-number').textContent()).toBe('25%');

    const hoursChart = liff.page.getByRole('img', { name: /ชั่วโมงการพัฒนารวมแยกตามหน่วยงาน/ });
    expect(await hoursChart.getAttribute('aria-label')).toContain('สำนักปลัดเทศบาล 12 ชั่วโมง, กองช่าง 6 ชั่วโมง');
    expect(await hoursChart.locator('rect').count()).toBe(2);
    const developedChart = liff.page.getByRole('img', { name: /ร้อยละของบุคลากรที่ได้รับการพัฒนา/ });
    expect(await developedChart.getAttribute('aria-label')).toContain('กองช่าง 66.7 %');
    expect(await liff.page.getByRole('row', { name: /กองช่าง/ }).textContent()).toContain('2 (66.7%)');

    // last year: nothing recorded
    await liff.page.getByLabel('ปีงบประมาณ').selectOption(String(fy - 1));
    await liff.page.getByText(`ปีงบประมาณ พ.ศ. ${fy - 1}`).waitFor();
    await expect.poll(() => developed.locator('.kpi-number').textContent()).toBe('0%');
    expect(await developed.locator('.kpi-status').textContent()).toBe('ยังไม่ถึงเป้าหมาย (ขาดอีก 80%)');

    // the evidence file downloads
    const [download] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'CSV รายหน่วยงาน' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`phattana-kpi-${fy - 1}-divisions.csv`);
  });

  it('tells staff without the role, in Thai, that the dashboard is not for them', async () => {
    const { staff } = await seed({ credits: false });
    await liff.page.goto(`${liff.url}/hr?sim_user=${staff}`);
    await liff.page.getByText('หน้านี้สำหรับฝ่ายบุคคลและผู้บริหาร').waitFor();
  });
});
