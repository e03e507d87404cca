import { addDays, type IsoDate, isoToUtcDate } from '../text/thai-date';

/** Working days in Thai government offices: Monday–Friday, minus the holidays the municipality keeps. */
export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The n-th working day after `date` (n ≥ 1); `date` itself never counts. */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days strictly after `from` up to and including `to` (0 when `to` ≤ `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

/** The post-training report is due within this many working days after returning. */
export const REPORT_DUE_WORKING_DAYS = 7;

/** How the due date is counted, in the words every screen uses. */
export const REPORT_DUE_RULE = `${REPORT_DUE_WORKING_DAYS} วันทำการ นับจากวันถัดจากวันที่กลับมาปฏิบัติงาน ไม่นับวันเสาร์ อาทิตย์ และวันหยุดราชการ`;

export function createWorkingDayCalendar(holidays: Iterable<IsoDate>): WorkingDayCalendar {
  const off = new Set(holidays);
  const isWorkingDay = (date: IsoDate) => {
    const dow = isoToUtcDate(date).getUTCDay();
    return dow !== 0 && dow !== 6 && !off.has(date);
  };
  return {
    isWorkingDay,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
      let d = date;
      for (let left = n; left > 0; ) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    },
  };
}

/**
 * Due date of the post-training report: the 7th working day counted from the day after the person
 * returned (the return day itself is not counted), e.g. back on Friday 9 Jan 2569 → due Tuesday 20 Jan 2569
 * when there is no holiday in between.
 */
export function reportDueDate(calendar: WorkingDayCalendar, returnDate: IsoDate): IsoDate {
  return calendar.addWorkingDays(returnDate, REPORT_DUE_WORKING_DAYS);
}
