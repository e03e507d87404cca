import { type IsoDate, isIsoDate, THAI_GOVERNMENT_HOLIDAYS } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { claimDueDateRecompute, recomputeOpenDueDates } from '../reports/recompute-due-dates';
import { addHoliday, type HolidayKind, removeHoliday } from './holiday-admin';
import { createHolidayCalendarSource } from './holiday-calendar';
import {
  type HolidayChange,
  type HolidayEditCollections,
  recordHolidayEdit,
  undoHolidayEdit,
} from './holiday-edits';

// HR's holiday page in the LIFF app (api/holiday-routes.ts only translates HTTP): the list, its form's
// checks, and every edit or undo followed by the open reports' due dates (as with the CLI).

export const HOLIDAY_KINDS: readonly HolidayKind[] = ['public', 'substitution', 'special', 'local'];

export interface HolidayListView {
  readonly date: string;
  readonly name: string;
  readonly kind: string;
  readonly source: string;
}

/** The holidays the calendar uses, of one Christian-era year when `year` is given, by date. */
export async function listHolidays(
  c: Pick<HolidayEditCollections, 'holidays'>,
  year?: string,
): Promise<HolidayListView[]> {
  const snap = await c.holidays.get();
  // an untouched list is the shipped government holidays (what the calendar uses then)
  const all = snap.empty
    ? THAI_GOVERNMENT_HOLIDAYS.map((h) => ({ date: h.date, name: h.name, kind: h.kind, source: 'shipped' }))
    : snap.docs
        .filter((s) => s.get('removed') !== true)
        .map((s) => ({
          date: String(s.get('date') ?? s.id),
          name: String(s.get('name') ?? ''),
          kind: String(s.get('kind') ?? 'special'),
          source: String(s.get('source') ?? 'hr'),
        }));
  return all.filter((h) => !year || h.date.startsWith(year)).sort((a, b) => a.date.localeCompare(b.date));
}

/** The add form's checks, each answered in Thai on its field. */
export function parseHolidayInput(
  body: unknown,
): { holiday: { date: IsoDate; name: string; kind: HolidayKind } } | { errors: Record<string, string> } {
  const b = (body ?? {}) as { date?: unknown; name?: unknown; kind?: unknown };
  const date = typeof b.date === 'string' ? b.date.trim() : '';
  const name = typeof b.name === 'string' ? b.name : '';
  const kind = b.kind === undefined || b.kind === '' ? 'special' : b.kind;
  const errors: Record<string, string> = {};
  if (!isIsoDate(date)) errors.date = 'กรุณาเลือกวันที่จากปฏิทิน';
  if (name.trim().length < 2) errors.name = 'กรุณาระบุชื่อวันหยุด';
  else if (name.trim().length > 100) errors.name = 'ชื่อวันหยุดยาวเกินไป ไม่เกิน 100 ตัวอักษร';
  if (!HOLIDAY_KINDS.includes(kind as HolidayKind)) errors.kind = 'กรุณาเลือกประเภทวันหยุดจากรายการ';
  return Object.keys(errors).length > 0 ? { errors } : { holiday: { date, name, kind: kind as HolidayKind } };
}

export interface HolidayListDeps {
  readonly db: Firestore;
  readonly collections: HolidayEditCollections;
  /** drops the bot's cached working-day calendar */
  readonly invalidateCalendar?: () => void;
}

/**
 * Adds or removes one holiday; the edit starts from the shipped list (first use) and is recorded for
 * undo; then every open report's due date follows. HolidayInputError comes through for a bad date.
 */
export async function editHolidayList(
  d: HolidayListDeps,
  edit:
    | { change: 'add'; holiday: { date: IsoDate; name: string; kind: HolidayKind } }
    | { change: 'remove'; date: IsoDate },
  by: string,
  now: Date,
): Promise<{ editId: string; moved: number }> {
  const c = d.collections;
  const date = edit.change === 'add' ? edit.holiday.date : edit.date;
  const editId = await recordHolidayEdit(c, { date, change: edit.change, by, now }, () =>
    edit.change === 'add'
      ? addHoliday(c.holidays, { ...edit.holiday, by }, now)
      : removeHoliday(c.holidays, edit.date, by, now),
  );
  return { editId, moved: await followDueDates(d, now) };
}

/** Undoes one recorded edit (HolidayUndoError when it cannot), then the due dates follow back. */
export async function undoHolidayListEdit(
  d: HolidayListDeps,
  editId: string,
  by: string,
  now: Date,
): Promise<{ date: IsoDate; change: HolidayChange; moved: number }> {
  const undone = await undoHolidayEdit(d.db, d.collections, { editId, by, now });
  return { ...undone, moved: await followDueDates(d, now) };
}

async function followDueDates(d: HolidayListDeps, now: Date): Promise<number> {
  // stamped before the calendar is read: the holiday trigger for this edit then finds the work done
  const municipality = d.collections.holidays.parent;
  if (municipality) await claimDueDateRecompute(d.db, municipality);
  d.invalidateCalendar?.();
  const calendar = await createHolidayCalendarSource(d.collections.holidays).get();
  return recomputeOpenDueDates(d.db, d.collections, calendar, now);
}
