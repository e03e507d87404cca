import type { BroadcastSendingNotes } from '../budget/broadcast-sending-notes';
import type { ReportStatus } from '../reports/training-report';
import type { IsoDate } from '../text/thai-date';
import type { BroadcastFilter } from './broadcast-filter';
import type { BroadcastStatus } from './broadcast-status';
import type { ExclusionReason } from './select-recipients';

// What HR's late-list API (bot/src/api/late-routes.ts) answers and the LIFF page reads: one definition
// for both sides.

/** One report a person still owes. */
export interface LateReport {
  readonly id: string;
  readonly trainingTitle: string;
  readonly dueDate: IsoDate;
  readonly status: ReportStatus;
  /** working days since the due date (0 while not late) */
  readonly workingDaysLate: number;
}

export type LineReachView =
  | { readonly reachable: true }
  | { readonly reachable: false; readonly reason: ExclusionReason; readonly label: string };

/** A person on the list, with every open report that put them there. */
export interface LatePerson {
  readonly employeeId: string;
  readonly name: string;
  readonly divisionId: string | null;
  readonly divisionName: string | null;
  readonly reach: LineReachView;
  /** nearest due first */
  readonly reports: readonly LateReport[];
  readonly earliestDue: IsoDate;
  /** the most working days any of their reports is late */
  readonly workingDaysLate: number;
}

/** GET /api/late?within=&cursor=&limit=: one page, the late before the due soon */
export interface LateList {
  readonly today: IsoDate;
  /** the "due soon" window, in working days */
  readonly withinWorkingDays: number;
  /** the last day that counts as "due soon" */
  readonly dueSoonUntil: IsoDate;
  /** at least one report past its due date; most working days late first */
  readonly late: readonly LatePerson[];
  /** nothing late yet, but a report due by `dueSoonUntil`; nearest due first */
  readonly dueSoon: readonly LatePerson[];
  /** everyone late / due soon, over every page */
  readonly lateCount: number;
  readonly dueSoonCount: number;
  /** pass as `cursor` for the next page; null on the last one */
  readonly nextCursor: string | null;
  readonly divisions: readonly { readonly id: string; readonly name: string }[];
}

/** A broadcast's stored status, which HR follows as is (bot/src/broadcast/broadcast-records.ts). */
export type BroadcastViewStatus = BroadcastStatus;

/** A reminder broadcast as HR follows it: the preview first, then its delivery. */
export interface BroadcastView {
  readonly id: string;
  readonly status: BroadcastViewStatus;
  readonly filter: BroadcastFilter;
  /** the group in Thai, e.g. "เฉพาะผู้ที่เลยกำหนดส่งแล้ว" */
  readonly filterLabel: string;
  readonly recipientCount: number;
  readonly batchCount: number;
  /** people who matched but cannot be messaged, by reason (only reasons with someone in them) */
  readonly excluded: readonly {
    readonly reason: ExclusionReason;
    readonly label: string;
    readonly count: number;
  }[];
  /** people picked by hand who owe no report (the `people` filter only) */
  readonly notOwing: number;
  /** the first few recipients, nearest due first */
  readonly sampleNames: readonly string[];
  readonly messageText: string;
  /** set when the filter could not be applied, e.g. an unknown division */
  readonly problem: string | null;
  readonly requestedBy: { readonly employeeId: string; readonly name: string };
  readonly requestedAt: string | null;
  readonly confirmedBy: { readonly employeeId: string; readonly name: string } | null;
  readonly confirmedAt: string | null;
  /** people by delivery state, once confirmed (null before) */
  readonly delivery: {
    readonly queued: number;
    readonly sending: number;
    readonly sent: number;
    readonly failed: number;
  } | null;
  /** when it goes out, what it costs of this month's messages, who was just reminded (null: not known) */
  readonly sending: BroadcastSendingNotes | null;
  /** batches LINE did not accept, with the last error */
  readonly failures: readonly { readonly batch: number; readonly people: number; readonly error: string }[];
}
