// RFC 4180 CSV as HR's spreadsheets actually export it: Excel adds a UTF-8 BOM, uses CRLF, and in some
// locales separates with ';' or tab. Each record keeps the physical line where it starts, so an import
// error can say "บรรทัด 12" and match what HR sees in a text editor even when a cell spans lines.

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based physical line where the record starts */
  readonly line: number;
  readonly cells: string[];
}

export interface ParsedCsv {
  readonly header: string[];
  readonly records: CsvRecord[];
  readonly delimiter: CsvDelimiter;
}

/** The file cannot be read as CSV at all (only an unclosed quote makes it so; the rest is lenient). */
export class CsvError extends Error {
  override readonly name = 'CsvError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export interface CsvOptions {
  /** skip detection, e.g. when the upload form asked the user */
  readonly delimiter?: CsvDelimiter;
}

/**
 * Parses CSV text. The first record is the header. Blank lines (anywhere, including the trailing ones
 * Excel leaves) are skipped because they carry no data; a line of only delimiters is kept as a record.
 * Line breaks inside quoted cells come back as '\n'. Throws CsvError for a quote that never closes.
 */
export function parseCsv(text: string, options: CsvOptions = {}): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(src);
  const rows: CsvRecord[] = [];

  let line = 1;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quotedRecord = false;
    // one record
    for (;;) {
      if (i >= n) {
        cells.push(cell);
        break;
      }
      const c = src[i]!;
      if (c === '"' && cell === '') {
        // a quoted cell; quotes elsewhere are taken literally, as Excel does
        quotedRecord = true;
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new CsvError(`เครื่องหมายคำพูด (") ที่เปิดในบรรทัด ${quoteLine} ไม่ได้ปิด`, quoteLine);
          const q = src[i]!;
          if (q === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q === '\r' || q === '\n') {
            cell += '\n';
            line++;
            i += q === '\r' && src[i + 1] === '\n' ? 2 : 1;
            continue;
          }
          cell += q;
          i++;
        }
        continue;
      }
      if (c === delimiter) {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      if (c === '\r' || c === '\n') {
        cells.push(cell);
        line++;
        i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
        break;
      }
      cell += c;
      i++;
    }
    const blank = cells.length === 1 && cells[0] === '' && !quotedRecord;
    if (!blank) rows.push({ line: startLine, cells });
  }

  const [first, ...records] = rows;
  return { header: first?.cells ?? [], records, delimiter };
}

/**
 * Picks the delimiter the header line uses most outside quotes. Comma wins ties (and an empty or
 * single-column header), so ';' or tab is chosen only when the header clearly uses it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}
