import { describe, expect, it } from 'vitest';
import { type HoursEntry, hoursEntry } from '../src/ledger/hours-ledger';
import { summarizeHours, targetProgress } from '../src/ledger/hours-summary';

const NOW = new Date('2026-12-01T03:00:00Z');
const entry = (id: string, o: Partial<Parameters<typeof hoursEntry>[1]> = {}, who = 'E010'): HoursEntry =>
  hoursEntry(
    who,
    { trainingId: id, title: `หลักสูตร ${id}`, method: 'training', hours: 6, endDate: '2026-11-20', ...o },
    'approvedReport',
    NOW,
  );

describe('hours summary', () => {
  it('counts the fiscal year by its last day: 30 Sep is the year before, 1 Oct the year itself', () => {
    const s = summarizeHours({
      employeeId: 'E010',
      fiscalYear: 2570,
      yearlyHoursTarget: 40,
      entries: [
        entry('T1', { endDate: '2026-09-30', hours: 100 }), // FY2569
        entry('T2', { endDate: '2026-10-01', hours: 12, curriculum: 'duties' }),
        entry('T3', { endDate: '2027-09-30', hours: 10, method: 'eLearning' }),
        entry('T4', { endDate: '2027-10-01', hours: 100 }), // FY2571
        entry('T5', { hours: 7.5, method: 'seminar', curriculum: 'duties' }, 'E011'), // someone else
      ],
    });
    expect(s).toMatchObject({
      fiscalYear: 2570,
      start: '2026-10-01',
      end: '2027-09-30',
      hours: 22,
      trainings: 2,
    });
    expect(s.entries.map((e) => e.trainingId)).toEqual(['T3', 'T2']);
    expect(s.byMethod).toEqual([
      { id: 'training', name: 'การฝึกอบรม', hours: 12 },
      { id: 'eLearning', name: 'e-Learning (เช่น Local MOOC)', hours: 10 },
    ]);
    expect(s.byCurriculum).toEqual([
      { id: 'duties', name: 'หลักสูตรการพัฒนาเกี่ยวกับงานในหน้าที่ที่รับผิดชอบ', hours: 12 },
      { id: 'none', name: 'ไม่ระบุหลักสูตร', hours: 10 },
    ]);
    expect(s.targets).toEqual({
      hours: { target: 40, done: 22, remaining: 18, percent: 55, met: false },
      developed: { met: true, trainings: 2 },
      eLearning: { met: true, courses: 1 },
    });
  });

  it('reaches the targets exactly at the target, and not with nothing', () => {
    const none = summarizeHours({ employeeId: 'E010', fiscalYear: 2570, yearlyHoursTarget: 40, entries: [] });
    expect(none.targets).toEqual({
      hours: { target: 40, done: 0, remaining: 40, percent: 0, met: false },
      developed: { met: false, trainings: 0 },
      eLearning: { met: false, courses: 0 },
    });
    expect(targetProgress(40, 40)).toEqual({ target: 40, done: 40, remaining: 0, percent: 100, met: true });
    expect(targetProgress(39.5, 40)).toMatchObject({ percent: 98, met: false, remaining: 0.5 });
    expect(targetProgress(55, 40)).toMatchObject({ percent: 100, met: true, remaining: 0 });
    // no target set: nothing to reach
    expect(targetProgress(3, 0)).toEqual({ target: null, done: 3, remaining: 0, percent: 100, met: true });
  });

  it('lists earlier years from the totals, latest first, ignoring this year’s and others’', () => {
    const totals = (fiscalYear: number, hours: number, employeeId = 'E010') => ({
      employeeId,
      fiscalYear,
      hours,
      trainings: 2,
      byMethod: {},
      byCurriculum: {},
      eLearningCourses: 1,
    });
    const s = summarizeHours({
      employeeId: 'E010',
      fiscalYear: 2570,
      entries: [],
      totals: [totals(2568, 30), totals(2570, 5), totals(2569, 44.5), totals(2569, 99, 'E011')],
    });
    expect(s.previousYears).toEqual([
      { fiscalYear: 2569, hours: 44.5, trainings: 2, eLearningCourses: 1 },
      { fiscalYear: 2568, hours: 30, trainings: 2, eLearningCourses: 1 },
    ]);
  });
});
