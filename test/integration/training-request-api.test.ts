import { fiscalYearOf } from '@phattana/shared';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { bangkokMorning, municipality, type Person, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The LIFF side of training requests through the real API: a request sent from the form (with its
// Thai refusals), the approver's decisions (foreign and stale refused), HR's travel order and advance,
// the trail as rows, and the advance's clearing reminders from the morning job.

let now = bangkokMorning('2026-12-08');
const sys = useSystem({ clock: () => now });

const PEOPLE: Person[] = [
  { employeeId: 'A001', name: 'นายกเทศมนตรี ทดสอบ', roles: ['executive'], supervisorId: null },
  { employeeId: 'A002', name: 'ปลัดเทศบาล ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: 'A001' },
  { employeeId: 'A009', name: 'ผู้อำนวยการกองคลัง ทดสอบ', roles: ['supervisor'], supervisorId: 'A002' },
  {
    employeeId: 'A010',
    name: 'นางสาวจิราพร ทดสอบ',
    roles: ['staff'],
    supervisorId: 'A009',
    divisionId: 'finance',
  },
  { employeeId: 'A004', name: 'นางสาวปิยะนุช ฝ่ายบุคคล', roles: ['staff', 'hr'], supervisorId: 'A002' },
];
let users: Record<string, string> | undefined;

async function call(employeeId: string, path: string, o: { method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  users ??= await seedChain(sys, PEOPLE);
  const token = sys.platform.issueIdToken(users[employeeId] as string, { aud: DEV_CHANNEL.loginChannelId });
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'POST',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

/** a download (the XLSX) as the LIFF fetches it */
async function download(path: string, employeeId: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken(users?.[employeeId] as string, { aud: DEV_CHANNEL.loginChannelId });
  return fetch(`${bot.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
}

const EXTERNAL = {
  title: 'การบริหารความเสี่ยงทางการเงินท้องถิ่น',
  organiser: 'มหาวิทยาลัยขอนแก่น',
  startDate: '2026-12-21',
  endDate: '2026-12-22',
  hours: 12,
  place: 'ขอนแก่น',
  cost: '4,200',
  budgetLine: 'ค่าใช้จ่ายในการฝึกอบรม กองคลัง',
  returnDate: '2026-12-23',
  reason: 'ต้องจัดทำแผนบริหารความเสี่ยงของกองคลังในปีงบประมาณนี้',
};

describe('training requests in LIFF', () => {
  it('refuses bad input in Thai, sends a good one up the chain, and HR records the order and advance', async () => {
    await call('A010', '/requests', { method: 'GET' });
    await municipality(sys).set({ approvalChain: { stopAtEmployeeId: 'A002' } }, { merge: true });

    const bad = await call('A010', '/requests', {
      body: { ...EXTERNAL, endDate: '2026-12-20', cost: 'สี่พัน' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({
      endDate: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม (21 ธันวาคม 2569)',
      cost: 'ค่าใช้จ่ายต้องเป็นตัวเลข (บาท) เช่น 3500 หรือ 3,500.50',
    });

    const sent = await call('A010', '/requests', { body: EXTERNAL });
    expect(sent.status).toBe(201);
    const id = sent.body.request.id as string;
    expect(sent.body.request).toMatchObject({
      status: 'submitted',
      currentApproverId: 'A009',
      course: { cost: 4200 },
    });
    const again = await call('A010', '/requests', { body: EXTERNAL });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('ท่านขอไปอบรมหลักสูตร "การบริหารความเสี่ยงทางการเงินท้องถิ่น" แล้ว');

    // the director sees it waiting; ปลัด (not their turn yet) and a stale step are refused
    const page = await call('A009', '/requests', { method: 'GET' });
    expect(page.body.waiting.map((v: { request: { id: string } }) => v.request.id)).toEqual([id]);
    const step = page.body.waiting[0].step as string;
    expect(
      (await call('A002', `/requests/${id}/decision`, { body: { decision: 'approve', step } })).status,
    ).toBe(409);
    expect(
      (await call('A004', `/requests/${id}/decision`, { body: { decision: 'approve', step } })).status,
    ).toBe(403);
    expect(
      (await call('A009', `/requests/${id}/decision`, { body: { decision: 'approve', step: '0' } })).status,
    ).toBe(409);
    expect(
      (await call('A009', `/requests/${id}/decision`, { body: { decision: 'approve', step } })).status,
    ).toBe(200);
    // both pushes a decision causes reach LINE: the next approver's card now, the person's notice below
    expect(textsOf(sys.botMessages(users?.A002 as string)).at(-1)).toContain(
      'คำขอไปอบรมของ นางสาวจิราพร ทดสอบ รอท่านพิจารณา',
    );
    const next = await call('A002', '/requests', { method: 'GET' });
    const approved = await call('A002', `/requests/${id}/decision`, {
      body: { decision: 'approve', step: next.body.waiting[0].step },
    });
    expect(approved.body.request.status).toBe('approved');
    expect(textsOf(sys.botMessages(users?.A010 as string)).at(-1)).toContain('ได้รับอนุมัติครบแล้ว');
    // the external course became a training with A010 attending
    const training = (await municipality(sys).collection('trainings').doc(`req-${id}`).get()).data();
    expect(training).toMatchObject({
      attendees: ['A010'],
      requestReturns: { A010: { returnDate: '2026-12-23' } },
    });

    // HR only: staff may not record an order
    expect(
      (
        await call('A010', `/requests/${id}/travel-order`, {
          method: 'PUT',
          body: { number: '123/2569', date: '2026-12-10' },
        })
      ).status,
    ).toBe(403);
    const order = await call('A004', `/requests/${id}/travel-order`, {
      method: 'PUT',
      body: { number: '123/2569', date: '2026-12-10' },
    });
    expect(order.body.request.travelOrder).toEqual({ number: '123/2569', date: '2026-12-10' });
    expect(
      (await call('A004', `/requests/${id}/advance`, { method: 'PUT', body: { amount: 'ไม่ทราบ' } })).body
        .message,
    ).toContain('จำนวนเงินยืมต้องเป็นตัวเลข');
    const advance = await call('A004', `/requests/${id}/advance`, {
      method: 'PUT',
      body: { amount: '4,200' },
    });
    // 15 days after returning on 23 Dec 2569 is 7 Jan 2570, a working day
    expect(advance.body.request.advance).toEqual({ amount: 4200, clearBy: '2027-01-07' });
    expect(advance.body.trail.map((r: { step: string; actor: string }) => `${r.step}: ${r.actor}`)).toEqual([
      'ยื่นคำขออนุมัติไปอบรม: นางสาวจิราพร ทดสอบ',
      'ผู้บังคับบัญชาอนุมัติ: ผู้อำนวยการกองคลัง ทดสอบ',
      'ผู้บังคับบัญชาอนุมัติ: ปลัดเทศบาล ทดสอบ',
      'ออกคำสั่งไปราชการ: นางสาวปิยะนุช ฝ่ายบุคคล',
      'ยืมเงินทดรองราชการ: นางสาวปิยะนุช ฝ่ายบุคคล',
    ]);

    // three working days before the deadline the morning job reminds once, however often it runs
    now = bangkokMorning('2027-01-04');
    const { bot } = await sys.start();
    await bot.runDailyJobs(now);
    await bot.runDailyJobs(now);
    const said = textsOf(sys.botMessages(users?.A010 as string)).filter((t) => t.includes('ส่งใช้เงินยืม'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('อีก 3 วันทำการ ถึงกำหนดส่งใช้เงินยืม 4,200 บาท');

    const cleared = await call('A004', `/requests/${id}/advance-cleared`, {});
    expect(cleared.body.request.advance.clearedAt).toBe(now.toISOString());
    expect(cleared.body.trail.at(-1)).toMatchObject({ step: 'ส่งใช้เงินยืมแล้ว', detail: '4,200 บาท' });
    now = bangkokMorning('2027-01-07');
    await bot.runDailyJobs(now);
    expect(
      textsOf(sys.botMessages(users?.A010 as string)).filter((t) => t.includes('ส่งใช้เงินยืม')),
    ).toHaveLength(1);

    // the audit archive holds the whole trail: HR's XLSX for the person, read back row by row
    const xlsx = await download(`/archive/export.xlsx?employee=A010`, 'A004');
    expect(xlsx.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    const rows = (sheet?.data ?? []).map((r) => r.map((v) => String(v ?? '')));
    const trail = rows
      .filter((r) => r[1] === 'คำขอไปอบรม' && r[2] === EXTERNAL.title)
      .map((r) => [r[4], r[5], r[6]]);
    expect(trail).toEqual([
      ['ยื่นคำขออนุมัติไปอบรม', 'นางสาวจิราพร ทดสอบ', EXTERNAL.title],
      ['ผู้บังคับบัญชาอนุมัติ', 'ผู้อำนวยการกองคลัง ทดสอบ', 'ลำดับที่ 1 จาก 2'],
      ['ผู้บังคับบัญชาอนุมัติ', 'ปลัดเทศบาล ทดสอบ', 'ลำดับที่ 2 จาก 2'],
      ['ออกคำสั่งไปราชการ', 'นางสาวปิยะนุช ฝ่ายบุคคล', 'คำสั่งเลขที่ 123/2569 ลงวันที่ 10 ธันวาคม 2569'],
      ['ยืมเงินทดรองราชการ', 'นางสาวปิยะนุช ฝ่ายบุคคล', '4,200 บาท ส่งใช้ภายใน 7 มกราคม 2570'],
      // the morning job opened the report after the course (the report's own trail is its own section):
      // the assessor reads the course, the return date, the due date and the report's status, not its id
      [
        'เปิดรายงานผลการฝึกอบรม',
        'ระบบ',
        `รายงานผลการอบรม "${EXTERNAL.title}" กลับมาปฏิบัติงาน 23 ธันวาคม 2569 ส่งภายใน 5 มกราคม 2570 (ยังไม่ส่ง)`,
      ],
      ['ส่งใช้เงินยืมแล้ว', 'นางสาวปิยะนุช ฝ่ายบุคคล', '4,200 บาท'],
    ]);
    // dates in the Buddhist era
    expect(rows.filter((r) => r[1] === 'คำขอไปอบรม').every((r) => /25\d\d/.test(r[3] ?? ''))).toBe(true);
    // the whole fiscal year the course ends in holds it too, and nothing is listed as missing
    const year = await call('A004', `/archive?fy=${fiscalYearOf(EXTERNAL.endDate)}`, { method: 'GET' });
    expect(year.body.missingProviders).toEqual([]);
    expect(
      year.body.sections
        .filter((x: { kind: string }) => x.kind === 'trainingRequest')
        .map((x: { subject: string }) => x.subject),
    ).toEqual([EXTERNAL.title]);
    // the year before holds no request
    const before = await call('A004', `/archive?fy=${fiscalYearOf(EXTERNAL.endDate) - 1}`, { method: 'GET' });
    expect(before.body.sections.some((x: { kind: string }) => x.kind === 'trainingRequest')).toBe(false);
  });
});
