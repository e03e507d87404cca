import type { DataRequestState } from '../flows/data-request';
import type { ExternalTrainingState } from '../flows/external-training';
import type { HrBroadcastState } from '../flows/hr-broadcast';
import type { LinkAccountState } from '../flows/link-account';
import type { ReportReviewState } from '../flows/report-review';
import type { SurveyAnswerState } from '../flows/survey-answer';
import type { TrainingReportState } from '../flows/training-report';

/** Any flow's state; each carries its flow id as the discriminant. */
export type FlowState =
  | ExternalTrainingState
  | LinkAccountState
  | DataRequestState
  | TrainingReportState
  | ReportReviewState
  | HrBroadcastState
  | SurveyAnswerState;

/** Per-person conversation state, stored as one Firestore document and changed once per turn. */
export interface ConversationState {
  readonly flow: FlowState | null;
  /** counts turns; useful to see in logs whether a state is older than expected */
  readonly turn: number;
  /**
   * Wrong registration answers and the lock they cause. Kept beside the flow, not in it, so that
   * cancelling or restarting registration cannot reset the count.
   */
  readonly linkGuard?: { readonly failures: number; readonly lockedUntil?: string };
}

export const EMPTY_CONVERSATION: ConversationState = { flow: null, turn: 0 };
