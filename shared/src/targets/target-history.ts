import {
  defaultRule,
  isTargetIndicatorId,
  TARGET_INDICATOR_IDS,
  type TargetIndicatorId,
} from './target-indicators';
import {
  describeRule,
  describeVerdict,
  evaluateTarget,
  type LastYear,
  parseTargetRule,
  type TargetRule,
  type TargetVerdict,
} from './target-rule';

// One fiscal year's targets as stored (`targets/fy<year>` of a municipality): the rules HR set, the
// results frozen for the year (by the dashboard, or typed in by HR for a year before the system) and
// the audit trail. The history of an indicator is read across years, each judged against the year
// before it.

export type ResultSource = 'system' | 'hr';

export interface TargetYear {
  readonly fiscalYear: number;
  /** indicators HR set a rule for; the others use defaultRule */
  readonly rules: Partial<Record<TargetIndicatorId, TargetRule>>;
  readonly results: Partial<
    Record<TargetIndicatorId, { readonly value: number; readonly source: ResultSource }>
  >;
}

export const targetYearId = (fiscalYear: number) => `fy${fiscalYear}`;

export const ruleOf = (year: TargetYear | undefined, id: TargetIndicatorId): TargetRule =>
  year?.rules[id] ?? defaultRule(id);

/** What the year before offers a "not below last year" rule. */
export function lastYearOf(year: TargetYear | undefined, id: TargetIndicatorId): LastYear {
  // no record of the year at all: neither its result nor its target is known
  if (!year) return { result: null, target: null };
  return { result: year.results[id]?.value ?? null, target: ruleOf(year, id).percent };
}

/** A stored year read leniently: a malformed rule or result is dropped, never trusted. */
export function targetYearFromData(fiscalYear: number, d: Record<string, unknown> | undefined): TargetYear {
  const rules: Partial<Record<TargetIndicatorId, TargetRule>> = {};
  for (const [k, v] of Object.entries((d?.rules ?? {}) as Record<string, unknown>)) {
    const parsed = parseTargetRule(v);
    if (isTargetIndicatorId(k) && 'rule' in parsed) rules[k] = parsed.rule;
  }
  const results: Partial<Record<TargetIndicatorId, { value: number; source: ResultSource }>> = {};
  for (const [k, v] of Object.entries((d?.results ?? {}) as Record<string, unknown>)) {
    const r = (v ?? {}) as { value?: unknown; source?: unknown };
    if (isTargetIndicatorId(k) && typeof r.value === 'number' && Number.isFinite(r.value))
      results[k] = { value: r.value, source: r.source === 'hr' ? 'hr' : 'system' };
  }
  return { fiscalYear, rules, results };
}

export interface TargetHistoryPoint {
  readonly fiscalYear: number;
  readonly rule: TargetRule;
  /** whether HR set the rule for that year (false: the default) */
  readonly ruleSet: boolean;
  readonly result: number | null;
  readonly source: ResultSource | null;
  readonly verdict: TargetVerdict;
  readonly ruleText: string;
  readonly verdictText: string;
}

export interface TargetHistory {
  readonly id: TargetIndicatorId;
  /** oldest year first */
  readonly points: readonly TargetHistoryPoint[];
}

/**
 * Each indicator for the fiscal years `from`…`to`, each judged under its own rule against the year
 * before. `years` are the stored years (any order, the year before `from` included when it exists); a
 * year with no record shows the default rule, and as "last year" it offers nothing to compare with.
 * `live` overrides the stored results of one year (the year being viewed, computed just now), except
 * a result HR typed in.
 */
export function targetHistory(
  years: readonly TargetYear[],
  range: { readonly from: number; readonly to: number },
  live?: { readonly fiscalYear: number; readonly results: Partial<Record<TargetIndicatorId, number | null>> },
): TargetHistory[] {
  const byYear = new Map(years.map((y) => [y.fiscalYear, y]));
  const resultOf = (
    fy: number,
    id: TargetIndicatorId,
  ): { value: number | null; source: ResultSource | null } => {
    const stored = byYear.get(fy)?.results[id];
    // what HR typed in for a year stands until HR clears it (the system may know little of that year)
    if (live && live.fiscalYear === fy && live.results[id] !== undefined && stored?.source !== 'hr') {
      const value = live.results[id] ?? null;
      return { value, source: value === null ? null : 'system' };
    }
    return stored ? { value: stored.value, source: stored.source } : { value: null, source: null };
  };
  const span = Array.from({ length: Math.max(0, range.to - range.from + 1) }, (_, i) => range.from + i);
  return TARGET_INDICATOR_IDS.map((id) => ({
    id,
    points: span.map((fy): TargetHistoryPoint => {
      const year = byYear.get(fy);
      const before = byYear.get(fy - 1);
      const r = resultOf(fy, id);
      const rule = ruleOf(year, id);
      const last = before
        ? { result: resultOf(fy - 1, id).value, target: ruleOf(before, id).percent }
        : undefined;
      const verdict = evaluateTarget(rule, r.value, last);
      return {
        fiscalYear: fy,
        rule,
        ruleSet: year?.rules[id] !== undefined,
        result: r.value,
        source: r.source,
        verdict,
        ruleText: describeRule(rule),
        verdictText: describeVerdict(verdict),
      };
    }),
  }));
}
