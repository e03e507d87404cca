import type { Rating, ReportAnswers, ReportStatus, SharingPlanId, TextAnswerField } from './training-report';

// What the report API (bot/src/api/report-routes.ts) answers and the LIFF pages read: one definition for
// both sides, so a field renamed on the server cannot silently go missing in the form.

/** The rules the form shows next to each field; sent with the report so the client hard-codes none. */
export type ReportFormRules = {
  readonly [K in TextAnswerField]: { readonly min: number; readonly max: number };
} & {
  readonly ratings: readonly Rating[];
  readonly ratingLabels: Readonly<Record<Rating, string>>;
  readonly sharingPlans: readonly { readonly id: SharingPlanId; readonly name: string }[];
  /** how the due date is counted, in the chat's words */
  readonly dueRule: string;
  /** each question's wording, as the chat asks it (shared/src/reports/report-questions.ts) */
  readonly questions: Readonly<Record<keyof ReportAnswers, string>>;
};

/** GET /api/reports/:id */
export interface ReportDetail {
  readonly report: {
    readonly id: string;
    readonly trainingTitle: string;
    readonly hours: number;
    readonly startDate: string;
    readonly endDate: string;
    readonly returnDate: string;
    readonly dueDate: string;
    readonly status: ReportStatus;
    readonly answers: ReportAnswers;
    readonly returnComment: string | null;
    readonly submittedAt: string | null;
    readonly approvedAt: string | null;
    readonly photoCount: number;
    /** published in the knowledge library once approved ('share', the default) or kept internal */
    readonly libraryChoice: 'share' | 'internal';
  };
  readonly editable: boolean;
  readonly missing: readonly (keyof ReportAnswers)[];
  /** the document's update time: sent back as `expectedUpdateTime` to detect edits from chat */
  readonly updateTime: string;
  readonly form: ReportFormRules;
}

/** One row of GET /api/reports/mine */
export interface ReportSummary {
  readonly id: string;
  readonly trainingTitle: string;
  readonly status: ReportStatus;
  readonly startDate: string;
  readonly endDate: string;
  readonly dueDate: string;
  readonly editable: boolean;
  /** how many answers are still missing */
  readonly missing: number;
}
