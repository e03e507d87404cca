import type { Competency, CompetencyLevel } from '../domain/competencies';
import type { DevelopmentMethodId } from '../domain/development-methods';
import type { Role } from '../domain/organisation';
import type { HoursSummary } from '../ledger/hours-summary';
import type { ReportAnswers, ReportStatus } from '../reports/training-report';
import type { IdpPlan, IdpStatus } from './idp-plan';

// What the IDP, hours and team APIs (bot/src/api/idp-routes.ts, hours-routes.ts, team-routes.ts,
// me-routes.ts) answer and the LIFF pages read: one definition for both sides.

/** GET /api/me */
export interface MeView {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly position: string | null;
  readonly divisionId: string | null;
  readonly divisionName: string | null;
  /** has anyone below them (direct reports): the LIFF shows "ทีมของฉัน" */
  readonly hasTeam: boolean;
}

/** A ledger entry the person may link to a goal. */
export interface IdpTrainingOption {
  readonly id: string;
  readonly title: string;
  readonly endDate: string;
  readonly hours: number;
  readonly method: DevelopmentMethodId;
}

/** GET /api/idp/mine, GET /api/team/:employeeId/idp */
export interface IdpView {
  readonly plan: IdpPlan;
  /** false until the first save */
  readonly stored: boolean;
  readonly editable: boolean;
  /** what still stops it from being sent, in Thai */
  readonly missing: readonly string[];
  readonly supervisor: { readonly id: string; readonly name: string } | null;
  readonly range: { readonly start: string; readonly end: string };
  /** the competencies this person's plan may name: core, executive for executives, their functional ones */
  readonly competencies: readonly Competency[];
  readonly methods: readonly { readonly id: DevelopmentMethodId; readonly label: string }[];
  readonly levels: readonly CompetencyLevel[];
  readonly trainings: readonly IdpTrainingOption[];
  /** on the team view: whether the viewer is the one who agrees to it now */
  readonly canDecide?: boolean;
}

/** One row of GET /api/hours/mine's report list */
export interface HoursReportRow {
  readonly id: string;
  readonly trainingTitle: string;
  readonly status: ReportStatus;
  readonly endDate: string;
  readonly dueDate: string;
  readonly hours: number;
  readonly overdue: boolean;
  readonly editable: boolean;
}

/** GET /api/hours/mine */
export interface HoursView {
  readonly summary: HoursSummary;
  readonly reports: readonly HoursReportRow[];
  /** fiscal years the person has anything in, latest first (for the year picker) */
  readonly years: readonly number[];
}

/** One person of GET /api/team */
export interface TeamMemberRow {
  readonly employeeId: string;
  readonly name: string;
  readonly position: string | null;
  readonly divisionId: string | null;
  /** reports to the viewer directly (else further down the line) */
  readonly direct: boolean;
  readonly supervisorName: string | null;
  readonly idp: { readonly status: IdpStatus | 'none'; readonly waitingForMe: boolean };
  readonly hours: number;
  readonly target: number | null;
  readonly percent: number;
  readonly pendingReports: number;
  readonly overdueReports: number;
}

/** GET /api/team?limit=&cursor= (one page of the team) */
export interface TeamView {
  readonly fiscalYear: number;
  readonly scope: 'direct' | 'chain';
  /** this page's people: each one, then the people below them, each level by name */
  readonly members: readonly TeamMemberRow[];
  /** `cursor` for the next page ("ดูเพิ่ม"); null when this was the last */
  readonly nextCursor: string | null;
  readonly waitingReports: number;
}

/** One report of GET /api/team/reports/waiting */
export interface WaitingReport {
  readonly id: string;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly trainingTitle: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly dueDate: string;
  readonly late: boolean;
  readonly step: number;
  readonly steps: number;
  readonly answers: ReportAnswers;
  readonly sharingName: string | null;
  readonly photoCount: number;
  /** each attached photo or certificate; a stored one at GET /reports/:id/photos/:messageId */
  readonly photos: readonly { readonly messageId: string; readonly stored: boolean }[];
  readonly submittedAt: string | null;
}
