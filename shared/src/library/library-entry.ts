import { fiscalYearOf } from '../calendar/fiscal-year';
import type { DevelopmentMethodId } from '../domain/development-methods';
import type { TrainingReport } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';

// The knowledge library (คลังความรู้): when a post-training report gets its last approval, what the
// person learned and how they will use it is published to colleagues of the same municipality, unless
// the person chose "internal" on the report or HR marks it so. One entry per report, keyed by its id;
// the report stays the record, the entry is what colleagues may read.

/** `published`: colleagues of the municipality read it; `internal`: the owner, the chain and HR only. */
export type LibraryVisibility = 'published' | 'internal';

/** The person's choice on the report itself (chat summary or LIFF form); default: share it. */
export type LibraryChoice = 'share' | 'internal';

export interface LibraryPresentation {
  /** the monthly staff meeting's date */
  readonly date: IsoDate;
  readonly note: string;
  /** HR who recorded it */
  readonly by: string;
  readonly recordedAt: string;
}

export interface LibraryEntry {
  /** the report's id */
  readonly id: string;
  readonly trainingId: string;
  readonly trainingTitle: string;
  readonly method: DevelopmentMethodId;
  readonly curriculum?: string;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly divisionId?: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly fiscalYear: number;
  readonly hours: number;
  readonly learned: string;
  readonly application: string;
  /** photos the report stored (ids for the photo route); refused ones are left out */
  readonly photoIds: readonly string[];
  /** ISO instant of the last approval */
  readonly approvedAt: string;
  readonly visibility: LibraryVisibility;
  /** who made it internal and when (the owner's choice, or HR) */
  readonly internalBy?: { readonly employeeId: string; readonly role: 'owner' | 'hr'; readonly at: string };
  /** distinct colleagues who opened it (the owner and HR do not count) */
  readonly readCount: number;
  readonly presentation?: LibraryPresentation;
}

/** The entry a report earns on its last approval. */
export function libraryEntryFor(report: TrainingReport, approvedAt: string): LibraryEntry {
  const internal = report.libraryChoice === 'internal';
  return {
    id: report.id,
    trainingId: report.trainingId,
    trainingTitle: report.trainingTitle,
    method: report.method,
    ...(report.curriculum ? { curriculum: report.curriculum } : {}),
    employeeId: report.employeeId,
    employeeName: report.employeeName,
    ...(report.divisionId ? { divisionId: report.divisionId } : {}),
    startDate: report.startDate,
    endDate: report.endDate,
    fiscalYear: fiscalYearOf(report.endDate),
    hours: report.hours,
    learned: report.answers.learned ?? '',
    application: report.answers.application ?? '',
    photoIds: report.photos.filter((p) => p.storagePath && !p.error).map((p) => p.messageId),
    approvedAt,
    visibility: internal ? 'internal' : 'published',
    ...(internal ? { internalBy: { employeeId: report.employeeId, role: 'owner', at: approvedAt } } : {}),
    readCount: 0,
  };
}

export interface LibraryViewer {
  readonly employeeId: string;
  readonly roles: readonly string[];
}

/** Whether `viewer` may open the entry: a published one any colleague; an internal one its owner and HR. */
export function mayReadEntry(entry: Pick<LibraryEntry, 'visibility' | 'employeeId'>, viewer: LibraryViewer) {
  return entry.visibility === 'published' || mayManageEntry(entry, viewer);
}

/** The owner and HR may change its visibility; HR alone records the presentation. */
export function mayManageEntry(entry: Pick<LibraryEntry, 'employeeId'>, viewer: LibraryViewer) {
  return entry.employeeId === viewer.employeeId || viewer.roles.includes('hr');
}

/** Shared with colleagues, for the dashboard: published in the library or presented at the meeting. */
export const isShared = (e: Pick<LibraryEntry, 'visibility' | 'presentation'>) =>
  e.visibility === 'published' || e.presentation !== undefined;

/** A read counts once per colleague: the owner and HR reading it are not "shared with colleagues". */
export const countsAsRead = (entry: Pick<LibraryEntry, 'employeeId'>, viewer: LibraryViewer) =>
  entry.employeeId !== viewer.employeeId;

export const readReceiptId = (entryId: string, employeeId: string) => `${entryId}::${employeeId}`;

export const PRESENTATION_NOTE_MAX = 500;
