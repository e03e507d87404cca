import type { IsoDate } from '../text/thai-date';
import type { SurveyAudience, SurveyDefinition, SurveyStatus, surveyAvailability } from './survey';
import type { DivisionRate, SurveyResults } from './survey-results';
import type { SurveyTemplateKind } from './survey-templates';

// What the survey API (bot/src/api/survey-routes.ts) answers, as the LIFF pages read it. Types only.

/** One survey in HR's list: what it is, where it stands, and how many have answered. */
export interface SurveySummary {
  readonly id: string;
  readonly kind: SurveyDefinition['kind'];
  readonly title: string;
  readonly description: string | null;
  readonly fiscalYear: number;
  readonly status: SurveyStatus;
  /** whether people may answer today */
  readonly availability: ReturnType<typeof surveyAvailability>;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly anonymous: boolean;
  readonly minGroupSize: number;
  readonly audience: SurveyAudience;
  readonly activity: { readonly date: IsoDate; readonly area: string } | null;
  readonly copiedFrom: string | null;
  readonly questionCount: number;
  /** the count as the chat's invitation says it, e.g. "5–7 ข้อ (…)" */
  readonly questionCountText: string;
  /** counted when the survey was opened; null for a draft */
  readonly audienceCount: number | null;
  /** false when the survey was opened without counting (e.g. seeded): the count is of today's staff */
  readonly audienceCountedAtOpening: boolean;
  readonly responseCount: number;
  readonly ratePercent: number | null;
  /** from the maintained counters, small groups hidden as in the results */
  readonly divisions: readonly DivisionRate[];
}

export interface SurveyResultsView {
  readonly survey: SurveySummary;
  readonly results: SurveyResults;
  /** people recorded as having answered (kept apart from anonymous answers) */
  readonly completions: number;
  /** a named survey's stored photos, per response in response order; always empty when anonymous */
  readonly photos: readonly SurveyPhoto[];
  /** why the export would be refused now (an anonymous survey with too few answers), for the button */
  readonly exportRefusal: string | null;
}

/** One stored photo of a submitted response; its bytes at GET /surveys/:id/photos/:messageId. */
export interface SurveyPhoto {
  readonly questionId: string;
  readonly messageId: string;
  /** who sent it (the survey is named): name and division as the staff record has them now */
  readonly name: string;
  readonly divisionName: string;
  readonly submittedOn: IsoDate | null;
}

/** GET /surveys?fiscalYear= */
export interface SurveyListResponse {
  readonly fiscalYear: number;
  readonly templates: readonly { readonly kind: SurveyTemplateKind; readonly name: string }[];
  readonly divisions: readonly { readonly id: string; readonly name: string }[];
  readonly surveys: readonly SurveySummary[];
}

/** PATCH /surveys/:id */
export interface SurveyUpdateResponse {
  readonly survey: SurveySummary;
  /** the invitations task was queued (HR opened the survey) */
  readonly invitationsQueued: boolean;
}

/** GET /surveys/mine: the open surveys that ask the person */
export interface MySurvey {
  readonly id: string;
  readonly kind: SurveyDefinition['kind'];
  readonly title: string;
  readonly closesOn: IsoDate;
  readonly anonymous: boolean;
  readonly questionCount: number;
  readonly activity: { readonly date: IsoDate; readonly area: string } | null;
  readonly answered: boolean;
  /** a draft is saved (in chat or LIFF) and not yet submitted */
  readonly hasDraft: boolean;
}

/** A refusal: `message` in Thai, `errors` every problem found. */
export interface SurveyApiError {
  readonly message: string;
  readonly errors?: readonly string[];
}
