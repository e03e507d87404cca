import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from '../../src/people/csv';

describe('parseCsv', () => {
  it('reads an Excel export: BOM stripped, CRLF, quoted Thai names with commas, trailing blank lines', () => {
    const text =
      '\uFEFFรหัสพนักงาน,ชื่อ-สกุล,ตำแหน่ง\r\n' +
      'E001,"นายสมชาย ใจดี, ผู้ช่วย",นายกเทศมนตรี\r\n' +
      'E002,นางสาววิไลวรรณ ศรีสุข,ปลัดเทศบาล\r\n' +
      '\r\n\r\n';
    const csv = parseCsv(text);
    expect(csv.header).toEqual(['รหัสพนักงาน', 'ชื่อ-สกุล', 'ตำแหน่ง']);
    expect(csv.delimiter).toBe(',');
    expect(csv.records).toEqual([
      { line: 2, cells: ['E001', 'นายสมชาย ใจดี, ผู้ช่วย', 'นายกเทศมนตรี'] },
      { line: 3, cells: ['E002', 'นางสาววิไลวรรณ ศรีสุข', 'ปลัดเทศบาล'] },
    ]);
  });

  it('keeps doubled quotes and line breaks inside quotes, counting physical lines for what follows', () => {
    const text = [
      'code,name,note',
      'E010,"นางสาวจิราพร ""จิ๊บ"" สายทอง","บรรทัดแรก',
      'บรรทัดที่สอง"',
      'E011,นายอนุชา ศรีวงศ์,',
    ].join('\r\n');
    const { records } = parseCsv(text);
    expect(records).toEqual([
      { line: 2, cells: ['E010', 'นางสาวจิราพร "จิ๊บ" สายทอง', 'บรรทัดแรก\nบรรทัดที่สอง'] },
      { line: 4, cells: ['E011', 'นายอนุชา ศรีวงศ์', ''] },
    ]);
  });

  it('accepts LF and a last line without a newline', () => {
    expect(parseCsv('a,b\n1,2\n3,4').records).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('skips blank lines in the middle but still counts them, and keeps rows of empty cells', () => {
    const { records } = parseCsv('a,b\n\n1,2\n,\n');
    expect(records).toEqual([
      { line: 3, cells: ['1', '2'] },
      { line: 4, cells: ['', ''] },
    ]);
  });

  it('takes an empty quoted cell as a record, and quotes inside an unquoted cell literally', () => {
    expect(parseCsv('a\n""\nครู คศ."2"').records).toEqual([
      { line: 2, cells: [''] },
      { line: 3, cells: ['ครู คศ."2"'] },
    ]);
  });

  it('uses semicolons or tabs when the header clearly does', () => {
    const semi = parseCsv('รหัสพนักงาน;ชื่อ-สกุล;กอง/สำนัก\r\nE003;"นางกาญจนา; มีทรัพย์";กองคลัง, งานบัญชี\r\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.records[0]!.cells).toEqual(['E003', 'นางกาญจนา; มีทรัพย์', 'กองคลัง, งานบัญชี']);

    const tab = parseCsv('code\tname\tposition\nE004\tนางสาวปิยะนุช แก้วมณี\tนักทรัพยากรบุคคลชำนาญการ\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.records[0]!.cells).toEqual(['E004', 'นางสาวปิยะนุช แก้วมณี', 'นักทรัพยากรบุคคลชำนาญการ']);
  });

  it('is not fooled by delimiters inside quoted headings, and lets the caller force one', () => {
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single-column\n')).toBe(',');
    expect(parseCsv('a;b\n1;2', { delimiter: ',' }).records[0]!.cells).toEqual(['1;2']);
  });

  it('handles an empty file and a header-only file', () => {
    expect(parseCsv('')).toEqual({ header: [], records: [], delimiter: ',' });
    expect(parseCsv('\uFEFF')).toEqual({ header: [], records: [], delimiter: ',' });
    expect(parseCsv('a,b\r\n')).toEqual({ header: ['a', 'b'], records: [], delimiter: ',' });
  });

  it('reports an unclosed quote with the line it opened on, in Thai', () => {
    const text = 'code,name\nE001,นายสมชาย\nE002,"นางสาววิไลวรรณ\nE003,นางกาญจนา\n';
    expect(() => parseCsv(text)).toThrow(CsvError);
    try {
      parseCsv(text);
    } catch (e) {
      expect((e as CsvError).line).toBe(3);
      expect((e as CsvError).message).toContain('บรรทัด 3');
    }
  });

  it('treats a lone CR (old Mac exports) as a line break', () => {
    expect(parseCsv('a,b\r1,2\r3,4\r').records.map((r) => r.line)).toEqual([2, 3]);
  });
});
