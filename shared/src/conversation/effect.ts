import type { BroadcastFilter } from '../broadcast/broadcast-filter';
import type { ExternalTrainingDraft } from '../flows/external-training';
import type { HoursEntry } from '../ledger/hours-ledger';
import type { ConsentRecord } from '../people/privacy-notice';
import type { ReportAction, TrainingReport } from '../reports/training-report';
import type { SurveyAnswers, SurveyDraft } from '../surveys/survey';
import type { IsoDate } from '../text/thai-date';
import type { Reply } from './reply';

/**
 * Side effects a turn asks for, as data. The edge writes them in the same Firestore transaction as the
 * conversation state, so a turn is all-or-nothing.
 */
export type Effect =
  | { readonly type: 'externalTrainingSubmitted'; readonly training: Required<ExternalTrainingDraft> }
  | { readonly type: 'consentRecorded'; readonly consent: ConsentRecord }
  /** link this LINE account to the staff record; the edge re-checks and marks the invite used */
  | { readonly type: 'accountLinked'; readonly employeeId: string; readonly via: 'invite' | 'employeeCode' }
  /** a PDPA request, logged with the date by which it must be answered */
  | { readonly type: 'dataRequestLogged'; readonly kind: 'access' | 'deletion'; readonly dueBy: IsoDate }
  /**
   * a post-training report changed (draft, return date, submission, approval…): the edge writes the
   * whole document, which it read in this turn, so nothing can be lost between chat and LIFF
   */
  | { readonly type: 'reportSaved'; readonly report: TrainingReport; readonly action: ReportAction }
  /** an image arrived for a report: the edge copies it from LINE to storage off the webhook's path */
  | { readonly type: 'reportPhotoReceived'; readonly reportId: string; readonly messageId: string }
  /** training hours now count: the entry and the person's fiscal-year totals are written together */
  | { readonly type: 'hoursCredited'; readonly entry: HoursEntry }
  /**
   * tell another member of staff (e.g. the next approver) by push after the turn commits; `key` makes
   * the push's retry key, so a retried turn never notifies twice
   */
  | {
      readonly type: 'notifyEmployee';
      readonly employeeId: string;
      readonly replies: readonly Reply[];
      readonly key: string;
    }
  /**
   * HR asked for a reminder broadcast: the edge stores the request and, after the commit, prepares the
   * recipient list and pushes HR a preview (nothing is sent yet)
   */
  | {
      readonly type: 'broadcastRequested';
      readonly broadcastId: string;
      readonly filter: BroadcastFilter;
      readonly today: IsoDate;
    }
  /** HR confirmed the previewed broadcast: draft → queued in this turn, then a task sends it */
  | { readonly type: 'broadcastConfirmed'; readonly broadcastId: string; readonly confirmedAt: string }
  | { readonly type: 'broadcastCancelled'; readonly broadcastId: string }
  /** a survey answer was given: the person's draft is written whole (blind write, no read needed) */
  | { readonly type: 'surveyDraftSaved'; readonly draft: SurveyDraft }
  /**
   * the person sent a survey: the edge, in the same transaction as the `survey` lookup, records the
   * completion (refusing a second one), stores the response (anonymous: random id, no person, date
   * only), deletes the draft and counts the response in the survey's aggregates
   */
  | {
      readonly type: 'surveySubmitted';
      readonly surveyId: string;
      readonly answers: SurveyAnswers;
      readonly today: IsoDate;
    }
  /** an image arrived for a survey's photo question: copied from LINE to storage after the commit */
  | {
      readonly type: 'surveyPhotoReceived';
      readonly surveyId: string;
      readonly questionId: string;
      readonly messageId: string;
    };
