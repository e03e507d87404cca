import { birthDateHash } from './birth-date-hash';
import { type StoredEmployee, staffRecordFromData, staffRecords } from './staff-record-repository';
// The staff list in Firestore, as the employee import reads and writes it:
//   municipalities/{municipalityId}                       the Municipality (with its divisions)
//   municipalities/{municipalityId}/employees/{employeeId} one Employee each
// The import owns the HR fields of a staff record and nothing else: the LINE link (lineUserId),
// consent and whatever later features add are left exactly as they are.

import {
  type EmployeeImportResult,
  type ImportedEmployee,
  type Municipality,
  nameSortKey,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  FieldValue,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';
import { indexStaffWrite } from '../owing/owing-writes';

export type { StoredEmployee } from './staff-record-repository';

export interface EmployeeDirectory {
  /** the municipality document, or undefined when it does not exist */
  loadMunicipality(): Promise<Municipality | undefined>;
  /** every stored staff record of the municipality */
  loadAll(): Promise<StoredEmployee[]>;
  /**
   * Writes the created and updated people of a validated import (unchanged ones are not touched).
   * Returns how many documents were written.
   */
  applyImport(
    valid: readonly ImportedEmployee[],
    changes: EmployeeImportResult['changes'],
    options: ApplyImportOptions,
  ): Promise<{ written: number }>;
}

export interface ApplyImportOptions {
  /** secret for the birth-date hash; the LINE-linking flow must use the same one */
  readonly pepper: string;
  readonly now: Date;
}

export interface FirestoreEmployeeDirectoryRefs {
  /** municipalities/{municipalityId} */
  readonly municipality: DocumentReference;
  /** municipalities/{municipalityId}/employees */
  readonly employees: CollectionReference;
}

/** Firestore's limit on writes in one batched write. */
export const MAX_WRITES_PER_BATCH = 500;

/** Thrown when a later batch fails: the earlier ones are already stored. */
export class EmployeeWriteError extends Error {
  override readonly name = 'EmployeeWriteError';
  constructor(
    message: string,
    /** documents stored before the failure */
    readonly written: number,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/**
 * The birth date is never stored, only this keyed hash of the employee code and the ISO date. The code
 * is the stored (canonical) one, so the same date of two people hashes differently, and without the
 * pepper a leaked database cannot be matched against the ~22,000 plausible birth dates.
 */
/** The same keyed hash the LINE-linking turn compares (one definition, in the turn store). */
export const hashBirthDate = birthDateHash;

export function createFirestoreEmployeeDirectory(
  db: Firestore,
  refs: FirestoreEmployeeDirectoryRefs,
  batchSize: number = MAX_WRITES_PER_BATCH,
): EmployeeDirectory {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_WRITES_PER_BATCH)
    throw new RangeError(`batchSize must be 1–${MAX_WRITES_PER_BATCH}`);
  const _municipalityId = refs.municipality.id;

  return {
    async loadMunicipality() {
      const snap = await refs.municipality.get();
      if (!snap.exists) return undefined;
      const data = snap.data() as Partial<Municipality>;
      return {
        id: snap.id,
        name: data.name ?? snap.id,
        province: data.province ?? '',
        divisions: data.divisions ?? [],
        yearlyHoursTarget: data.yearlyHoursTarget ?? 0,
      };
    },

    async loadAll() {
      return staffRecords(refs).all();
    },

    async applyImport(valid, changes, { pepper, now }) {
      if (pepper === '') throw new Error('applyImport needs a non-empty pepper for birth-date hashes');
      const toWrite = new Set(changes.filter((c) => c.change !== 'unchanged').map((c) => c.code));
      const created = new Set(changes.filter((c) => c.change === 'created').map((c) => c.code));
      const people = valid.filter((e) => toWrite.has(e.code));
      const at = Timestamp.fromDate(now);

      // Batches, not one transaction. A transaction would read every document it writes and hold
      // them for the whole import, competing with people linking their LINE accounts at that moment
      // (their turn writes lineUserId to the same documents) and, for a 5,000-row file, running into
      // Firestore's per-transaction limits on writes and time. Nothing here needs a read-then-write
      // guarantee: the fields written are fully decided by the file, and merge leaves everything else
      // alone. Each batch is atomic; if one fails the earlier ones stay, and re-importing the same file
      // finishes the job because rows already stored come back as unchanged.
      let written = 0;
      for (let i = 0; i < people.length; i += batchSize) {
        const batch = db.batch();
        const chunk = people.slice(i, i + batchSize);
        for (const e of chunk) {
          const doc = toDoc(e, pepper, at, created.has(e.code));
          batch.set(refs.employees.doc(e.id), doc, { merge: true });
          indexStaffWrite(batch, refs.employees.doc(e.id), doc);
        }
        try {
          await batch.commit();
        } catch (cause) {
          throw new EmployeeWriteError(
            `บันทึกรายชื่อได้ ${written} คนแล้วเกิดข้อผิดพลาด กรุณานำเข้าไฟล์เดิมอีกครั้ง (แถวที่บันทึกแล้วจะไม่ซ้ำ)`,
            written,
            cause,
          );
        }
        written += chunk.length;
      }
      return { written };
    },
  };
}

/** The fields the import owns. lineUserId is never written here even though `e` may carry it. */
function toDoc(e: ImportedEmployee, pepper: string, at: Timestamp, isNew: boolean): DocumentData {
  return {
    municipalityId: e.municipalityId,
    code: e.code,
    name: e.name,
    nameSortKey: nameSortKey(e.name),
    divisionId: e.divisionId,
    position: e.position,
    staffType: e.staffType,
    jobLine: e.jobLine,
    ...(e.level !== undefined ? { level: e.level } : {}),
    supervisorId: e.supervisorId,
    roles: [...e.roles],
    active: e.active,
    // back at work: the retention clock (started by the retention job when it first sees them gone) stops
    ...(e.active ? { leftAt: FieldValue.delete() } : {}),
    // a blank birth date in the file keeps the stored hash, as the import keeps every blank optional cell
    ...(e.birthDate !== undefined ? { birthDateHash: hashBirthDate(pepper, e.code, e.birthDate) } : {}),
    // a plain birth date written by anything older is removed whenever the record is touched
    birthDate: FieldValue.delete(),
    importedAt: at,
    ...(isNew ? { createdAt: at } : {}),
  };
}

/** A stored staff record read back (the staff-record repository's parser). */
export const employeeFromDoc = (id: string, data: DocumentData, municipalityId: string): StoredEmployee =>
  staffRecordFromData(id, data, municipalityId);
