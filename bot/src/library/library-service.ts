import {
  COMPETENCIES,
  competency as competencyOf,
  countsAsRead,
  type Division,
  fiscalYearOfInstant,
  isFirestoreDocId,
  isReportId,
  type LibraryEntryResponse,
  type LibraryListed,
  type LibraryListItem,
  type LibraryListResponse,
  type LibrarySearch,
  type LibraryViewer,
  type LibraryVisibility,
  matchesSearch,
  mayManageEntry,
  mayReadEntry,
  readReceiptId,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  FieldPath,
  FieldValue,
  type Firestore,
  type Query,
  Timestamp,
} from 'firebase-admin/firestore';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { entryFromDoc, type StoredLibraryEntry } from './library-records';

// The knowledge library for the LIFF pages: search, open (a colleague's first opening is their read
// receipt, counted once in the same transaction), change visibility (owner, HR), record the monthly
// meeting it was presented at (HR), and the reader's weekly-digest choice.

export interface LibraryCollections extends StaffSource {
  readonly municipality: DocumentReference;
  readonly trainings: CollectionReference;
  readonly library: CollectionReference;
  readonly libraryReads: CollectionReference;
}

export type LibraryOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'notFound' | 'refused'; readonly message: string };

export const ENTRY_NOT_FOUND = 'ไม่พบเรื่องนี้ในคลังความรู้';
export const ENTRY_INTERNAL = 'เรื่องนี้เป็นเอกสารภายใน ดูได้เฉพาะเจ้าของรายงานและฝ่ายบุคคล';
export const ENTRY_NOT_YOURS = 'เฉพาะเจ้าของรายงานหรือฝ่ายบุคคลเท่านั้นที่เปลี่ยนการเผยแพร่ได้';

async function context(c: LibraryCollections) {
  const m = await c.municipality.get();
  const divisions = (m.get('divisions') as Division[] | undefined) ?? [];
  return { divisionName: (id?: string) => divisions.find((d) => d.id === id)?.name, divisions };
}

/** The catalogue's competency of each entry's course (read once per distinct course). */
async function withCompetency(
  c: LibraryCollections,
  entries: StoredLibraryEntry[],
): Promise<LibraryListed[]> {
  const ids = [...new Set(entries.map((e) => e.trainingId))];
  const docs =
    ids.length > 0 ? await c.trainings.firestore.getAll(...ids.map((id) => c.trainings.doc(id))) : [];
  const byId = new Map(docs.map((d) => [d.id, d.get('competency') as string | undefined]));
  return entries.map((e) => {
    const competency = byId.get(e.trainingId);
    return competency ? { ...e, competency } : e;
  });
}

function listItem(e: LibraryListed, divisionName: (id?: string) => string | undefined): LibraryListItem {
  const name = divisionName(e.divisionId);
  const comp = e.competency ? (competencyOf(e.competency)?.name ?? e.competency) : undefined;
  return {
    id: e.id,
    trainingTitle: e.trainingTitle,
    employeeName: e.employeeName,
    ...(e.divisionId ? { divisionId: e.divisionId } : {}),
    ...(name ? { divisionName: name } : {}),
    ...(e.competency ? { competency: e.competency } : {}),
    ...(comp ? { competencyName: comp } : {}),
    endDate: e.endDate,
    fiscalYear: e.fiscalYear,
    learnedPreview: e.learned.length > 160 ? `${e.learned.slice(0, 159)}…` : e.learned,
    visibility: e.visibility,
    readCount: e.readCount,
    presented: e.presentation !== undefined,
  };
}

/** Where a library page stopped: the last entry looked at, [approvedAt, id] (newest first). */
export type LibraryCursor = readonly [string, string];

export const isLibraryCursor = (v: unknown): v is LibraryCursor =>
  Array.isArray(v) &&
  v.length === 2 &&
  typeof v[0] === 'string' &&
  v[0].length <= 40 &&
  isFirestoreDocId(v[1]) &&
  isReportId(v[1]);

/**
 * One page of the library for `viewer`, newest approval first. Division and fiscal year are filters of
 * the query; the free text, the competency (from HR's catalogue) and what the viewer may read are
 * checked on the entries read, `limit` at a time, up to a budget of 4 × limit entries per page: a page
 * reads O(limit) documents however big the library, and may be short (its cursor goes on from there).
 * The year choices run from the oldest entry's year to this one (one read), the competencies are the
 * catalogue's.
 */
export async function listLibrary(
  c: LibraryCollections,
  viewer: LibraryViewer,
  search: LibrarySearch,
  now: Date,
  page: { readonly limit: number; readonly after: LibraryCursor | undefined },
): Promise<LibraryListResponse & { readonly next: LibraryCursor | null }> {
  let base: Query = c.library;
  if (search.divisionId) base = base.where('divisionId', '==', search.divisionId);
  if (search.fiscalYear !== undefined) base = base.where('fiscalYear', '==', search.fiscalYear);
  const ordered = base.orderBy('approvedAt', 'desc').orderBy(FieldPath.documentId());
  const [ctx, me, oldest] = await Promise.all([
    context(c),
    staffRecords(c).byId(viewer.employeeId, { fields: ['libraryDigest'] }),
    c.library.orderBy('approvedAt').limit(1).get(),
  ]);
  const found: LibraryListed[] = [];
  let after = page.after;
  let scanned = 0;
  let exhausted = false;
  while (found.length < page.limit && scanned < 4 * page.limit) {
    const snap = await (after ? ordered.startAfter(after[0], after[1]) : ordered).limit(page.limit).get();
    scanned += Math.max(1, snap.size);
    for (const e of await withCompetency(c, snap.docs.map(entryFromDoc))) {
      after = [e.approvedAt, e.id];
      if (mayReadEntry(e, viewer) && matchesSearch(e, search)) found.push(e);
      if (found.length === page.limit) break;
    }
    // a short read is the end, once every entry it brought was looked at
    if (snap.size < page.limit) {
      exhausted = snap.size === 0 || after?.[1] === snap.docs.at(-1)?.id;
      break;
    }
  }
  const current = fiscalYearOfInstant(now);
  const first = oldest.docs[0] ? Number(oldest.docs[0].get('fiscalYear')) : current;
  const from = Number.isInteger(first) && first <= current && first > current - 50 ? first : current;
  const years = Array.from({ length: current - from + 1 }, (_, i) => current - i);
  return {
    entries: found.map((e) => listItem(e, ctx.divisionName)),
    filters: {
      divisions: ctx.divisions.map((d) => ({ id: d.id, name: d.name })),
      competencies: COMPETENCIES.map((k) => ({ id: k.id, name: k.name })),
      years,
    },
    // the digest is on unless the person turned it off
    digest: me?.libraryDigest ?? true,
    next: exhausted || !after ? null : after,
  };
}

/** Opens an entry for `viewer`; a colleague's first opening counts one read. */
export async function openEntry(
  db: Firestore,
  c: LibraryCollections,
  id: string,
  viewer: LibraryViewer,
  now: Date,
): Promise<LibraryOutcome<LibraryEntryResponse>> {
  const ref = c.library.doc(id);
  const receipt = c.libraryReads.doc(readReceiptId(id, viewer.employeeId));
  const read = await db.runTransaction(async (tx) => {
    const [snap, seen] = await Promise.all([tx.get(ref), tx.get(receipt)]);
    if (!snap.exists) return { kind: 'notFound', message: ENTRY_NOT_FOUND } as const;
    const entry = entryFromDoc(snap);
    if (!mayReadEntry(entry, viewer)) return { kind: 'refused', message: ENTRY_INTERNAL } as const;
    if (!seen.exists && countsAsRead(entry, viewer) && entry.visibility === 'published') {
      const at = Timestamp.fromDate(now);
      tx.create(receipt, { entryId: id, employeeId: viewer.employeeId, readAt: at });
      tx.update(ref, { readCount: FieldValue.increment(1), lastReadAt: now.toISOString() });
      return { kind: 'ok', entry: { ...entry, readCount: entry.readCount + 1 } } as const;
    }
    return { kind: 'ok', entry } as const;
  });
  if (read.kind !== 'ok') return read;
  const [listed] = await withCompetency(c, [read.entry]);
  const e = listed ?? read.entry;
  const ctx = await context(c);
  return {
    kind: 'ok',
    value: {
      ...listItem(e, ctx.divisionName),
      learned: e.learned,
      application: e.application,
      startDate: e.startDate,
      hours: e.hours,
      photoIds: e.photoIds,
      ...(e.presentation ? { presentation: e.presentation } : {}),
      mayManage: mayManageEntry(e, viewer),
      mayRecordPresentation: viewer.roles.includes('hr'),
    },
  };
}

/** The owner or HR publishes the entry or keeps it internal. */
export async function setVisibility(
  db: Firestore,
  c: LibraryCollections,
  id: string,
  visibility: LibraryVisibility,
  viewer: LibraryViewer,
  now: Date,
): Promise<LibraryOutcome<StoredLibraryEntry>> {
  const ref = c.library.doc(id);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return { kind: 'notFound', message: ENTRY_NOT_FOUND } as const;
    const entry = entryFromDoc(snap);
    if (!mayManageEntry(entry, viewer)) return { kind: 'refused', message: ENTRY_NOT_YOURS } as const;
    const role = entry.employeeId === viewer.employeeId ? 'owner' : 'hr';
    const internalBy = { employeeId: viewer.employeeId, role, at: now.toISOString() } as const;
    tx.update(ref, {
      visibility,
      internalBy: visibility === 'internal' ? internalBy : FieldValue.delete(),
      updatedAt: Timestamp.fromDate(now),
    });
    const { internalBy: _old, ...rest } = entry;
    return {
      kind: 'ok',
      value: visibility === 'internal' ? { ...rest, visibility, internalBy } : { ...rest, visibility },
    } as const;
  });
}

/** HR records the monthly staff meeting where the report was presented. */
export async function recordPresentation(
  c: LibraryCollections,
  id: string,
  p: { date: string; note: string },
  viewer: LibraryViewer,
  now: Date,
): Promise<LibraryOutcome<null>> {
  if (!viewer.roles.includes('hr')) return { kind: 'refused', message: 'เฉพาะฝ่ายบุคคลเท่านั้นที่บันทึกการนำเสนอได้' };
  const ref = c.library.doc(id);
  const snap = await ref.get();
  if (!snap.exists) return { kind: 'notFound', message: ENTRY_NOT_FOUND };
  await ref.update({
    presentation: { date: p.date, note: p.note, by: viewer.employeeId, recordedAt: now.toISOString() },
    updatedAt: Timestamp.fromDate(now),
  });
  return { kind: 'ok', value: null };
}

/** The reader turns the weekly digest on or off (the chat's "ไม่รับสรุปรายสัปดาห์" writes the same field). */
export async function setDigest(c: LibraryCollections, employeeId: string, digest: boolean): Promise<void> {
  await c.employees.doc(employeeId).set({ libraryDigest: digest }, { merge: true });
}
