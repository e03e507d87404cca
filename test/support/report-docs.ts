import { addDays, bangkokDate, EMPTY_REPORT_PARTS, reportIdFor, type TrainingReport } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { indexReportWrite } from '../../bot/src/owing/owing-writes';
import { withoutUndefined } from '../../bot/src/store/without-undefined';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';

export const reportsOf = (db: Firestore) =>
  db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID).collection('reports');

let seq = 0;

/**
 * A post-training report as the daily job opens it (a training that ended a few days ago), stored
 * directly: tests of the LIFF form need one without running the scheduler.
 */
export async function seedReport(
  db: Firestore,
  employeeId: string,
  o: Partial<TrainingReport> = {},
): Promise<TrainingReport> {
  const today = bangkokDate(new Date());
  const endDate = o.endDate ?? addDays(today, -3);
  const trainingId = o.trainingId ?? `TR${Date.now().toString(36)}${seq++}`;
  const report: TrainingReport = {
    id: reportIdFor(trainingId, employeeId),
    trainingId,
    trainingTitle: 'การเขียนหนังสือราชการ',
    method: 'training',
    hours: 12,
    startDate: addDays(endDate, -1),
    endDate,
    employeeId,
    employeeName: 'ผู้เข้าอบรม ทดสอบ',
    returnDate: endDate,
    dueDate: addDays(endDate, 9),
    ...EMPTY_REPORT_PARTS,
    history: [{ action: 'opened', by: 'system', at: new Date().toISOString() }],
    ...o,
  };
  // with its line in the who-owes-what index, as the morning job opens one
  const batch = db.batch();
  batch.set(reportsOf(db).doc(report.id), {
    ...withoutUndefined(report),
    updatedAt: Timestamp.now(),
    lastAction: 'opened',
  });
  indexReportWrite(batch, reportsOf(db).doc(report.id), report);
  await batch.commit();
  return report;
}
