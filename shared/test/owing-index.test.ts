import { describe, expect, it } from 'vitest';
import { selectRecipients } from '../src/broadcast/select-recipients';
import {
  applyReportChange,
  applyStaffChange,
  OWING_SHARDS,
  type OwingEntry,
  owingIndexOf,
  owingReportOf,
  owingShard,
  owingStaffPatch,
  readOwing,
} from '../src/owing/owing-index';

const report = (id: string, employeeId: string, status: string, dueDate = '2026-01-10') => ({
  id,
  employeeId,
  status,
  dueDate,
  trainingTitle: `หลักสูตร ${id}`,
  employeeName: `ชื่อในรายงาน ${employeeId}`,
});

describe('owing shard', () => {
  it('is stable, in range, and spreads 10 000 people evenly enough that no shard is crowded', () => {
    expect(owingShard('E001')).toBe(owingShard('E001'));
    const counts = new Array(OWING_SHARDS).fill(0);
    for (let i = 0; i < 10_000; i++) counts[owingShard(`E${String(i).padStart(5, '0')}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(100);
    expect(Math.max(...counts)).toBeLessThan(250);
  });

  it('keeps a shard of 10 000 people / 64 far below 1 MiB', () => {
    const staff = Array.from({ length: 10_000 }, (_, i) => ({
      id: `E${String(i).padStart(5, '0')}`,
      data: {
        name: 'นางสาวจิราพร สายทองประเสริฐวงศ์',
        divisionId: 'division-of-public-works',
        active: true,
        lineUserId: `U${'f'.repeat(32)}`,
        lineFollowing: true,
      },
    }));
    const reports = staff.flatMap((s) => [
      report(`T1__${s.id}`, s.id, 'pending'),
      report(`T2__${s.id}`, s.id, 'returned'),
    ]);
    const shards = owingIndexOf(staff, reports);
    const biggest = Math.max(...[...shards.values()].map((s) => Buffer.byteLength(JSON.stringify(s))));
    expect(biggest).toBeLessThan(200 * 1024);
  });
});

describe('applying changes', () => {
  it('keeps a report while it is open and drops it once submitted or approved', () => {
    let e: OwingEntry | undefined;
    e = applyReportChange(e, 'R1', owingReportOf(report('R1', 'E1', 'pending')));
    e = applyReportChange(e, 'R2', owingReportOf(report('R2', 'E1', 'pending', '2026-02-01')));
    expect(Object.keys(e.reports ?? {})).toEqual(['R1', 'R2']);
    e = applyReportChange(e, 'R1', owingReportOf(report('R1', 'E1', 'submitted')));
    expect(Object.keys(e.reports ?? {})).toEqual(['R2']);
    e = applyReportChange(e, 'R2', owingReportOf(report('R2', 'E1', 'returned', '2026-02-03')));
    expect(e.reports?.R2).toMatchObject({
      status: 'returned',
      dueDate: '2026-02-03',
      trainingTitle: 'หลักสูตร R2',
    });
    e = applyReportChange(e, 'R2', owingReportOf(report('R2', 'E1', 'approved')));
    expect(e.reports).toEqual({});
  });

  it('mirrors only the staff fields a write carries, and removals as null', () => {
    expect(owingStaffPatch({ lineFollowing: false, libraryDigest: 'x' })).toEqual({ lineFollowing: false });
    expect(owingStaffPatch({ code: 'E1' }, new Set(['lineUserId', 'lineFollowing']))).toEqual({
      lineUserId: null,
      lineFollowing: null,
    });
    let e = applyStaffChange(
      undefined,
      owingStaffPatch({ name: 'ก', active: true, lineUserId: 'U1', lineFollowing: true }),
    );
    e = applyStaffChange(e, owingStaffPatch({}, new Set(['lineUserId', 'lineFollowing'])));
    expect(e.staff).toEqual({ name: 'ก', active: true, lineUserId: null, lineFollowing: null });
    expect(applyStaffChange(e, null).staff).toBeUndefined();
  });
});

describe('reading the index', () => {
  it('gives the selection the same recipients as the open reports and staff records it mirrors', () => {
    const staff = [
      {
        id: 'E1',
        data: { name: 'หนึ่ง', divisionId: 'finance', active: true, lineUserId: 'U1', lineFollowing: true },
      },
      { id: 'E2', data: { name: 'สอง', divisionId: 'works', active: false, lineUserId: 'U2' } },
      { id: 'E3', data: { name: 'สาม', divisionId: 'works', lineUserId: 'U3', lineFollowing: false } },
      { id: 'E4', data: { name: 'สี่', divisionId: 'works' } },
      { id: 'E5', data: { name: 'ห้า', divisionId: 'works', lineUserId: 'U5' } },
    ];
    const reports = [
      report('R1', 'E1', 'pending'),
      report('R2', 'E2', 'pending'),
      report('R3', 'E3', 'returned'),
      report('R4', 'E4', 'pending'),
      report('R5', 'E5', 'approved'),
      report('R6', 'E9', 'pending'), // nobody on the staff list
    ];
    const { reports: open, employees } = readOwing(
      [...owingIndexOf(staff, reports).values()].map((people) => ({ people })),
    );
    expect(open.map((r) => r.id).sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R6']);
    expect(employees).toHaveLength(5);
    const viaIndex = selectRecipients(open, employees, { kind: 'allPending' }, '2026-01-14');
    expect(viaIndex.recipients.map((r) => r.employeeId)).toEqual(['E1']);
    expect(viaIndex.excluded).toEqual({ left: 1, blocked: 1, notLinked: 1, noStaffRecord: 1 });
    const late = open.find((r) => r.id === 'R6');
    expect(late).toMatchObject({ employeeName: 'ชื่อในรายงาน E9', trainingTitle: 'หลักสูตร R6' });
  });
});
