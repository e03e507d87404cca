import { type LibraryEntry, libraryEntryFor, type TrainingReport } from '@phattana/shared';
import type { CollectionReference, DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { TurnWriter } from '../store/turn-writer';
import { withoutUndefined } from '../store/without-undefined';

// The rules about stored library entries (municipalities/{m}/library/{reportId}) every reader shares:
// how one is written on a report's last approval, and how a stored one reads back.

/** Written with the approving write (chat turn or LIFF decision), so an approved report is never missing. */
export function publishToLibrary(
  w: Pick<TurnWriter, 'set'>,
  library: CollectionReference,
  report: TrainingReport,
  now: Timestamp,
): void {
  const entry = libraryEntryFor(report, report.approvedAt ?? now.toDate().toISOString());
  w.set(library.doc(report.id), { ...withoutUndefined(entry), publishedAt: now, updatedAt: now });
}

export type StoredLibraryEntry = LibraryEntry & { readonly lastReadAt?: string };

export function entryFromDoc(snap: DocumentSnapshot): StoredLibraryEntry {
  const d = snap.data() ?? {};
  const { publishedAt: _p, updatedAt: _u, ...rest } = d;
  return { readCount: 0, photoIds: [], ...rest, id: snap.id } as unknown as StoredLibraryEntry;
}
