import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { indexStaffWrite } from '../owing/owing-writes';
import { type StaffSource, staffRecords } from './staff-record-repository';

export class DataRequestError extends Error {
  override readonly name = 'DataRequestError';
}

/** Open PDPA requests, oldest deadline first, for HR's list. */
export async function openDataRequests(dataRequests: CollectionReference) {
  const snap = await dataRequests.where('status', '==', 'open').get();
  return snap.docs
    .map((d) => ({
      id: d.id,
      ...(d.data() as { kind: string; dueBy: string; employeeId: string | null; lineUserId: string }),
    }))
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
}

/**
 * HR carries out a deletion request: the LINE account is unlinked, the conversation (state, consent,
 * event ids) is deleted, and the request is closed with who did it. Training history stays with the
 * staff record, as official records; HR's note says what else was removed.
 */
export async function completeDeletionRequest(
  db: Firestore,
  c: StaffSource & {
    dataRequests: CollectionReference;
    conversations: CollectionReference;
  },
  o: { requestId: string; by: string; now: Date; note?: string },
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const ref = c.dataRequests.doc(o.requestId);
    const request = await tx.get(ref);
    if (!request.exists) throw new DataRequestError(`ไม่พบคำขอ ${o.requestId}`);
    if (request.get('kind') !== 'deletion') throw new DataRequestError('คำขอนี้ไม่ใช่คำขอลบข้อมูล');
    if (request.get('status') !== 'open') throw new DataRequestError('คำขอนี้ดำเนินการไปแล้ว');
    const employeeId = request.get('employeeId') as string | null;
    const employee = employeeId ? await staffRecords(c).located(employeeId, { tx }) : undefined;
    // only if the staff record is still linked to the account that asked (HR may have relinked it)
    if (employee && employee.record.lineUserId === request.get('lineUserId')) {
      const unlinked = {
        lineUserId: FieldValue.delete(),
        lineFollowing: FieldValue.delete(),
        lineUnlinkedAt: Timestamp.fromDate(o.now),
        lineUnlinkedBy: o.by,
      };
      tx.update(employee.ref, unlinked);
      indexStaffWrite(tx, employee.ref, unlinked);
    }
    tx.delete(c.conversations.doc(String(request.get('lineUserId'))));
    tx.update(ref, {
      status: 'done',
      doneAt: Timestamp.fromDate(o.now),
      doneBy: o.by,
      note: o.note ?? null,
      // the request itself is evidence of compliance; it keeps no LINE id once done
      lineUserId: FieldValue.delete(),
    });
  });
}
