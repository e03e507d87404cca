import { beforeAll, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { PHONE, readabilityProblems } from '../support/readability';
import { seedReport } from '../support/report-docs';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-library');
const sys = useSystem({ liffOrigins: liff.origins });

// The knowledge library on a 360 px phone: a colleague searches, opens an approved report (one read),
// the author keeps it internal, and HR's printable archive lists the trail in Thai with พ.ศ. dates.
describeBrowser('LIFF at 360 px: the knowledge library and the audit archive', () => {
  let users: Record<string, string> = {};
  let reportId = '';

  liff.use(sys);

  beforeAll(async () => {
    users = await seedChain(sys);
    await municipality(sys).set(
      {
        divisions: [
          { id: 'finance', name: 'กองคลัง' },
          { id: 'palad', name: 'สำนักปลัดเทศบาล' },
        ],
      },
      { merge: true },
    );
    const report = await seedReport(sys.fs.db, 'R010', {
      employeeName: 'นางสาวจิราพร ทดสอบ',
      divisionId: 'finance',
      trainingTitle: 'การจัดทำงบประมาณมุ่งผลสัมฤทธิ์',
      status: 'submitted',
      answers: {
        learned: 'การจัดทำงบประมาณแบบมุ่งผลสัมฤทธิ์และการติดตามผลรายไตรมาส',
        application: 'ปรับแผนการเบิกจ่ายของกองคลังให้ตรงเวลา',
        sharing: 'staffMeeting',
        problems: '-',
        rating: 5,
      },
      approvers: ['R009'],
      currentApproverId: 'R009',
      firstSubmittedAt: new Date().toISOString(),
    });
    reportId = report.id;
    const { bot, platform } = await sys.start();
    const token = platform.issueIdToken(users.R009 as string, { aud: DEV_CHANNEL.loginChannelId });
    const res = await fetch(`${bot.url}/api/team/reports/${encodeURIComponent(report.id)}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    await liff.page.setViewportSize(PHONE);
  }, 120_000);

  const readable = async () => expect(await readabilityProblems(liff.page)).toEqual([]);
  const entryDoc = () => municipality(sys).collection('library').doc(reportId).get();

  it('lets a colleague search the library and open an entry, counting the read once', async () => {
    await liff.page.goto(`${liff.url}/?sim_user=${users.R011}`);
    await liff.page.getByRole('link', { name: 'คลังความรู้', exact: true }).click();
    await liff.page.getByRole('heading', { level: 1, name: 'คลังความรู้' }).waitFor();
    await liff.page.getByText('พบ 1 เรื่อง').waitFor();
    await liff.page.getByLabel('ค้นหาเรื่อง').fill('ไม่มีเรื่องนี้');
    await liff.page.getByRole('button', { name: 'ค้นหา' }).click();
    await liff.page.getByText('ยังไม่มีเรื่องที่ตรงกับการค้นหา').waitFor();
    await liff.page.getByLabel('ค้นหาเรื่อง').fill('งบประมาณ');
    await liff.page.getByLabel('กอง/สำนัก').selectOption('finance');
    await liff.page.getByRole('button', { name: 'ค้นหา' }).click();
    await liff.page.getByText('พบ 1 เรื่อง').waitFor();
    await readable();
    await liff.page.getByRole('link', { name: 'การจัดทำงบประมาณมุ่งผลสัมฤทธิ์' }).click();
    await liff.page.getByRole('heading', { level: 2, name: 'การจัดทำงบประมาณมุ่งผลสัมฤทธิ์' }).waitFor();
    await liff.page.getByText('ปรับแผนการเบิกจ่ายของกองคลังให้ตรงเวลา').waitFor();
    await liff.page.getByText('1 คน').waitFor();
    // dates in the Buddhist era
    expect(await liff.page.locator('.library-entry dd').first().textContent()).toMatch(/25\d\d/);
    await readable();
    // a colleague may not change who sees it
    expect(await liff.page.getByRole('button', { name: 'เปลี่ยนเป็นเอกสารภายใน' }).count()).toBe(0);
    // opening it again is not a second read
    await liff.page.goto(`${liff.url}/library/${encodeURIComponent(reportId)}?sim_user=${users.R011}`);
    await liff.page.getByText('1 คน').waitFor();
    expect((await entryDoc()).get('readCount')).toBe(1);
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);

  it('lets the author keep it internal, after which a colleague is told it is internal', async () => {
    await liff.page.goto(`${liff.url}/library/${encodeURIComponent(reportId)}?sim_user=${users.R010}`);
    await liff.page.getByRole('button', { name: 'เปลี่ยนเป็นเอกสารภายใน' }).click();
    await liff.page.getByRole('status').getByText('เก็บเป็นเอกสารภายในแล้ว').waitFor();
    expect((await entryDoc()).get('visibility')).toBe('internal');
    await readable();
    await liff.page.goto(`${liff.url}/library/${encodeURIComponent(reportId)}?sim_user=${users.R011}`);
    await liff.page.getByText(/เป็นเอกสารภายใน ดูได้เฉพาะเจ้าของรายงานและฝ่ายบุคคล/).waitFor();
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);

  it('shows HR the archive as a printable trail in Thai', async () => {
    await liff.page.goto(`${liff.url}/?sim_user=${users.R004}`);
    await liff.page.getByRole('link', { name: /หลักฐานสำหรับการประเมิน/ }).click();
    await liff.page.getByRole('heading', { level: 1, name: 'หลักฐานสำหรับการประเมิน' }).waitFor();
    await liff.page.getByRole('cell', { name: 'อนุมัติรายงาน (ลำดับที่ 1 จาก 1)' }).waitFor();
    await liff.page.getByRole('cell', { name: 'เก็บเป็นเอกสารภายใน (ไม่เผยแพร่)' }).waitFor();
    await liff.page.getByRole('cell', { name: 'เพื่อนร่วมงานเปิดอ่าน' }).waitFor();
    // every source is wired now (training requests included): nothing is listed as missing
    expect(await liff.page.getByText(/ยังไม่มีข้อมูลส่วน/).count()).toBe(0);
    await liff.page.getByLabel('รหัสพนักงาน (เว้นว่าง = ทุกคน)').fill('R011');
    await liff.page.getByRole('button', { name: 'แสดงหลักฐาน' }).click();
    await liff.page.getByText('ไม่พบหลักฐานในขอบเขตนี้').waitFor();
    await readable();
    expect(liff.pageErrors).toEqual([]);
  }, 60_000);
});
