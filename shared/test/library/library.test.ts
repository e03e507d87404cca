import { describe, expect, it } from 'vitest';
import { archiveTable, reportTrailRows } from '../../src/archive/audit-trail';
import { digestEntriesFor, digestWeek, libraryDigestReplies } from '../../src/library/library-digest';
import { isShared, libraryEntryFor, mayReadEntry } from '../../src/library/library-entry';
import { matchesSearch } from '../../src/library/library-search';
import { approveDecision } from '../../src/reports/review-decision';
import { EMPTY_REPORT_PARTS, type TrainingReport } from '../../src/reports/training-report';

// The library's rules as pure functions: what an approved report publishes, who may read it, what a
// search matches, who hears of it in the weekly digest, and the trail the audit archive lists.

const report = (over: Partial<TrainingReport> = {}): TrainingReport => ({
  id: 'T1__E010',
  trainingId: 'T1',
  trainingTitle: 'การจัดทำงบประมาณมุ่งผลสัมฤทธิ์',
  method: 'training',
  hours: 12,
  startDate: '2026-11-25',
  endDate: '2026-11-27',
  employeeId: 'E010',
  employeeName: 'นางสาวจิราพร สายทอง',
  divisionId: 'finance',
  returnDate: '2026-11-27',
  dueDate: '2026-12-08',
  ...EMPTY_REPORT_PARTS,
  status: 'approved',
  answers: { learned: 'งบประมาณแบบมุ่งผลสัมฤทธิ์', application: 'ปรับแผนเบิกจ่ายของกองคลัง' },
  photos: [
    { messageId: '1', receivedAt: '2026-11-28T01:00:00Z', storagePath: 'x' },
    { messageId: '2', receivedAt: '2026-11-28T01:00:00Z', error: 'tooLarge' },
  ],
  approvers: ['E009'],
  approvedBy: ['E009'],
  history: [
    { action: 'opened', by: 'system', at: '2026-11-28T01:30:00Z' },
    { action: 'draftSaved', by: 'E010', at: '2026-11-29T01:30:00Z' },
    { action: 'submitted', by: 'E010', at: '2026-12-01T02:00:00Z' },
    { action: 'returned', by: 'E009', at: '2026-12-01T05:00:00Z', comment: 'เพิ่มตัวอย่างการนำไปใช้' },
    { action: 'submitted', by: 'E010', at: '2026-12-02T02:00:00Z' },
    { action: 'approved', by: 'E009', at: '2026-12-03T03:00:00Z' },
  ],
  approvedAt: '2026-12-03T03:00:00Z',
  ...over,
});

describe('knowledge library', () => {
  it('publishes what was learned and the stored photos, in the fiscal year of the training', () => {
    const e = libraryEntryFor(report(), '2026-12-03T03:00:00Z');
    expect(e).toMatchObject({ visibility: 'published', fiscalYear: 2570, photoIds: ['1'], readCount: 0 });
    expect(libraryEntryFor(report({ libraryChoice: 'internal' }), 'x').internalBy).toEqual({
      employeeId: 'E010',
      role: 'owner',
      at: 'x',
    });
  });

  it('tells the person on the last approval whether colleagues can now read it', () => {
    const told = (over: Partial<TrainingReport>) => {
      const waiting = report({ status: 'submitted', approvedBy: [], currentApproverId: 'E009', ...over });
      const notice = approveDecision(waiting, 'E009', new Date('2026-12-03T03:00:00Z')).effects.find(
        (e) => e.type === 'notifyEmployee',
      );
      return JSON.stringify(notice);
    };
    expect(told({})).toContain('เผยแพร่ในคลังความรู้ให้เพื่อนร่วมงานอ่านแล้ว');
    expect(told({ libraryChoice: 'internal' })).toContain('ไม่เผยแพร่ในคลังความรู้ตามที่ท่านเลือก');
  });

  it('lets colleagues read a published entry; an internal one only its owner and HR', () => {
    const pub = libraryEntryFor(report(), 'x');
    const internal = libraryEntryFor(report({ libraryChoice: 'internal' }), 'x');
    const colleague = { employeeId: 'E020', roles: ['staff'] };
    expect(mayReadEntry(pub, colleague)).toBe(true);
    expect(mayReadEntry(internal, colleague)).toBe(false);
    expect(mayReadEntry(internal, { employeeId: 'E010', roles: ['staff'] })).toBe(true);
    expect(mayReadEntry(internal, { employeeId: 'E004', roles: ['staff', 'hr'] })).toBe(true);
    expect(isShared(internal)).toBe(false);
    expect(
      isShared({ ...internal, presentation: { date: '2026-12-15', note: '', by: 'E004', recordedAt: 'x' } }),
    ).toBe(true);
  });

  it('searches every word of the topic, and filters by competency, division and year', () => {
    const e = { ...libraryEntryFor(report(), 'x'), competency: 'achievement' };
    expect(matchesSearch(e, { q: 'งบประมาณ  กองคลัง' })).toBe(true);
    expect(matchesSearch(e, { q: 'งบประมาณ ไอที' })).toBe(false);
    expect(matchesSearch(e, { competency: 'teamwork' })).toBe(false);
    expect(matchesSearch(e, { divisionId: 'finance', fiscalYear: 2570, competency: 'achievement' })).toBe(
      true,
    );
    expect(matchesSearch(e, { fiscalYear: 2569 })).toBe(false);
  });

  it('digests a week of the division’s new published entries, never one’s own', () => {
    const week = digestWeek(new Date('2026-12-07T02:00:00Z'));
    expect(week).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    const entries = [
      libraryEntryFor(report(), '2026-12-03T03:00:00Z'),
      libraryEntryFor(report({ id: 'old', libraryChoice: undefined }), '2026-11-20T03:00:00Z'),
      libraryEntryFor(report({ id: 'int', libraryChoice: 'internal' }), '2026-12-03T03:00:00Z'),
      libraryEntryFor(report({ id: 'works', divisionId: 'works' }), '2026-12-03T03:00:00Z'),
    ];
    expect(
      digestEntriesFor({ employeeId: 'E011', divisionId: 'finance' }, entries, week).map((e) => e.id),
    ).toEqual(['T1__E010']);
    expect(digestEntriesFor({ employeeId: 'E010', divisionId: 'finance' }, entries, week)).toEqual([]);
    expect(digestEntriesFor({ employeeId: 'E030' }, entries, week)).toEqual([]);
    const [message] = libraryDigestReplies(entries.slice(0, 1), 'liff-123');
    expect(message?.kind === 'text' && message.quickReplies?.map((a) => a.label)).toEqual([
      'เปิดคลังความรู้',
      'ไม่รับสรุปรายสัปดาห์',
    ]);
  });

  it('lists the trail: opened, each submission, the return with its comment, the approval, publication', () => {
    const names = (id: string) => ({ E009: 'ผอ.กองคลัง', E010: 'จิราพร' })[id] ?? id;
    const rows = reportTrailRows(report(), libraryEntryFor(report(), '2026-12-03T03:00:00Z'), names);
    expect(rows.map((r) => [r.step, r.actor])).toEqual([
      ['เปิดรายงานผลการฝึกอบรม', 'ระบบ'],
      ['ส่งรายงานผลการฝึกอบรม', 'จิราพร'],
      ['ส่งกลับให้แก้ไข', 'ผอ.กองคลัง'],
      ['ส่งรายงานผลการฝึกอบรม', 'จิราพร'],
      ['อนุมัติรายงาน (ลำดับที่ 1 จาก 1)', 'ผอ.กองคลัง'],
      ['เผยแพร่ในคลังความรู้', 'ระบบ'],
    ]);
    expect(rows[2]?.detail).toBe('เพิ่มตัวอย่างการนำไปใช้');
    const table = archiveTable([
      { kind: 'report', kindLabel: 'รายงาน', employeeId: 'E010', employeeName: 'จิราพร', subject: 'ก', rows },
    ]);
    // dates in the Buddhist era, by Intl th-TH
    expect(table[0]?.[3]).toBe('28 พฤศจิกายน 2569');
  });
});
