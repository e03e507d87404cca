import type { IdpGoal } from '../idp/idp-plan';
import type { RequestErrors } from './request-input';
import type { RequestTrailRow } from './request-trail';
import type { TrainingRequest } from './training-request';

// The LIFF request page's API shapes, defined once for the route and the page.

export interface CatalogueCourse {
  readonly id: string;
  readonly title: string;
  readonly organiser: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
}

/** A request as the page shows it: the document, its trail as rows, and its step for decisions. */
export interface RequestView {
  readonly request: TrainingRequest;
  readonly trail: readonly RequestTrailRow[];
  /** the step a decision is taken on (refused as stale once the request moved on) */
  readonly step: string;
}

export interface RequestsPage {
  readonly mine: readonly RequestView[];
  readonly catalogue: readonly CatalogueCourse[];
  readonly goals: readonly IdpGoal[];
  /** requests waiting for this person's approval, oldest first */
  readonly waiting: readonly RequestView[];
  /** HR: the first page of approved requests (by course start), to record the travel order and the advance */
  readonly approved?: readonly RequestView[];
  /** HR: `cursor` for GET /requests/approved ("ดูเพิ่ม"); null when the page above was the last */
  readonly approvedNextCursor?: string | null;
  /** HR's setting: days to clear an advance after returning */
  readonly advanceClearingDays: number;
}

/** GET /api/requests/approved?cursor= (HR): the next page of approved requests */
export interface ApprovedRequestsPage {
  readonly approved: readonly RequestView[];
  readonly nextCursor: string | null;
}

export interface RequestSendResult {
  readonly request: TrainingRequest;
}

/** A refused request: one Thai message and, for the form, each field's. */
export interface RequestRefusal {
  readonly message: string;
  readonly errors?: RequestErrors;
}

export type RequestDecisionBody = {
  readonly decision: 'approve' | 'return' | 'refuse';
  readonly comment?: string;
  readonly step: string;
};
