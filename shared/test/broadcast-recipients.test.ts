import { describe, expect, it } from 'vitest';
import { MULTICAST_MAX, toBatches } from '../src/broadcast/batches';
import { describeFilter, parseFilter } from '../src/broadcast/broadcast-filter';
import { broadcastIdFor, broadcastPreviewReplies } from '../src/broadcast/broadcast-preview';
import { broadcastReminderReplies } from '../src/broadcast/reminder-message';
import {
  type BroadcastEmployee,
  type OpenReportRef,
  selectRecipients,
} from '../src/broadcast/select-recipients';
import { createWorkingDayCalendar } from '../src/calendar/working-days';

const today = '2026-01-14'; // a Wednesday
const person = (id: string, o: Partial<BroadcastEmployee> = {}): BroadcastEmployee => ({
  id,
  name: `พนักงาน ${id}`,
  divisionId: 'finance',
  active: true,
  lineUserId: `U${id}`,
  lineFollowing: true,
  ...o,
});
const report = (employeeId: string, dueDate: string, o: Partial<OpenReportRef> = {}): OpenReportRef => ({
  employeeId,
  dueDate,
  status: 'pending',
  ...o,
});

describe('selectRecipients', () => {
  const employees = [
    person('A'),
    person('B', { divisionId: 'works' }),
    person('LEFT', { active: false }),
    person('NOLINE', { lineUserId: undefined }),
    person('BLOCKED', { lineFollowing: false }),
    person('OLD', { lineFollowing: undefined }), // records from before follow tracking count as following
  ];

  it('gives one recipient per person and counts who is left out, by reason', () => {
    const s = selectRecipients(
      [
        report('A', '2026-01-10'),
        report('A', '2026-01-20'), // a second open report: still one message
        report('B', '2026-01-15', { status: 'returned' }),
        report('LEFT', '2026-01-10'),
        report('NOLINE', '2026-01-10'),
        report('BLOCKED', '2026-01-10'),
        report('OLD', '2026-01-30'),
        report('GONE', '2026-01-10'), // no staff record at all
        report('A', '2026-01-01', { status: 'approved' }), // not open: ignored
      ],
      employees,
      { kind: 'allPending' },
      today,
    );
    expect(s.recipients.map((r) => r.employeeId)).toEqual(['A', 'B', 'OLD']);
    expect(s.recipients[0]).toMatchObject({ reports: 2, earliestDue: '2026-01-10', lineUserId: 'UA' });
    expect(s.excluded).toEqual({ left: 1, notLinked: 1, blocked: 1, noStaffRecord: 1 });
    expect(s.matchedPeople).toBe(7);
    expect(s.matchedReports).toBe(8);
  });

  it('narrows to overdue, due within N working days, or one division', () => {
    const reports = [report('A', '2026-01-13'), report('B', '2026-01-16'), report('OLD', '2026-01-21')];
    const ids = (f: Parameters<typeof selectRecipients>[2], cal = createWorkingDayCalendar([])) =>
      selectRecipients(reports, employees, f, today, cal).recipients.map((r) => r.employeeId);
    expect(ids({ kind: 'overdue' })).toEqual(['A']);
    // Thu 15, Fri 16, Mon 19: three working days ahead reaches Mon 19, not Wed 21
    expect(ids({ kind: 'dueWithin', workingDays: 3 })).toEqual(['B']);
    // a holiday on Fri 16 pushes the third working day to Tue 20
    expect(ids({ kind: 'dueWithin', workingDays: 3 }, createWorkingDayCalendar(['2026-01-16']))).toEqual([
      'B',
    ]);
    expect(ids({ kind: 'dueWithin', workingDays: 5 })).toEqual(['B', 'OLD']);
    expect(ids({ kind: 'dueWithin', workingDays: 0 })).toEqual([]);
    expect(ids({ kind: 'division', divisionId: 'works' })).toEqual(['B']);
  });

  it('judges the division by the staff record, not the report’s older copy', () => {
    const s = selectRecipients(
      [report('B', '2026-01-16', { divisionId: 'finance' })],
      employees,
      { kind: 'division', divisionId: 'finance' },
      today,
    );
    expect(s.recipients).toEqual([]);
  });

  it('sends one message to a LINE account even if two staff records point at it', () => {
    const s = selectRecipients(
      [report('A', '2026-01-16'), report('A2', '2026-01-16')],
      [person('A'), person('A2', { lineUserId: 'UA' })],
      { kind: 'allPending' },
      today,
    );
    expect(s.recipients).toHaveLength(1);
  });

  it('plans 10 000 people quickly', () => {
    const n = 10_000;
    const staff = Array.from({ length: n }, (_, i) => person(`E${i}`));
    const open = staff.flatMap((e, i) => [
      report(e.id, '2026-01-10'),
      ...(i % 3 === 0 ? [report(e.id, '2026-01-20')] : []),
    ]);
    const t0 = performance.now();
    const s = selectRecipients(open, staff, { kind: 'allPending' }, today);
    const batches = toBatches(s.recipients);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(s.recipients).toHaveLength(n);
    expect(batches).toHaveLength(20);
  });
});

describe('toBatches', () => {
  it('splits into batches of at most 500, in order', () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    const b = toBatches(items, MULTICAST_MAX);
    expect(b.map((x) => x.length)).toEqual([500, 500, 201]);
    expect(b.flat()).toEqual(items);
    expect(toBatches([], 500)).toEqual([]);
    expect(() => toBatches(items, 501)).toThrow(RangeError);
    expect(() => toBatches(items, 0)).toThrow(RangeError);
  });
});

describe('the reminder and the preview', () => {
  it('has a button that starts filing without naming a report', () => {
    const [card] = broadcastReminderReplies({ kind: 'overdue' });
    expect(card?.kind).toBe('card');
    if (card?.kind !== 'card') return;
    expect(card.altText).toContain('เลยกำหนดส่ง');
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'postback', data: { a: 'flow.start', f: 'trainingReport' } }),
    ]);
  });

  it('shows the count, who is left out and why, a few names, and confirm / cancel', () => {
    const [card] = broadcastPreviewReplies({
      broadcastId: 'b1',
      filter: { kind: 'allPending' },
      recipientCount: 1200,
      excluded: { left: 2, notLinked: 3, blocked: 1, noStaffRecord: 0 },
      sampleNames: ['ก', 'ข'],
      messageText: 'ข้อความ',
    });
    if (card?.kind !== 'card') throw new Error('expected a card');
    const all = JSON.stringify(card);
    expect(all).toContain('1,200 คน');
    expect(all).toContain('3 ชุด');
    expect(all).toContain('ลาออกแล้ว 2 คน');
    expect(all).toContain('ยังไม่ได้ลงทะเบียน LINE 3 คน');
    expect(all).toContain('บล็อกบัญชี LINE ของระบบ 1 คน');
    expect(all).not.toContain('ไม่พบข้อมูลพนักงาน');
    expect(all).toContain('ก, ข และอีก 1,198 คน');
    expect(card.actions.map((a) => a.label)).toEqual(['ยืนยันส่ง', 'ยกเลิก']);
  });

  it('offers no confirm when nobody would receive it', () => {
    const [card] = broadcastPreviewReplies({
      broadcastId: 'b1',
      filter: { kind: 'overdue' },
      recipientCount: 0,
      excluded: { left: 0, notLinked: 0, blocked: 0, noStaffRecord: 0 },
      sampleNames: [],
      messageText: 'ข้อความ',
    });
    if (card?.kind !== 'card') throw new Error('expected a card');
    expect(card.actions.map((a) => a.label)).toEqual(['ยกเลิก']);
  });

  it('parses filters from untrusted data and describes them in Thai', () => {
    expect(parseFilter({ kind: 'dueWithin', workingDays: '3' })).toEqual({
      kind: 'dueWithin',
      workingDays: 3,
    });
    expect(parseFilter({ kind: 'dueWithin', workingDays: 99 })).toBeUndefined();
    expect(parseFilter({ kind: 'division', divisionId: ' ' })).toBeUndefined();
    expect(parseFilter({ kind: 'nope' })).toBeUndefined();
    expect(describeFilter({ kind: 'division', divisionId: 'finance', divisionName: 'กองคลัง' })).toBe(
      'ผู้ค้างส่งในกองคลัง',
    );
  });

  it('makes broadcast ids that are valid document ids and stable for one turn', () => {
    const at = new Date('2026-01-14T03:00:00Z');
    expect(broadcastIdFor('E/04', at)).toBe(broadcastIdFor('E/04', at));
    expect(broadcastIdFor('E/04', at)).toMatch(/^20260114-E_04-[0-9a-z]+$/);
  });
});
