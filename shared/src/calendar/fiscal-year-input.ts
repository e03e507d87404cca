import { fiscalYearOfInstant } from './fiscal-year';

// The one reader of a fiscal year someone asks for (`?fy=2570`, `/targets/2570/...`): every route uses
// it, so every page accepts the same years. Ten back is as far as the records a page shows go; next
// year is accepted because targets and plans are set ahead. A page about what happened (the dashboard)
// narrows this to the years that have begun.

/** How many fiscal years back, and ahead, anyone may ask about. */
export const FISCAL_YEAR_SPAN = { back: 10, ahead: 1 } as const;

/** Said to whoever asked for a year outside the span, or for something that is not a year. */
export const BAD_FISCAL_YEAR = 'ปีงบประมาณไม่ถูกต้อง กรุณาเลือกปีงบประมาณจากรายการ (ปี พ.ศ. เช่น 2570)';

/** The years accepted at this instant, newest first (next year, this year, … ten back). */
export function acceptedFiscalYears(now: Date): number[] {
  const current = fiscalYearOfInstant(now);
  const count = FISCAL_YEAR_SPAN.back + FISCAL_YEAR_SPAN.ahead + 1;
  return Array.from({ length: count }, (_, i) => current + FISCAL_YEAR_SPAN.ahead - i);
}

/**
 * A fiscal year as asked for: nothing (absent, empty) is this fiscal year; four digits inside the
 * accepted span are that year; anything else is `undefined`, for the caller to answer BAD_FISCAL_YEAR.
 */
export function parseFiscalYear(raw: unknown, now: Date): number | undefined {
  const current = fiscalYearOfInstant(now);
  if (raw === undefined || raw === null || raw === '') return current;
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d{4}$/.test(text)) return undefined;
  const fy = Number(text);
  return fy >= current - FISCAL_YEAR_SPAN.back && fy <= current + FISCAL_YEAR_SPAN.ahead ? fy : undefined;
}
