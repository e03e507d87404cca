import {
  approveDecision,
  type Effect,
  type ReportEffect,
  ReportTransitionError,
  returnDecision,
  type TrainingReport,
} from '@phattana/shared';
import { type Firestore, Timestamp, type Transaction } from 'firebase-admin/firestore';
import type { CommittedWork } from '../outbox/after-commit';
import { readCreditPriors } from '../stats/credit-prior';
import { reportRecords } from './report-repository';
import {
  applyReportEffect,
  type Notification,
  type ReportCollections,
  resolveNotifications,
} from './report-turn-io';

// An approver's decision taken outside chat (the LIFF team page), with the chat's own effects
// (shared/src/reports/review-decision.ts) written the way a chat turn writes them: the report is read,
// decided on and saved, the next approver's and the person's pushes resolved, and the hours credited,
// all in one transaction. A second decision on the same step finds the report moved on and is refused.

export type ReportDecisionOutcome =
  | {
      readonly kind: 'decided';
      readonly report: TrainingReport;
      readonly notifications: readonly Notification[];
      readonly skipped: readonly { employeeId: string; reason: string }[];
      /** what `record` wrote in the transaction, to queue after it */
      readonly work?: CommittedWork;
    }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused'; readonly error: ReportTransitionError; readonly report: TrainingReport };

export async function decideReport(
  db: Firestore,
  c: ReportCollections,
  o: {
    readonly reportId: string;
    readonly by: string;
    readonly decision: 'approve' | 'return';
    readonly comment?: string;
    readonly now: Date;
    /** records the pushes in the decision's own transaction (the API's outbox, api/push-notifications.ts) */
    readonly record?: (tx: Transaction, notifications: readonly Notification[]) => CommittedWork | undefined;
  },
): Promise<ReportDecisionOutcome> {
  const reports = reportRecords(c);
  return db.runTransaction(async (tx) => {
    const report = await reports.byId(o.reportId, { tx });
    if (!report) return { kind: 'notFound' } as const;
    let decided: { report: TrainingReport; effects: readonly Effect[] };
    try {
      decided =
        o.decision === 'approve'
          ? approveDecision(report, o.by, o.now)
          : returnDecision(report, o.by, o.now, o.comment ?? '');
    } catch (err) {
      if (err instanceof ReportTransitionError) return { kind: 'refused', error: err, report } as const;
      throw err;
    }
    // every read before the first write, as Firestore requires
    const notices = await resolveNotifications(tx, decided.effects, c);
    // what a credit's dashboard stats need, as the chat turn reads it
    const credits = await readCreditPriors(tx, decided.effects, c);
    const read = new Map<string, TrainingReport>([[report.id, report]]);
    const at = Timestamp.fromDate(o.now);
    for (const e of decided.effects) applyReportEffect(e as ReportEffect, tx, c, at, read, credits);
    return {
      kind: 'decided',
      report: decided.report,
      notifications: notices.send,
      skipped: notices.skipped,
      work: o.record?.(tx, notices.send),
    } as const;
  });
}
