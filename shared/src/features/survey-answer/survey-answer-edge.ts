import type { Respondent, SurveyAnswers, SurveyDefinition, SurveyDraft } from '../../surveys/survey';
import type { IsoDate } from '../../text/thai-date';

export type SurveyEffect =
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

export type SurveyLookup =
  /**
   * a survey with the talking person's draft, whether they already answered it, and what the survey
   * needs to know about them (division, staff type, functional competencies); read at the start and at
   * submission, so a closed survey or a second submission is refused against stored data
   */
  | { readonly type: 'survey'; readonly surveyId: string }
  /** open surveys that ask the talking person and that they have not answered, closing soonest first */
  | { readonly type: 'myOpenSurveys' };

export interface SurveyFacts {
  readonly survey?:
    | {
        readonly status: 'ok';
        readonly survey: SurveyDefinition;
        readonly draft?: SurveyDraft;
        /** the person already submitted it */
        readonly completed: boolean;
        /** absent when the person has no active staff record */
        readonly respondent?: Respondent;
      }
    | { readonly status: 'notFound' };
  readonly myOpenSurveys?: readonly {
    readonly id: string;
    readonly title: string;
    readonly kind: SurveyDefinition['kind'];
    readonly closesOn: IsoDate;
    /** a draft exists: "ทำต่อ" rather than "เริ่ม" */
    readonly started: boolean;
  }[];
}
