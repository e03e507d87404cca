import { describe, expect, it } from 'vitest';
import { ethicsTrainingTable } from '../../src/ethics/ethics-training';
import { emptyFyStats, staffStatsFrom } from '../../src/kpi/fy-stats';
import { addDelta, creditDelta, statsFromRecords } from '../../src/kpi/stats-delta';
import { hoursEntry } from '../../src/ledger/hours-ledger';
import { bangkokDate } from '../../src/text/thai-date';

const AT = new Date('2027-01-10T03:00:00Z');
const entry = (employeeId: string, trainingId: string, curriculum?: string, hours = 3) =>
  hoursEntry(
    employeeId,
    {
      trainingId,
      title: trainingId,
      method: 'training',
      ...(curriculum ? { curriculum } : {}),
      hours,
      endDate: '2027-01-08',
    },
    'attendance',
    AT,
  );

const divisions = [
  { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  { id: 'education', name: 'กองการศึกษา' },
];

describe('mandatory ethics training', () => {
  const teacher = { divisionId: 'education', staffType: 'teacher' };

  it('counts a person once, at their first ethics entry, under their division and staff type', () => {
    const first = creditDelta({ hoursTarget: 40, person: teacher }, entry('T1', 'ETH-1', 'ethics'));
    expect(first).toMatchObject({
      ethics: 1,
      byDivision: { education: { ethics: 1 } },
      ethicsByGroup: { education: { teacher: 1 } },
    });
    const second = creditDelta(
      {
        hoursTarget: 40,
        person: teacher,
        totals: { trainings: 1, hours: 3, eLearningCourses: 0, ethicsHours: 3 },
      },
      entry('T1', 'ETH-2', 'ethics'),
    );
    expect(second.ethics).toBeUndefined();
    expect(second.ethicsByGroup).toBeUndefined();
    // another curriculum first, then ethics: still the first ethics entry
    const later = creditDelta(
      { hoursTarget: 40, person: teacher, totals: { trainings: 2, hours: 9, eLearningCourses: 0 } },
      entry('T1', 'ETH-3', 'ethics'),
    );
    expect(later.ethics).toBe(1);
    // no staff type on the record: the import's default
    expect(creditDelta({ hoursTarget: 40 }, entry('X', 'ETH-1', 'ethics')).ethicsByGroup).toEqual({
      _none: { municipalEmployee: 1 },
    });
  });

  it('gives the same counts when rebuilt from the records as the credits one by one', () => {
    const people = new Map([
      ['T1', teacher],
      ['T2', teacher],
      ['P1', { divisionId: 'palad', staffType: 'municipalEmployee' }],
    ]);
    const entries = [
      entry('T1', 'A', 'duties'),
      entry('T1', 'B', 'ethics'),
      entry('T1', 'C', 'ethics'),
      entry('P1', 'B', 'ethics'),
      entry('T2', 'A', 'duties'),
    ];
    const rebuilt = statsFromRecords({
      fiscalYear: 2570,
      hoursTarget: 40,
      entries,
      people,
      reports: [],
      bangkokDateOf: bangkokDate,
    });
    expect(rebuilt.ethics).toBe(2);
    expect(rebuilt.ethicsByGroup).toEqual({ education: { teacher: 1 }, palad: { municipalEmployee: 1 } });
    let live = emptyFyStats(2570);
    live = addDelta(live, creditDelta({ hoursTarget: 40, person: teacher }, entries[1] as never));
    expect(live.ethicsByGroup).toEqual({ education: { teacher: 1 } });
  });

  it('shows per division and staff type who has an entry, against the people on staff', () => {
    const staff = staffStatsFrom([
      { divisionId: 'education', staffType: 'teacher' },
      { divisionId: 'education', staffType: 'teacher' },
      { divisionId: 'education', staffType: 'contractEmployee' },
      { divisionId: 'palad', staffType: 'municipalEmployee' },
      { divisionId: 'palad', staffType: 'municipalEmployee', active: false },
      { staffType: 'permanentWorker' },
    ]);
    expect(staff.activeByGroup).toEqual({
      education: { teacher: 2, contractEmployee: 1 },
      palad: { municipalEmployee: 1 },
      _none: { permanentWorker: 1 },
    });
    const table = ethicsTrainingTable(
      // palad's count includes someone who has left since: never more than on staff
      { ethicsByGroup: { education: { teacher: 1 }, palad: { municipalEmployee: 2 } } },
      staff,
      divisions,
      'ไม่ระบุหน่วยงาน',
    );
    expect(table.staffTypes.map((t) => t.label)).toEqual([
      'พนักงานเทศบาล',
      'พนักงานครูเทศบาล',
      'ลูกจ้างประจำ',
      'พนักงานจ้าง',
    ]);
    expect(table.rows.map((r) => [r.name, r.trained, r.staff])).toEqual([
      ['สำนักปลัดเทศบาล', 1, 1],
      ['กองการศึกษา', 1, 3],
      ['ไม่ระบุหน่วยงาน', 0, 1],
    ]);
    expect(table.rows[1]?.cells.find((c) => c.staffType === 'teacher')).toMatchObject({
      trained: 1,
      staff: 2,
    });
    expect(table).toMatchObject({ trained: 2, staff: 5, percent: 40, missing: 3 });
    expect(ethicsTrainingTable({ ethicsByGroup: {} }, staffStatsFrom([]), divisions, '-').percent).toBeNull();
  });
});
