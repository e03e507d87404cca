import { competency } from '../domain/competencies';
import { STAFF_TYPE_LABELS } from '../domain/organisation';
import type { AnswerValue, SurveyDefinition, SurveyQuestion, SurveyResponse } from './survey';
import { shownQuestionIds } from './survey-results';

// A survey's answers as a table for HR's spreadsheet: one row per response, Thai headers, choice labels
// (never ids). An anonymous survey's export carries nothing that points at a person: no name, no
// employee code, no date (dates beside the completion records could single someone out), no division.

export type ExportCell = string | number | null;

export interface ExportTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

export interface ExportInput {
  readonly survey: SurveyDefinition;
  /**
   * In the order rows should appear. Anonymous responses are given in document-id order, which is random,
   * so the order says nothing about who answered when.
   */
  readonly responses: readonly SurveyResponse[];
  readonly divisionNames?: Readonly<Record<string, string>>;
  /** named surveys: employee names by id */
  readonly employeeNames?: Readonly<Record<string, string>>;
}

export const SKIPPED_CELL = 'ข้าม';

export function surveyExportTable(input: ExportInput): ExportTable {
  const { survey } = input;
  const names = input.divisionNames ?? {};
  // Anonymous exports never name the division: a row carries free text and every answer, which beside a
  // division could point to one person. Per-division figures are on the results page, small groups hidden.
  const named = !survey.anonymous;

  const headers: string[] = ['ลำดับ'];
  if (named) headers.push('วันที่ตอบ', 'รหัสพนักงาน', 'ชื่อ-สกุล', 'ประเภทบุคลากร', 'หน่วยงาน');
  survey.questions.forEach((q, i) => {
    headers.push(`${i + 1}. ${q.text}`);
  });

  const responses = survey.anonymous
    ? input.responses
    : [...input.responses].sort(
        (a, b) =>
          (a.submittedOn ?? '').localeCompare(b.submittedOn ?? '') ||
          (a.employeeId ?? '').localeCompare(b.employeeId ?? ''),
      );
  const rows = responses.map((r, i) => {
    const row: ExportCell[] = [i + 1];
    if (named) {
      const id = r.employeeId ?? '';
      const staffType = r.staffType ? STAFF_TYPE_LABELS[r.staffType] : '';
      const division = names[r.divisionId] ?? r.divisionId;
      row.push(r.submittedOn ?? '', id, input.employeeNames?.[id] ?? '', staffType, division);
    }
    const shown = shownQuestionIds(survey, r.answers);
    for (const q of survey.questions) {
      const a = r.answers[q.id];
      row.push(shown.has(q.id) && a ? cellOf(q, a) : null);
    }
    return row;
  });
  return { headers, rows };
}

function cellOf(q: SurveyQuestion, a: AnswerValue): ExportCell {
  if (a.type === 'skipped') return SKIPPED_CELL;
  const label = (id: string) =>
    q.type === 'singleChoice' || q.type === 'multipleChoice'
      ? (q.choices.find((c) => c.id === id)?.label ?? id)
      : id;
  switch (a.type) {
    case 'choice':
      return label(a.choiceId);
    case 'choices':
      return a.choiceIds.map(label).join('; ');
    case 'likert':
    case 'number':
      return a.value;
    case 'text':
      return a.value;
    case 'competencies':
      return a.competencyIds.map((id) => competency(id)?.name ?? id).join('; ');
    case 'photos':
      return `${a.photos.length} รูป`;
  }
}

/**
 * CSV that Excel opens with Thai intact: UTF-8 with a BOM, CRLF line ends, every text cell quoted, and
 * cells that Excel would run as a formula (= + - @, tab, CR) prefixed with an apostrophe.
 */
export function exportCsv(table: ExportTable): string {
  const cell = (v: ExportCell): string => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return `"${safe.replace(/"/g, '""').replace(/\r?\n/g, '\r\n')}"`;
  };
  const lines = [table.headers.map(cell), ...table.rows.map((r) => r.map(cell))].map((r) => r.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
