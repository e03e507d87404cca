import type { Effect } from '@phattana/shared';

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

/** The copy-to-storage tasks a turn's `surveyPhotoReceived` effects ask for (run after the commit). */
export function surveyPhotoTasks(effects: readonly Effect[]): SurveyTask[] {
  return effects.flatMap((x) =>
    x.type === 'surveyPhotoReceived'
      ? [{ type: 'storeSurveyPhoto', surveyId: x.surveyId, messageId: x.messageId } as const]
      : [],
  );
}
