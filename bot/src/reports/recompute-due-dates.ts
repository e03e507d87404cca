import { reportDueDate, type WorkingDayCalendar } from '@phattana/shared';
import { type DocumentReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { indexReportWrite } from '../owing/owing-writes';
import { isOpenStatus } from './report-records';
import { type ReportSource, reportRecords } from './report-repository';

/**
 * After HR adds or removes a holiday, every report still to be filed gets the due date the new
 * calendar gives (the 7th working day after its return date). Each report is updated in a transaction
 * that re-reads it, so a person filing at the same moment loses nothing. Returns how many changed.
 */
export async function recomputeOpenDueDates(
  db: Firestore,
  source: ReportSource,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<number> {
  const reports = reportRecords(source);
  let changed = 0;
  for (const r of await reports.open()) {
    if (reportDueDate(calendar, r.returnDate) === r.dueDate) continue;
    const updated = await db.runTransaction(async (tx) => {
      const fresh = await reports.located(r.id, { tx });
      if (!fresh || !isOpenStatus(fresh.report.status)) return false;
      const dueDate = reportDueDate(calendar, fresh.report.returnDate);
      if (dueDate === fresh.report.dueDate) return false;
      tx.update(fresh.ref, { dueDate, updatedAt: Timestamp.fromDate(now), lastAction: 'dueDateRecomputed' });
      indexReportWrite(tx, fresh.ref, { ...fresh.report, dueDate });
      return true;
    });
    if (updated) changed++;
  }
  return changed;
}

/** Field of the municipality document: when the last recompute of the due dates started (server time). */
export const DUE_DATES_RECOMPUTED_AT = 'dueDatesRecomputedAt';

/**
 * Whether a recompute is still needed for a holiday written at `writtenAt` (Firestore's commit time of
 * that write), claiming it when it is. A recompute that started after the write reads a calendar that
 * holds it, so nothing is left to do: a bulk edit (the shipped list, an import of a year's holidays)
 * fires one trigger per holiday and the open reports are recomputed once, not once per holiday. The
 * start is stamped with the server's time, the clock `writtenAt` comes from; without `writtenAt` (HR's
 * own edit, recomputed at once) the run always goes and only stamps its start.
 */
export async function claimDueDateRecompute(
  db: Firestore,
  municipality: DocumentReference,
  writtenAt?: Date,
): Promise<boolean> {
  return db.runTransaction(async (tx) => {
    if (writtenAt) {
      const started = (await tx.get(municipality)).get(DUE_DATES_RECOMPUTED_AT) as Timestamp | undefined;
      if (started && started.toMillis() >= writtenAt.getTime()) return false;
    }
    tx.set(municipality, { [DUE_DATES_RECOMPUTED_AT]: FieldValue.serverTimestamp() }, { merge: true });
    return true;
  });
}
