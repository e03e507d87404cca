import { describe, expect, it } from 'vitest';
import { holidaysInRange, THAI_GOVERNMENT_HOLIDAYS } from '../src/calendar/thai-holidays';
import { createWorkingDayCalendar, reportDueDate } from '../src/calendar/working-days';
import { addDays, isIsoDate, isoToUtcDate } from '../src/text/thai-date';

const dates = THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date);
const byDate = new Map(THAI_GOVERNMENT_HOLIDAYS.map((h) => [h.date, h]));
const isWeekend = (d: string) => [0, 6].includes(isoToUtcDate(d).getUTCDay());
const YEARS = [2024, 2025, 2026, 2027];

describe('Thai government holiday data', () => {
  it('is sorted, has one entry per date, valid ISO dates, all in 2024–2027', () => {
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of THAI_GOVERNMENT_HOLIDAYS) {
      expect(isIsoDate(h.date), h.date).toBe(true);
      expect(h.date >= '2024-01-01' && h.date <= '2027-12-31', h.date).toBe(true);
      expect(h.name.length).toBeGreaterThan(0);
      expect(['public', 'substitution', 'special']).toContain(h.kind);
    }
  });

  it('has every fixed-date government holiday each year', () => {
    const fixed = ['01-01', '04-06', '04-13', '04-14', '04-15', '05-04', '06-03', '07-28', '08-12'];
    fixed.push('10-13', '10-23', '12-05', '12-10', '12-31');
    for (const y of YEARS) {
      for (const md of fixed) expect(byDate.get(`${y}-${md}`)?.kind, `${y}-${md}`).toBe('public');
    }
  });

  it('has the four lunar Buddhist holidays each year on the announced dates', () => {
    const lunar = {
      วันมาฆบูชา: ['2024-02-24', '2025-02-12', '2026-03-03', '2027-02-21'],
      วันวิสาขบูชา: ['2024-05-22', '2025-05-11', '2026-05-31', '2027-05-20'],
      วันอาสาฬหบูชา: ['2024-07-20', '2025-07-10', '2026-07-29', '2027-07-18'],
      วันเข้าพรรษา: ['2024-07-21', '2025-07-11', '2026-07-30', '2027-07-19'],
    };
    for (const [name, days] of Object.entries(lunar)) {
      expect(THAI_GOVERNMENT_HOLIDAYS.filter((h) => h.name === name).map((h) => h.date)).toEqual(days);
    }
  });

  it('leaves out Labour Day (not a civil-service holiday) and the cancelled 2 Jan 2024', () => {
    for (const y of YEARS) expect(byDate.has(`${y}-05-01`)).toBe(false);
    expect(byDate.has('2024-01-02')).toBe(false);
  });

  it('has the cabinet special days', () => {
    const specials = THAI_GOVERNMENT_HOLIDAYS.filter((h) => h.kind === 'special').map((h) => h.date);
    expect(specials).toEqual(['2024-04-12', '2024-12-30', '2025-06-02', '2025-08-11', '2026-01-02']);
    // Proposed for 2569 but withdrawn by the cabinet on 2 Dec 2025.
    expect(byDate.has('2026-06-02')).toBe(false);
    expect(byDate.has('2026-07-31')).toBe(false);
  });

  it('puts substitution days on a weekday right after a weekend holiday', () => {
    const off = (d: string) => isWeekend(d) || (byDate.has(d) && byDate.get(d)!.kind !== 'substitution');
    for (const s of THAI_GOVERNMENT_HOLIDAYS.filter((h) => h.kind === 'substitution')) {
      expect(isWeekend(s.date), s.date).toBe(false);
      // Walking back over days off must reach a holiday on a weekend.
      let d = addDays(s.date, -1);
      let sawWeekendHoliday = false;
      for (; off(d); d = addDays(d, -1)) if (isWeekend(d) && byDate.has(d)) sawWeekendHoliday = true;
      expect(sawWeekendHoliday, s.date).toBe(true);
    }
  });

  it('gives every weekend holiday a substitution on the first day off would end', () => {
    for (const h of THAI_GOVERNMENT_HOLIDAYS.filter((x) => x.kind === 'public' && isWeekend(x.date))) {
      let d = addDays(h.date, 1);
      while (isWeekend(d) || byDate.get(d)?.kind === 'public' || byDate.get(d)?.kind === 'special') {
        d = addDays(d, 1);
      }
      expect(byDate.get(d)?.kind, `${h.date} → ${d}`).toBe('substitution');
    }
    // Spot checks, worked by hand: Sat 6 Apr 2024 → Mon 8; Sat–Mon Songkran 2024 → Tue 16;
    // Sun 18 Jul 2027 with Mon 19 already a holiday → Tue 20.
    expect(byDate.get('2024-04-08')?.kind).toBe('substitution');
    expect(byDate.get('2024-04-16')?.kind).toBe('substitution');
    expect(byDate.get('2027-07-20')?.kind).toBe('substitution');
  });

  it('selects a date range, both ends included', () => {
    expect(holidaysInRange('2025-12-31', '2026-01-02').map((h) => h.date)).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-01-02',
    ]);
    expect(holidaysInRange('2025-09-01', '2025-09-30')).toEqual([]);
  });
});

describe('report due dates on the government calendar', () => {
  const cal = createWorkingDayCalendar(dates);

  it('skips a plain weekend', () => {
    // back Fri 17 Jan 2025 → Jan 20, 21, 22, 23, 24, 27, 28
    expect(reportDueDate(cal, '2025-01-17')).toBe('2025-01-28');
  });

  it('skips Songkran and its substitution day', () => {
    // back Fri 11 Apr 2025; off Sun 13–Tue 15 (Songkran), Wed 16 (substitution)
    // → Apr 17, 18, 21, 22, 23, 24, 25
    expect(reportDueDate(cal, '2025-04-11')).toBe('2025-04-25');
    // back Thu 11 Apr 2024; off Fri 12 (special), Sat 13–Mon 15, Tue 16 (substitution)
    // → Apr 17, 18, 19, 22, 23, 24, 25
    expect(reportDueDate(cal, '2024-04-11')).toBe('2024-04-25');
  });

  it('skips the 2 Jun 2025 bridge holiday', () => {
    // back Fri 30 May 2025; off Mon 2 Jun (special), Tue 3 (Queen's birthday)
    // → Jun 4, 5, 6, 9, 10, 11, 12
    expect(cal.isWorkingDay('2025-06-02')).toBe(false);
    expect(reportDueDate(cal, '2025-05-30')).toBe('2025-06-12');
  });

  it('skips a substitution day', () => {
    // back Fri 29 May 2026; Sun 31 วิสาขบูชา → Mon 1 Jun substitution, Wed 3 Queen's birthday
    // → Jun 2, 4, 5, 8, 9, 10, 11
    expect(cal.isWorkingDay('2026-06-01')).toBe(false);
    expect(reportDueDate(cal, '2026-05-29')).toBe('2026-06-11');
    // back Fri 4 Dec 2026; Sat 5 → Mon 7 substitution, Thu 10 Constitution Day
    // → Dec 8, 9, 11, 14, 15, 16, 17
    expect(reportDueDate(cal, '2026-12-04')).toBe('2026-12-17');
  });

  it('crosses the year end', () => {
    // back Fri 26 Dec 2025; off Wed 31, Thu 1 Jan, Fri 2 Jan (special)
    // → Dec 29, 30, Jan 5, 6, 7, 8, 9
    expect(reportDueDate(cal, '2025-12-26')).toBe('2026-01-09');
    expect(cal.workingDaysBetween('2025-12-26', '2026-01-09')).toBe(7);
  });

  it('crosses the fiscal-year end', () => {
    // back Thu 24 Sep 2026 (FY2569); no holiday → Sep 25, 28, 29, 30, Oct 1, 2, 5 (FY2570)
    expect(reportDueDate(cal, '2026-09-24')).toBe('2026-10-05');
    // back Fri 2 Oct 2026; Tue 13 Oct is วันนวมินทรมหาราช → Oct 5, 6, 7, 8, 9, 12, 14
    expect(reportDueDate(cal, '2026-10-02')).toBe('2026-10-14');
  });
});
