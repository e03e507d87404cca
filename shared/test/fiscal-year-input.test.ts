import { describe, expect, it } from 'vitest';
import { acceptedFiscalYears, FISCAL_YEAR_SPAN, parseFiscalYear } from '../src/calendar/fiscal-year-input';

// 2027-01-15 in Bangkok is in fiscal year 2570 (1 Oct 2026 – 30 Sep 2027).
const now = new Date('2027-01-15T03:00:00Z');

describe('the one fiscal-year reader every route uses', () => {
  it('reads nothing as this fiscal year', () => {
    expect(parseFiscalYear(undefined, now)).toBe(2570);
    expect(parseFiscalYear('', now)).toBe(2570);
    expect(parseFiscalYear(null, now)).toBe(2570);
  });

  it('accepts ten years back and next year, as text or as a number', () => {
    expect(parseFiscalYear('2570', now)).toBe(2570);
    expect(parseFiscalYear('2571', now)).toBe(2571);
    expect(parseFiscalYear('2560', now)).toBe(2560);
    expect(parseFiscalYear(2565, now)).toBe(2565);
  });

  it('refuses years outside the span and anything that is not four digits', () => {
    for (const raw of [
      '2572',
      '2559',
      '2027',
      'abc',
      '25700',
      '2570.0',
      ' 2570',
      '-1',
      ['2570'],
      2570.5,
      {},
    ]) {
      expect(parseFiscalYear(raw, now), JSON.stringify(raw)).toBeUndefined();
    }
  });

  it('lists exactly the years it accepts, newest first', () => {
    const years = acceptedFiscalYears(now);
    expect(years[0]).toBe(2571);
    expect(years.at(-1)).toBe(2560);
    expect(years).toHaveLength(FISCAL_YEAR_SPAN.back + FISCAL_YEAR_SPAN.ahead + 1);
    expect(years.every((fy) => parseFiscalYear(String(fy), now) === fy)).toBe(true);
  });

  it('moves with the fiscal year: on 1 October Bangkok time the next year begins', () => {
    // 2027-09-30T17:00Z is 1 October 00:00 in Bangkok: fiscal year 2571
    expect(parseFiscalYear(undefined, new Date('2027-09-30T17:00:00Z'))).toBe(2571);
    expect(parseFiscalYear(undefined, new Date('2027-09-30T16:59:59Z'))).toBe(2570);
  });
});
