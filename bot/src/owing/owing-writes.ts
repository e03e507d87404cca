import {
  OWING_STAFF_FIELDS,
  type OwingStaff,
  owingReportOf,
  owingShard,
  owingStaffPatch,
  type ReportForOwing,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  FieldValue,
  type SetOptions,
} from 'firebase-admin/firestore';

// Keeps the who-owes-what index (shared/src/owing/owing-index.ts) in step with the records it mirrors,
// in the same transaction or batch as the write to the record. Every write here is a blind merge into
// the owner's entry (no read), so a report or staff write never waits on the shard or conflicts over it.

/** Anything that can set with merge: a transaction, a batch, a turn's writer. */
export interface OwingWriter {
  set(ref: DocumentReference, data: DocumentData, options: SetOptions): unknown;
}

/** municipalities/{m}/owing: the index's shards. */
export const owingShards = (municipality: DocumentReference): CollectionReference =>
  municipality.collection('owing');

export const owingShardRef = (municipality: DocumentReference, employeeId: string): DocumentReference =>
  owingShards(municipality).doc(String(owingShard(employeeId)));

/** municipalities/{m} from one of its records (municipalities/{m}/reports/{id}). */
function municipalityOf(record: DocumentReference): DocumentReference {
  const m = record.parent.parent;
  if (!m) throw new Error(`${record.path} is not a municipality's record`);
  return m;
}

/** A report was written (opened, edited, submitted, decided, its due date moved): its line follows. */
export function indexReportWrite(
  w: OwingWriter,
  reportRef: DocumentReference,
  report: Omit<ReportForOwing, 'id'>,
): void {
  const line = owingReportOf({ ...report, id: reportRef.id });
  w.set(
    owingShardRef(municipalityOf(reportRef), report.employeeId),
    { people: { [report.employeeId]: { reports: { [reportRef.id]: line ?? FieldValue.delete() } } } },
    { merge: true },
  );
}

/**
 * A staff record was written with `data` (as set with merge or update): the mirrored fields it sets or
 * deletes follow. A write that touches none of them writes nothing here.
 */
export function indexStaffWrite(w: OwingWriter, employeeRef: DocumentReference, data: DocumentData): void {
  const deleted = new Set<string>();
  const plain: Record<string, unknown> = {};
  for (const k of OWING_STAFF_FIELDS) {
    if (!(k in data)) continue;
    const v = data[k];
    if (v instanceof FieldValue) {
      if (v.isEqual(FieldValue.delete())) deleted.add(k);
    } else plain[k] = v;
  }
  const patch: Partial<OwingStaff> = owingStaffPatch(plain, deleted);
  if (Object.keys(patch).length === 0) return;
  w.set(
    owingShardRef(municipalityOf(employeeRef), employeeRef.id),
    { people: { [employeeRef.id]: { staff: patch } } },
    { merge: true },
  );
}
