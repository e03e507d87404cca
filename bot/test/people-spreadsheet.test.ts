import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import {
  decodeText,
  readSpreadsheet,
  SPREADSHEET_LIMITS,
  SpreadsheetError,
  sniffFormat,
  XlsxNumber,
  xlsxCellText,
} from '../src/people/read-spreadsheet';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

/** Windows-874 / TIS-620: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
function encode874(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e00 + 0xa0;
      throw new Error(`not in windows-874: ${ch}`);
    }),
  );
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function rejection(p: Promise<unknown>): Promise<SpreadsheetError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SpreadsheetError);
  return e as SpreadsheetError;
}

describe('readSpreadsheet: CSV', () => {
  it('reads UTF-8 with a BOM and CRLF, keeping the line each record starts on', async () => {
    const text = 'รหัสพนักงาน,ชื่อ-สกุล\r\nE001,"นายสมชาย ใจดี"\r\n\r\nE002,"นาง ก, ข\r\nบรรทัดสอง"\r\nE003,ค\r\n';
    const sheet = await readSpreadsheet(Uint8Array.from([...BOM, ...utf8(text)]));
    expect(sheet.format).toBe('csv');
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.headerLine).toBe(1);
    expect(sheet.header).toEqual(['รหัสพนักงาน', 'ชื่อ-สกุล']);
    expect(sheet.records).toEqual([
      { line: 2, cells: ['E001', 'นายสมชาย ใจดี'] },
      { line: 4, cells: ['E002', 'นาง ก, ข\nบรรทัดสอง'] },
      { line: 6, cells: ['E003', 'ค'] },
    ]);
  });

  it('reads UTF-8 without a BOM, and the header line after leading blank lines', async () => {
    const sheet = await readSpreadsheet(utf8('\n\ncode,name\nE1,สมศรี\n'));
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.headerLine).toBe(3);
    expect(sheet.records).toEqual([{ line: 4, cells: ['E1', 'สมศรี'] }]);
  });

  it('reads Excel "Unicode text": UTF-16LE with a BOM, tab-separated', async () => {
    const sheet = await readSpreadsheet(utf16le('รหัสพนักงาน\tชื่อ-สกุล\r\nE001\tนางสาววิไล ศรีสุข\r\n'));
    expect(sheet.encoding).toBe('utf-16le');
    expect(sheet.header).toEqual(['รหัสพนักงาน', 'ชื่อ-สกุล']);
    expect(sheet.records).toEqual([{ line: 2, cells: ['E001', 'นางสาววิไล ศรีสุข'] }]);
  });

  it('falls back to Windows-874 (TIS-620) when the bytes are not UTF-8', async () => {
    const bytes = encode874('รหัสพนักงาน,ชื่อ-สกุล\r\nE001,นายสมชาย ใจดี\r\n');
    expect(decodeText(bytes)).toEqual({
      text: 'รหัสพนักงาน,ชื่อ-สกุล\r\nE001,นายสมชาย ใจดี\r\n',
      encoding: 'windows-874',
    });
    const sheet = await readSpreadsheet(bytes);
    expect(sheet.encoding).toBe('windows-874');
    expect(sheet.records[0]!.cells).toEqual(['E001', 'นายสมชาย ใจดี']);
  });

  it('drops trailing empty header cells (Excel leaves trailing commas) and blank rows of commas', async () => {
    const sheet = await readSpreadsheet(utf8('code,name,,\nE1,a,,\n,,,\nE2,b\n'));
    expect(sheet.header).toEqual(['code', 'name']);
    expect(sheet.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('refuses an unclosed quote with the line it opened on', async () => {
    const e = await rejection(readSpreadsheet(utf8('code,name\nE1,"สมชาย\nE2,b\n')));
    expect(e.kind).toBe('unreadable');
    expect(e.message).toContain('บรรทัด 2');
  });
});

describe('readSpreadsheet: XLSX', () => {
  it('reads the first sheet: dates as ISO, whole numbers without .0, rows numbered as Excel does', async () => {
    const bytes = await writeXlsxFile([
      ['ทะเบียนบุคลากร'],
      [null],
      ['รหัสพนักงาน', 'ชื่อ-สกุล', 'วันเกิด', 'อายุงาน'],
      [
        'E001',
        'นายสมชาย ใจดี',
        { value: new Date(Date.UTC(1975, 0, 15)), type: Date, format: 'dd/mm/yyyy' },
        12,
      ],
      [null, null, null, null],
      ['2E5', 'นาง ข', '15/1/2528', 2.5],
      [7, 'นาย ค', null, { value: 3, type: Number, format: '0.0' }],
    ]).toBuffer();
    const sheet = await readSpreadsheet(bytes, { filename: 'staff.xlsx' });
    expect(sheet.format).toBe('xlsx');
    expect(sheet.encoding).toBeUndefined();
    // the title row above is taken as the header: validation then reports missing columns
    expect(sheet.headerLine).toBe(1);
    expect(sheet.header).toEqual(['ทะเบียนบุคลากร']);
    expect(sheet.records).toEqual([
      { line: 3, cells: ['รหัสพนักงาน', 'ชื่อ-สกุล', 'วันเกิด', 'อายุงาน'] },
      { line: 4, cells: ['E001', 'นายสมชาย ใจดี', '1975-01-15', '12'] },
      { line: 6, cells: ['2E5', 'นาง ข', '15/1/2528', '2.5'] },
      { line: 7, cells: ['7', 'นาย ค', '', '3'] },
    ]);
  });

  it('recognises an .xlsx by its bytes whatever the file is called', async () => {
    const bytes = await writeXlsxFile([['code'], ['E1']]).toBuffer();
    expect(sniffFormat(bytes, 'staff.csv')).toBe('xlsx');
    expect((await readSpreadsheet(bytes, { filename: 'staff.csv' })).records).toEqual([
      { line: 2, cells: ['E1'] },
    ]);
  });

  it('turns cell values into the text HR typed', () => {
    expect(xlsxCellText(null)).toBe('');
    expect(xlsxCellText(new XlsxNumber('5.0'))).toBe('5');
    expect(xlsxCellText(new XlsxNumber('1.234567890123E+12'))).toBe('1234567890123');
    expect(xlsxCellText(new XlsxNumber('0.1'))).toBe('0.1');
    expect(xlsxCellText('2E5')).toBe('2E5');
    expect(xlsxCellText('00123')).toBe('00123');
    expect(xlsxCellText(true)).toBe('TRUE');
    expect(xlsxCellText(new Date(Date.UTC(2000, 1, 29)))).toBe('2000-02-29');
  });
});

describe('readSpreadsheet: files it refuses, in Thai', () => {
  it('an empty file, a blank file, and a header without rows', async () => {
    expect((await rejection(readSpreadsheet(new Uint8Array()))).kind).toBe('empty');
    expect((await rejection(readSpreadsheet(utf8('\r\n\r\n')))).kind).toBe('empty');
    expect((await rejection(readSpreadsheet(Uint8Array.from(BOM)))).kind).toBe('empty');
    const headerOnly = await rejection(readSpreadsheet(utf8('รหัสพนักงาน,ชื่อ-สกุล\n')));
    expect(headerOnly.kind).toBe('empty');
    expect(headerOnly.message).toContain('ยังไม่มีรายชื่อ');
  });

  it('a file over 5 MB', async () => {
    const e = await rejection(readSpreadsheet(new Uint8Array(SPREADSHEET_LIMITS.maxBytes + 1).fill(0x41)));
    expect(e.kind).toBe('tooLarge');
    expect(e.message).toContain('5 MB');
  });

  it('more than 5000 rows (blank lines do not count)', async () => {
    const rows = (n: number) => `code,name\n${Array.from({ length: n }, (_, i) => `E${i},x\n\n`).join('')}`;
    expect((await readSpreadsheet(utf8(rows(5000)))).records).toHaveLength(5000);
    const e = await rejection(readSpreadsheet(utf8(rows(5001))));
    expect(e.kind).toBe('tooManyRows');
    expect(e.message).toContain('5,001');
  });

  it('a legacy .xls, a damaged .xlsx, and something that is not a spreadsheet', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const legacy = await rejection(readSpreadsheet(xls, { filename: 'staff.xls' }));
    expect(legacy.kind).toBe('unsupported');
    expect(legacy.message).toContain('.xls');

    const broken = await rejection(readSpreadsheet(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])));
    expect(broken.kind).toBe('unreadable');
    expect(broken.message).toContain('.xlsx');

    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const image = await rejection(readSpreadsheet(png, { filename: 'photo.png' }));
    expect(image.kind).toBe('unreadable');
    expect(image.message).toMatch(/^อ่านไฟล์ไม่ได้/);
  });
});
