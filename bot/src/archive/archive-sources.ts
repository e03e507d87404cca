import {
  fiscalYearOf,
  type NameOf,
  reportTrailRows,
  requestTrailRows,
  type TrailSection,
} from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { entryFromDoc } from '../library/library-records';
import { type ReportSource, reportRecords } from '../reports/report-repository';
import { requestFromDoc } from '../requests/request-records';

// The audit archive's trail-section providers, one per kind of record. Each reads its records for the
// scope (a person, or a fiscal year) and turns them into sections with the pure providers in shared.
// A new kind of record plugs in with one more entry in ARCHIVE_SOURCES.

export interface ArchiveScope {
  readonly fiscalYear?: number;
  readonly employeeId?: string;
}

export interface ArchiveCollections extends ReportSource {
  readonly library: CollectionReference;
  readonly trainingRequests: CollectionReference;
}

export interface ArchiveSource {
  readonly id: string;
  readonly label: string;
  /** false: the records' feature is not in this build; the archive says so instead of hiding it */
  readonly available: boolean;
  read(c: ArchiveCollections, scope: ArchiveScope, nameOf: NameOf): Promise<TrailSection[]>;
}

const reportSource: ArchiveSource = {
  id: 'report',
  label: 'รายงานผลการฝึกอบรม',
  available: true,
  async read(c, scope, nameOf) {
    const stored = reportRecords(c);
    const all = scope.employeeId ? await stored.ofPerson(scope.employeeId) : await stored.all();
    const reports = all
      .filter((r) => scope.fiscalYear === undefined || fiscalYearOf(r.endDate) === scope.fiscalYear)
      // a report never sent has no trail worth an assessor's time, apart from being owed
      .filter((r) => r.history.length > 0);
    const entries =
      reports.length > 0 ? await c.library.firestore.getAll(...reports.map((r) => c.library.doc(r.id))) : [];
    const byId = new Map(entries.filter((e) => e.exists).map((e) => [e.id, entryFromDoc(e)]));
    return reports.map((r) => ({
      kind: 'report',
      kindLabel: this.label,
      employeeId: r.employeeId,
      employeeName: r.employeeName,
      subject: r.trainingTitle,
      rows: reportTrailRows(r, byId.get(r.id), nameOf),
    }));
  },
};

/** Training requests: the request, its approvals, the travel order, the advance and its clearing. */
const trainingRequestSource: ArchiveSource = {
  id: 'trainingRequest',
  label: 'คำขอไปอบรม',
  available: true,
  async read(c, scope) {
    const snap = scope.employeeId
      ? await c.trainingRequests.where('employeeId', '==', scope.employeeId).get()
      : await c.trainingRequests.get();
    const requests = snap.docs
      .map(requestFromDoc)
      // a request belongs to the fiscal year its course ends in, as the report made from it does
      .filter((r) => scope.fiscalYear === undefined || fiscalYearOf(r.course.endDate) === scope.fiscalYear);
    // the reports opened from them, so the trail says the report's return date and status as they are
    const reportIds = requests.flatMap((r) => (r.reportId ? [r.reportId] : []));
    const reportById = await reportRecords(c).byIds(reportIds);
    return requests.map((r) => ({
      kind: 'trainingRequest',
      kindLabel: this.label,
      employeeId: r.employeeId,
      employeeName: r.employeeName,
      subject: r.course.title,
      rows: requestTrailRows(r, r.reportId ? reportById.get(r.reportId) : undefined),
    }));
  },
};

export const ARCHIVE_SOURCES: readonly ArchiveSource[] = [trainingRequestSource, reportSource];
