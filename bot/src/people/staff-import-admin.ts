import type { Division } from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentReference,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';
import type { KeyCursor } from '../store/query-page';
import { createFirestoreEmployeeDirectory } from './firestore-employee-directory';
import { importEmployees } from './import-employees';
import { type StaffSource, staffRecords } from './staff-record-repository';
import { syncLinkedPeople } from './sync-linked-people';

// HR's staff list in the LIFF app: the list as the page shows it, and the staff-list import (the CLI's
// importEmployees, dry run first). The routes (api/staff-import-routes.ts) only translate HTTP; the import's
// own errors (SpreadsheetError, EmployeeImportSetupError, EmployeeWriteError) come through unchanged.

export interface StaffImportCollections extends StaffSource {
  readonly municipality: DocumentReference;
  readonly conversations: CollectionReference;
}

/**
 * One page of the staff records as HR's list shows them (by staff code, the records' ids), of one
 * division when asked, with how many the list holds in all and the municipality's divisions.
 */
export async function listStaff(
  c: StaffSource & Pick<StaffImportCollections, 'municipality'>,
  page: { readonly limit: number; readonly after: KeyCursor | undefined; readonly divisionId?: string },
) {
  const [found, municipality] = await Promise.all([
    staffRecords(c).page({
      ...page,
      fields: ['code', 'name', 'divisionId', 'position', 'active', 'roles', 'lineUserId'],
    }),
    c.municipality.get(),
  ]);
  const divisions = (municipality.get('divisions') as Division[] | undefined) ?? [];
  const employees = found.records.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    divisionId: s.divisionId || null,
    position: s.position || null,
    active: s.active,
    roles: [...s.roles],
    linked: Boolean(s.lineUserId),
  }));
  return {
    employees,
    next: found.next,
    total: found.total,
    divisions: divisions.map((v) => ({ id: v.id, name: v.name })),
  };
}

export interface StaffImportRequest {
  readonly bytes: Uint8Array;
  readonly filename?: string;
  readonly dryRun: boolean;
  readonly pepper: string;
  readonly by: { employeeId: string; name: string };
  readonly now: Date;
}

/**
 * Imports a staff file (or only checks it, on a dry run). Linked people whose roles changed get them in
 * chat; those who left are unlinked (their rich menu changes at the next CLI import or menu setup: the
 * API holds no LINE client). A real import is noted on the municipality for the page's "last import".
 */
export async function importStaffFile(db: Firestore, c: StaffImportCollections, r: StaffImportRequest) {
  const result = await importEmployees({
    bytes: r.bytes,
    ...(r.filename ? { filename: r.filename } : {}),
    municipalityId: c.municipality.id,
    directory: createFirestoreEmployeeDirectory(db, c),
    pepper: r.pepper,
    now: r.now,
    dryRun: r.dryRun,
  });
  const linked =
    result.linkedChanges.length > 0
      ? await syncLinkedPeople(db, result.linkedChanges, { ...c, now: r.now })
      : undefined;
  if (!r.dryRun)
    await c.municipality.set(
      {
        lastEmployeeImport: {
          by: r.by,
          at: Timestamp.fromDate(r.now),
          filename: r.filename ?? null,
          ...result.summary,
          written: result.written,
        },
      },
      { merge: true },
    );
  return {
    dryRun: r.dryRun,
    file: result.file,
    where: result.file.format === 'xlsx' ? 'แถว' : 'บรรทัด',
    headerRejected: result.headerRejected,
    summary: result.summary,
    written: result.written,
    errors: result.errors,
    linked: linked ? { updated: linked.updated, unlinked: linked.unlinked } : { updated: 0, unlinked: 0 },
  };
}

export type StaffList = Awaited<ReturnType<typeof listStaff>>;
export type StaffImportResult = Awaited<ReturnType<typeof importStaffFile>>;

/** What the staff routes need; the routes' unit tests give an in-memory one. */
export interface StaffImportAdmin {
  list(page: Parameters<typeof listStaff>[1]): Promise<StaffList>;
  /** throws the import's own errors unchanged, for the routes to answer in Thai */
  importFile(r: StaffImportRequest): Promise<StaffImportResult>;
}

export const firestoreStaffImportAdmin = (db: Firestore, c: StaffImportCollections): StaffImportAdmin => ({
  list: (page) => listStaff(c, page),
  importFile: (r) => importStaffFile(db, c, r),
});
