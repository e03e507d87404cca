import { describe, expect, it } from 'vitest';
import type { Employee, Municipality } from '../../src/domain/organisation';
import { parseCsv } from '../../src/people/csv';
import {
  EMPLOYEE_IMPORT_COLUMNS,
  employeeCodeKey,
  type ImportedEmployee,
  validateEmployeeImport,
} from '../../src/people/employee-import';

const municipality: Municipality = {
  id: 'bansathit',
  name: 'เทศบาลตำบลบ้านสาธิต',
  province: 'ขอนแก่น',
  divisions: [
    { id: 'palad', name: 'สำนักปลัดเทศบาล' },
    { id: 'finance', name: 'กองคลัง' },
    { id: 'works', name: 'กองช่าง' },
    { id: 'education', name: 'กองการศึกษา' },
  ],
  yearlyHoursTarget: 40,
};
const today = '2026-11-15';
const ctx = (existing: readonly Employee[] = []) => ({ municipality, existing, today });

const HEADER = 'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร,สายงาน,รหัสผู้บังคับบัญชา,บทบาท,สถานะ,วันเกิด';
const csv = (...lines: string[]) => parseCsv(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`);

const MAYOR = 'E001,นายสมชาย ใจดี,สำนักปลัดเทศบาล,นายกเทศมนตรี,พนักงานเทศบาล,บริหารท้องถิ่น,,ผู้บริหาร,ปฏิบัติงาน,12/5/2510';
const PALAD =
  'E002,นางสาววิไลวรรณ ศรีสุข,สำนักปลัดเทศบาล,ปลัดเทศบาล,พนักงานเทศบาล,บริหารท้องถิ่น,E001,"หัวหน้า, ผู้บริหาร",ปฏิบัติงาน,3/8/2518';
const FINANCE_HEAD =
  'E009,"นางสุภาพร เจริญผล, (รักษาการ)",กองคลัง,ผู้อำนวยการกองคลัง,พนักงานเทศบาล,บริหารงานการคลัง,E002,หัวหน้า,,';
const ACCOUNTANT =
  'E010,นางสาวจิราพร สายทอง,กองคลัง,นักวิชาการเงินและบัญชี,พนักงานเทศบาล,วิชาการเงินและบัญชี,E009,,,15/01/1990';

function byCode(valid: readonly ImportedEmployee[], code: string): ImportedEmployee {
  const e = valid.find((v) => v.code === code);
  if (!e) throw new Error(`no ${code}`);
  return e;
}

describe('validateEmployeeImport: a first import', () => {
  it('turns a clean Excel CSV into employees with ids, supervisor links, roles and birth dates', () => {
    const result = validateEmployeeImport(csv(MAYOR, PALAD, FINANCE_HEAD, ACCOUNTANT), ctx());
    expect(result.errors).toEqual([]);
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 0 });
    expect(byCode(result.valid, 'E001')).toEqual({
      id: 'E001',
      municipalityId: 'bansathit',
      code: 'E001',
      name: 'นายสมชาย ใจดี',
      divisionId: 'palad',
      position: 'นายกเทศมนตรี',
      staffType: 'municipalEmployee',
      jobLine: 'บริหารท้องถิ่น',
      supervisorId: null,
      roles: ['executive'],
      active: true,
      birthDate: '1967-05-12',
    });
    const palad = byCode(result.valid, 'E002');
    expect(palad.supervisorId).toBe('E001');
    expect(palad.roles).toEqual(['supervisor', 'executive']);
    const head = byCode(result.valid, 'E009');
    expect(head.name).toBe('นางสุภาพร เจริญผล, (รักษาการ)');
    expect(head).not.toHaveProperty('birthDate');
    const accountant = byCode(result.valid, 'E010');
    expect(accountant.roles).toEqual(['staff']);
    expect(accountant.active).toBe(true);
    expect(accountant.birthDate).toBe('1990-01-15');
    expect(result.changes.map((c) => c.change)).toEqual(['created', 'created', 'created', 'created']);
  });

  it('lets a supervisor appear after their staff in the file', () => {
    const result = validateEmployeeImport(csv(ACCOUNTANT, FINANCE_HEAD, PALAD, MAYOR), ctx());
    expect(result.errors).toEqual([]);
    expect(byCode(result.valid, 'E010').supervisorId).toBe('E009');
  });

  it('keeps good rows around a bad row in the middle and lists every reason of the bad one', () => {
    const bad = 'E005,,กองพัสดุ,,ข้าราชการ,,E999,หัวหน้า แอดมิน,ย้ายไป,31/2/2530';
    const result = validateEmployeeImport(csv(MAYOR, PALAD, bad, FINANCE_HEAD, ACCOUNTANT), ctx());
    expect(result.valid.map((v) => v.code)).toEqual(['E001', 'E002', 'E009', 'E010']);
    expect(result.summary).toEqual({ created: 4, updated: 0, unchanged: 0, failed: 1 });
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error!.line).toBe(4);
    expect(error!.code).toBe('E005');
    expect(error!.reasons).toEqual([
      'ไม่ได้กรอกชื่อ-สกุล',
      'ไม่พบกอง/สำนัก "กองพัสดุ" ในเทศบาลตำบลบ้านสาธิต (ที่มี: สำนักปลัดเทศบาล, กองคลัง, กองช่าง, กองการศึกษา)',
      'ไม่ได้กรอกตำแหน่ง',
      'ประเภทบุคลากร "ข้าราชการ" ไม่ถูกต้อง (ใช้: พนักงานเทศบาล, พนักงานครูเทศบาล, ลูกจ้างประจำ, พนักงานจ้าง)',
      'บทบาท "แอดมิน" ไม่ถูกต้อง (ใช้: พนักงาน, หัวหน้า, ฝ่ายบุคคล, ผู้บริหาร)',
      'สถานะ "ย้ายไป" ไม่ถูกต้อง (ใช้: ปฏิบัติงาน, ลาออก, พ้นสภาพ)',
      'วันเกิด "31/2/2530" อ่านไม่ออก (ใช้ วัน/เดือน/ปี พ.ศ. เช่น 15/1/2528)',
      'ไม่พบรหัสผู้บังคับบัญชา E999 ทั้งในไฟล์และในรายชื่อเดิม',
    ]);
  });

  it('reports physical line numbers even after a name with a line break inside quotes', () => {
    const multiLine = 'E011,"นายอนุชา ศรีวงศ์\r\n(ช่วยราชการ)",กองคลัง,นักวิชาการจัดเก็บรายได้,พนักงานเทศบาล,,E009,,,';
    const bad = 'E012,นางสาวพิมพ์ชนก ดวงแก้ว,กองพัสดุ,เจ้าพนักงานพัสดุ,พนักงานเทศบาล,,E009,,,';
    const result = validateEmployeeImport(csv(MAYOR, PALAD, FINANCE_HEAD, multiLine, bad), ctx());
    expect(byCode(result.valid, 'E011').name).toBe('นายอนุชา ศรีวงศ์ (ช่วยราชการ)');
    expect(result.errors.map((e) => e.line)).toEqual([7]);
  });

  it('fails every copy of a duplicated code, naming the lines, and strands no one silently', () => {
    const again = 'E009,นางรัตนา คำแสน,กองคลัง,เจ้าพนักงานการเงินและบัญชี,พนักงานเทศบาล,,E002,,,';
    const result = validateEmployeeImport(csv(MAYOR, PALAD, FINANCE_HEAD, again, ACCOUNTANT), ctx());
    expect(result.errors).toEqual([
      { line: 4, code: 'E009', reasons: ['รหัสพนักงาน E009 ซ้ำกันในไฟล์ (บรรทัด 4, 5)'] },
      { line: 5, code: 'E009', reasons: ['รหัสพนักงาน E009 ซ้ำกันในไฟล์ (บรรทัด 4, 5)'] },
      // E010's supervisor cannot be created, so E010 would point at nobody
      {
        line: 6,
        code: 'E010',
        reasons: ['ผู้บังคับบัญชา E009 (บรรทัด 4, 5) นำเข้าไม่ได้ จึงนำเข้าแถวนี้ไม่ได้'],
      },
    ]);
    expect(result.summary).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 3 });
  });

  it('treats codes typed with Thai digits, spaces or lower case as the same code', () => {
    expect(employeeCodeKey(' e๐๐๑ ')).toBe('E001');
    const dup = 'e 001,นายสมชาย ใจดี,palad,นายกเทศมนตรี,municipalEmployee,,,,,';
    const result = validateEmployeeImport(csv(MAYOR, dup), ctx());
    expect(result.errors.map((e) => e.reasons[0])).toEqual([
      'รหัสพนักงาน E001 ซ้ำกันในไฟล์ (บรรทัด 2, 3)',
      'รหัสพนักงาน E001 ซ้ำกันในไฟล์ (บรรทัด 2, 3)',
    ]);
  });

  it('rejects a supervisor loop in the file on every row of the loop, and a self-reference', () => {
    const a = 'E015,นายเกียรติศักดิ์ ทองสุข,กองช่าง,ผู้อำนวยการกองช่าง,พนักงานเทศบาล,,E016,หัวหน้า,,';
    const b = 'E016,นายณัฐวุฒิ แสงทอง,กองช่าง,นายช่างโยธา,พนักงานเทศบาล,,E017,,,';
    const c = 'E017,นายพงศกร สีดา,กองช่าง,วิศวกรโยธา,พนักงานเทศบาล,,E015,,,';
    const self = 'E018,นายบุญเลิศ นาคสุข,กองช่าง,นายช่างไฟฟ้า,พนักงานเทศบาล,,E018,,,';
    const below = 'E019,นายสมหมาย ดีเลิศ,กองช่าง,คนงานประจำรถขยะ,ลูกจ้างประจำ,,E015,,,';
    const result = validateEmployeeImport(csv(MAYOR, a, b, c, self, below), ctx());
    const loop = 'สายการบังคับบัญชาวนกลับมาที่เดิม: E015 → E016 → E017 → E015';
    expect(result.errors).toEqual([
      { line: 3, code: 'E015', reasons: [loop] },
      { line: 4, code: 'E016', reasons: [loop] },
      { line: 5, code: 'E017', reasons: [loop] },
      { line: 6, code: 'E018', reasons: ['ผู้บังคับบัญชาต้องไม่ใช่ตัวเอง'] },
      { line: 7, code: 'E019', reasons: ['ผู้บังคับบัญชา E015 (บรรทัด 3) นำเข้าไม่ได้ จึงนำเข้าแถวนี้ไม่ได้'] },
    ]);
    expect(result.valid.map((v) => v.code)).toEqual(['E001']);
  });

  it('adds the loop to a row that also has other mistakes', () => {
    const a = 'E015,นายเกียรติศักดิ์ ทองสุข,กองพัสดุ,ผู้อำนวยการกองช่าง,พนักงานเทศบาล,,E016,,,';
    const b = 'E016,นายณัฐวุฒิ แสงทอง,กองช่าง,นายช่างโยธา,พนักงานเทศบาล,,E015,,,';
    const [first] = validateEmployeeImport(csv(a, b), ctx()).errors;
    expect(first!.reasons).toHaveLength(2);
    expect(first!.reasons[1]).toBe('สายการบังคับบัญชาวนกลับมาที่เดิม: E015 → E016 → E015');
  });

  it('judges birth dates in either era and refuses ones no employee could have', () => {
    const row = (code: string, birth: string) =>
      `${code},นางมาลี จันทร์หอม,กองการศึกษา,ครู คศ.2,พนักงานครูเทศบาล,ครู,,,,${birth}`;
    const result = validateEmployeeImport(
      csv(
        row('T1', '๒๐/๓/๒๕๒๕'),
        row('T2', '1982-03-20'),
        row('T3', '1/1/2560'),
        row('T4', '1/1/2028'),
        row('T5', '1/1/2480'),
      ),
      ctx(),
    );
    expect(result.valid.map((v) => [v.code, v.birthDate])).toEqual([
      ['T1', '1982-03-20'],
      ['T2', '1982-03-20'],
    ]);
    expect(result.errors.map((e) => [e.code, e.reasons])).toEqual([
      ['T3', ['วันเกิด 1 มกราคม 2560 ไม่น่าถูกต้อง (อายุต้องอยู่ระหว่าง 18–80 ปี)']],
      ['T4', ['วันเกิด 1 มกราคม 2571 ไม่น่าถูกต้อง (อายุต้องอยู่ระหว่าง 18–80 ปี)']],
      ['T5', ['วันเกิด 1 มกราคม 2480 ไม่น่าถูกต้อง (อายุต้องอยู่ระหว่าง 18–80 ปี)']],
    ]);
  });

  it('counts an 18th birthday today as adult, and the day before as not', () => {
    const row = (code: string, birth: string) =>
      `${code},นายประเสริฐ ชัยมงคล,สำนักปลัดเทศบาล,พนักงานขับรถยนต์,พนักงานจ้าง,,,,,${birth}`;
    const result = validateEmployeeImport(csv(row('C1', '15/11/2551'), row('C2', '16/11/2551')), ctx());
    expect(result.valid.map((v) => v.code)).toEqual(['C1']);
    expect(result.errors.map((e) => e.code)).toEqual(['C2']);
  });

  it('matches divisions by id or by Thai name however the spaces fall, and staff types by label or id', () => {
    const rows = [
      'E020,นายอุดม ภูมิใจ, กอง ช่าง ,ผู้ช่วยนายช่างโยธา, พนักงานจ้าง ,,,,,',
      'E021,นางวันเพ็ญ ศรีสวัสดิ์,EDUCATION,ผู้อำนวยการกองการศึกษา,municipalEmployee,,,,,',
      // สำนัก typed with nikhahit + sara aa instead of sara am, and a zero-width space
      'E022,นางสาวอรอุมา ทองดี,ส\u0e4d\u0e32นักปลัด\u200bเทศบาล,เจ้าพนักงานธุรการ,ลูกจ้างประจำ,,,,,',
    ];
    const result = validateEmployeeImport(csv(...rows), ctx());
    expect(result.errors).toEqual([]);
    expect(result.valid.map((v) => [v.divisionId, v.staffType])).toEqual([
      ['works', 'contractEmployee'],
      ['education', 'municipalEmployee'],
      ['palad', 'permanentWorker'],
    ]);
  });

  it('reads roles and statuses in Thai or as ids', () => {
    const rows = [
      'E004,นางสาวปิยะนุช แก้วมณี,สำนักปลัดเทศบาล,นักทรัพยากรบุคคลชำนาญการ,พนักงานเทศบาล,,,พนักงาน ฝ่ายบุคคล,active,',
      'E006,นางสาวอรอุมา ทองดี,สำนักปลัดเทศบาล,เจ้าพนักงานธุรการ,พนักงานเทศบาล,,,"staff,hr, staff",ลาออก,',
      'E007,นายวีระ พรหมมา,สำนักปลัดเทศบาล,นักป้องกันและบรรเทาสาธารณภัย,พนักงานเทศบาล,,,,พ้นสภาพ,',
    ];
    const result = validateEmployeeImport(csv(...rows), ctx());
    expect(result.valid.map((v) => [v.roles, v.active])).toEqual([
      [['staff', 'hr'], true],
      [['staff', 'hr'], false],
      [['staff'], false],
    ]);
  });

  it('flags cells beyond the header, the sign of a name with an unquoted comma', () => {
    const shifted = 'E013,นางรัตนา, คำแสน,กองคลัง,เจ้าพนักงานการเงินและบัญชี,พนักงานเทศบาล,,,,,';
    const [error] = validateEmployeeImport(csv(shifted), ctx()).errors;
    expect(error!.reasons[0]).toBe('แถวนี้มีช่องข้อมูลมากกว่าหัวตาราง (ชื่อที่มีเครื่องหมายจุลภาคต้องอยู่ในเครื่องหมายคำพูด "…")');
    expect(error!.reasons[1]).toContain('ไม่พบกอง/สำนัก "คำแสน"');
  });

  it('forgives a trailing comma on an otherwise good row', () => {
    const result = validateEmployeeImport(csv(`${MAYOR},`), ctx());
    expect(result.errors).toEqual([]);
  });

  it('refuses a code that could not be a document id', () => {
    const row = 'ทน/001,นายสมชาย ใจดี,สำนักปลัดเทศบาล,นายกเทศมนตรี,พนักงานเทศบาล,,,,,';
    const [error] = validateEmployeeImport(csv(row), ctx()).errors;
    expect(error).toEqual({
      line: 2,
      code: 'ทน/001',
      reasons: ['รหัสพนักงาน "ทน/001" ใช้ได้เฉพาะตัวอักษร ตัวเลข และเครื่องหมาย - _ . เท่านั้น'],
    });
  });

  it('refuses the codes Firestore reserves, so the dry run refuses what the import could not write', () => {
    const rows = ['.', '..', '__X__', '__.__'].map(
      (code) => `${code},นายสมชาย ใจดี,สำนักปลัดเทศบาล,นายกเทศมนตรี,พนักงานเทศบาล,,,,,`,
    );
    const result = validateEmployeeImport(csv(...rows), ctx());
    expect(result.summary.failed).toBe(4);
    expect(result.errors.map((e) => e.reasons[0])).toEqual([
      expect.stringContaining('ระบบสงวนไว้'),
      expect.stringContaining('ระบบสงวนไว้'),
      expect.stringContaining('ระบบสงวนไว้'),
      expect.stringContaining('ระบบสงวนไว้'),
    ]);
  });

  it('ignores rows of empty cells that Excel leaves at the bottom', () => {
    const result = validateEmployeeImport(csv(MAYOR, ',,,,,,,,,', ',,,,,,,,,'), ctx());
    expect(result.summary).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0 });
  });
});

describe('validateEmployeeImport: headers', () => {
  it('accepts the English names and the template form "ไทย (English)", in any order', () => {
    const text =
      'position,Name,รหัสพนักงาน (code),division,staff type\nนักวิชาการศึกษา,นางสาวศิริพร ใจงาม,E022,education,teacher\n';
    const result = validateEmployeeImport(parseCsv(text), ctx());
    expect(result.errors).toEqual([]);
    expect(result.valid[0]).toMatchObject({ code: 'E022', position: 'นักวิชาการศึกษา', staffType: 'teacher' });
  });

  it('gives one file-level error on line 1 naming every missing required column', () => {
    const text =
      'รหัสพนักงาน,ชื่อ,กอง/สำนัก,ประเภทบุคลากร\nE001,นายสมชาย ใจดี,สำนักปลัดเทศบาล,พนักงานเทศบาล\nE002,x,y,z\n';
    const result = validateEmployeeImport(parseCsv(text), ctx());
    expect(result.errors).toEqual([{ line: 1, reasons: ['ไฟล์ไม่มีคอลัมน์ที่จำเป็น: ชื่อ-สกุล, ตำแหน่ง'] }]);
    expect(result.valid).toEqual([]);
    expect(result.summary).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 2 });
  });

  it('refuses a file with the same column twice, rather than guessing which one is right', () => {
    const text = `${HEADER},ชื่อ-สกุล\n`;
    expect(validateEmployeeImport(parseCsv(text), ctx()).errors).toEqual([
      { line: 1, reasons: ['มีคอลัมน์ซ้ำกัน: ชื่อ-สกุล'] },
    ]);
  });

  it('lists the template columns with required ones first', () => {
    expect(EMPLOYEE_IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.thai)).toEqual([
      'รหัสพนักงาน',
      'ชื่อ-สกุล',
      'กอง/สำนัก',
      'ตำแหน่ง',
      'ประเภทบุคลากร',
    ]);
  });
});

describe('validateEmployeeImport: re-import', () => {
  const first = validateEmployeeImport(csv(MAYOR, PALAD, FINANCE_HEAD, ACCOUNTANT), ctx()).valid;
  // what Firestore holds after the first import, with one person already linked to LINE
  const stored: Employee[] = first.map((e) =>
    e.code === 'E010' ? { ...e, lineUserId: 'U4af4980629c0c5e4b0c1d4f7a3b2e1d0' } : e,
  );

  it('counts the same file again as all unchanged', () => {
    const result = validateEmployeeImport(csv(MAYOR, PALAD, FINANCE_HEAD, ACCOUNTANT), ctx(stored));
    expect(result.summary).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 0 });
    expect(result.errors).toEqual([]);
  });

  it('updates by code, creates newcomers, never duplicates, and keeps the LINE link', () => {
    const moved = ACCOUNTANT.replace('นักวิชาการเงินและบัญชี', 'นักวิชาการเงินและบัญชีชำนาญการ');
    const newcomer = 'E014,นายสุรชัย วงศ์ใหญ่,กองคลัง,ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้,พนักงานจ้าง,จัดเก็บรายได้,e009,,,';
    const result = validateEmployeeImport(csv(MAYOR, PALAD, moved, newcomer), ctx(stored));
    expect(result.summary).toEqual({ created: 1, updated: 1, unchanged: 2, failed: 0 });
    expect(result.changes).toEqual([
      { line: 2, code: 'E001', change: 'unchanged' },
      { line: 3, code: 'E002', change: 'unchanged' },
      { line: 4, code: 'E010', change: 'updated' },
      { line: 5, code: 'E014', change: 'created' },
    ]);
    const accountant = byCode(result.valid, 'E010');
    expect(accountant.id).toBe('E010');
    expect(accountant.position).toBe('นักวิชาการเงินและบัญชีชำนาญการ');
    expect(accountant.lineUserId).toBe('U4af4980629c0c5e4b0c1d4f7a3b2e1d0');
    // the newcomer's supervisor is only in the stored list (E009 is not in this file)
    expect(byCode(result.valid, 'E014').supervisorId).toBe('E009');
  });

  it('keeps stored roles, status, job line, supervisor and birth date when those cells are blank', () => {
    const sparse = 'E002,นางสาววิไลวรรณ ศรีสุข,สำนักปลัดเทศบาล,ปลัดเทศบาล,พนักงานเทศบาล,,,,,';
    const result = validateEmployeeImport(csv(sparse), ctx(stored));
    expect(result.summary).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(result.valid[0]).toMatchObject({
      roles: ['supervisor', 'executive'],
      supervisorId: 'E001',
      jobLine: 'บริหารท้องถิ่น',
      birthDate: '1975-08-03',
    });
  });

  it('counts a resignation as an update', () => {
    const resigned = ACCOUNTANT.replace(',E009,,,', ',E009,,ลาออก,');
    const result = validateEmployeeImport(csv(resigned), ctx(stored));
    expect(result.summary).toEqual({ created: 0, updated: 1, unchanged: 0, failed: 0 });
    expect(result.valid[0]!.active).toBe(false);
  });

  it('catches a loop formed between the file and the stored list', () => {
    // stored: E002 reports to E001. The file makes the mayor report to the ปลัด.
    const mayorUnderPalad = MAYOR.replace(
      'นายกเทศมนตรี,พนักงานเทศบาล,บริหารท้องถิ่น,,',
      'นายกเทศมนตรี,พนักงานเทศบาล,บริหารท้องถิ่น,E002,',
    );
    const result = validateEmployeeImport(csv(mayorUnderPalad), ctx(stored));
    expect(result.errors).toEqual([
      { line: 2, code: 'E001', reasons: ['สายการบังคับบัญชาวนกลับมาที่เดิม: E001 → E002 → E001'] },
    ]);
  });

  it('catches a loop that appears only because another row of the file failed', () => {
    // The file puts a new head, E100, at the top, E009 under E100 and the mayor under E009: no loop.
    // But E009's row is bad, so the stored E009 (under E002, under E001) would close one.
    const mayor = MAYOR.replace('บริหารท้องถิ่น,,', 'บริหารท้องถิ่น,E009,');
    const badHead = FINANCE_HEAD.replace('กองคลัง,', 'กองพัสดุ,').replace(',E002,', ',E100,');
    const newTop = 'E100,นายชาญชัย เพชรรัตน์,สำนักปลัดเทศบาล,ที่ปรึกษา,พนักงานเทศบาล,,,ผู้บริหาร,,';
    const result = validateEmployeeImport(csv(mayor, badHead, newTop), ctx(stored));
    expect(result.errors.map((e) => [e.code, e.reasons])).toEqual([
      ['E001', ['สายการบังคับบัญชาวนกลับมาที่เดิม: E001 → E009 → E002 → E001']],
      ['E009', [expect.stringContaining('ไม่พบกอง/สำนัก "กองพัสดุ"')]],
    ]);
    expect(result.valid.map((v) => v.code)).toEqual(['E100']);
  });

  it('lets a row name a supervisor whose own row failed when that supervisor is already stored', () => {
    const badHead = FINANCE_HEAD.replace('กองคลัง,', 'กองพัสดุ,');
    const result = validateEmployeeImport(csv(badHead, ACCOUNTANT), ctx(stored));
    expect(result.valid.map((v) => v.code)).toEqual(['E010']);
    expect(byCode(result.valid, 'E010').supervisorId).toBe('E009');
  });

  it('ignores stored people of another municipality and uses newId for newcomers', () => {
    const elsewhere: Employee = { ...stored[0]!, id: 'x-E001', municipalityId: 'other' };
    const result = validateEmployeeImport(csv(MAYOR), {
      ...ctx([elsewhere]),
      newId: (code) => `bansathit-${code}`,
    });
    expect(result.summary.created).toBe(1);
    expect(result.valid[0]!.id).toBe('bansathit-E001');
  });
});

describe('position level (ระดับ)', () => {
  const header = 'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ระดับ,ประเภทบุคลากร';
  const file = (level: string) =>
    parseCsv(`${header}\nE010,นางสาวจิราพร สายทอง,กองคลัง,นักวิชาการเงินและบัญชี,${level},พนักงานเทศบาล\n`);

  it('is read from its own optional column and counts as a change when it changes', () => {
    const first = validateEmployeeImport(file('ปฏิบัติการ'), ctx());
    expect(byCode(first.valid, 'E010').level).toBe('ปฏิบัติการ');
    const stored = first.valid as unknown as Employee[];
    expect(validateEmployeeImport(file('ปฏิบัติการ'), ctx(stored)).summary).toMatchObject({ unchanged: 1 });
    const promoted = validateEmployeeImport(file('ชำนาญการ'), ctx(stored));
    expect(promoted.summary).toMatchObject({ updated: 1 });
    expect(byCode(promoted.valid, 'E010').level).toBe('ชำนาญการ');
  });

  it('is optional: files without it still import', () => {
    const r = validateEmployeeImport(
      parseCsv(
        'รหัสพนักงาน,ชื่อ-สกุล,กอง/สำนัก,ตำแหน่ง,ประเภทบุคลากร\nE011,นายอนุชา ศรีวงศ์,กองคลัง,นักวิชาการจัดเก็บรายได้,พนักงานเทศบาล\n',
      ),
      ctx(),
    );
    expect(r.errors).toEqual([]);
    expect(byCode(r.valid, 'E011').level).toBeUndefined();
  });
});
