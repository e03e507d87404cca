import { type BankQuestion, readQuestionRows } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import type { MunicipalityCollections } from '../municipality-collections';
import { readSpreadsheet, SpreadsheetError } from '../people/read-spreadsheet';
import { readBank } from './ethics-quiz-docs';
import type { Actor } from './ethics-quiz-service';

// The question bank from HR's spreadsheet (XLSX or CSV, read as the staff import reads it): a dry run
// says what would be added and explains every bad row in Thai; the real run adds the good rows.

export interface QuestionImportReport {
  readonly dryRun: boolean;
  readonly added: number;
  readonly errors: readonly { readonly line: number; readonly reasons: readonly string[] }[];
  readonly duplicates: readonly { readonly line: number; readonly text: string }[];
}

export async function importQuestions(
  db: Firestore,
  c: Pick<MunicipalityCollections, 'ethicsQuestions'>,
  bytes: Uint8Array,
  o: { filename?: string; dryRun: boolean; by: Actor; now: Date },
): Promise<{ ok: QuestionImportReport } | { status: 400; message: string }> {
  let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
  try {
    sheet = await readSpreadsheet(bytes, o.filename ? { filename: o.filename } : {});
  } catch (err) {
    if (err instanceof SpreadsheetError) return { status: 400, message: err.message };
    throw err;
  }
  const bank = await readBank(c.ethicsQuestions);
  const read = readQuestionRows(
    sheet.header,
    sheet.records,
    bank.map((q) => q.text),
  );
  if ('error' in read) return { status: 400, message: read.error };
  if (!o.dryRun && read.questions.length > 0) {
    const batch = db.batch();
    read.questions.forEach(({ line: _line, ...q }, i) => {
      // in file order on the page: a millisecond apart
      const at = new Date(o.now.getTime() + i).toISOString();
      batch.set(c.ethicsQuestions.doc(), {
        ...q,
        retired: false,
        updatedAt: at,
        updatedBy: o.by.name,
      } satisfies Omit<BankQuestion, 'id'>);
    });
    await batch.commit();
  }
  return {
    ok: {
      dryRun: o.dryRun,
      added: read.questions.length,
      errors: read.errors,
      duplicates: read.duplicates,
    },
  };
}
