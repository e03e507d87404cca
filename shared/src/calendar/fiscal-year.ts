import { bangkokDate, buddhistYear, type IsoDate, isIsoDate } from '../text/thai-date';

// Thai government fiscal year: 1 October – 30 September, named by the Buddhist-era year it ends in
// (ปีงบประมาณ พ.ศ. 2569 = 2025-10-01 … 2026-09-30).

/** How far the Buddhist era runs ahead of the Christian era, read once from Intl (never typed in). */
const ERA_OFFSET = buddhistYear('2000-07-01') - 2000;

/** The fiscal year (Buddhist era) a civil date falls in. */
export function fiscalYearOf(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const month = Number(date.slice(5, 7));
  // October–December already belong to the next calendar year's fiscal year.
  return buddhistYear(date) + (month >= 10 ? 1 : 0);
}

/** First and last day of a fiscal year, e.g. 2569 → 2025-10-01 … 2026-09-30. */
export function fiscalYearRange(fy: number): { start: IsoDate; end: IsoDate } {
  const endYear = fy - ERA_OFFSET;
  if (!Number.isInteger(fy) || endYear < 2 || endYear > 9999) {
    throw new RangeError(`not a fiscal year: ${fy}`);
  }
  const year = (y: number) => String(y).padStart(4, '0');
  return { start: `${year(endYear - 1)}-10-01`, end: `${year(endYear)}-09-30` };
}

/** e.g. 'ปีงบประมาณ พ.ศ. 2569' */
export function fiscalYearLabel(fy: number): string {
  return `ปีงบประมาณ พ.ศ. ${fy}`;
}

/** The fiscal year in Thailand at this instant. */
export function fiscalYearOfInstant(now: Date): number {
  return fiscalYearOf(bangkokDate(now));
}
