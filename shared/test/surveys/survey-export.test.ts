import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/people/csv';
import { exportCsv, HIDDEN_DIVISION_CELL, surveyExportTable } from '../../src/surveys/survey-export';
import { choice, choices, likert, response, SURVEY } from './survey-fixture';

const NAMES = { finance: 'กองคลัง', works: 'กองช่าง', health: 'กองสาธารณสุขและสิ่งแวดล้อม' };

const RESPONSES = [
  response(
    'works',
    { attended: choice('yes'), overall: likert(4), topics: choices('law', 'service') },
    { employeeId: 'E005', submittedOn: '2026-06-12' },
  ),
  response(
    'works',
    { attended: choice('no'), overall: likert(1), topics: { type: 'skipped' } },
    { employeeId: 'E006', submittedOn: '2026-06-11' },
  ),
  response(
    'works',
    {
      attended: choice('yes'),
      overall: likert(5),
      skills: { type: 'competencies', competencyIds: ['teamwork'] },
    },
    { employeeId: 'E007' },
  ),
  response(
    'health',
    { attended: choice('yes'), comment: { type: 'text', value: '=HYPERLINK("x")\nบรรทัดสอง' } },
    { employeeId: 'E008' },
  ),
  response('finance', { attended: choice('no') }, { employeeId: 'E009', submittedOn: '2026-06-13' }),
];

describe('survey export', () => {
  it('names nobody in an anonymous survey and hides small divisions', () => {
    const anonymous = RESPONSES.map(({ employeeId: _e, ...r }) => r);
    const t = surveyExportTable({ survey: SURVEY, responses: anonymous, divisionNames: NAMES });
    expect(t.headers).toEqual([
      'ลำดับ',
      'หน่วยงาน',
      '1. ท่านเคยเข้าร่วมอบรมหรือไม่',
      '2. ความพึงพอใจต่อการอบรม',
      '3. หัวข้อที่สนใจ',
      '4. ชั่วโมงที่ต้องการต่อปี',
      '5. สมรรถนะที่ต้องการพัฒนา',
      '6. ข้อเสนอแนะ',
    ]);
    expect(t.rows).toEqual([
      // given order (random document ids), not dates; choice labels, not ids
      [1, 'กองช่าง', 'เคย', 4, 'กฎหมาย; งานบริการ', null, null, null],
      // the Likert answer was never shown (showIf), so it is left empty
      [2, 'กองช่าง', 'ไม่เคย', null, 'ข้าม', null, null, null],
      [3, 'กองช่าง', 'เคย', 5, null, null, 'การทำงานเป็นทีม', null],
      [4, HIDDEN_DIVISION_CELL, 'เคย', null, null, null, null, '=HYPERLINK("x")\nบรรทัดสอง'],
      [5, HIDDEN_DIVISION_CELL, 'ไม่เคย', null, null, null, null, null],
    ]);
    expect(JSON.stringify(t)).not.toMatch(/E00\d|2026-06/);
  });

  it('hides a lone small group’s neighbour too, and drops the column when nothing is left to show', () => {
    const lone = surveyExportTable({
      survey: SURVEY,
      responses: RESPONSES.slice(0, 4),
      divisionNames: NAMES,
    });
    expect(lone.headers).not.toContain('หน่วยงาน');
    // a division that was asked and has no responses is a second small group: nothing to subtract
    const asked = surveyExportTable({
      survey: SURVEY,
      responses: RESPONSES.slice(0, 4),
      divisionNames: NAMES,
      audienceByDivision: { works: 4, health: 2, finance: 3 },
    });
    expect(asked.rows.map((r) => r[1])).toEqual(['กองช่าง', 'กองช่าง', 'กองช่าง', HIDDEN_DIVISION_CELL]);
    const t = surveyExportTable({
      survey: { ...SURVEY, minGroupSize: 10 },
      responses: RESPONSES,
      divisionNames: NAMES,
    });
    expect(t.headers).not.toContain('หน่วยงาน');
    expect(t.rows[0]?.[1]).toBe('เคย');
  });

  it('lists who answered when in a named survey, by date', () => {
    const t = surveyExportTable({
      survey: { ...SURVEY, anonymous: false },
      responses: RESPONSES,
      divisionNames: NAMES,
      employeeNames: { E005: 'นายห้า ทดสอบ', E006: 'นางหก ทดสอบ' },
    });
    expect(t.headers.slice(0, 6)).toEqual([
      'ลำดับ',
      'วันที่ตอบ',
      'รหัสพนักงาน',
      'ชื่อ-สกุล',
      'ประเภทบุคลากร',
      'หน่วยงาน',
    ]);
    expect(t.rows.map((r) => r.slice(0, 6))).toEqual([
      [1, '2026-06-10', 'E007', '', 'พนักงานเทศบาล', 'กองช่าง'],
      [2, '2026-06-10', 'E008', '', 'พนักงานเทศบาล', 'กองสาธารณสุขและสิ่งแวดล้อม'],
      [3, '2026-06-11', 'E006', 'นางหก ทดสอบ', 'พนักงานเทศบาล', 'กองช่าง'],
      [4, '2026-06-12', 'E005', 'นายห้า ทดสอบ', 'พนักงานเทศบาล', 'กองช่าง'],
      [5, '2026-06-13', 'E009', '', 'พนักงานเทศบาล', 'กองคลัง'],
    ]);
  });

  it('writes CSV Excel opens in Thai: BOM, CRLF, quoted text, formulas defused', () => {
    const t = surveyExportTable({ survey: SURVEY, responses: RESPONSES, divisionNames: NAMES });
    const csv = exportCsv(t);
    expect(csv.startsWith('\uFEFF"ลำดับ","หน่วยงาน","1. ท่านเคยเข้าร่วมอบรมหรือไม่"')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(csv).toContain(`1,"กองช่าง","เคย",4,"กฎหมาย; งานบริการ",,,\r\n`);
    const parsed = parseCsv(csv);
    expect(parsed.header).toEqual(t.headers);
    expect(parsed.records.map((r) => r.cells)).toEqual(
      t.rows.map((r) =>
        r.map((c) => (c === null ? '' : c === '=HYPERLINK("x")\nบรรทัดสอง' ? `'${c}` : String(c))),
      ),
    );
  });
});
