import {
  createWorkingDayCalendar,
  type IsoDate,
  THAI_GOVERNMENT_HOLIDAYS,
  type WorkingDayCalendar,
} from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';

// The working-day calendar with the municipality's own holiday list (HR edits it as data:
// municipalities/{m}/holidays/{date}). An empty list means HR has not set one up yet, and the
// government holidays shipped with the product apply. A deployment serving many municipalities keeps
// the national list once (`nationalHolidays/{date}`, the platform's): each municipality's own list then
// sits on top of it, adding its own days and taking back (`removed`) national ones it works on.

export interface HolidayCalendarSource {
  /** the calendar as of at most `maxAgeMs` ago */
  get(): Promise<WorkingDayCalendar>;
  /** forget the cached copy, e.g. right after HR changed a holiday */
  invalidate(): void;
}

export function createHolidayCalendarSource(
  holidays: CollectionReference,
  o: { maxAgeMs?: number; clock?: () => number; national?: CollectionReference } = {},
): HolidayCalendarSource {
  const maxAgeMs = o.maxAgeMs ?? 5 * 60_000;
  const clock = o.clock ?? Date.now;
  let cached: { at: number; calendar: Promise<WorkingDayCalendar> } | undefined;
  const load = async () => {
    const [snap, national] = await Promise.all([holidays.get(), o.national?.get()]);
    const dateOf = (d: { id: string; get(f: string): unknown }) => String(d.get('date') ?? d.id) as IsoDate;
    const own = snap.docs.filter((d) => d.get('removed') !== true).map(dateOf);
    if (national && !national.empty) {
      const takenBack = new Set(snap.docs.filter((d) => d.get('removed') === true).map(dateOf));
      const base = national.docs.filter((d) => d.get('removed') !== true).map(dateOf);
      return createWorkingDayCalendar([...new Set([...base.filter((d) => !takenBack.has(d)), ...own])]);
    }
    const dates: IsoDate[] = snap.empty ? THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date) : own;
    return createWorkingDayCalendar(dates);
  };
  return {
    get() {
      if (!cached || clock() - cached.at > maxAgeMs) {
        const calendar = load();
        cached = { at: clock(), calendar };
        calendar.catch(() => {
          cached = undefined; // try again next time
        });
      }
      return cached.calendar;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
