import { beforeAll, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { PHONE, readabilityProblems } from '../support/readability';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-region');
const sys = useSystem({ platform: true, liffOrigins: liff.origins });

// The province office's page on a 360 px phone: each member municipality's indicators and the region's
// totals, readable without zooming, and not one person's name on it; anyone else is told in Thai.
describeBrowser('LIFF /region and /platform at 360 px: municipalities, never people', () => {
  const officer = `U${'a'.repeat(28)}0042`;
  let staff = '';
  liff.use(sys);

  beforeAll(async () => {
    const db = sys.fs.db;
    const m = (id: string) => db.collection('municipalities').doc(id);
    await m(DEMO_MUNICIPALITY_ID).set({
      id: DEMO_MUNICIPALITY_ID,
      name: 'เทศบาลตำบลบ้านสาธิต',
      divisions: [],
      yearlyHoursTarget: 40,
    });
    await m('nongnamsai').set({
      id: 'nongnamsai',
      name: 'เทศบาลตำบลหนองน้ำใส',
      divisions: [],
      yearlyHoursTarget: 24,
    });
    staff = await sys.linkedUser({ employeeId: 'RG01', name: 'นางสาวลับเฉพาะ บุคคลหนึ่ง' });
    await m('nongnamsai')
      .collection('employees')
      .doc('RG02')
      .set({ id: 'RG02', code: 'RG02', name: 'นายลับเฉพาะ บุคคลสอง', roles: ['staff'], active: true });
    await db
      .collection('regions')
      .doc('khonkaen')
      .set({
        name: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
        municipalityIds: [DEMO_MUNICIPALITY_ID, 'nongnamsai'],
        staffLineUserIds: [officer],
      });
    await db.collection('lineUsers').doc(officer).set({ regionId: 'khonkaen' });
    await liff.page.setViewportSize(PHONE);
  }, 120_000);

  it("shows each member municipality and the totals, readable, with no person's name", async () => {
    await liff.page.goto(`${liff.url}/region?sim_user=${officer}`);
    await liff.page.getByRole('heading', { level: 1, name: 'ภาพรวมเทศบาลในเครือข่าย' }).waitFor();
    await liff.page.getByRole('heading', { level: 2, name: 'รวมทั้งเครือข่าย' }).waitFor();
    for (const name of ['เทศบาลตำบลบ้านสาธิต', 'เทศบาลตำบลหนองน้ำใส'])
      await liff.page.getByRole('heading', { level: 2, name }).waitFor();
    const text = (await liff.page.locator('main').textContent()) ?? '';
    expect(text).toContain('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น');
    expect(text).toContain('เทศบาล 2 แห่ง');
    expect(text).toContain('บุคลากร 2 คน');
    expect(text).not.toContain('ลับเฉพาะ');
    expect(await readabilityProblems(liff.page)).toEqual([]);
  });

  it('lets the platform administrator create a municipality and see every one with its counts', async () => {
    const admin = `U${'b'.repeat(28)}0043`;
    await sys.fs.db.collection('lineUsers').doc(admin).set({ platformAdmin: true });
    await liff.page.goto(`${liff.url}/platform?sim_user=${admin}`);
    await liff.page.getByRole('heading', { level: 2, name: 'เทศบาลตำบลหนองน้ำใส' }).waitFor();
    await liff.page.getByLabel('รหัสเทศบาล', { exact: false }).fill('banmai');
    await liff.page.getByLabel('ชื่อเทศบาล').fill('เทศบาลตำบลบ้านใหม่');
    await liff.page.getByLabel('จังหวัด').fill('ขอนแก่น');
    await liff.page.getByRole('button', { name: 'สร้างเทศบาล' }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'เทศบาลตำบลบ้านใหม่' }).waitFor();
    await liff.page.getByText('สร้างเทศบาลตำบลบ้านใหม่แล้ว', { exact: false }).waitFor();
    expect((await sys.fs.db.collection('municipalities').doc('banmai').get()).get('province')).toBe('ขอนแก่น');
    expect(await readabilityProblems(liff.page)).toEqual([]);
    // staff of a municipality are refused the page, in Thai
    await liff.page.goto(`${liff.url}/platform?sim_user=${staff}`);
    await liff.page.getByText('หน้านี้สำหรับผู้ดูแลระบบของหน่วยงานที่ให้บริการเท่านั้น').waitFor();
  });

  it('tells a member of staff in Thai that the page is not theirs', async () => {
    await liff.page.goto(`${liff.url}/region?sim_user=${staff}`);
    await liff.page.getByText('หน้านี้สำหรับเจ้าหน้าที่ระดับจังหวัดหรือเครือข่ายที่ได้รับสิทธิ์เท่านั้น', { exact: false }).waitFor();
    expect(liff.pageErrors).toEqual([]);
  });
});
