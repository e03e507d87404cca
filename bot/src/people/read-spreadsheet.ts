// What HR uploads as the staff list: a CSV saved from Excel (UTF-8 with a BOM, Excel's "Unicode text"
// which is UTF-16LE and tab-separated, or the older Thai Windows code page 874 / TIS-620 that Thai
// Excel still writes for plain "CSV"), or the .xlsx workbook itself. Everything comes back as the same
// header + records shape parseCsv gives, with each record's line (CSV) or row number (XLSX) as HR
// sees it, so an error can point at "บรรทัด 12".
//
// The format is decided by the bytes, not the file name: LINE and browsers rename files freely.

import { CsvError, type CsvRecord, parseCsv } from '@phattana/shared';
import { InvalidInputError, readSheet } from 'read-excel-file/node';

export const SPREADSHEET_LIMITS = {
  /** bytes of the uploaded file */
  maxBytes: 5 * 1024 * 1024,
  /** data rows, not counting the header and blank rows */
  maxRows: 5000,
} as const;

export type SpreadsheetLimits = { readonly maxBytes: number; readonly maxRows: number };

export type SpreadsheetErrorKind = 'unreadable' | 'unsupported' | 'empty' | 'tooLarge' | 'tooManyRows';

/** The file cannot be used at all; `message` is Thai and meant for HR as it is. */
export class SpreadsheetError extends Error {
  override readonly name = 'SpreadsheetError';
  constructor(
    readonly kind: SpreadsheetErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export type SpreadsheetFormat = 'csv' | 'xlsx';
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-874';

export interface Spreadsheet {
  readonly format: SpreadsheetFormat;
  /** how a CSV's bytes were decoded; absent for XLSX */
  readonly encoding?: TextEncodingName;
  /** line (CSV) or row (XLSX) of the header, 1-based */
  readonly headerLine: number;
  readonly header: string[];
  /** non-blank data rows in file order; cells are strings, '' for empty */
  readonly records: CsvRecord[];
}

export interface ReadSpreadsheetOptions {
  /** only used to recognise a legacy .xls and to word messages; the bytes decide the format */
  readonly filename?: string;
  readonly limits?: SpreadsheetLimits;
}

/** A numeric cell's value exactly as the file stores it. */
export class XlsxNumber {
  constructor(readonly raw: string) {}
}

const SAVE_AS_HINT = 'กรุณาบันทึกไฟล์จาก Excel เป็น "Excel Workbook (.xlsx)" หรือ "CSV UTF-8" แล้วส่งใหม่';

export async function readSpreadsheet(
  bytes: Uint8Array,
  options: ReadSpreadsheetOptions = {},
): Promise<Spreadsheet> {
  const limits = options.limits ?? SPREADSHEET_LIMITS;
  if (bytes.length === 0) throw new SpreadsheetError('empty', 'ไฟล์ว่างเปล่า ไม่มีข้อมูล');
  if (bytes.length > limits.maxBytes)
    throw new SpreadsheetError(
      'tooLarge',
      `ไฟล์ใหญ่เกิน ${formatMegabytes(limits.maxBytes)} MB (ไฟล์นี้ ${formatMegabytes(bytes.length)} MB) กรุณาแบ่งเป็นหลายไฟล์`,
    );

  const kind = sniffFormat(bytes, options.filename);
  if (kind === 'xls')
    throw new SpreadsheetError('unsupported', `ไฟล์ Excel แบบเก่า (.xls) ยังอ่านไม่ได้ ${SAVE_AS_HINT}`);

  const sheet = kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (sheet.header.length === 0) throw new SpreadsheetError('empty', 'ไฟล์ว่างเปล่า ไม่มีข้อมูล');
  if (sheet.records.length === 0) throw new SpreadsheetError('empty', 'ไฟล์มีแต่หัวตาราง ยังไม่มีรายชื่อพนักงาน');
  if (sheet.records.length > limits.maxRows)
    throw new SpreadsheetError(
      'tooManyRows',
      `ไฟล์มี ${sheet.records.length.toLocaleString('th-TH')} แถว เกินกว่าที่นำเข้าได้ครั้งละ ${limits.maxRows.toLocaleString('th-TH')} แถว กรุณาแบ่งเป็นหลายไฟล์`,
    );
  return sheet;
}

/** 'xlsx' for a ZIP (an .xlsx is one), 'xls' for the legacy binary workbook, otherwise text. */
export function sniffFormat(bytes: Uint8Array, filename?: string): 'xlsx' | 'xls' | 'text' {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  // OLE2 compound file: .xls (and .doc, which is no more use to us)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (filename && /\.xlsx?$/i.test(filename) && !looksLikeText(bytes)) return 'xls';
  return 'text';
}

/**
 * Text from a CSV's bytes. A BOM decides (UTF-8, UTF-16LE as Excel's "Unicode text", UTF-16BE);
 * otherwise UTF-8 when the bytes are valid UTF-8, else Windows-874 (TIS-620 plus a few symbols),
 * the Thai code page Excel uses for plain "CSV" on a Thai Windows. Throws SpreadsheetError for
 * bytes that are not text (an image, a PDF, a damaged file).
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName;
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
  else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  else encoding = 'utf-8';
  try {
    // fatal: a broken byte must not silently become U+FFFD inside someone's name
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') throw unreadable();
    encoding = 'windows-874';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw unreadable();
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (hasBinaryControls(text)) throw unreadable();
  return { text, encoding };
}

function readCsv(bytes: Uint8Array): Spreadsheet {
  const { text, encoding } = decodeText(bytes);
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new SpreadsheetError('unreadable', `อ่านไฟล์ไม่ได้: ${e.message}`);
    throw e;
  }
  // parseCsv drops blank lines, so the header sits on the first line that has anything
  const headerLine = firstNonBlankLine(text);
  return {
    format: 'csv',
    encoding,
    headerLine,
    header: trimTrailingEmpty(parsed.header),
    records: parsed.records.filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

async function readXlsx(bytes: Uint8Array): Promise<Spreadsheet> {
  let rows: unknown[][];
  try {
    // numbers arrive as the text the file holds, marked so a text cell such as code '2E5' stays text
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      parseNumber: (raw: string) => new XlsxNumber(raw),
    })) as unknown[][];
  } catch (e) {
    if (e instanceof InvalidInputError && e.code === 'NO_DATA')
      throw new SpreadsheetError('empty', 'ไฟล์ว่างเปล่า ไม่มีข้อมูล');
    throw new SpreadsheetError('unreadable', `ไฟล์ .xlsx นี้เปิดไม่ได้ (อาจเสียหาย) ${SAVE_AS_HINT}`);
  }
  // Row i of the sheet is rows[i - 1]: read-excel-file keeps leading empty rows, so numbers match Excel.
  const lines: CsvRecord[] = [];
  rows.forEach((row, i) => {
    const cells = trimTrailingEmpty(row.map(xlsxCellText));
    if (cells.length > 0) lines.push({ line: i + 1, cells });
  });
  const [header, ...records] = lines;
  return { format: 'xlsx', headerLine: header?.line ?? 1, header: header?.cells ?? [], records };
}

/**
 * One cell as the text HR would have typed: dates as ISO 'YYYY-MM-DD' (which parseThaiDate reads),
 * whole numbers without '.0', booleans as Excel shows them, empty as ''.
 */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel serial dates come back as midnight UTC of the civil date the cell shows
    return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof XlsxNumber) return numberText(value.raw);
  if (typeof value === 'number') return numberText(String(value));
  return String(value);
}

/** '5' → '5', '5.0' → '5', '1.234567890123E+12' → '1234567890123', '1.5' → '1.5', 'abc' → 'abc'. */
function numberText(raw: string): string {
  const plain = /^(-?\d+)\.0+$/.exec(raw);
  if (plain) return plain[1]!;
  if (/^-?\d+(\.\d+)?[eE][+-]?\d+$/.test(raw)) {
    const n = Number(raw);
    if (Number.isSafeInteger(n)) return String(n);
  }
  return raw;
}

function trimTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.trim() === '') end--;
  return cells.slice(0, end);
}

function firstNonBlankLine(text: string): number {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
    } else if (c.trim() !== '') return line;
  }
  return 1;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    return !hasBinaryControls(decodeText(bytes.subarray(0, 4096)).text);
  } catch {
    return false;
  }
}

/** NUL and other C0 controls never appear in a spreadsheet's text; tab, CR and LF do. */
function hasBinaryControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function unreadable(): SpreadsheetError {
  return new SpreadsheetError('unreadable', `อ่านไฟล์ไม่ได้ ไฟล์นี้ไม่ใช่ CSV หรือ Excel ที่อ่านได้ ${SAVE_AS_HINT}`);
}

function formatMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 });
}
