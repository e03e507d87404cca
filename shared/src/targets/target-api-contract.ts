import type { TargetHistoryPoint } from './target-history';
import type { TargetIndicatorId } from './target-indicators';
import type { TargetRule } from './target-rule';

// GET /api/targets?fy= and HR's edits (bot/src/api/target-routes.ts), read by the LIFF target page.

export interface TargetIndicatorView {
  readonly id: TargetIndicatorId;
  readonly label: string;
  /** oldest year first, ending with the year asked for */
  readonly points: readonly TargetHistoryPoint[];
}

export interface TargetChangeView {
  readonly by: { readonly employeeId: string; readonly name: string };
  /** ISO instant */
  readonly at: string;
  readonly indicatorId: TargetIndicatorId;
  readonly field: 'rule' | 'result';
  readonly before: TargetRule | number | null;
  readonly after: TargetRule | number | null;
}

export interface TargetsData {
  readonly fiscalYear: number;
  readonly label: string;
  /** the current fiscal year: results can be typed in for earlier years only */
  readonly currentYear: number;
  /** years HR may open (targets can be set a year ahead) */
  readonly years: readonly number[];
  readonly indicators: readonly TargetIndicatorView[];
  /** the year's audit trail, newest first */
  readonly changes: readonly TargetChangeView[];
  /** whether the person may edit (HR) or only read (executives) */
  readonly canEdit: boolean;
}

/** PUT /api/targets/:fy/:indicatorId — null puts the default back */
export interface TargetRuleInput {
  readonly rule: TargetRule | null;
}

/** PUT /api/targets/:fy/:indicatorId/result — a year before the current one; null removes it */
export interface TargetResultInput {
  readonly value: number | null;
}
