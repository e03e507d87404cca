// Imports HR's staff list (CSV or .xlsx) into Firestore and prints a Thai report: how many people were
// added, updated and left as they were, and every row that could not be imported with its line and
// reasons. Re-running with the same file is safe.
//
//   EMPLOYEE_IMPORT_PEPPER=… npm run employees:import -- --file staff.xlsx --municipality demo
//
// Against the emulator of `npm start`: FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 (project demo-phattana
// unless --project is given). Otherwise Google's default credentials and the project they name.
// --dry-run checks the file and prints the same report without writing. Exit status: 0 all rows
// imported, 1 some rows (or the whole file) refused, 2 wrong usage.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createHttpLineClient,
  createRichMenuAdminClient,
  type LinkedPersonChange,
  resolveMenuIdsByRole,
  syncLinkedPeople,
} from '@phattana/bot';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import {
  createFirestoreEmployeeDirectory,
  EmployeeWriteError,
} from '../bot/src/people/firestore-employee-directory';
import {
  EmployeeImportSetupError,
  type ImportEmployeesResult,
  importEmployees,
} from '../bot/src/people/import-employees';
import { SpreadsheetError } from '../bot/src/people/read-spreadsheet';
import { refreshStaffStats } from '../bot/src/stats/rebuild-stats';
import { DEV_PROJECT_ID } from '../dev/src/dev-settings';

const USAGE =
  'ใช้: npm run employees:import -- --file <ไฟล์ .csv/.xlsx> --municipality <รหัสเทศบาล> [--project <project id>] [--dry-run]\n' +
  'ต้องตั้งค่า EMPLOYEE_IMPORT_PEPPER และ FIRESTORE_EMULATOR_HOST (หรือ credentials ของ Google Cloud)';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { file, municipality: municipalityId, project, 'dry-run': dryRun } = args.values;
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!file || !municipalityId) {
    console.error(USAGE);
    return 2;
  }
  const pepper = process.env.EMPLOYEE_IMPORT_PEPPER ?? '';
  if (pepper === '') {
    console.error('ยังไม่ได้ตั้งค่า EMPLOYEE_IMPORT_PEPPER (ค่าลับที่ใช้กับวันเกิด ต้องเป็นค่าเดียวกับที่บอตใช้ตอนผูกบัญชี LINE)');
    return 2;
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    console.error(`เปิดไฟล์ ${file} ไม่ได้: ${(e as Error).message}`);
    return 2;
  }

  const emulator = process.env.FIRESTORE_EMULATOR_HOST;
  const projectId =
    project ??
    process.env.GOOGLE_CLOUD_PROJECT ??
    process.env.GCLOUD_PROJECT ??
    (emulator ? DEV_PROJECT_ID : undefined);
  if (emulator) process.env.METADATA_SERVER_DETECTION ??= 'none';
  const app = initializeApp(projectId ? { projectId } : {}, 'employees-import');
  try {
    const db = getFirestore(app);
    const m = db.collection('municipalities').doc(municipalityId);
    const directory = createFirestoreEmployeeDirectory(db, {
      municipality: m,
      employees: m.collection('employees'),
    });
    console.log(
      `นำเข้ารายชื่อพนักงานจาก ${path.basename(file)} → เทศบาล ${municipalityId} (${emulator ? `emulator ${emulator}` : `project ${projectId ?? '(ค่าเริ่มต้น)'}`})${dryRun ? ' [ตรวจสอบอย่างเดียว ไม่บันทึก]' : ''}`,
    );
    const result = await importEmployees({
      bytes,
      filename: path.basename(file),
      municipalityId,
      directory,
      pepper,
      now: new Date(),
      dryRun: dryRun ?? false,
    });
    console.log(formatReport(result, dryRun ?? false));
    if (result.linkedChanges.length > 0) await followLinkedPeople(db, m, result.linkedChanges);
    // the dashboard's staff counts (per division and job line) follow the new list
    if (!dryRun && result.written > 0)
      await refreshStaffStats(
        { employees: m.collection('employees'), stats: m.collection('stats') },
        new Date(),
      );
    return result.errors.length > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof SpreadsheetError || e instanceof EmployeeImportSetupError) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof EmployeeWriteError) {
      console.error(e.message);
      console.error(e.cause);
      return 1;
    }
    throw e;
  } finally {
    await deleteApp(app);
  }
}

function parse() {
  return parseArgs({
    options: {
      file: { type: 'string', short: 'f' },
      municipality: { type: 'string', short: 'm' },
      project: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

/** The report HR reads: counts first, then each bad row with its line and every reason. */
function formatReport(result: ImportEmployeesResult, dryRun: boolean): string {
  const { summary, errors } = result;
  const n = (x: number) => x.toLocaleString('th-TH');
  const lines: string[] = [];
  const encoding = result.file.encoding ? `, ${result.file.encoding}` : '';
  lines.push(`ไฟล์ ${result.file.format.toUpperCase()}${encoding}: ${n(result.file.rows)} แถว`);
  if (result.headerRejected) {
    lines.push('ไม่ได้นำเข้าเลย เพราะหัวตารางไม่ครบ:');
  } else {
    // Thai vowels and tone marks take no width, so no column alignment: one fact a line
    lines.push(`เพิ่มใหม่: ${n(summary.created)} คน`);
    lines.push(`แก้ไข: ${n(summary.updated)} คน`);
    lines.push(`ไม่เปลี่ยนแปลง: ${n(summary.unchanged)} คน`);
    lines.push(`นำเข้าไม่ได้: ${n(summary.failed)} แถว`);
    lines.push(dryRun ? 'ยังไม่ได้บันทึก (ตรวจสอบอย่างเดียว)' : `บันทึกแล้ว ${n(result.written)} รายการ`);
    if (errors.length > 0) lines.push('', 'แถวที่นำเข้าไม่ได้ (แก้ไขในไฟล์แล้วนำเข้าใหม่ทั้งไฟล์ได้เลย แถวที่ถูกต้องจะไม่ซ้ำ):');
  }
  // HR opens a CSV in a text editor (lines) but an .xlsx in Excel (rows)
  const where = result.file.format === 'xlsx' ? 'แถว' : 'บรรทัด';
  for (const e of errors) {
    lines.push(`  ${where} ${e.line}${e.code ? ` (รหัส ${e.code})` : ''}:`);
    for (const r of e.reasons) lines.push(`    - ${r}`);
  }
  return lines.join('\n');
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);

/**
 * Linked people whose roles changed get the new chat context (and their new rich menu when LINE is
 * configured); people who left are unlinked.
 */
async function followLinkedPeople(
  db: ReturnType<typeof getFirestore>,
  municipality: ReturnType<ReturnType<typeof getFirestore>['doc']>,
  changes: readonly LinkedPersonChange[],
): Promise<void> {
  const token = process.env.LINE_CHANNEL_ACCESS_TOKEN;
  const http = token
    ? {
        channelAccessToken: token,
        apiBase: process.env.LINE_API_BASE,
        dataBase: process.env.LINE_DATA_API_BASE ?? process.env.LINE_API_BASE,
      }
    : undefined;
  const menuIdByRole = http ? await resolveMenuIdsByRole(createRichMenuAdminClient(http)) : undefined;
  const r = await syncLinkedPeople(db, changes, {
    conversations: db.collection('conversations'),
    employees: municipality.collection('employees'),
    now: new Date(),
    menus: http && menuIdByRole ? { line: createHttpLineClient(http), menuIdByRole } : undefined,
  });
  console.log(
    `ผู้ที่เชื่อม LINE แล้วและข้อมูลเปลี่ยน ${changes.length} คน: ปรับบทบาทในแชต ${r.updated} คน, ยกเลิกการเชื่อม (พ้นสภาพ) ${r.unlinked} คน, เปลี่ยนเมนู LINE ${r.menusLinked} คน`,
  );
  if (!http) console.log('ตั้งค่า LINE_CHANNEL_ACCESS_TOKEN เพื่อเปลี่ยนเมนู LINE ของผู้ที่บทบาทเปลี่ยนด้วย');
}
