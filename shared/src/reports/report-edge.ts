import type { HoursEntry } from '../ledger/hours-ledger';
import type { NotifyEmployeeEffect } from '../people/notify-employee';
import type { ReportAction, TrainingReport } from './training-report';

// What the report features (filing a report, reviewing one) ask of the edge: the effects it writes in
// the turn's transaction and the facts it reads there first.

export type ReportEffect =
  /**
   * a post-training report changed (draft, return date, submission, approval…): the edge writes the
   * whole document, which it read in this turn, so nothing can be lost between chat and LIFF
   */
  | { readonly type: 'reportSaved'; readonly report: TrainingReport; readonly action: ReportAction }
  /** an image arrived for a report: the edge copies it from LINE to storage off the webhook's path */
  | { readonly type: 'reportPhotoReceived'; readonly reportId: string; readonly messageId: string }
  /** training hours now count: the entry and the person's fiscal-year totals are written together */
  | { readonly type: 'hoursCredited'; readonly entry: HoursEntry }
  | NotifyEmployeeEffect;

export type ReportLookup =
  /** a post-training report, read so that chat and LIFF edits of its draft never overwrite each other */
  | { readonly type: 'report'; readonly reportId: string }
  /** the talking person's reports that still need filing (pending or returned), nearest due first */
  | { readonly type: 'myOpenReports' }
  /** who signs the person's documents now, from the staff list and the municipality's setting */
  | { readonly type: 'approvalChain'; readonly employeeId: string };

export interface ReportFacts {
  readonly report?:
    | { readonly status: 'ok'; readonly report: TrainingReport }
    | { readonly status: 'notFound' };
  readonly myOpenReports?: readonly Pick<
    TrainingReport,
    'id' | 'trainingTitle' | 'dueDate' | 'status' | 'endDate'
  >[];
  readonly approvalChain?:
    | { readonly status: 'ok'; readonly approvers: readonly { readonly id: string; readonly name: string }[] }
    /** the supervisor links are broken (loop, unknown person): HR must fix them, `message` says how */
    | { readonly status: 'error'; readonly message: string };
}
