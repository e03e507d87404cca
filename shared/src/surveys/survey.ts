import type { Role, StaffType } from '../domain/organisation';
import type { IsoDate } from '../text/thai-date';

// A survey is data: HR makes one from a template (or by copying last year's), opens it for an audience
// for a date range, and staff answer it in chat one question at a time. The same shape serves the
// training-needs survey, the organisational satisfaction survey and a 5ส activity check-in.

export type SurveyKind = 'trainingNeeds' | 'satisfaction' | 'fiveS' | 'fairness' | 'custom';

export interface SurveyChoice {
  /** stable id stored in answers: never the label, which HR may reword */
  readonly id: string;
  readonly label: string;
}

/** Show a question only when an earlier choice question was answered with one of these choices. */
export interface ShowIf {
  readonly questionId: string;
  readonly anyOf: readonly string[];
}

interface QuestionBase {
  readonly id: string;
  /** the question as people read it, Thai */
  readonly text: string;
  /** optional questions can be skipped with "ข้าม" */
  readonly required: boolean;
  readonly showIf?: ShowIf;
  /** a short hint under the question, e.g. "ตอบได้มากกว่า 1 ข้อ" */
  readonly hint?: string;
}

export type SurveyQuestion =
  | (QuestionBase & { readonly type: 'singleChoice'; readonly choices: readonly SurveyChoice[] })
  | (QuestionBase & {
      readonly type: 'multipleChoice';
      readonly choices: readonly SurveyChoice[];
      /** at most this many may be picked (default: all) */
      readonly maxPicks?: number;
    })
  /** 1–5 with Thai labels, e.g. น้อยที่สุด … มากที่สุด */
  | (QuestionBase & {
      readonly type: 'likert';
      readonly labels: readonly [string, string, string, string, string];
    })
  | (QuestionBase & {
      readonly type: 'number';
      readonly min: number;
      readonly max: number;
      /** whole numbers only unless set */
      readonly decimals?: number;
      readonly unit?: string;
    })
  | (QuestionBase & { readonly type: 'shortText'; readonly maxLength: number })
  | (QuestionBase & { readonly type: 'longText'; readonly maxLength: number })
  /** photos sent as LINE images; not allowed in anonymous surveys (a photo can identify its sender) */
  | (QuestionBase & { readonly type: 'photo'; readonly maxPhotos: number })
  /**
   * pick competencies to develop: the five core ones, plus the executive ones for executives, plus the
   * person's own functional ones (from the staff record)
   */
  | (QuestionBase & { readonly type: 'competencies'; readonly maxPicks: number });

export type QuestionType = SurveyQuestion['type'];

/** Who is asked. Empty lists mean "everyone" for that dimension; all given dimensions must match. */
export interface SurveyAudience {
  readonly divisionIds?: readonly string[];
  readonly staffTypes?: readonly StaffType[];
  readonly roles?: readonly Role[];
}

export interface ReminderPolicy {
  /** at most this many reminders to a person who has not answered (the invitation not counted) */
  readonly maxReminders: number;
  /** working days between the invitation and the first reminder, and between reminders */
  readonly everyWorkingDays: number;
}

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface SurveyDefinition {
  readonly id: string;
  readonly kind: SurveyKind;
  readonly title: string;
  /** a sentence or two shown in the invitation */
  readonly description?: string;
  /** Buddhist-era fiscal year it belongs to, e.g. 2570 */
  readonly fiscalYear: number;
  readonly audience: SurveyAudience;
  /** first and last day people may answer (Bangkok civil dates, inclusive) */
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  /** HR's switch: a draft is not sent; closed ends it early whatever `closesOn` says */
  readonly status: SurveyStatus;
  /** answers are stored without any link to the person; completion is tracked apart */
  readonly anonymous: boolean;
  /** per-division results are hidden for groups smaller than this (anonymous surveys) */
  readonly minGroupSize: number;
  readonly questions: readonly SurveyQuestion[];
  readonly reminders: ReminderPolicy;
  /** a 5ส day: the activity's date and where it happens */
  readonly activity?: { readonly date: IsoDate; readonly area: string };
  /** the template or survey it was made from */
  readonly copiedFrom?: string;
}

/** A photo answer: the LINE message it came in; the edge copies it to storage after the turn. */
export interface PhotoRef {
  readonly messageId: string;
}

export type AnswerValue =
  | { readonly type: 'choice'; readonly choiceId: string }
  | { readonly type: 'choices'; readonly choiceIds: readonly string[] }
  | { readonly type: 'likert'; readonly value: 1 | 2 | 3 | 4 | 5 }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'photos'; readonly photos: readonly PhotoRef[] }
  | { readonly type: 'competencies'; readonly competencyIds: readonly string[] }
  /** an optional question the person chose to skip */
  | { readonly type: 'skipped' };

/** Answers by question id. */
export type SurveyAnswers = Readonly<Record<string, AnswerValue>>;

/** What the flow needs to know about the person answering, read by the edge from the staff record. */
export interface Respondent {
  readonly divisionId: string;
  readonly staffType: StaffType;
  readonly roles: readonly Role[];
  readonly functionalCompetencyIds: readonly string[];
}

/**
 * A draft in progress, one per (survey, person): saved after every answer so the person can leave and
 * resume, in chat or in LIFF. Deleted when the survey is submitted.
 */
export interface SurveyDraft {
  readonly surveyId: string;
  readonly employeeId: string;
  readonly answers: SurveyAnswers;
  /** the question the person is on */
  readonly currentQuestionId: string | null;
  readonly updatedAt: string;
}

/**
 * Stored at submission. An anonymous response keeps only the answers and the division (for per-division
 * results, hidden when the group is small): no person, no date, no staff type, which together with the
 * completion record could single someone out.
 */
export interface SurveyResponse {
  readonly surveyId: string;
  readonly answers: SurveyAnswers;
  readonly divisionId: string;
  /** named surveys only */
  readonly staffType?: StaffType;
  /** named surveys only */
  readonly submittedOn?: IsoDate;
  /** named surveys only */
  readonly employeeId?: string;
}

/** Who has answered, kept apart from anonymous answers: reminders go to everyone else. */
export interface SurveyCompletion {
  readonly surveyId: string;
  readonly employeeId: string;
  readonly divisionId: string;
  readonly completedOn: IsoDate;
}

/** Firestore ids of the per-person documents (drafts, completions). */
export const surveyPersonKey = (surveyId: string, employeeId: string): string => `${surveyId}__${employeeId}`;

/** Whether people may answer today (Bangkok date), and if not, why. */
export function surveyAvailability(
  s: Pick<SurveyDefinition, 'status' | 'opensOn' | 'closesOn'>,
  today: IsoDate,
): 'open' | 'notYetOpen' | 'closed' {
  if (s.status === 'closed' || today > s.closesOn) return 'closed';
  if (s.status === 'draft' || today < s.opensOn) return 'notYetOpen';
  return 'open';
}

/** Whether the survey asks this person. */
export function inAudience(
  a: SurveyAudience,
  p: { readonly divisionId: string; readonly staffType: StaffType; readonly roles: readonly Role[] },
): boolean {
  if (a.divisionIds && a.divisionIds.length > 0 && !a.divisionIds.includes(p.divisionId)) return false;
  if (a.staffTypes && a.staffTypes.length > 0 && !a.staffTypes.includes(p.staffType)) return false;
  if (a.roles && a.roles.length > 0 && !a.roles.some((r) => p.roles.includes(r))) return false;
  return true;
}
