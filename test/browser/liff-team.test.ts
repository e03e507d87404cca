import {
  emptyIdp,
  fiscalYearOfInstant,
  fiscalYearRange,
  nameSortKey,
  saveIdp,
  submitIdp,
} from '@phattana/shared';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { daytimeClock } from '../support/daytime-clock';
import { liffInBrowser } from '../support/liff-in-browser';
import { PHONE, readabilityProblems } from '../support/readability';
import { seedReport } from '../support/report-docs';
import { municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

const liff = liffInBrowser('liff-team');
// notices to other people are pushed: daytime, whatever the hour the suite runs
const sys = useSystem({ liffOrigins: liff.origins, clock: daytimeClock() });
const FY = fiscalYearOfInstant(new Date());

// A supervisor in the LIFF app: the home page offers "ทีมของฉัน", the team page lists their people and
// the reports waiting for them; they agree to an IDP and approve a report, and the people concerned are
// pushed through the fake LINE platform exactly as after a chat decision.
describeBrowser('LIFF: the supervisor’s team', () => {
  let users: Record<string, string> = {};

  liff.use(sys);

  beforeAll(async () => {
    users = await seedChain(sys);
  });

  it('offers the team only to someone with a team', async () => {
    // staff: the home page asks the API who they are and shows no team
    const asked = liff.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me');
    await liff.page.goto(`${liff.url}/?sim_user=${users.R010}`);
    expect(await (await asked).json()).toMatchObject({ employeeId: 'R010', hasTeam: false });
    await liff.page
      .getByRole('main')
      .getByRole('link', { name: /แผนพัฒนาของฉัน/ })
      .waitFor();
    expect(await liff.page.getByRole('link', { name: /ทีมของฉัน/ }).count()).toBe(0);
    await liff.page.goto(`${liff.url}/?sim_user=${users.R009}`);
    await liff.page.getByRole('link', { name: /ทีมของฉัน/ }).click();
    await liff.page.getByRole('heading', { level: 1, name: 'ทีมของฉัน' }).waitFor();
    expect(new URL(liff.page.url()).pathname).toBe('/team');
  });

  it('agrees to a member’s IDP, and the member is pushed', async () => {
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
    const ref = municipality(sys).collection('idps').doc(plan.id);
    await ref.set(JSON.parse(JSON.stringify(plan)));

    await liff.page.goto(`${liff.url}/team?sim_user=${users.R009}`);
    await liff.page.getByText('รอท่านเห็นชอบ').waitFor();
    await liff.page.getByRole('link', { name: 'พิจารณาแผนของ นายอนุชา ทดสอบ' }).click();
    await liff.page
      .getByRole('heading', { level: 2, name: `แผนพัฒนาของ นายอนุชา ทดสอบ ปีงบประมาณ พ.ศ. ${FY}` })
      .waitFor();
    await liff.page.getByText('ตรวจสอบทะเบียนผู้ชำระภาษีให้ไม่มีข้อผิดพลาด').waitFor();
    const before = textsOf(sys.botMessages(users.R011 as string)).length;
    await liff.page.getByLabel('ความเห็นของท่าน (จำเป็นเมื่อส่งกลับแก้ไข)').fill('เห็นชอบ ขอให้รายงานทุกไตรมาส');
    await liff.page.getByRole('button', { name: 'เห็นชอบแผน' }).click();
    await liff.page.getByText('เห็นชอบแผนพัฒนาของ นายอนุชา ทดสอบ แล้ว ✅').waitFor();
    expect(await liff.page.getByRole('button', { name: 'เห็นชอบแผน' }).count()).toBe(0);
    expect((await ref.get()).data()).toMatchObject({
      status: 'agreed',
      agreedBy: 'R009',
      supervisorComment: 'เห็นชอบ ขอให้รายงานทุกไตรมาส',
    });
    const { bot } = await sys.start();
    await bot.drain();
    expect(textsOf(sys.botMessages(users.R011 as string)).slice(before)).toEqual([
      expect.stringContaining('หัวหน้าเห็นชอบแผนพัฒนารายบุคคล (IDP)'),
    ]);
    expect(liff.pageErrors).toEqual([]);
  });

  it('approves a report waiting for them; the next approver gets the chat’s review card', async () => {
    const report = await seedReport(sys.fs.db, 'R010', {
      trainingTitle: 'การจัดทำงบประมาณรายจ่ายประจำปี',
      employeeName: 'นางสาวจิราพร ทดสอบ',
      status: 'submitted',
      answers: {
        learned: 'ได้เรียนรู้ขั้นตอนการจัดทำงบประมาณและการตั้งงบตามระเบียบ',
        application: 'นำไปจัดทำร่างงบประมาณของกองคลังให้ถูกต้องและตรงเวลา',
        sharing: 'onTheJob',
        problems: '-',
        rating: 4,
      },
      approvers: ['R009', 'R002', 'R001'],
      currentApproverId: 'R009',
      firstSubmittedAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
    });
    await liff.page.goto(`${liff.url}/team?sim_user=${users.R009}`);
    const card = liff.page.getByRole('article', { name: 'นางสาวจิราพร ทดสอบ: การจัดทำงบประมาณรายจ่ายประจำปี' });
    await card.waitFor();
    await card.getByText('สอนงาน/แนะนำเพื่อนร่วมงานในหน่วยงาน').waitFor();
    expect(await card.textContent()).toContain('ผู้พิจารณาลำดับที่ 1 จาก 3');
    const before = textsOf(sys.botMessages(users.R002 as string)).length;
    await card.getByRole('button', { name: 'อนุมัติ' }).click();
    await card.getByText('อนุมัติรายงานของ นางสาวจิราพร ทดสอบ แล้ว ✅ ส่งต่อให้ผู้พิจารณาลำดับถัดไป').waitFor();
    expect((await municipality(sys).collection('reports').doc(report.id).get()).data()).toMatchObject({
      status: 'submitted',
      currentApproverId: 'R002',
      approvedBy: ['R009'],
    });
    const { bot } = await sys.start();
    await bot.drain();
    expect(textsOf(sys.botMessages(users.R002 as string)).slice(before)).toEqual([
      'รายงานผลการฝึกอบรมของ นางสาวจิราพร ทดสอบ รอท่านพิจารณา',
    ]);
    // gone from the list once decided
    await liff.page.reload();
    await liff.page.getByRole('heading', { level: 2, name: /รายงานผลการฝึกอบรมที่รอท่านพิจารณา \(0\)/ }).waitFor();
    expect(liff.pageErrors).toEqual([]);
  });
  it('shows a big team a page at a time: ดูเพิ่ม brings the rest once each, readable at 360 px', async () => {
    // 60 more people for R009: more than the first page's 50
    const batch = sys.fs.db.batch();
    for (let i = 0; i < 60; i++) {
      const id = `P${String(i).padStart(3, '0')}`;
      batch.set(municipality(sys).collection('employees').doc(id), {
        id,
        code: id,
        name: `บุคลากรกองคลัง ${String(i).padStart(2, '0')}`,
        nameSortKey: nameSortKey(`บุคลากรกองคลัง ${String(i).padStart(2, '0')}`),
        roles: ['staff'],
        active: true,
        supervisorId: 'R009',
      });
    }
    await batch.commit();
    await liff.page.setViewportSize(PHONE);
    await liff.page.goto(`${liff.url}/team?sim_user=${users.R009}`);
    const team = liff.page.getByRole('region', { name: /บุคลากรในทีม/ });
    const rows = team.getByRole('listitem');
    await liff.page.getByRole('button', { name: 'ดูเพิ่ม' }).waitFor();
    expect(await rows.count()).toBe(50);
    await team.getByText('แสดง 50 คน กด "ดูเพิ่ม" ท้ายรายการเพื่อดูคนถัดไป').waitFor();
    expect(await readabilityProblems(liff.page)).toEqual([]);
    await liff.page.getByRole('button', { name: 'ดูเพิ่ม' }).click();
    await team.getByText('แสดง 62 คน (ครบแล้ว)').waitFor();
    const names = await team.locator('.record-title').allTextContents();
    expect(names).toHaveLength(62);
    expect(new Set(names).size).toBe(62);
    expect(names).toEqual(
      expect.arrayContaining(['นางสาวจิราพร ทดสอบ', 'นายอนุชา ทดสอบ', 'บุคลากรกองคลัง 00', 'บุคลากรกองคลัง 59']),
    );
    expect(await liff.page.getByRole('button', { name: 'ดูเพิ่ม' }).count()).toBe(0);
    expect(await readabilityProblems(liff.page)).toEqual([]);
    expect(liff.pageErrors).toEqual([]);
  });
});
