import { EMPTY_REPORT_PARTS, type ReportStatus, type TrainingReport } from '@phattana/shared';
import type { DocumentSnapshot } from 'firebase-admin/firestore';

// The rules about stored post-training reports (municipalities/{m}/reports/{id}) that every reader
// shares: which ones are still open, and how a stored one reads back. Only the repository
// (report-repository.ts) queries the collection.

/** Reports a person may still file. */
export const OPEN_STATUSES = ['pending', 'returned'] as const satisfies readonly ReportStatus[];

export const isOpenStatus = (status: string): boolean =>
  (OPEN_STATUSES as readonly string[]).includes(status);

/** A stored report read back; Firestore timestamps the edge adds are left out of the domain object. */
export function reportFromDoc(snap: DocumentSnapshot): TrainingReport {
  const d = snap.data() ?? {};
  const { updatedAt: _u, lastAction: _l, ...rest } = d;
  return { ...EMPTY_REPORT_PARTS, ...rest, id: snap.id } as unknown as TrainingReport;
}
