import {
  createWorkingDayCalendar,
  type IsoDate,
  reportDueDate,
  THAI_GOVERNMENT_HOLIDAYS,
  type WorkingDayCalendar,
} from '@phattana/shared';
import { type CollectionReference, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import { seedGovernmentHolidays } from './holiday-admin';

// HR's holiday edits from the LIFF app, made safe: before an edit, how many open reports would get a
// new due date (the confirmation says so); each edit keeps the holiday's previous record, so one tap
// undoes it and the due dates follow back.

export interface HolidayEditCollections extends ReportSource {
  readonly holidays: CollectionReference;
  /** one record per edit: the date, the holiday before and after, who and when, whether undone */
  readonly holidayEdits: CollectionReference;
}

export type HolidayChange = 'add' | 'remove';

export class HolidayUndoError extends Error {
  override readonly name = 'HolidayUndoError';
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
  }
}

/** The dates the calendar counts as holidays now (the shipped list while HR has not edited any). */
async function holidayDates(holidays: CollectionReference): Promise<Set<IsoDate>> {
  const snap = await holidays.get();
  return new Set(
    snap.empty
      ? THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date)
      : snap.docs.filter((d) => d.get('removed') !== true).map((d) => String(d.get('date') ?? d.id)),
  );
}

/** How many reports still to be filed would get a new due date under `calendar`. */
export async function openReportsMoved(c: ReportSource, calendar: WorkingDayCalendar): Promise<number> {
  const open = await reportRecords(c).open();
  return open.filter((r) => reportDueDate(calendar, r.returnDate) !== r.dueDate).length;
}

/** What adding or removing `date` would do, without doing it. */
export async function previewHolidayEdit(
  c: ReportSource & Pick<HolidayEditCollections, 'holidays'>,
  change: HolidayChange,
  date: IsoDate,
): Promise<{ moved: number; alreadyThatWay: boolean }> {
  const dates = await holidayDates(c.holidays);
  const alreadyThatWay = change === 'add' ? dates.has(date) : !dates.has(date);
  if (change === 'add') dates.add(date);
  else dates.delete(date);
  return { moved: await openReportsMoved(c, createWorkingDayCalendar([...dates])), alreadyThatWay };
}

/**
 * Makes one edit (the first starts from the shipped list) and records the holiday's record before and
 * after it, for undo. Returns the edit's id.
 */
export async function recordHolidayEdit(
  c: HolidayEditCollections,
  o: { date: IsoDate; change: HolidayChange; by: string; now: Date },
  edit: () => Promise<void>,
): Promise<string> {
  await seedGovernmentHolidays(c.holidays);
  const ref = c.holidays.doc(o.date);
  const before = await ref.get();
  await edit();
  const after = await ref.get();
  const record = c.holidayEdits.doc();
  await record.create({
    date: o.date,
    change: o.change,
    before: before.exists ? before.data() : null,
    after: after.data() ?? null,
    by: o.by,
    at: Timestamp.fromDate(o.now),
    undone: false,
  });
  return record.id;
}

/**
 * Puts the holiday back as it was before the edit, unless it was changed again since (then undoing
 * would throw that later change away: refused, in Thai). The caller recomputes the due dates.
 */
export async function undoHolidayEdit(
  db: Firestore,
  c: HolidayEditCollections,
  o: { editId: string; by: string; now: Date },
): Promise<{ date: IsoDate; change: HolidayChange }> {
  return db.runTransaction(async (tx) => {
    const record = await tx.get(c.holidayEdits.doc(o.editId));
    if (!record.exists) throw new HolidayUndoError('ไม่พบการแก้ไขวันหยุดนี้', 404);
    if (record.get('undone') === true) throw new HolidayUndoError('ยกเลิกการแก้ไขนี้ไปแล้ว', 409);
    const date = String(record.get('date')) as IsoDate;
    const ref = c.holidays.doc(date);
    const now = await tx.get(ref);
    if (!sameRecord(now.data() ?? null, record.get('after') ?? null))
      throw new HolidayUndoError('วันหยุดนี้ถูกแก้ไขอีกครั้งหลังจากนั้น จึงยกเลิกการแก้ไขเดิมไม่ได้ กรุณาแก้ไขจากรายการแทน', 409);
    const before = record.get('before') as Record<string, unknown> | null;
    if (before) tx.set(ref, before);
    else tx.delete(ref);
    tx.update(record.ref, { undone: true, undoneBy: o.by, undoneAt: Timestamp.fromDate(o.now) });
    return { date, change: record.get('change') as HolidayChange };
  });
}

/** Two stored records alike (Timestamps compared by value). */
function sameRecord(a: unknown, b: unknown): boolean {
  if (a instanceof Timestamp || b instanceof Timestamp)
    return a instanceof Timestamp && b instanceof Timestamp && a.isEqual(b);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return (
    ka.join() === kb.join() &&
    ka.every((k) => sameRecord((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
