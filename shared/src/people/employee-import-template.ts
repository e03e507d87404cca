import { type Division, STAFF_TYPE_LABELS } from '../domain/organisation';
import type { ExportTable } from '../surveys/survey-export';
import { EMPLOYEE_IMPORT_COLUMNS, ROLE_LABELS } from './employee-import';

// The staff-list template HR downloads: the import's own Thai headings in its order (so a filled-in
// template always passes the header check), and for the workbook a sheet saying what each column takes.
// No example row: an example left in the file would be imported as a person.

/** The empty template: headers only. */
export function employeeImportTemplate(): ExportTable {
  return { headers: EMPLOYEE_IMPORT_COLUMNS.map((c) => c.thai), rows: [] };
}

/** One row per column: its heading, whether it is required, and what it takes. */
export function employeeImportGuide(divisions: readonly Pick<Division, 'name'>[]): ExportTable {
  const takes: Record<(typeof EMPLOYEE_IMPORT_COLUMNS)[number]['field'], string> = {
    code: 'รหัสไม่ซ้ำกัน ตัวอักษรอังกฤษ ตัวเลข หรือ . _ - เช่น E012',
    name: 'คำนำหน้า ชื่อ และนามสกุล เช่น นางสาวจิราพร สายทอง',
    division: divisions.length > 0 ? `หนึ่งใน: ${divisions.map((d) => d.name).join(', ')}` : 'ชื่อกอง/สำนัก',
    position: 'ชื่อตำแหน่ง เช่น นักวิชาการเงินและบัญชี',
    level: 'เช่น ปฏิบัติการ ชำนาญการ',
    staffType: `หนึ่งใน: ${Object.values(STAFF_TYPE_LABELS).join(', ')}`,
    jobLine: 'สายงาน เช่น การเงินและบัญชี',
    supervisorCode: 'รหัสพนักงานของผู้บังคับบัญชาโดยตรง',
    roles: `คั่นด้วยจุลภาค จาก: ${Object.values(ROLE_LABELS).join(', ')} (เว้นว่าง = พนักงาน)`,
    status: 'ปฏิบัติงาน หรือ ลาออก (เว้นว่าง = ปฏิบัติงาน)',
    birthDate: 'วัน/เดือน/ปี พ.ศ. เช่น 15/3/2530 ใช้ยืนยันตัวตนเมื่อเชื่อม LINE',
  };
  return {
    headers: ['หัวตาราง', 'จำเป็น', 'สิ่งที่กรอก'],
    rows: EMPLOYEE_IMPORT_COLUMNS.map((c) => [c.thai, c.required ? 'จำเป็น' : 'ไม่บังคับ', takes[c.field]]),
  };
}
