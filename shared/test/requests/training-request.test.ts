import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../src/calendar/working-days';
import { advanceClearBy, advanceReminderFor } from '../../src/requests/advance-clearing';
import { checkRequest } from '../../src/requests/request-input';
import { requestTrailRows } from '../../src/requests/request-trail';
import {
  approveRequest,
  markReportOpened,
  newRequest,
  RequestTransitionError,
  recordAdvance,
  recordTravelOrder,
} from '../../src/requests/training-request';
import { needsTravelOrder, travelOrderNeededReplies } from '../../src/requests/travel-order-notice';

// The training request's rules as a specification: what the checker refuses (in Thai), how the chain
// moves, and the trail the audit archive prints.

const ctx = {
  today: '2026-12-08',
  catalogue: new Map(),
  busy: [
    {
      title: 'ระเบียบพัสดุ',
      startDate: '2026-12-14',
      endDate: '2026-12-16',
      requestStatus: 'submitted' as const,
    },
  ],
  goals: [],
};
const external = {
  title: 'การบริหารความเสี่ยง',
  organiser: 'มหาวิทยาลัยขอนแก่น',
  startDate: '2026-12-21',
  endDate: '2026-12-22',
  hours: '12',
  place: 'ขอนแก่น',
  cost: '0',
  reason: 'ต้องจัดทำแผนบริหารความเสี่ยงของกองคลัง',
};
const E010 = { id: 'E010', name: 'นางสาวจิราพร สายทอง' };
const E009 = { id: 'E009', name: 'ผอ.กองคลัง' };
const at = (h: number) => new Date(Date.UTC(2026, 11, 8, h));

describe('checkRequest', () => {
  it('accepts a good external course, with the course’s last day as the return date', () => {
    const r = checkRequest(external, ctx);
    expect(r).toMatchObject({ ok: { returnDate: '2026-12-22', course: { cost: 0, hours: 12 } } });
  });

  it('refuses, in Thai: end before start, overlap, the same course again, a cost that is not a number', () => {
    expect(checkRequest({ ...external, endDate: '2026-12-20' }, ctx)).toMatchObject({
      errors: { endDate: expect.stringContaining('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม') },
    });
    expect(checkRequest({ ...external, startDate: '2026-12-15' }, ctx)).toMatchObject({
      errors: { request: expect.stringContaining('ช่วงวันที่ทับกับ "ระเบียบพัสดุ"') },
    });
    expect(
      checkRequest({ ...external, title: 'ระเบียบพัสดุ', startDate: '2026-12-14', endDate: '2026-12-14' }, ctx),
    ).toMatchObject({
      errors: { request: 'ท่านขอไปอบรมหลักสูตร "ระเบียบพัสดุ" แล้ว (รออนุมัติ) ไม่ต้องขอซ้ำ' },
    });
    expect(checkRequest({ ...external, cost: '3,5OO' }, ctx)).toMatchObject({
      errors: { cost: 'ค่าใช้จ่ายต้องเป็นตัวเลข (บาท) เช่น 3500 หรือ 3,500.50' },
    });
    // a cost needs its budget line
    expect(checkRequest({ ...external, cost: '๓,๕๐๐' }, ctx)).toMatchObject({
      errors: { budgetLine: expect.stringContaining('งบประมาณ') },
    });
  });
});

describe('the chain and the trail', () => {
  it('moves up the chain, refuses a foreign approver, and keeps every step with names for the archive', () => {
    const checked = checkRequest(external, ctx);
    if (!('ok' in checked)) throw new Error('expected ok');
    let r = newRequest(
      { id: 'q1', employeeId: 'E010', ...checked.ok, approvers: ['E009', 'E002'] },
      E010,
      at(1),
    );
    expect(() => approveRequest(r, { id: 'E002', name: 'ปลัด' }, at(2))).toThrow(RequestTransitionError);
    r = approveRequest(r, E009, at(2));
    r = approveRequest(r, { id: 'E002', name: 'ปลัด' }, at(3));
    expect(r.status).toBe('approved');
    r = recordTravelOrder(r, { number: '12/2570', date: '2026-12-10' }, { id: 'E004', name: 'HR' }, at(4));
    r = recordAdvance(r, 4200, '2027-01-07', { id: 'E004', name: 'HR' }, at(5));
    r = markReportOpened(r, { id: 'T__E010', returnDate: '2026-12-23', dueDate: '2027-01-05' }, at(6));
    expect(requestTrailRows(r)).toEqual([
      {
        date: at(1).toISOString(),
        step: 'ยื่นคำขออนุมัติไปอบรม',
        actor: 'นางสาวจิราพร สายทอง',
        detail: 'การบริหารความเสี่ยง',
      },
      { date: at(2).toISOString(), step: 'ผู้บังคับบัญชาอนุมัติ', actor: 'ผอ.กองคลัง', detail: 'ลำดับที่ 1 จาก 2' },
      { date: at(3).toISOString(), step: 'ผู้บังคับบัญชาอนุมัติ', actor: 'ปลัด', detail: 'ลำดับที่ 2 จาก 2' },
      {
        date: at(4).toISOString(),
        step: 'ออกคำสั่งไปราชการ',
        actor: 'HR',
        detail: 'คำสั่งเลขที่ 12/2570 ลงวันที่ 10 ธันวาคม 2569',
      },
      {
        date: at(5).toISOString(),
        step: 'ยืมเงินทดรองราชการ',
        actor: 'HR',
        detail: '4,200 บาท ส่งใช้ภายใน 7 มกราคม 2570',
      },
      {
        date: at(6).toISOString(),
        step: 'เปิดรายงานผลการฝึกอบรม',
        actor: 'ระบบ',
        detail: 'รายงานผลการอบรม "การบริหารความเสี่ยง" กลับมาปฏิบัติงาน 23 ธันวาคม 2569 ส่งภายใน 5 มกราคม 2570',
      },
    ]);
  });

  it('describes the opened report by its course, return date, due date and status, never by its id', () => {
    const checked = checkRequest(external, ctx);
    if (!('ok' in checked)) throw new Error('expected ok');
    const approved = newRequest({ id: 'q1', employeeId: 'E010', ...checked.ok, approvers: [] }, E010, at(1));
    const opened = markReportOpened(
      approved,
      { id: 'T__E010', returnDate: '2026-12-22', dueDate: '2027-01-04' },
      at(2),
    );
    // the person corrected the return date in the report and sent it: the trail says so now
    const now = requestTrailRows(opened, {
      status: 'submitted',
      returnDate: '2026-12-23',
      dueDate: '2027-01-05',
    });
    expect(now.at(-1)?.detail).toBe(
      'รายงานผลการอบรม "การบริหารความเสี่ยง" กลับมาปฏิบัติงาน 23 ธันวาคม 2569 ส่งภายใน 5 มกราคม 2570 (ส่งแล้ว รอการพิจารณา)',
    );
    // a request opened before the trail described the report kept the raw id: it is read as the course
    const legacy = {
      ...opened,
      trail: opened.trail.map((t) => (t.action === 'reportOpened' ? { ...t, detail: 'T__E010' } : t)),
    };
    const rows = requestTrailRows(legacy);
    expect(rows.at(-1)?.detail).toBe('รายงานผลการอบรม "การบริหารความเสี่ยง" กลับมาปฏิบัติงาน 22 ธันวาคม 2569');
    expect(JSON.stringify(rows)).not.toContain('T__E010');
  });
});

describe('the advance’s clearing deadline', () => {
  const calendar = createWorkingDayCalendar(['2027-01-01']);
  it('is the setting’s days after returning, moved to the next working day', () => {
    expect(advanceClearBy(calendar, '2026-12-23', 15)).toBe('2027-01-07');
    // 2027-01-02 is a Saturday: Monday the 4th
    expect(advanceClearBy(calendar, '2026-12-18', 15)).toBe('2027-01-04');
  });
  it('reminds 3 and 1 working days before, on the day, overdue; never once cleared', () => {
    const r = { status: 'approved' as const, advance: { amount: 1, clearBy: '2027-01-07' } };
    expect(advanceReminderFor(r, '2027-01-04', calendar)).toBe('advanceIn3');
    expect(advanceReminderFor(r, '2027-01-05', calendar)).toBeUndefined();
    expect(advanceReminderFor(r, '2027-01-06', calendar)).toBe('advanceIn1');
    expect(advanceReminderFor(r, '2027-01-07', calendar)).toBe('advanceDueToday');
    expect(advanceReminderFor(r, '2027-01-08', calendar)).toBe('advanceOverdue');
    expect(advanceReminderFor(r, '2027-01-09', calendar)).toBeUndefined(); // a Saturday
    expect(
      advanceReminderFor({ ...r, advance: { ...r.advance, clearedAt: 'x' } }, '2027-01-08', calendar),
    ).toBeUndefined();
  });
});

describe('HR’s travel order', () => {
  it('is asked of HR for an approved request until it is recorded or the course starts', () => {
    const checked = checkRequest(external, ctx);
    if (!('ok' in checked)) throw new Error('expected ok');
    const sent = newRequest(
      { id: 'q1', employeeId: 'E010', ...checked.ok, approvers: ['E009'] },
      E010,
      at(1),
    );
    expect(needsTravelOrder(sent, '2026-12-08')).toBe(false);
    const approved = approveRequest(sent, E009, at(2));
    expect(needsTravelOrder(approved, '2026-12-08')).toBe(true);
    // the course's first day is the last day to hear of it
    expect(needsTravelOrder(approved, '2026-12-21')).toBe(true);
    expect(needsTravelOrder(approved, '2026-12-22')).toBe(false);
    const ordered = recordTravelOrder(approved, { number: '1/2570', date: '2026-12-09' }, E009, at(3));
    expect(needsTravelOrder(ordered, '2026-12-09')).toBe(false);
    const [notice] = travelOrderNeededReplies(approved, '1234567890-AbCdEfGh');
    expect(notice).toMatchObject({
      kind: 'text',
      text: expect.stringContaining(
        'นางสาวจิราพร สายทอง: "การบริหารความเสี่ยง" (21 ธันวาคม 2569 – 22 ธันวาคม 2569) ไม่มีค่าใช้จ่าย',
      ),
      quickReplies: [{ type: 'uri', uri: 'https://liff.line.me/1234567890-AbCdEfGh/requests' }],
    });
  });
});
