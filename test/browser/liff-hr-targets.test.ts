import { fiscalYearOfInstant } from '@phattana/shared';
import { expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-hr-targets');
const sys = useSystem({ liffOrigins: liff.origins });

// HR's yearly targets on a 360 px phone against the real bot and emulator: last year's result typed
// in, this year's rule changed to "≥ 90% or not below last year's result", and the dashboard then
// judging this year's 75% as met under that rule, with the year-on-year chart and the audit trail.
/** The page's scrollable width: wider than the viewport means sideways scrolling on a phone. */
const pageWidth = () => liff.page.locator('html').evaluate((e) => (e as { scrollWidth: number }).scrollWidth);

describeBrowser('LIFF: yearly targets', () => {
  const fy = fiscalYearOfInstant(new Date());
  liff.use(sys);

  async function seed() {
    const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m.set({
      id: DEMO_MUNICIPALITY_ID,
      name: 'เทศบาลตำบลทดสอบ',
      yearlyHoursTarget: 10,
      divisions: [{ id: 'palad', name: 'สำนักปลัดเทศบาล' }],
    });
    const hr = await sys.linkedUser({ employeeId: 'H001', name: 'นางสาวฝ่าย บุคคล', roles: ['staff', 'hr'] });
    for (const id of ['H002', 'H003', 'H004'])
      await m
        .collection('employees')
        .doc(id)
        .set({ id, code: id, name: id, active: true, roles: ['staff'] });
    // three of four developed (the maintained aggregates as the credits leave them)
    await m
      .collection('stats')
      .doc('staff')
      .set({
        active: 4,
        activeByDivision: { _none: 4 },
        activeByJobLine: {},
        activeByGroup: { _none: { municipalEmployee: 4 } },
      });
    await m
      .collection('stats')
      .doc(`fy${fy}`)
      .set({ developed: 3, ethicsByGroup: {}, rebuiltAt: new Date(), hoursTarget: 10 });
    return hr;
  }

  it('lets HR set a rule with last year in mind, and the dashboard judges by it', async () => {
    const hr = await seed();
    await liff.page.setViewportSize({ width: 360, height: 740 });
    await liff.page.goto(`${liff.url}/hr/targets?sim_user=${hr}`);

    // the default: ≥ 80%, and 75% is below it
    const card = liff.page.locator('[data-target="developed"]');
    await card.locator('.kpi-number').waitFor();
    expect(await card.locator('.kpi-number').textContent()).toBe('75%');
    expect(await card.locator('.kpi-target').textContent()).toBe('เกณฑ์: ไม่น้อยกว่าร้อยละ 80');
    expect(await card.locator('.kpi-status').textContent()).toBe('ยังไม่ถึงเป้าหมาย');

    // last year's result, typed in on last year's page
    await liff.page.getByLabel('ปีงบประมาณ', { exact: true }).selectOption(String(fy - 1));
    const lastCard = liff.page.locator('[data-target="developed"]');
    await lastCard.getByText(`แก้ไขเป้าหมาย พ.ศ. ${fy - 1}`).waitFor();
    await lastCard.getByText(`แก้ไขเป้าหมาย พ.ศ. ${fy - 1}`).click();
    await lastCard.getByLabel('ผลการดำเนินงานปีนั้น (%) กรณีไม่มีข้อมูลในระบบ').fill('72');
    await lastCard.getByRole('button', { name: 'บันทึกผล' }).click();
    await expect
      .poll(() => liff.page.locator('[data-target="developed"] .kpi-number').textContent())
      .toBe('72%');

    // this year's rule: ≥ 90% or not below last year's result
    await liff.page.getByLabel('ปีงบประมาณ', { exact: true }).selectOption(String(fy));
    await liff.page.getByText(`แก้ไขเป้าหมาย พ.ศ. ${fy}`).first().waitFor();
    const now = liff.page.locator('[data-target="developed"]');
    await now.getByText(`แก้ไขเป้าหมาย พ.ศ. ${fy}`).click();
    await now.getByLabel('ร้อยละ').fill('150');
    await now.getByRole('button', { name: 'บันทึกเป้าหมาย' }).click();
    await now.getByText('ร้อยละของเป้าหมายต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100').waitFor();
    await now.getByLabel('ร้อยละ').fill('90');
    await now.getByLabel('เทียบกับปีที่แล้ว').selectOption('lastResult');
    await now.getByRole('button', { name: 'บันทึกเป้าหมาย' }).click();
    await expect
      .poll(() => liff.page.locator('[data-target="developed"] .kpi-target').textContent())
      .toBe('เกณฑ์: ไม่น้อยกว่าร้อยละ 90 หรือไม่ต่ำกว่าผลของปีที่แล้ว');
    expect(await liff.page.locator('[data-target="developed"] .kpi-status').textContent()).toBe(
      'บรรลุเป้าหมาย (ไม่ต่ำกว่าปีที่แล้ว)',
    );
    const chart = liff.page.locator('[data-target="developed"]').getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain(`พ.ศ. ${fy - 1} ผล 72% เป้าหมาย 80%`);
    expect(await chart.getAttribute('aria-label')).toContain(`พ.ศ. ${fy} ผล 75% เป้าหมาย 90% บรรลุเป้าหมาย`);
    expect(await liff.page.getByRole('region', { name: /ประวัติการแก้ไขเป้าหมาย/ }).textContent()).toContain(
      'นางสาวฝ่าย บุคคล (H001)',
    );
    // nothing wider than the phone
    expect(await pageWidth()).toBeLessThanOrEqual(360);

    // the dashboard shows the same verdict and the year-on-year section
    await liff.page.goto(`${liff.url}/hr?sim_user=${hr}`);
    const kpi = liff.page.locator('[data-indicator="developed"]');
    await expect.poll(() => kpi.locator('.kpi-status').textContent()).toBe('✓ บรรลุเป้าหมาย (ไม่ต่ำกว่าปีที่แล้ว)');
    expect(await kpi.locator('.kpi-rule').textContent()).toBe('เกณฑ์: ไม่น้อยกว่าร้อยละ 90 หรือไม่ต่ำกว่าผลของปีที่แล้ว');
    await liff.page.locator('[data-trend="developed"] summary').click();
    expect(
      await liff.page.locator('[data-trend="developed"]').getByRole('img').getAttribute('aria-label'),
    ).toContain(`พ.ศ. ${fy} ผล 75%`);
    expect(await pageWidth()).toBeLessThanOrEqual(360);
    expect(liff.pageErrors).toEqual([]);
  });
});
