import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, reportDueDate } from '../src/calendar/working-days';

describe('working-day calendar', () => {
  it('skips weekends: back on Friday 9 Jan 2026 → due Tuesday 20 Jan', () => {
    const cal = createWorkingDayCalendar([]);
    expect(reportDueDate(cal, '2026-01-09')).toBe('2026-01-20');
  });

  it('skips a substitution day and a cabinet bridge day (2 Jun 2025)', () => {
    // 2 Jun 2025 (Mon) cabinet special holiday, 3 Jun (Tue) Queen's birthday
    const cal = createWorkingDayCalendar(['2025-06-02', '2025-06-03']);
    expect(cal.isWorkingDay('2025-06-02')).toBe(false);
    // back Friday 30 May → Jun 4,5,6,9,10,11,12
    expect(reportDueDate(cal, '2025-05-30')).toBe('2025-06-12');
  });

  it('crosses the year end with its holidays', () => {
    const cal = createWorkingDayCalendar(['2025-12-31', '2026-01-01', '2026-01-02']);
    // back Tue 30 Dec 2025 → Jan 5,6,7,8,9,12,13
    expect(reportDueDate(cal, '2025-12-30')).toBe('2026-01-13');
    expect(cal.workingDaysBetween('2025-12-30', '2026-01-13')).toBe(7);
  });

  it('counts from the day after return even when returning on a weekend', () => {
    const cal = createWorkingDayCalendar([]);
    expect(reportDueDate(cal, '2026-01-10')).toBe('2026-01-20'); // Saturday
  });

  it('refuses a non-positive count', () => {
    expect(() => createWorkingDayCalendar([]).addWorkingDays('2026-01-01', 0)).toThrow(RangeError);
  });
});
