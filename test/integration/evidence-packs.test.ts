import { surveyFromTemplate } from '@phattana/shared';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// Evidence packs through the real API on the emulator: each assessment item's criterion, target,
// result and the rows behind it, from the year's surveys (answers counted, never read), training
// reports and the monthly meetings HR records (Thai messages for a bad one, none in the future).

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
let hr = '';
let staff = '';

async function call(path: string, o: { token?: string; method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers: { authorization: `Bearer ${o.token ?? hr}`, 'content-type': 'application/json' },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  return res;
}
// biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
const body = async (r: Response) => (await r.json()) as Record<string, any>;

beforeAll(async () => {
  await sys.start();
  await sys.fs.reset();
  await municipality().set(demoMunicipality);
  const token = (u: string) => sys.platform.issueIdToken(u, { aud: DEV_CHANNEL.loginChannelId });
  hr = token(await sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }));
  staff = token(await sys.linkedUser({ employeeId: 'ST01', roles: ['staff'] }));
  const surveys = municipality().collection('surveys');
  const dates = { fiscalYear: 2570, opensOn: '2026-11-01', closesOn: '2026-11-30' };
  const needs = { ...surveyFromTemplate('trainingNeeds', { id: 'TN', ...dates }), status: 'closed' };
  const fiveS = {
    ...surveyFromTemplate('fiveS', { id: 'FS', ...dates, activity: { date: '2026-11-05', area: 'สำนักปลัด' } }),
    status: 'closed',
  };
  const draft = surveyFromTemplate('satisfaction', { id: 'SAT', ...dates });
  const lastYear = {
    ...surveyFromTemplate('trainingNeeds', { id: 'OLD', ...dates, fiscalYear: 2569 }),
    status: 'closed',
  };
  for (const s of [needs, fiveS, draft, lastYear]) await surveys.doc(s.id).set(s);
  for (const n of [1, 2]) await surveys.doc('TN').collection('responses').doc(`r${n}`).set({ answers: {} });
  await surveys.doc('FS').collection('responses').doc('r1').set({ answers: {} });
  await seedReport(sys.fs.db, 'ST01', {
    endDate: '2026-11-20',
    status: 'submitted',
    firstSubmittedAt: '2026-11-24T18:30:00.000Z',
  });
  await seedReport(sys.fs.db, 'HR01', { endDate: '2026-12-10', trainingTitle: 'ธรรมาภิบาลในองค์กร' });
  // last fiscal year's report is not this year's evidence
  await seedReport(sys.fs.db, 'HR01', { endDate: '2026-09-20' });
});

describe('evidence packs', () => {
  it("LPA 26: the year's training-needs surveys with their answer counts", async () => {
    const p = await body(await call('/evidence/lpa-26?fy=2570'));
    expect(p).toMatchObject({ item: 'lpa-26', met: true, result: 'สำรวจ 1 ครั้ง มีผู้ตอบรวม 2 คน' });
    expect(p.rows).toEqual([
      [1, expect.any(String), 'ความต้องการฝึกอบรม', '1 พฤศจิกายน 2569 – 30 พฤศจิกายน 2569', 'ปิดแล้ว', 2],
    ]);
  });

  it("LPA 27: the year's training reports, one not sent yet", async () => {
    const p = await body(await call('/evidence/lpa-27?fy=2570'));
    expect(p).toMatchObject({ met: false, result: 'ส่งรายงาน 1 จาก 2 รายการ (ร้อยละ 50)' });
    expect(p.rows.map((r: unknown[]) => r.slice(2))).toEqual([
      ['การเขียนหนังสือราชการ', '20 พฤศจิกายน 2569', expect.any(String), 'ส่งแล้ว รอการพิจารณา', '25 พฤศจิกายน 2569'],
      ['ธรรมาภิบาลในองค์กร', '10 ธันวาคม 2569', expect.any(String), 'ยังไม่ส่ง', '–'],
    ]);
  });

  it('1.24: 5ส held, satisfaction survey still a draft: not met; and the workbook says so', async () => {
    const p = await body(await call('/evidence/1.24?fy=2570'));
    expect(p).toMatchObject({ met: false, result: 'กิจกรรม 5ส 1 ครั้ง สำรวจความพึงพอใจ 0 ครั้ง' });
    expect(p.rows).toHaveLength(2);
    const res = await call('/evidence/1.24.xlsx?fy=2570');
    expect(res.headers.get('content-disposition')).toContain('evidence-1.24-2570.xlsx');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect((await readSheet(bytes, 'สรุป'))[4]).toEqual(['ผลการประเมิน', 'ยังไม่ผ่านเกณฑ์']);
    expect((await readSheet(bytes, 'ข้อมูลประกอบ'))[0]?.[1]).toBe('แบบสำรวจ');
  });

  it('1.13: meetings checked in Thai, listed, and only HR may see them', async () => {
    const bad = await call('/evidence/meetings', {
      method: 'POST',
      body: { date: '2026-12-20', agenda: '', attendance: 'สิบ' },
    });
    expect(bad.status).toBe(400);
    expect((await body(bad)).errors).toEqual({
      date: 'วันที่ประชุมต้องไม่เป็นวันในอนาคต',
      agenda: 'กรุณาพิมพ์วาระการประชุม',
      attendance: 'จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็มตั้งแต่ 1 คน',
    });
    for (const date of ['2026-10-07', '2026-11-04'])
      expect(
        (
          await call('/evidence/meetings', {
            method: 'POST',
            body: { date, agenda: 'ถ่ายทอดนโยบาย', attendance: 30 },
          })
        ).status,
      ).toBe(200);
    const p = await body(await call('/evidence/1.13?fy=2570'));
    expect(p).toMatchObject({ met: false, result: 'ประชุม 2 ครั้ง ครอบคลุม 2 เดือน', target: '12 เดือนต่อปี' });
    expect((await call('/evidence/1.13', { token: staff })).status).toBe(403);
    expect((await call('/evidence/nothing')).status).toBe(404);
  });
});
