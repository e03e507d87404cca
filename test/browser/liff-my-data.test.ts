import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { describeBrowser } from '../support/browser';
import { liffInBrowser } from '../support/liff-in-browser';
import { useSystem } from '../support/system';

const liff = liffInBrowser('liff-my-data');
const sys = useSystem({ liffOrigins: liff.origins });

// The PDPA download through LIFF, end to end: the local LIFF app logs in through the fake platform's
// LINE Login (a real ES256 ID token), the bot's API verifies it, and the browser saves the file.
describeBrowser('LIFF: download my data', () => {
  liff.use(sys);

  it('downloads a JSON file with the person’s own data', async () => {
    const user = await sys.linkedUser({ employeeId: 'W001', name: 'นายดาวน์ โหลดได้' });
    await liff.page.goto(`${liff.url}/my-data?sim_user=${user}`);
    await liff.page.getByRole('heading', { name: 'ข้อมูลของฉัน' }).waitFor();
    const [download] = await Promise.all([
      liff.page.waitForEvent('download'),
      liff.page.getByRole('button', { name: 'ดาวน์โหลดข้อมูลของฉัน' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^phattana-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(data).toMatchObject({ lineUserId: user, employee: { name: 'นายดาวน์ โหลดได้' } });
    await liff.page.getByText('ดาวน์โหลด phattana-my-data-').waitFor();
  });

  it('tells an unregistered person, in Thai, to register in chat', async () => {
    await liff.page.goto(`${liff.url}/my-data?sim_user=${sys.newUserId()}`);
    await liff.page.getByRole('button', { name: 'ดาวน์โหลดข้อมูลของฉัน' }).click();
    await liff.page.getByText('ยังไม่ได้ลงทะเบียน').waitFor();
  });
});
