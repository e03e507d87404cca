import type { ChatFeature } from '../../conversation/feature';
import type { ReportEffect, ReportFacts, ReportLookup } from '../../reports/report-edge';
import { type ReportReviewState, reportReviewFlow } from './report-review-flow';

/** An approver's decision on a report, from the buttons of the push that asks for it. */
export const reportReviewFeature: ChatFeature<ReportReviewState, ReportEffect, ReportLookup, ReportFacts> = {
  flow: reportReviewFlow,
};
