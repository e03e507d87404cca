import { formatThaiDate } from '@phattana/shared';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { bangkokMorning, municipality, type Person, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// Issue #16's "done when", walked once end to end through signed webhooks, the real API, the Firestore
// emulator and the fake LINE platform: E010 asks for a course in chat, E009 then E002 approve, HR
// records the travel order; the morning after the course the report opens with the request's return
// date; E010 files it, the chain approves it and it is published; E011 (same division) hears of it in
// the weekly digest and opens it; HR's audit download holds the whole trail.

let now = bangkokMorning('2026-12-08');
const sys = useSystem({ clock: () => now });

const PEOPLE: Person[] = [
  { employeeId: 'E001', name: 'นายสมชาย ใจดี', roles: ['executive'], supervisorId: null },
  { employeeId: 'E002', name: 'นางสาวปลัด ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: 'E001' },
  { employeeId: 'E009', name: 'นายผู้อำนวยการ กองคลัง', roles: ['supervisor'], supervisorId: 'E002' },
  {
    employeeId: 'E010',
    name: 'นางสาวจิราพร สายทอง',
    roles: ['staff'],
    supervisorId: 'E009',
    divisionId: 'finance',
  },
  {
    employeeId: 'E011',
    name: 'นายอนุชา ทดสอบ',
    roles: ['staff'],
    supervisorId: 'E009',
    divisionId: 'finance',
  },
  { employeeId: 'E004', name: 'นางสาวปิยะนุช ฝ่ายบุคคล', roles: ['staff', 'hr'], supervisorId: 'E002' },
];
const TITLE = 'ระเบียบพัสดุฉบับใหม่';

describe('issue #16: from the request to the audit archive', () => {
  it('walks request → approvals → order → report opened → report approved → library → digest → archive', async () => {
    const users = await seedChain(sys, PEOPLE);
    const { bot } = await sys.start();
    const m = municipality(sys);
    await m.set({ approvalChain: { stopAtEmployeeId: 'E002' } }, { merge: true });
    await m.collection('trainings').doc('CAT1').set({
      title: TITLE,
      organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
      method: 'training',
      startDate: '2026-12-14',
      endDate: '2026-12-16',
      hours: 18,
      attendees: [],
    });
    const api = async (who: string, path: string, init: { method?: string; body?: unknown } = {}) => {
      const token = sys.platform.issueIdToken(users[who] as string, { aud: DEV_CHANNEL.loginChannelId });
      const res = await fetch(`${bot.url}/api${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      await bot.drain();
      return res;
    };
    const last = (who: string) => textsOf(sys.botMessages(users[who] as string)).at(-1) ?? '';
    const staff = users.E010 as string;

    // E010 asks in chat: the catalogue course, back at work on the 17th
    await sys.text(staff, 'ขอไปอบรม');
    await sys.text(staff, '1');
    await sys.text(staff, '17/12/2569');
    await sys.text(staff, '3,500');
    await sys.text(staff, 'ค่าใช้จ่ายในการฝึกอบรม กองคลัง');
    await sys.text(staff, 'ต้องใช้ระเบียบพัสดุฉบับใหม่ในการตรวจเอกสารเบิกจ่ายของกองคลังทุกวัน');
    await sys.tap(staff, 'ส่งคำขอ');
    const [request] = (await m.collection('trainingRequests').where('employeeId', '==', 'E010').get()).docs;
    expect(request?.get('status')).toBe('submitted');

    // E009 then E002 approve from their own chats
    for (const approver of ['E009', 'E002']) {
      expect(last(approver)).toContain('คำขอไปอบรมของ นางสาวจิราพร สายทอง รอท่านพิจารณา');
      now = new Date(now.getTime() + 3600_000);
      await sys.tap(users[approver] as string, 'อนุมัติ');
    }
    expect(last('E010')).toContain('ได้รับอนุมัติครบแล้ว');

    // the morning job tells HR the request waits for its travel order, once
    await bot.runDailyJobs(now);
    const hrTold = () =>
      textsOf(sys.botMessages(users.E004 as string)).filter((t) => t.includes('รอฝ่ายบุคคลบันทึกคำสั่งไปราชการ'));
    expect(hrTold()).toHaveLength(1);
    expect(hrTold()[0]).toContain(`นางสาวจิราพร สายทอง: "${TITLE}" (14 ธันวาคม 2569 – 16 ธันวาคม 2569)`);
    await bot.runDailyJobs(now);
    expect(hrTold()).toHaveLength(1);

    // HR records the travel order
    const id = request?.id as string;
    expect(
      (
        await api('E004', `/requests/${id}/travel-order`, {
          method: 'PUT',
          body: { number: '45/2569', date: '2026-12-09' },
        })
      ).status,
    ).toBe(200);

    // with the order recorded HR hears no more of it
    now = bangkokMorning('2026-12-10');
    await bot.runDailyJobs(now);
    expect(hrTold()).toHaveLength(1);

    // the morning after the course's last day the report opens with the request's return date
    now = bangkokMorning('2026-12-17');
    await bot.runDailyJobs(now);
    const reportId = 'CAT1__E010';
    expect((await m.collection('reports').doc(reportId).get()).data()).toMatchObject({
      status: 'pending',
      returnDate: '2026-12-17',
      requestId: id,
    });
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('กลับมาปฏิบัติงาน 17 ธันวาคม 2569');

    // E010 files the report in chat; the chain approves it; the last approval publishes it
    await sys.tap(staff, 'เขียนรายงาน');
    await sys.tap(staff, 'ใช่');
    await sys.text(staff, 'หลักเกณฑ์การจัดซื้อจัดจ้างตามระเบียบพัสดุฉบับใหม่และการตรวจเอกสาร');
    await sys.text(staff, 'ใช้ตรวจเอกสารเบิกจ่ายของกองคลังให้ถูกต้องตั้งแต่ครั้งแรก');
    await sys.tap(staff, 'เล่าในประชุมประจำเดือน');
    await sys.tap(staff, 'ไม่มี');
    await sys.tap(staff, '5 มากที่สุด');
    await sys.tap(staff, 'ข้าม');
    await sys.tap(staff, 'ส่งรายงาน');
    for (const approver of ['E009', 'E002']) {
      expect(last(approver)).toContain('นางสาวจิราพร สายทอง รอท่านพิจารณา');
      now = new Date(now.getTime() + 3600_000);
      await sys.tap(users[approver] as string, 'อนุมัติ');
    }
    expect((await m.collection('reports').doc(reportId).get()).get('status')).toBe('approved');
    expect((await m.collection('library').doc(reportId).get()).get('visibility')).toBe('published');
    expect(last('E010')).toContain('เผยแพร่ในคลังความรู้ให้เพื่อนร่วมงานอ่านแล้ว');

    // the next morning's digest reaches E011 (same division), who opens the entry
    now = bangkokMorning('2026-12-18');
    const digest = await bot.runLibraryDigest(now);
    expect(digest.messages.sent).toBeGreaterThan(0);
    const told = textsOf(sys.botMessages(users.E011 as string)).filter((t) =>
      t.startsWith('📚 สรุปคลังความรู้ประจำสัปดาห์'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(TITLE);
    const opened = await api('E011', `/library/${encodeURIComponent(reportId)}`);
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { readCount: number }).readCount).toBe(1);

    // HR's audit download for E010 holds the whole trail, in Thai
    const xlsx = await api('E004', '/archive/export.xlsx?employee=E010');
    expect(xlsx.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    const steps = (sheet?.data ?? []).slice(2).map((r) => `${String(r[1])}: ${String(r[4])}`);
    expect(steps).toEqual(
      expect.arrayContaining([
        'คำขอไปอบรม: ยื่นคำขออนุมัติไปอบรม',
        'คำขอไปอบรม: ผู้บังคับบัญชาอนุมัติ',
        'คำขอไปอบรม: ออกคำสั่งไปราชการ',
        'คำขอไปอบรม: เปิดรายงานผลการฝึกอบรม',
        'รายงานผลการฝึกอบรม: ส่งรายงานผลการฝึกอบรม',
        'รายงานผลการฝึกอบรม: อนุมัติรายงาน (ลำดับที่ 2 จาก 2)',
        'รายงานผลการฝึกอบรม: เผยแพร่ในคลังความรู้',
        'รายงานผลการฝึกอบรม: เพื่อนร่วมงานเปิดอ่าน',
      ]),
    );
    expect(steps.filter((s) => s === 'คำขอไปอบรม: ผู้บังคับบัญชาอนุมัติ')).toHaveLength(2);

    // the report's opening reads as the course, the return date, the due date and the status, never an id
    const due = formatThaiDate(String((await m.collection('reports').doc(reportId).get()).get('dueDate')));
    const openedDetail = `รายงานผลการอบรม "${TITLE}" กลับมาปฏิบัติงาน 17 ธันวาคม 2569 ส่งภายใน ${due} (อนุมัติแล้ว)`;
    const openedRow = (sheet?.data ?? []).find(
      (r) => r[1] === 'คำขอไปอบรม' && r[4] === 'เปิดรายงานผลการฝึกอบรม',
    );
    expect(openedRow?.[6]).toBe(openedDetail);
    const cells = (sheet?.data ?? []).flat().map(String);
    expect(cells.filter((x) => x.includes(reportId) || x.includes(id))).toEqual([]);
    // the printable page's data and the person's own request page say the same
    const printable = (await (await api('E004', '/archive?employee=E010')).json()) as {
      sections: Array<{ kind: string; rows: Array<{ step: string; detail: string }> }>;
    };
    const requestRows = printable.sections.find((x) => x.kind === 'trainingRequest')?.rows ?? [];
    expect(requestRows.find((r) => r.step === 'เปิดรายงานผลการฝึกอบรม')?.detail).toBe(openedDetail);
    const mine = (await (await api('E010', '/requests')).json()) as {
      mine: Array<{ trail: Array<{ step: string; detail: string }> }>;
    };
    expect(mine.mine[0]?.trail.find((r) => r.step === 'เปิดรายงานผลการฝึกอบรม')?.detail).toBe(openedDetail);
  });
});
