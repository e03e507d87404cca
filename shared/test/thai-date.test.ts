import { describe, expect, it } from 'vitest';
import { bangkokDate, buddhistYear, formatThaiDate, parseThaiDate } from '../src/text/thai-date';

describe('Thai dates', () => {
  it('formats in Buddhist era through Intl, without adding 543 by hand', () => {
    expect(formatThaiDate('2026-01-15')).toBe('15 มกราคม 2569');
    expect(buddhistYear('2025-10-01')).toBe(2568);
  });

  it('reads D/M/YYYY in Buddhist or Christian era, ISO, and Thai digits', () => {
    expect(parseThaiDate('15/1/2569')).toBe('2026-01-15');
    expect(parseThaiDate('15-01-2026')).toBe('2026-01-15');
    expect(parseThaiDate('2026-01-15')).toBe('2026-01-15');
    expect(parseThaiDate('๑๕/๑/๒๕๖๙')).toBe('2026-01-15');
  });

  it('refuses impossible dates and garbage', () => {
    expect(parseThaiDate('29/2/2569')).toBeUndefined(); // 2026 is not a leap year
    expect(parseThaiDate('29/2/2567')).toBe('2024-02-29');
    expect(parseThaiDate('32/1/2569')).toBeUndefined();
    expect(parseThaiDate('พรุ่งนี้')).toBeUndefined();
    expect(parseThaiDate('1/1/1800')).toBeUndefined();
  });

  it('takes the civil date in Bangkok, not UTC', () => {
    expect(bangkokDate(new Date('2026-01-14T18:30:00Z'))).toBe('2026-01-15');
    expect(bangkokDate(new Date('2026-01-14T16:30:00Z'))).toBe('2026-01-14');
  });
});
