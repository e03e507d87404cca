import { reportDueDate, type WorkingDayCalendar } from '@phattana/shared';
import { type CollectionReference, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { isOpenStatus, openReports, reportFromDoc } from './report-records';

/**
 * After HR adds or removes a holiday, every report still to be filed gets the due date the new
 * calendar gives (the 7th working day after its return date). Each report is updated in a transaction
 * that re-reads it, so a person filing at the same moment loses nothing. Returns how many changed.
 */
export async function recomputeOpenDueDates(
  db: Firestore,
  reports: CollectionReference,
  calendar: WorkingDayCalendar,
  now: Date,
): Promise<number> {
  const open = await openReports(reports).get();
  let changed = 0;
  for (const doc of open.docs) {
    const r = reportFromDoc(doc);
    if (reportDueDate(calendar, r.returnDate) === r.dueDate) continue;
    const updated = await db.runTransaction(async (tx) => {
      const snap = await tx.get(doc.ref);
      const fresh = reportFromDoc(snap);
      if (!isOpenStatus(fresh.status)) return false;
      const dueDate = reportDueDate(calendar, fresh.returnDate);
      if (dueDate === fresh.dueDate) return false;
      tx.update(doc.ref, { dueDate, updatedAt: Timestamp.fromDate(now), lastAction: 'dueDateRecomputed' });
      return true;
    });
    if (updated) changed++;
  }
  return changed;
}
