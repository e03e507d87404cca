/**
 * Thai dates. `th-TH` already uses the Buddhist calendar (พ.ศ.): never add 543 by hand.
 * The time zone is fixed so a phone set to another zone still shows the date in Thailand.
 */
const fullDate = new Intl.DateTimeFormat('th-TH', { dateStyle: 'full', timeZone: 'Asia/Bangkok' });
const shortDate = new Intl.DateTimeFormat('th-TH', { dateStyle: 'medium', timeZone: 'Asia/Bangkok' });
const dateTime = new Intl.DateTimeFormat('th-TH', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Asia/Bangkok',
});

/** e.g. "วันพุธที่ 5 มีนาคม พ.ศ. 2568" */
export function formatThaiFullDate(date: Date): string {
  return fullDate.format(date);
}

/** e.g. "5 มี.ค. 2568" */
export function formatThaiShortDate(date: Date): string {
  return shortDate.format(date);
}

/** A moment from the API (ISO timestamp), e.g. "5 มี.ค. 2568 14:30" */
export function thaiDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A civil date from the API ('2026-12-16') as the moment it starts in Thailand, for the formatters. */
export function thaiCivilDate(iso: string): Date {
  return new Date(`${iso}T00:00:00+07:00`);
}
