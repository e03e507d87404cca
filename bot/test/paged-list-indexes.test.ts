import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The emulator answers any query; production Firestore refuses a filtered, ordered one without its
// composite index (FAILED_PRECONDITION, a 500 on the first page). So each paged list's query is named
// here with the index it needs, and firestore.indexes.json must declare it.

interface Index {
  readonly collectionGroup: string;
  readonly queryScope: string;
  readonly fields: readonly { readonly fieldPath: string; readonly order: string }[];
}

const declared = (
  JSON.parse(readFileSync(new URL('../../firestore.indexes.json', import.meta.url), 'utf8')) as {
    indexes: Index[];
  }
).indexes.map((i) => `${i.collectionGroup}(${i.fields.map((f) => `${f.fieldPath} ${f.order}`).join(', ')})`);

const ASC = 'ASCENDING';
const DESC = 'DESCENDING';
const NEEDED: Record<string, string> = {
  'team walk (people/team-members.ts)': `employees(supervisorId ${ASC}, nameSortKey ${ASC}, __name__ ${ASC})`,
  'waiting count (api/team-routes.ts)': `reports(currentApproverId ${ASC}, status ${ASC})`,
  'approved requests (requests/request-records.ts)': `trainingRequests(status ${ASC}, course.startDate ${ASC}, __name__ ${ASC})`,
  'library, newest first': `library(approvedAt ${DESC}, __name__ ${ASC})`,
  'library of a division': `library(divisionId ${ASC}, approvedAt ${DESC}, __name__ ${ASC})`,
  'library of a year': `library(fiscalYear ${ASC}, approvedAt ${DESC}, __name__ ${ASC})`,
  'library of a division and a year': `library(divisionId ${ASC}, fiscalYear ${ASC}, approvedAt ${DESC}, __name__ ${ASC})`,
};

describe('indexes of the paged lists', () => {
  it.each(Object.entries(NEEDED))('%s', (_query, index) => {
    expect(declared).toContain(index);
  });
});
