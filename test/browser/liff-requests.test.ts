import { addDays, bangkokDate } from '@phattana/shared';
import { beforeAll, expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { daytimeClock } from '../support/daytime-clock';
import { liffInBrowser } from '../support/liff-in-browser';
import { PHONE, readabilityProblems } from '../support/readability';
import { municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';
import { pickThaiDate } from '../support/thai-date-picker';

const liff = liffInBrowser('liff-requests');
// notices to the approvers are pushed: daytime, whatever the hour the suite runs
const sys = useSystem({ liffOrigins: liff.origins, clock: daytimeClock() });

// คำขอไปอบรม on a 360 px phone: the person picks HR's course, the page shows the server's Thai refusal
// of a cost that is not a number, the request goes up the chain from the approvers' own pages, and HR
// records the travel order; every page reads without zooming, dates in พ.ศ.
describeBrowser('LIFF at 360 px: training requests', () => {
  let users: Record<string, string> = {};
  const today = bangkokDate(new Date());
  const start = addDays(today, 14);

  liff.use(sys);

  beforeAll(async () => {
    users = await seedChain(sys);
    await municipality(sys).set({ approvalChain: { stopAtEmployeeId: 'R002' } }, { merge: true });
    await municipality(sys)
      .collection('trainings')
      .doc('CAT-B')
      .set({
        title: 'การจัดทำแผนพัฒนาท้องถิ่น',
        organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
        method: 'training',
        startDate: start,
        endDate: addDays(start, 1),
        hours: 12,
        attendees: [],
      });
    await liff.page.setViewportSize(PHONE);
  }, 120_000);

  const readable = async () => expect(await readabilityProblems(liff.page)).toEqual([]);

  it('sends a request from the form, refusing a cost that is not a number', async () => {
    await liff.page.goto(`${liff.url}/requests?sim_user=${users.R010}`);
    await liff.page.getByRole('heading', { level: 1, name: 'คำขอไปอบรม' }).waitFor();
    await expect(liff.page.getByLabel('หลักสูตร', { exact: true }).inputValue()).resolves.toBe('CAT-B');
    await liff.page.getByLabel('ค่าใช้จ่ายที่ขอเบิก (บาท)').fill('สองพัน');
    await liff.page.getByLabel('เหตุผลที่ขอไปอบรม').fill('ต้องร่วมจัดทำแผนพัฒนาท้องถิ่นของกองคลังในปีนี้');
    await liff.page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await liff.page.getByText('ค่าใช้จ่ายต้องเป็นตัวเลข (บาท) เช่น 3500 หรือ 3,500.50').waitFor();
    await readable();
    await liff.page.getByLabel('ค่าใช้จ่ายที่ขอเบิก (บาท)').fill('2,000');
    await liff.page.getByLabel('งบประมาณที่ใช้ (แผนงาน/รายการ)').fill('ค่าใช้จ่ายในการฝึกอบรม กองคลัง');
    await pickThaiDate(liff.page, 'วันที่กลับมาปฏิบัติงาน (ไม่เลือก = วันสุดท้ายของการอบรม)', addDays(start, 2));
    await liff.page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    await liff.page.getByText(/ส่งคำขอ "การจัดทำแผนพัฒนาท้องถิ่น" แล้ว/).waitFor();
    const mine = liff.page.getByRole('article', { name: 'การจัดทำแผนพัฒนาท้องถิ่น' });
    await mine.getByText('รออนุมัติ').waitFor();
    await mine.getByText('ยื่นคำขออนุมัติไปอบรม').waitFor();
    // พ.ศ. from Intl, never a Western year
    expect(await mine.textContent()).toMatch(/25\d\d/);
    await readable();
    expect(textsOf(sys.botMessages(users.R009 as string)).at(-1)).toContain(
      'คำขอไปอบรมของ นางสาวจิราพร ทดสอบ',
    );
  }, 90_000);

  it('goes up the chain from the approvers’ pages, and HR records the travel order', async () => {
    for (const approver of ['R009', 'R002']) {
      await liff.page.goto(`${liff.url}/requests?sim_user=${users[approver]}`);
      const card = liff.page.getByRole('article', { name: 'นางสาวจิราพร ทดสอบ: การจัดทำแผนพัฒนาท้องถิ่น' });
      await card.getByRole('button', { name: 'อนุมัติ', exact: true }).click();
      await card.getByText(/บันทึกแล้ว/).waitFor();
      await readable();
    }
    const approved = await municipality(sys)
      .collection('trainingRequests')
      .where('employeeId', '==', 'R010')
      .get();
    expect(approved.docs[0]?.get('status')).toBe('approved');
    // the last approval's notice reaches the person (the decision records its pushes with it)
    await (await sys.start()).bot.drain();
    expect(textsOf(sys.botMessages(users.R010 as string)).at(-1)).toContain('ได้รับอนุมัติครบแล้ว');

    await liff.page.goto(`${liff.url}/requests?sim_user=${users.R004}`);
    const card = liff.page.getByRole('article', { name: 'นางสาวจิราพร ทดสอบ: การจัดทำแผนพัฒนาท้องถิ่น' });
    // HR's section comes first for HR, each card saying whether its order is recorded yet
    await card.getByText('ยังไม่บันทึกคำสั่งไปราชการ').waitFor();
    const top = async (name: string) =>
      (await liff.page.getByRole('heading', { level: 2, name }).boundingBox())?.y ?? Number.NaN;
    expect(await top('ฝ่ายบุคคล: คำสั่งไปราชการและเงินยืม')).toBeLessThan(await top('ยื่นคำขอไปอบรม'));
    await card.getByLabel('เลขที่คำสั่งไปราชการ').fill('45/2570');
    await pickThaiDate(liff.page, 'ลงวันที่', today);
    await card.getByRole('button', { name: 'บันทึกคำสั่ง' }).click();
    await card.getByText('บันทึกคำสั่งไปราชการแล้ว').waitFor();
    await card.getByText(/^คำสั่งเลขที่ 45\/2570 ลงวันที่/).waitFor();
    await readable();
    const stored = await municipality(sys)
      .collection('trainingRequests')
      .where('employeeId', '==', 'R010')
      .get();
    expect(stored.docs[0]?.get('travelOrder')).toEqual({ number: '45/2570', date: today });
  }, 90_000);
});
