// HR's bulk import of the staff list (ทะเบียนบุคลากร) from a spreadsheet. Every row is checked on its
// own so one typo never blocks the rest, and each bad row lists every reason at once: HR fixes the
// file in one pass instead of uploading it again and again.
//
// Re-importing the same file is the normal way to keep the list current, so rows match existing
// people by code (update, never a duplicate), and a blank optional cell never erases what is stored:
// an empty บทบาท must not demote the only HR officer, nor an empty วันเกิด unlink the LINE check.

import { EMPLOYEE_ID_PATTERN, isEmployeeId } from '../domain/document-ids';
import {
  type Employee,
  type Municipality,
  type Role,
  STAFF_TYPE_LABELS,
  type StaffType,
} from '../domain/organisation';
import { bangkokDate, formatThaiDate, type IsoDate, normaliseDigits, parseThaiDate } from '../text/thai-date';
import { matchKey, tidyText } from './people-text';

export interface ImportedEmployee extends Employee {
  /** the second fact (after the invite code) used when someone links their LINE account */
  readonly birthDate?: IsoDate;
}

export interface ImportRowError {
  /** 1-based physical line in the file; 1 for problems with the header itself */
  readonly line: number;
  /** the code as typed, when there was one */
  readonly code?: string;
  readonly reasons: string[];
}

export type ImportChange = 'created' | 'updated' | 'unchanged';

export interface EmployeeImportResult {
  readonly valid: ImportedEmployee[];
  readonly errors: ImportRowError[];
  readonly summary: { created: number; updated: number; unchanged: number; failed: number };
  /** what happens to each valid row, in file order, so the caller writes only what changed */
  readonly changes: Array<{ line: number; code: string; change: ImportChange }>;
}

export interface EmployeeImportInput {
  readonly header: readonly string[];
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
}

export interface EmployeeImportContext {
  readonly municipality: Municipality;
  /** people already stored for this municipality (others are ignored) */
  readonly existing: readonly (Employee & { readonly birthDate?: IsoDate })[];
  /** the civil date to judge birth dates against; defaults to today in Bangkok */
  readonly today?: IsoDate;
  /** document id for a new person; defaults to the code, as the seed data does */
  readonly newId?: (code: string) => string;
}

export type ImportField =
  | 'code'
  | 'name'
  | 'division'
  | 'position'
  | 'level'
  | 'staffType'
  | 'jobLine'
  | 'supervisorCode'
  | 'roles'
  | 'status'
  | 'birthDate';

/** The template's columns, in the order HR's template lists them. */
export const EMPLOYEE_IMPORT_COLUMNS: ReadonlyArray<{
  readonly field: ImportField;
  readonly thai: string;
  readonly english: string;
  readonly required: boolean;
  /** other headings HR files commonly use */
  readonly aliases?: readonly string[];
}> = [
  { field: 'code', thai: 'รหัสพนักงาน', english: 'code', required: true },
  { field: 'name', thai: 'ชื่อ-สกุล', english: 'name', required: true, aliases: ['ชื่อ-นามสกุล'] },
  { field: 'division', thai: 'กอง/สำนัก', english: 'division', required: true, aliases: ['สำนัก/กอง'] },
  { field: 'position', thai: 'ตำแหน่ง', english: 'position', required: true },
  { field: 'level', thai: 'ระดับ', english: 'level', required: false, aliases: ['ระดับตำแหน่ง'] },
  { field: 'staffType', thai: 'ประเภทบุคลากร', english: 'staff type', required: true },
  { field: 'jobLine', thai: 'สายงาน', english: 'job line', required: false },
  { field: 'supervisorCode', thai: 'รหัสผู้บังคับบัญชา', english: 'supervisor code', required: false },
  { field: 'roles', thai: 'บทบาท', english: 'roles', required: false },
  { field: 'status', thai: 'สถานะ', english: 'status', required: false },
  { field: 'birthDate', thai: 'วันเกิด', english: 'birth date', required: false },
];

/** Thai words HR uses for each role; the ids are accepted too. */
export const ROLE_LABELS: Record<Role, string> = {
  staff: 'พนักงาน',
  supervisor: 'หัวหน้า',
  hr: 'ฝ่ายบุคคล',
  executive: 'ผู้บริหาร',
};

const ROLE_ORDER: readonly Role[] = ['staff', 'supervisor', 'hr', 'executive'];

const STATUS_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['ปฏิบัติงาน', true],
  ['ลาออก', false],
  ['พ้นสภาพ', false],
  ['active', true],
  ['inactive', false],
]);

/** Someone on the payroll is at least 18; older than 80 is almost surely a mistyped year. */
export const BIRTH_AGE_RANGE = { min: 18, max: 80 } as const;

interface Draft {
  readonly line: number;
  readonly rawCode: string;
  /** canonical code (matching key); '' when missing or invalid */
  readonly key: string;
  readonly name: string;
  readonly divisionId: string;
  readonly position: string;
  readonly staffType: StaffType | undefined;
  /** undefined: keep what is stored (or the default for a new person) */
  readonly jobLine: string | undefined;
  readonly level: string | undefined;
  readonly supervisorKey: string | undefined;
  readonly roles: readonly Role[] | undefined;
  readonly active: boolean | undefined;
  readonly birthDate: IsoDate | undefined;
  readonly reasons: string[];
}

type StoredEmployee = EmployeeImportContext['existing'][number];

export function validateEmployeeImport(
  input: EmployeeImportInput,
  ctx: EmployeeImportContext,
): EmployeeImportResult {
  const rows = input.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const columns = locateColumns(input.header);
  if (!columns.ok) {
    return {
      valid: [],
      errors: [{ line: 1, reasons: columns.reasons }],
      summary: { created: 0, updated: 0, unchanged: 0, failed: rows.length },
      changes: [],
    };
  }

  const today = ctx.today ?? bangkokDate(new Date());
  const existing = ctx.existing.filter((e) => e.municipalityId === ctx.municipality.id);
  const existingByKey = new Map(existing.map((e) => [employeeCodeKey(e.code), e]));
  const existingById = new Map(existing.map((e) => [e.id, e]));

  const drafts = rows.map((r) => readRow(r, input.header.length, columns.index, ctx.municipality, today));
  const byKey = groupByKey(drafts);

  for (const [key, group] of byKey) {
    if (group.length < 2) continue;
    const lines = group.map((d) => d.line).join(', ');
    for (const d of group) d.reasons.push(`รหัสพนักงาน ${key} ซ้ำกันในไฟล์ (บรรทัด ${lines})`);
  }
  for (const d of drafts) {
    if (d.supervisorKey === undefined || d.key === '') continue;
    if (d.supervisorKey === d.key) d.reasons.push('ผู้บังคับบัญชาต้องไม่ใช่ตัวเอง');
    else if (!byKey.has(d.supervisorKey) && !existingByKey.has(d.supervisorKey))
      d.reasons.push(`ไม่พบรหัสผู้บังคับบัญชา ${d.supervisorKey} ทั้งในไฟล์และในรายชื่อเดิม`);
  }

  // Cycles in what the file asks for, so a row with other mistakes still hears about its loop.
  const unique = drafts.filter((d) => d.key !== '' && byKey.get(d.key)?.length === 1);
  reportCycles(unique, existingByKey, existingById);

  // Rows that failed leave their person as stored (or absent), which can strand a subordinate or,
  // rarely, close a loop through the stored data: repeat until nothing new fails.
  for (;;) {
    const ok = drafts.filter((d) => d.reasons.length === 0);
    const okByKey = new Map(ok.map((d) => [d.key, d]));
    let failedNow = false;
    for (const d of ok) {
      const sup = d.supervisorKey;
      if (sup === undefined || okByKey.has(sup) || existingByKey.has(sup)) continue;
      const lines = (byKey.get(sup) ?? []).map((s) => s.line).join(', ');
      d.reasons.push(`ผู้บังคับบัญชา ${sup} (บรรทัด ${lines}) นำเข้าไม่ได้ จึงนำเข้าแถวนี้ไม่ได้`);
      failedNow = true;
    }
    if (reportCycles(ok, existingByKey, existingById)) failedNow = true;
    if (!failedNow) break;
  }

  const newId = ctx.newId ?? ((code: string) => code);
  const ok = drafts.filter((d) => d.reasons.length === 0);
  const idByKey = new Map<string, string>();
  for (const [key, e] of existingByKey) idByKey.set(key, e.id);
  for (const d of ok) idByKey.set(d.key, existingByKey.get(d.key)?.id ?? newId(d.key));

  const valid: ImportedEmployee[] = [];
  const changes: EmployeeImportResult['changes'] = [];
  const summary = { created: 0, updated: 0, unchanged: 0, failed: drafts.length - ok.length };
  for (const d of ok) {
    const before = existingByKey.get(d.key);
    const employee = buildEmployee(d, before, ctx.municipality.id, idByKey);
    const change: ImportChange = !before
      ? 'created'
      : sameEmployee(before, employee)
        ? 'unchanged'
        : 'updated';
    summary[change]++;
    valid.push(employee);
    changes.push({ line: d.line, code: employee.code, change });
  }
  const errors = drafts
    .filter((d) => d.reasons.length > 0)
    .map(
      (d): ImportRowError =>
        d.rawCode
          ? { line: d.line, code: d.rawCode, reasons: d.reasons }
          : { line: d.line, reasons: d.reasons },
    );
  return { valid, errors, summary, changes };
}

/** Codes match however they were typed: Thai digits, stray spaces, lower case. */
export function employeeCodeKey(code: string): string {
  return normaliseDigits(matchKey(code)).toUpperCase();
}

function locateColumns(
  header: readonly string[],
): { ok: true; index: Map<ImportField, number> } | { ok: false; reasons: string[] } {
  const index = new Map<ImportField, number>();
  const duplicated = new Set<string>();
  header.forEach((heading, i) => {
    const col = EMPLOYEE_IMPORT_COLUMNS.find((c) => headingMatches(heading, c));
    if (!col) return;
    if (index.has(col.field)) duplicated.add(col.thai);
    else index.set(col.field, i);
  });
  const missing = EMPLOYEE_IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.field)).map((c) => c.thai);
  const reasons: string[] = [];
  if (missing.length > 0) reasons.push(`ไฟล์ไม่มีคอลัมน์ที่จำเป็น: ${missing.join(', ')}`);
  if (duplicated.size > 0) reasons.push(`มีคอลัมน์ซ้ำกัน: ${[...duplicated].join(', ')}`);
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, index };
}

/** 'รหัสพนักงาน', 'code' and the template's own 'รหัสพนักงาน (code)' all name the same column. */
function headingMatches(heading: string, col: (typeof EMPLOYEE_IMPORT_COLUMNS)[number]): boolean {
  const names = new Set([col.thai, col.english, ...(col.aliases ?? [])].map(matchKey));
  const key = matchKey(heading);
  if (names.has(key)) return true;
  const m = /^(.*)\((.*)\)$/.exec(key);
  return !!m && (names.has(m[1]!) || names.has(m[2]!));
}

function readRow(
  record: { readonly line: number; readonly cells: readonly string[] },
  headerLength: number,
  index: ReadonlyMap<ImportField, number>,
  municipality: Municipality,
  today: IsoDate,
): Draft {
  const reasons: string[] = [];
  const cell = (f: ImportField): string | undefined => {
    const i = index.get(f);
    return i === undefined ? undefined : tidyText(record.cells[i] ?? '');
  };
  const given = (f: ImportField): string | undefined => {
    const v = cell(f);
    return v === '' ? undefined : v;
  };

  const rawCode = cell('code') ?? '';
  let key = employeeCodeKey(rawCode);
  if (rawCode === '') reasons.push('ไม่ได้กรอกรหัสพนักงาน');
  else if (!isEmployeeId(key)) {
    // the same patterns every lookup uses: a code the dry run accepts is one the import can write
    reasons.push(
      EMPLOYEE_ID_PATTERN.test(key)
        ? `รหัสพนักงาน "${rawCode}" เป็นรูปแบบที่ระบบสงวนไว้ (. หรือ .. หรือขึ้นต้นและลงท้ายด้วย __) กรุณาใช้รหัสอื่น`
        : `รหัสพนักงาน "${rawCode}" ใช้ได้เฉพาะตัวอักษร ตัวเลข และเครื่องหมาย - _ . เท่านั้น`,
    );
    key = '';
  }

  const name = cell('name') ?? '';
  if (name === '') reasons.push('ไม่ได้กรอกชื่อ-สกุล');

  const divisionText = cell('division') ?? '';
  const division = municipality.divisions.find(
    (d) => matchKey(d.id) === matchKey(divisionText) || matchKey(d.name) === matchKey(divisionText),
  );
  if (divisionText === '') reasons.push('ไม่ได้กรอกกอง/สำนัก');
  else if (!division)
    reasons.push(
      `ไม่พบกอง/สำนัก "${divisionText}" ใน${municipality.name} (ที่มี: ${municipality.divisions.map((d) => d.name).join(', ')})`,
    );

  const position = cell('position') ?? '';
  if (position === '') reasons.push('ไม่ได้กรอกตำแหน่ง');

  const staffTypeText = cell('staffType') ?? '';
  const staffType = parseStaffType(staffTypeText);
  if (staffTypeText === '') reasons.push('ไม่ได้กรอกประเภทบุคลากร');
  else if (!staffType)
    reasons.push(
      `ประเภทบุคลากร "${staffTypeText}" ไม่ถูกต้อง (ใช้: ${Object.values(STAFF_TYPE_LABELS).join(', ')})`,
    );

  const supervisorText = given('supervisorCode');
  const supervisorKey = supervisorText === undefined ? undefined : employeeCodeKey(supervisorText);

  const rolesText = given('roles');
  let roles: Role[] | undefined;
  if (rolesText !== undefined) {
    const parsed = parseRoles(rolesText);
    if (parsed.unknown.length > 0)
      reasons.push(
        `บทบาท ${parsed.unknown.map((u) => `"${u}"`).join(', ')} ไม่ถูกต้อง (ใช้: ${Object.values(ROLE_LABELS).join(', ')})`,
      );
    roles = parsed.roles.length > 0 ? parsed.roles : undefined;
  }

  const statusText = given('status');
  let active: boolean | undefined;
  if (statusText !== undefined) {
    active = STATUS_WORDS.get(matchKey(statusText));
    if (active === undefined) reasons.push(`สถานะ "${statusText}" ไม่ถูกต้อง (ใช้: ปฏิบัติงาน, ลาออก, พ้นสภาพ)`);
  }

  const birthText = given('birthDate');
  let birthDate: IsoDate | undefined;
  if (birthText !== undefined) {
    birthDate = parseThaiDate(birthText);
    if (!birthDate) reasons.push(`วันเกิด "${birthText}" อ่านไม่ออก (ใช้ วัน/เดือน/ปี พ.ศ. เช่น 15/1/2528)`);
    else {
      const age = ageOn(birthDate, today);
      if (age < BIRTH_AGE_RANGE.min || age > BIRTH_AGE_RANGE.max)
        reasons.push(
          `วันเกิด ${formatThaiDate(birthDate)} ไม่น่าถูกต้อง (อายุต้องอยู่ระหว่าง ${BIRTH_AGE_RANGE.min}–${BIRTH_AGE_RANGE.max} ปี)`,
        );
    }
  }

  // More cells than headings usually means an unquoted comma shifted the row: say so first, since it
  // explains the other reasons. Empty extras on an otherwise good row are just a trailing comma.
  const extras = record.cells.slice(headerLength);
  if (extras.some((c) => c.trim() !== '') || (extras.length > 0 && reasons.length > 0))
    reasons.unshift('แถวนี้มีช่องข้อมูลมากกว่าหัวตาราง (ชื่อที่มีเครื่องหมายจุลภาคต้องอยู่ในเครื่องหมายคำพูด "…")');

  return {
    line: record.line,
    rawCode,
    key,
    name,
    divisionId: division?.id ?? '',
    position,
    staffType,
    jobLine: given('jobLine'),
    level: given('level'),
    supervisorKey,
    roles,
    active,
    birthDate,
    reasons,
  };
}

function parseStaffType(text: string): StaffType | undefined {
  const key = matchKey(text);
  for (const [id, label] of Object.entries(STAFF_TYPE_LABELS) as [StaffType, string][])
    if (key === matchKey(id) || key === matchKey(label)) return id;
  return undefined;
}

function parseRoles(text: string): { roles: Role[]; unknown: string[] } {
  const found = new Set<Role>();
  const unknown: string[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const key = matchKey(token);
    const role = ROLE_ORDER.find((r) => key === r || key === matchKey(ROLE_LABELS[r]));
    if (role) found.add(role);
    else unknown.push(token);
  }
  return { roles: ROLE_ORDER.filter((r) => found.has(r)), unknown };
}

function ageOn(birth: IsoDate, today: IsoDate): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

function groupByKey(drafts: readonly Draft[]): Map<string, Draft[]> {
  const map = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.key === '') continue;
    const group = map.get(d.key);
    if (group) group.push(d);
    else map.set(d.key, [d]);
  }
  return map;
}

/**
 * Finds loops in the supervisor links of the stored people overlaid with `rows`, and adds a reason to
 * every row on a loop. Returns whether any row got one.
 */
function reportCycles(
  rows: readonly Draft[],
  existingByKey: ReadonlyMap<string, StoredEmployee>,
  existingById: ReadonlyMap<string, StoredEmployee>,
): boolean {
  const up = new Map<string, string | null>();
  for (const [key, e] of existingByKey) {
    const sup = e.supervisorId === null ? undefined : existingById.get(e.supervisorId);
    up.set(key, sup ? employeeCodeKey(sup.code) : null);
  }
  const rowByKey = new Map<string, Draft>();
  for (const d of rows) {
    rowByKey.set(d.key, d);
    // a self-reference is reported on its own; a blank cell keeps the stored link
    if (d.supervisorKey === d.key) up.set(d.key, null);
    else if (d.supervisorKey !== undefined) up.set(d.key, d.supervisorKey);
    else if (!up.has(d.key)) up.set(d.key, null);
  }

  let found = false;
  const done = new Set<string>();
  for (const start of rowByKey.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let at: string | null | undefined = start;
    while (at != null && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = up.get(at);
    }
    if (at != null && onPath.has(at)) {
      const loop = path.slice(onPath.get(at));
      const text = [...loop, loop[0]].join(' → ');
      for (const key of loop) {
        const d = rowByKey.get(key);
        if (!d) continue;
        d.reasons.push(`สายการบังคับบัญชาวนกลับมาที่เดิม: ${text}`);
        found = true;
      }
    }
    for (const key of path) done.add(key);
  }
  return found;
}

function buildEmployee(
  d: Draft,
  before: StoredEmployee | undefined,
  municipalityId: string,
  idByKey: ReadonlyMap<string, string>,
): ImportedEmployee {
  const supervisorId =
    d.supervisorKey !== undefined ? (idByKey.get(d.supervisorKey) ?? null) : (before?.supervisorId ?? null);
  const birthDate = d.birthDate ?? before?.birthDate;
  const lineUserId = before?.lineUserId;
  return {
    id: idByKey.get(d.key)!,
    municipalityId,
    code: before?.code ?? d.key,
    name: d.name,
    divisionId: d.divisionId,
    position: d.position,
    staffType: d.staffType!,
    jobLine: d.jobLine ?? before?.jobLine ?? '',
    ...((d.level ?? before?.level) ? { level: d.level ?? before?.level } : {}),
    supervisorId,
    roles: d.roles ?? before?.roles ?? ['staff'],
    active: d.active ?? before?.active ?? true,
    ...(lineUserId !== undefined ? { lineUserId } : {}),
    ...(birthDate !== undefined ? { birthDate } : {}),
  };
}

function sameEmployee(a: StoredEmployee, b: ImportedEmployee): boolean {
  const roles = (r: readonly Role[]) => ROLE_ORDER.filter((x) => r.includes(x)).join(',');
  return (
    a.name === b.name &&
    a.divisionId === b.divisionId &&
    a.position === b.position &&
    a.staffType === b.staffType &&
    a.jobLine === b.jobLine &&
    (a.level ?? '') === (b.level ?? '') &&
    a.supervisorId === b.supervisorId &&
    roles(a.roles) === roles(b.roles) &&
    a.active === b.active &&
    a.birthDate === b.birthDate
  );
}
