// HR's staff-list import end to end: the uploaded file → rows → checked against who is already
// stored → only the created and updated people written. The checking is shared/'s
// validateEmployeeImport; this file adds the bytes, the stored data and the birth-date hashing.

import type { Role } from '@phattana/shared';
import {
  bangkokDate,
  type EmployeeImportResult,
  type ImportRowError,
  validateEmployeeImport,
} from '@phattana/shared';
import { type EmployeeDirectory, hashBirthDate } from './firestore-employee-directory';
import {
  readSpreadsheet,
  type SpreadsheetFormat,
  type SpreadsheetLimits,
  type TextEncodingName,
} from './read-spreadsheet';
import type { LinkedPersonChange } from './sync-linked-people';

export interface ImportEmployeesInput {
  readonly bytes: Uint8Array;
  readonly filename?: string;
  readonly municipalityId: string;
  readonly directory: EmployeeDirectory;
  /** secret for birth-date hashes, shared with the LINE-linking flow */
  readonly pepper: string;
  readonly now: Date;
  /** check and count only; nothing is written */
  readonly dryRun?: boolean;
  readonly limits?: SpreadsheetLimits;
}

export interface ImportEmployeesResult {
  readonly summary: EmployeeImportResult['summary'];
  /** bad rows with their line (CSV) or row (XLSX) and every reason, in file order */
  readonly errors: ImportRowError[];
  /** documents written (0 on a dry run or when the header is unusable) */
  readonly written: number;
  /** true when the header lacks required columns: then no row was even looked at */
  readonly headerRejected: boolean;
  /** linked people whose roles or active status the file changed: their LINE side must follow */
  readonly linkedChanges: readonly LinkedPersonChange[];
  readonly file: {
    readonly format: SpreadsheetFormat;
    readonly encoding?: TextEncodingName;
    readonly rows: number;
  };
}

/** Thrown when the import cannot start, e.g. the municipality is not set up. Message in Thai. */
export class EmployeeImportSetupError extends Error {
  override readonly name = 'EmployeeImportSetupError';
}

/**
 * Imports HR's file. Throws SpreadsheetError (from readSpreadsheet) for a file that cannot be read
 * at all, EmployeeImportSetupError when the municipality is missing, EmployeeWriteError when storing
 * fails part way. Row problems are not exceptions: they come back in `errors` and the good rows are
 * written regardless.
 */
export async function importEmployees(input: ImportEmployeesInput): Promise<ImportEmployeesResult> {
  if (input.pepper === '') throw new EmployeeImportSetupError('ยังไม่ได้ตั้งค่า pepper สำหรับวันเกิด');
  const sheet = await readSpreadsheet(input.bytes, {
    ...(input.filename !== undefined ? { filename: input.filename } : {}),
    ...(input.limits !== undefined ? { limits: input.limits } : {}),
  });
  const file = {
    format: sheet.format,
    ...(sheet.encoding !== undefined ? { encoding: sheet.encoding } : {}),
    rows: sheet.records.length,
  };

  const municipality = await input.directory.loadMunicipality();
  if (!municipality || municipality.id !== input.municipalityId)
    throw new EmployeeImportSetupError(
      `ไม่พบข้อมูลเทศบาล "${input.municipalityId}" กรุณาตั้งค่าเทศบาลก่อนนำเข้ารายชื่อ`,
    );

  const stored = await input.directory.loadAll();
  const ctx = { municipality, today: bangkokDate(input.now) };
  const existing = stored.map(({ birthDateHash: _, ...e }) => e);
  let result = validateEmployeeImport(sheet, { ...ctx, existing });

  // validateEmployeeImport rejects a header without the required columns as one error on line 1 (no
  // data row can be on line 1, the header is there or above); point it at the header's real line.
  const headerRejected = result.errors.some(
    (e) => e.line === 1 && e.code === undefined && result.valid.length === 0,
  );
  if (headerRejected) {
    const errors = result.errors.map((e) => (e.line === 1 ? { ...e, line: sheet.headerLine } : e));
    return { summary: result.summary, errors, written: 0, headerRejected, file, linkedChanges: [] };
  }

  // Only hashes of birth dates are stored, so the first pass sees every dated row as a change. Where
  // the stored hash matches the date in the file the date is the same: hand it back and check again,
  // so re-importing an unchanged file really reports everyone as unchanged and writes nothing.
  const hashById = new Map(stored.map((s) => [s.id, s.birthDateHash]));
  const sameDate = new Map<string, string>();
  for (const e of result.valid) {
    const hash = hashById.get(e.id);
    if (
      e.birthDate !== undefined &&
      hash !== undefined &&
      hashBirthDate(input.pepper, e.code, e.birthDate) === hash
    )
      sameDate.set(e.id, e.birthDate);
  }
  if (sameDate.size > 0) {
    const withDates = existing.map((e) => {
      const birthDate = sameDate.get(e.id);
      return birthDate === undefined ? e : { ...e, birthDate };
    });
    result = validateEmployeeImport(sheet, { ...ctx, existing: withDates });
  }

  const { written } = input.dryRun
    ? { written: 0 }
    : await input.directory.applyImport(result.valid, result.changes, {
        pepper: input.pepper,
        now: input.now,
      });
  const before = new Map(stored.map((e) => [e.id, e]));
  const linkedChanges = result.valid.flatMap((e): LinkedPersonChange[] => {
    const old = before.get(e.id);
    const lineUserId = (old as { lineUserId?: string } | undefined)?.lineUserId;
    if (!old || !lineUserId) return [];
    const left = old.active !== false && e.active === false;
    if (!left && sameRoles(old.roles, e.roles)) return [];
    return [{ employeeId: e.id, lineUserId, roles: e.roles, active: e.active }];
  });
  return {
    summary: result.summary,
    errors: result.errors,
    written,
    headerRejected: false,
    file,
    linkedChanges: input.dryRun ? [] : linkedChanges,
  };
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
