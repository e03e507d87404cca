import type { WorkingDayCalendar } from '../calendar/working-days';
import type { Role } from '../domain/organisation';
import type { ConsentRecord } from '../people/privacy-notice';
import type { TrainingReport } from '../reports/training-report';
import type { Respondent, SurveyDefinition, SurveyDraft } from '../surveys/survey';
import type { IsoDate } from '../text/thai-date';

/** Who is talking, once their LINE account is linked to a staff record. */
export interface PersonContext {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/**
 * Facts a flow asks the edge to look up inside the turn's transaction (pure flows cannot read
 * Firestore). A flow names them with `lookups`; the edge answers them as `Facts`.
 */
export type Lookup =
  | { readonly type: 'invite'; readonly code: string }
  | { readonly type: 'employeeByCode'; readonly code: string; readonly birthDate: IsoDate }
  /** a post-training report, read so that chat and LIFF edits of its draft never overwrite each other */
  | { readonly type: 'report'; readonly reportId: string }
  /** the talking person's reports that still need filing (pending or returned), nearest due first */
  | { readonly type: 'myOpenReports' }
  /** who signs the person's documents now, from the staff list and the municipality's setting */
  | { readonly type: 'approvalChain'; readonly employeeId: string }
  /**
   * a survey with the talking person's draft, whether they already answered it, and what the survey
   * needs to know about them (division, staff type, functional competencies); read at the start and at
   * submission, so a closed survey or a second submission is refused against stored data
   */
  | { readonly type: 'survey'; readonly surveyId: string }
  /** open surveys that ask the talking person and that they have not answered, closing soonest first */
  | { readonly type: 'myOpenSurveys' };

export interface EmployeeFact {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** the staff record is already linked to a different LINE account */
  readonly linkedToAnother: boolean;
}

export interface Facts {
  readonly invite?:
    | { readonly status: 'ok'; readonly employee: EmployeeFact }
    | { readonly status: 'notFound' | 'expired' | 'used' | 'revoked' | 'employeeInactive' };
  readonly employeeByCode?:
    | { readonly status: 'ok'; readonly employee: EmployeeFact }
    /** unknown code and wrong birth date answer the same, so codes cannot be probed */
    | { readonly status: 'noMatch' | 'employeeInactive' };
  readonly report?:
    | { readonly status: 'ok'; readonly report: TrainingReport }
    | { readonly status: 'notFound' };
  readonly myOpenReports?: readonly Pick<
    TrainingReport,
    'id' | 'trainingTitle' | 'dueDate' | 'status' | 'endDate'
  >[];
  readonly approvalChain?:
    | { readonly status: 'ok'; readonly approvers: readonly { readonly id: string; readonly name: string }[] }
    /** the supervisor links are broken (loop, unknown person): HR must fix them, `message` says how */
    | { readonly status: 'error'; readonly message: string };
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

export interface TurnContext {
  readonly person?: PersonContext;
  readonly consent?: ConsentRecord;
  readonly facts?: Facts;
  /** the municipality's name and retention setting, for the privacy notice */
  readonly privacy: {
    readonly municipalityName: string;
    readonly retentionYears: number;
    readonly contact: string;
  };
  /** the LIFF app, for buttons that open its pages */
  readonly liffId?: string;
  /** working days with the municipality's holidays, for due dates */
  readonly calendar?: WorkingDayCalendar;
}
