/** Survey work that runs off the webhook's path. */
export type SurveyTask =
  /** copy a survey photo from LINE to storage; the bot's municipality when omitted */
  | {
      readonly type: 'storeSurveyPhoto';
      readonly municipalityId?: string;
      readonly surveyId: string;
      readonly messageId: string;
    }
  /** HR opened a survey now: invite its audience (does nothing in quiet hours or on a day off) */
  | { readonly type: 'surveyInvitations'; readonly surveyId: string };
