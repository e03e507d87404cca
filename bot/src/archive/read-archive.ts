import { ARCHIVE_HEADERS, type ArchiveResponse, archiveTable, fiscalYearLabel } from '@phattana/shared';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import { ARCHIVE_SOURCES, type ArchiveCollections, type ArchiveScope } from './archive-sources';

// One person's or one fiscal year's whole trail, from every source, for the printable page and the XLSX.

export async function readArchive(
  c: ArchiveCollections & StaffSource,
  scope: ArchiveScope,
  now: Date,
): Promise<ArchiveResponse> {
  const staff = await staffRecords(c).all({ fields: ['name'] });
  const names = new Map(staff.map((p) => [p.id, p.name || p.id]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const sections = (
    await Promise.all(ARCHIVE_SOURCES.filter((s) => s.available).map((s) => s.read(c, scope, nameOf)))
  )
    .flat()
    .sort(
      (a, b) =>
        a.employeeName.localeCompare(b.employeeName, 'th') || a.subject.localeCompare(b.subject, 'th'),
    );
  const who = scope.employeeId ? `${nameOf(scope.employeeId)} (${scope.employeeId})` : 'บุคลากรทั้งหมด';
  const year = scope.fiscalYear ? ` ${fiscalYearLabel(scope.fiscalYear)}` : '';
  return {
    title: `หลักฐานการพัฒนาบุคลากร: ${who}${year}`,
    ...(scope.fiscalYear ? { fiscalYear: scope.fiscalYear } : {}),
    ...(scope.employeeId ? { employeeId: scope.employeeId } : {}),
    generatedAt: now.toISOString(),
    sections,
    missingProviders: ARCHIVE_SOURCES.filter((s) => !s.available).map((s) => s.label),
  };
}

/** The archive as spreadsheet rows: a header and one row per step. */
export const archiveRows = (a: ArchiveResponse): string[][] => [
  [...ARCHIVE_HEADERS],
  ...archiveTable(a.sections),
];
