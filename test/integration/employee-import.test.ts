import { type Municipality, nameSortKey } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  createFirestoreEmployeeDirectory,
  type EmployeeDirectory,
  hashBirthDate,
} from '../../bot/src/people/firestore-employee-directory';
import { importEmployees } from '../../bot/src/people/import-employees';
import { useTestFirestore } from '../support/firestore';

const fs = useTestFirestore();
const PEPPER = 'test-pepper-not-a-secret';
const NOW = new Date('2026-05-01T03:00:00Z');

const municipality: Municipality = {
  id: 'demo',
  name: 'เทศบาลตำบลบ้านทดสอบ',
  province: 'ขอนแก่น',
  divisions: [
    { id: 'palad', name: 'สำนักปลัดเทศบาล' },
    { id: 'finance', name: 'กองคลัง' },
    { id: 'works', name: 'กองช่าง' },
  ],
  yearlyHoursTarget: 40,
};

const municipalityRef = () => fs.db.collection('municipalities').doc(municipality.id);
const employees = () => municipalityRef().collection('employees');

function directory(batchSize?: number): EmployeeDirectory {
  return createFirestoreEmployeeDirectory(
    fs.db,
    { municipality: municipalityRef(), employees: employees() },
    batchSize,
  );
}

const HEADER = [
  'รหัสพนักงาน',
  'ชื่อ-สกุล',
  'กอง/สำนัก',
  'ตำแหน่ง',
  'ประเภทบุคลากร',
  'สายงาน',
  'รหัสผู้บังคับบัญชา',
  'บทบาท',
  'สถานะ',
  'วันเกิด',
];

// code, name, division, position, staff type, job line, supervisor, roles, status, birth date
type Row = [string, string, string, string, string, string, string, string, string, string];
const ROWS: Row[] = [
  [
    'E001',
    'นายสมชาย ใจดี',
    'สำนักปลัดเทศบาล',
    'ปลัดเทศบาล',
    'พนักงานเทศบาล',
    'บริหารท้องถิ่น',
    '',
    'หัวหน้า, ผู้บริหาร',
    'ปฏิบัติงาน',
    '15/1/2518',
  ],
  [
    'E002',
    'นางสาววิไล "แอน" ศรีสุข',
    'กองคลัง',
    'ผู้อำนวยการกองคลัง',
    'พนักงานเทศบาล',
    'การคลัง',
    'E001',
    'หัวหน้า',
    '',
    '3/4/2530',
  ],
  ['E003', 'นายประยุทธ ไม่มีกอง', 'กองไม่มีจริง', 'นายช่างโยธา', 'พนักงานจ้าง', '', 'E001', '', '', ''],
  [
    'E004',
    'นางกาญจนา มีทรัพย์',
    'กองช่าง',
    'นายช่างโยธาชำนาญงาน',
    'ลูกจ้างประจำ',
    'ช่าง',
    'E002',
    '',
    '',
    '20/12/2525',
  ],
  ['E005', 'นายหนึ่ง ซ้ำรหัส', 'กองช่าง', 'คนงาน', 'พนักงานจ้าง', '', 'E004', '', '', ''],
  ['E006', 'นาง ดี, มีสุข', 'กองคลัง', 'เจ้าพนักงานการเงิน', 'พนักงานเทศบาล', '', 'E002', '', '', ''],
  ['e005', 'นายสอง ซ้ำรหัส', 'กองช่าง', 'คนงาน', 'พนักงานจ้าง', '', 'E004', '', '', ''],
];

const csvCell = (c: string) =>
  /[",\r\n]/.test(c) || /^\s|\s$/.test(c) || /[^\x20-\x7e]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c;
const csvText = (rows: readonly string[][]) =>
  `${[HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
const withBom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

/** Windows-874 / TIS-620: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
const encode874 = (text: string) =>
  Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e00 + 0xa0;
      throw new Error(`not in windows-874: ${ch}`);
    }),
  );

async function storedDocs(): Promise<Record<string, Record<string, unknown>>> {
  const snap = await employees().get();
  return Object.fromEntries(snap.docs.map((d) => [d.id, d.data()]));
}

/** The HR fields, without timestamps, for comparing two imports. */
async function storedHrFields(): Promise<Record<string, Record<string, unknown>>> {
  const docs = await storedDocs();
  for (const d of Object.values(docs)) {
    delete d.importedAt;
    delete d.createdAt;
  }
  return docs;
}

const run = (bytes: Uint8Array, filename: string, dir = directory()) =>
  importEmployees({ bytes, filename, municipalityId: 'demo', directory: dir, pepper: PEPPER, now: NOW });

beforeEach(async () => {
  await fs.reset();
  await municipalityRef().set(municipality);
  // someone who is not in the file, already linked to LINE: must come through untouched
  await employees()
    .doc('E900')
    .set({
      id: 'E900',
      municipalityId: 'demo',
      code: 'E900',
      name: 'นายเก่า ไม่อยู่ในไฟล์',
      divisionId: 'palad',
      position: 'นักจัดการงานทั่วไป',
      staffType: 'municipalEmployee',
      jobLine: '',
      supervisorId: null,
      roles: ['staff'],
      active: true,
      lineUserId: 'U900',
      consent: { version: 1, at: '2026-01-01' },
    });
});

describe('employee import: CSV from Excel into Firestore', () => {
  it('writes the good rows and reports each bad one with its line and reasons; nothing else is lost', async () => {
    const before900 = (await employees().doc('E900').get()).data();
    const result = await run(withBom(csvText(ROWS)), 'staff.csv');

    expect(result.file).toEqual({ format: 'csv', encoding: 'utf-8', rows: 7 });
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 3 });
    expect(result.written).toBe(4);
    expect(result.headerRejected).toBe(false);
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'E003'],
      [6, 'E005'],
      [8, 'e005'],
    ]);
    expect(result.errors[0]!.reasons.join(' ')).toContain('ไม่พบกอง/สำนัก "กองไม่มีจริง"');
    expect(result.errors[1]!.reasons.join(' ')).toContain('ซ้ำกันในไฟล์ (บรรทัด 6, 8)');

    const docs = await storedDocs();
    expect(Object.keys(docs).sort()).toEqual(['E001', 'E002', 'E004', 'E006', 'E900']);
    expect(docs.E002).toMatchObject({
      code: 'E002',
      name: 'นางสาววิไล "แอน" ศรีสุข',
      divisionId: 'finance',
      supervisorId: 'E001',
      roles: ['supervisor'],
      active: true,
      municipalityId: 'demo',
    });
    expect(docs.E001!.roles).toEqual(['supervisor', 'executive']);
    expect(docs.E006!.name).toBe('นาง ดี, มีสุข');
    // the team view orders by the Thai sort key, written with the name
    expect(docs.E002!.nameSortKey).toBe(nameSortKey('นางสาววิไล "แอน" ศรีสุข'));
    expect(docs.E004).toMatchObject({ staffType: 'permanentWorker', supervisorId: 'E002' });
    expect(docs.E900).toEqual(before900);
  });

  it('re-importing the same file creates nobody, changes nothing and writes nothing', async () => {
    const bytes = withBom(csvText(ROWS));
    await run(bytes, 'staff.csv');
    const first = await storedDocs();

    const again = await run(bytes, 'staff.csv');
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 3 });
    expect(again.written).toBe(0);
    expect(again.errors.map((e) => e.line)).toEqual([4, 6, 8]);
    expect(await storedDocs()).toEqual(first);
  });

  it('a changed position updates that one person and keeps their LINE link and consent', async () => {
    await run(withBom(csvText(ROWS)), 'staff.csv');
    await employees()
      .doc('E004')
      .update({ lineUserId: 'U004', consent: { version: 1, at: '2026-04-30' } });

    const changed = ROWS.map(
      (r): Row => (r[0] === 'E004' ? ([...r.slice(0, 3), 'นายช่างโยธาอาวุโส', ...r.slice(4)] as Row) : r),
    );
    const result = await run(withBom(csvText(changed)), 'staff.csv');
    expect(result.summary).toEqual({ created: 0, updated: 1, unchanged: 3, failed: 3 });
    expect(result.written).toBe(1);

    const e004 = (await employees().doc('E004').get()).data()!;
    expect(e004).toMatchObject({
      position: 'นายช่างโยธาอาวุโส',
      lineUserId: 'U004',
      consent: { version: 1, at: '2026-04-30' },
      birthDateHash: hashBirthDate(PEPPER, 'E004', '1982-12-20'),
    });
    expect((await employees().get()).size).toBe(5);
  });

  it('someone back at work loses the retention clock their leaving started; someone leaving keeps it', async () => {
    const status = (rows: Row[], code: string, word: string) =>
      rows.map((r): Row => (r[0] === code ? ([...r.slice(0, 8), word, r[9]] as Row) : r));
    const leaving = (rows: Row[], code: string) => status(rows, code, 'ลาออก');
    await run(withBom(csvText(leaving(ROWS, 'E004'))), 'staff.csv');
    // the retention job saw E004 gone and started the clock
    const leftAt = Timestamp.fromDate(new Date('2026-04-30T20:00:00Z'));
    await employees().doc('E004').update({ leftAt });
    // another import that changes E004 (a new position) while still gone keeps the clock
    const moved = leaving(ROWS, 'E004').map(
      (r): Row => (r[0] === 'E004' ? ([...r.slice(0, 3), 'นายช่างโยธาอาวุโส', ...r.slice(4)] as Row) : r),
    );
    expect((await run(withBom(csvText(moved)), 'staff.csv')).written).toBe(1);
    expect((await employees().doc('E004').get()).get('leftAt')).toEqual(leftAt);
    // back at work (a blank status would keep the stored one)
    await run(withBom(csvText(status(ROWS, 'E004', 'ปฏิบัติงาน'))), 'staff.csv');
    expect((await employees().doc('E004').get()).get('active')).toBe(true);
    expect((await employees().doc('E004').get()).get('leftAt')).toBeUndefined();
  });

  it('a blank birth date keeps the stored hash; a new one replaces it', async () => {
    await run(withBom(csvText(ROWS)), 'staff.csv');
    const blank = ROWS.map((r): Row => (r[0] === 'E001' ? ([...r.slice(0, 9), ''] as Row) : r));
    expect((await run(withBom(csvText(blank)), 'staff.csv')).summary.unchanged).toBe(4);
    expect((await employees().doc('E001').get()).get('birthDateHash')).toBe(
      hashBirthDate(PEPPER, 'E001', '1975-01-15'),
    );

    const moved = ROWS.map((r): Row => (r[0] === 'E001' ? ([...r.slice(0, 9), '16/1/2518'] as Row) : r));
    const result = await run(withBom(csvText(moved)), 'staff.csv');
    expect(result.summary).toMatchObject({ updated: 1, unchanged: 3 });
    expect((await employees().doc('E001').get()).get('birthDateHash')).toBe(
      hashBirthDate(PEPPER, 'E001', '1975-01-16'),
    );
  });

  it('never stores a birth date in clear text, only its keyed hash', async () => {
    // an older record that still has a plain date: touching it removes the date
    await employees().doc('E002').set({ code: 'E002', birthDate: '1987-04-03', lineUserId: 'U002' });
    await run(withBom(csvText(ROWS)), 'staff.csv');

    const docs = await storedDocs();
    const everything = JSON.stringify(docs);
    for (const date of ['1975-01-15', '15/1/2518', '1987-04-03', '3/4/2530', '1982-12-20', '20/12/2525'])
      expect(everything).not.toContain(date);
    for (const d of Object.values(docs)) expect(d).not.toHaveProperty('birthDate');
    expect(docs.E001!.birthDateHash).toBe(hashBirthDate(PEPPER, 'E001', '1975-01-15'));
    expect(docs.E001!.birthDateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(docs.E002).toMatchObject({
      lineUserId: 'U002',
      birthDateHash: hashBirthDate(PEPPER, 'E002', '1987-04-03'),
    });
    expect(docs.E006).not.toHaveProperty('birthDateHash');
  });

  it('writes nothing when the header lacks required columns, and says which line', async () => {
    const text = `\r\nรหัสพนักงาน,ชื่อ\r\nE001,นายสมชาย ใจดี\r\n`;
    const result = await run(withBom(text), 'staff.csv');
    expect(result.headerRejected).toBe(true);
    expect(result.written).toBe(0);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.line).toBe(2);
    expect(result.errors[0]!.reasons[0]).toContain('ไฟล์ไม่มีคอลัมน์ที่จำเป็น');
    expect(Object.keys(await storedDocs())).toEqual(['E900']);
  });

  it('writes in batches and still counts every person (batch size 2 here, 500 in use)', async () => {
    const result = await run(withBom(csvText(ROWS)), 'staff.csv', directory(2));
    expect(result.written).toBe(4);
    expect((await employees().get()).size).toBe(5);
  });

  it('a dry run reports the same and writes nothing', async () => {
    const result = await importEmployees({
      bytes: withBom(csvText(ROWS)),
      municipalityId: 'demo',
      directory: directory(),
      pepper: PEPPER,
      now: NOW,
      dryRun: true,
    });
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 3 });
    expect(result.written).toBe(0);
    expect(Object.keys(await storedDocs())).toEqual(['E900']);
  });
});

describe('employee import: other files HR sends', () => {
  it('an .xlsx with real date cells imports exactly as the CSV does', async () => {
    await run(withBom(csvText(ROWS)), 'staff.csv');
    const fromCsv = await storedHrFields();

    await fs.reset();
    await municipalityRef().set(municipality);
    await employees().doc('E900').set(fromCsv.E900!);
    const dateCell = (thai: string) => {
      if (thai === '') return null;
      const [d, m, y] = thai.split('/').map(Number);
      return { value: new Date(Date.UTC(y! - 543, m! - 1, d!)), type: Date, format: 'd/m/yyyy' };
    };
    const sheet = [
      HEADER,
      ...ROWS.map((r) => [...r.slice(0, 9).map((c) => (c === '' ? null : c)), dateCell(r[9])]),
    ];
    const bytes = await writeXlsxFile(sheet).toBuffer();

    const result = await run(bytes, 'staff.xlsx');
    expect(result.file).toEqual({ format: 'xlsx', rows: 7 });
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 3 });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'E003'],
      [6, 'E005'],
      [8, 'e005'],
    ]);
    expect(await storedHrFields()).toEqual(fromCsv);

    // and the CSV afterwards finds everything unchanged: the same people, the same date hashes
    expect((await run(withBom(csvText(ROWS)), 'staff.csv')).summary).toMatchObject({
      created: 0,
      unchanged: 4,
    });
  });

  it('a Windows-874 (TIS-620) CSV keeps its Thai names', async () => {
    const result = await run(encode874(csvText(ROWS)), 'staff.csv');
    expect(result.file.encoding).toBe('windows-874');
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 3 });
    const docs = await storedDocs();
    expect(docs.E001).toMatchObject({ name: 'นายสมชาย ใจดี', divisionId: 'palad', position: 'ปลัดเทศบาล' });
    expect(docs.E004!.staffType).toBe('permanentWorker');
    expect(result.errors[0]!.reasons.join(' ')).toContain('"กองไม่มีจริง"');
  });
});
