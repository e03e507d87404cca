import { describe, expect, it } from 'vitest';
import {
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearOfInstant,
  fiscalYearRange,
} from '../src/calendar/fiscal-year';

describe('Thai fiscal year (1 Oct – 30 Sep, Buddhist era)', () => {
  it('names a date by the fiscal year it falls in', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2025-12-31')).toBe(2569);
    expect(fiscalYearOf('2026-01-01')).toBe(2569);
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
    expect(fiscalYearOf('2024-02-29')).toBe(2567);
  });

  it('refuses a string that is not a date', () => {
    expect(() => fiscalYearOf('2026-02-30')).toThrow(RangeError);
    expect(() => fiscalYearOf('1/10/2568')).toThrow(RangeError);
  });

  it('gives the first and last day of a fiscal year', () => {
    expect(fiscalYearRange(2569)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    expect(fiscalYearRange(2567)).toEqual({ start: '2023-10-01', end: '2024-09-30' });
    expect(fiscalYearRange(2570)).toEqual({ start: '2026-10-01', end: '2027-09-30' });
    expect(() => fiscalYearRange(2569.5)).toThrow(RangeError);
  });

  it('round-trips: both ends of a range belong to that fiscal year, the days around them do not', () => {
    for (const fy of [2567, 2568, 2569, 2570, 2571]) {
      const { start, end } = fiscalYearRange(fy);
      expect(fiscalYearOf(start)).toBe(fy);
      expect(fiscalYearOf(end)).toBe(fy);
    }
    expect(fiscalYearOf('2025-09-30')).toBe(2568); // day before FY2569 starts
  });

  it('labels a fiscal year in Thai', () => {
    expect(fiscalYearLabel(2569)).toBe('ปีงบประมาณ พ.ศ. 2569');
  });

  it('reads the fiscal year at an instant in Bangkok time', () => {
    // 30 Sep 2025 17:30 UTC is already 1 Oct 00:30 in Bangkok → FY2569
    expect(fiscalYearOfInstant(new Date('2025-09-30T17:30:00Z'))).toBe(2569);
    // 30 Sep 2025 16:59 UTC is still 30 Sep 23:59 in Bangkok → FY2568
    expect(fiscalYearOfInstant(new Date('2025-09-30T16:59:00Z'))).toBe(2568);
  });
});
