// Dates are stored as ISO 'YYYY-MM-DD' (a civil date in Thailand) and shown with Intl 'th-TH',
// whose default calendar is already Buddhist era: we never add 543 by hand.

export type IsoDate = string;

const BANGKOK = 'Asia/Bangkok';

const longFmt = new Intl.DateTimeFormat('th-TH', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortFmt = new Intl.DateTimeFormat('th-TH', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const yearFmt = new Intl.DateTimeFormat('th-TH', { year: 'numeric', timeZone: 'UTC' });
const isoInBangkok = new Intl.DateTimeFormat('en-CA', {
  timeZone: BANGKOK,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The civil date in Thailand at this instant. */
export function bangkokDate(now: Date): IsoDate {
  return isoInBangkok.format(now);
}

/** e.g. '15 มกราคม 2569' */
export function formatThaiDate(iso: IsoDate): string {
  return longFmt.format(isoToUtcDate(iso));
}

/** e.g. '15 ม.ค. 2569' */
export function formatThaiDateShort(iso: IsoDate): string {
  return shortFmt.format(isoToUtcDate(iso));
}

/** The Buddhist-era year number of a civil date, e.g. 2569 for 2026-01-15. */
export function buddhistYear(iso: IsoDate): number {
  return Number(yearFmt.format(isoToUtcDate(iso)).replace(/\D/g, ''));
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = isoToUtcDate(value);
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() + 1 === Number(m[2]) &&
    d.getUTCDate() === Number(m[3])
  );
}

export function isoToUtcDate(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = isoToUtcDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Thai digits (๐–๙) typed on a Thai keyboard become ASCII digits. */
export function normaliseDigits(input: string): string {
  return input.replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50));
}

/**
 * Reads a date as people type it in Thailand: 'D/M/YYYY' with a Buddhist-era year (2569),
 * or a Christian-era year (2026), '-' or '.' also accepted, Thai digits too; or ISO 'YYYY-MM-DD'.
 * Returns undefined when it is not a real date.
 */
export function parseThaiDate(input: string): IsoDate | undefined {
  const s = normaliseDigits(input.trim());
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (year >= 2400) year -= 543;
  else if (year < 1900 || year > 2399) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
