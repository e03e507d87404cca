// A target as the municipality's ethics strategy words it: "≥ 80%", "> 60%", "≥ 80% or not below last
// year's result", "> 60% or not below last year's target". Pure evaluation, so the dashboard, the
// target editor and the evidence packs judge a year the same way.

export interface TargetRule {
  /** `atLeast`: ≥ percent (ไม่น้อยกว่า); `above`: > percent (มากกว่า) */
  readonly comparison: 'atLeast' | 'above';
  /** 0–100 */
  readonly percent: number;
  /** also met when the result is not below last year's result, or last year's target */
  readonly orNotBelow?: 'lastResult' | 'lastTarget';
}

/** What the year before left behind; either part may be unknown (no record, a year before the system). */
export interface LastYear {
  readonly result?: number | null;
  /** last year's target percent */
  readonly target?: number | null;
}

export type TargetVerdict =
  /** no result yet (nothing to divide by) */
  | { readonly met: null; readonly by: 'noResult' }
  | { readonly met: true; readonly by: 'percent' | 'lastYear' }
  /** `noLastYear`: the rule allows "not below last year" but last year's figure is unknown */
  | { readonly met: false; readonly by: 'percent' | 'noLastYear' };

export function evaluateTarget(
  rule: TargetRule,
  result: number | null,
  lastYear: LastYear | undefined,
): TargetVerdict {
  if (result === null) return { met: null, by: 'noResult' };
  const passes = rule.comparison === 'above' ? result > rule.percent : result >= rule.percent;
  if (passes) return { met: true, by: 'percent' };
  if (!rule.orNotBelow) return { met: false, by: 'percent' };
  const reference = rule.orNotBelow === 'lastResult' ? lastYear?.result : lastYear?.target;
  if (reference === undefined || reference === null) return { met: false, by: 'noLastYear' };
  return result >= reference ? { met: true, by: 'lastYear' } : { met: false, by: 'percent' };
}

/** e.g. 'มากกว่าร้อยละ 60 หรือไม่ต่ำกว่าเป้าหมายของปีที่แล้ว' */
export function describeRule(rule: TargetRule): string {
  const base = `${rule.comparison === 'above' ? 'มากกว่า' : 'ไม่น้อยกว่า'}ร้อยละ ${rule.percent}`;
  if (rule.orNotBelow === 'lastResult') return `${base} หรือไม่ต่ำกว่าผลของปีที่แล้ว`;
  if (rule.orNotBelow === 'lastTarget') return `${base} หรือไม่ต่ำกว่าเป้าหมายของปีที่แล้ว`;
  return base;
}

/** Why a verdict came out as it did, in Thai, for the card under the figure. */
export function describeVerdict(v: TargetVerdict): string {
  if (v.met === null) return 'ยังไม่มีข้อมูล';
  if (v.met) return v.by === 'lastYear' ? 'บรรลุเป้าหมาย (ไม่ต่ำกว่าปีที่แล้ว)' : 'บรรลุเป้าหมาย';
  return v.by === 'noLastYear' ? 'ยังไม่ถึงเป้าหมาย (ไม่มีข้อมูลปีที่แล้วให้เทียบ)' : 'ยังไม่ถึงเป้าหมาย';
}

/** The rule checked from HR's form, or a Thai message. */
export function parseTargetRule(raw: unknown): { rule: TargetRule } | { error: string } {
  if (!raw || typeof raw !== 'object') return { error: 'ไม่พบเป้าหมายที่จะบันทึก' };
  const r = raw as Record<string, unknown>;
  const n = typeof r.percent === 'string' && r.percent.trim() !== '' ? Number(r.percent) : r.percent;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100)
    return { error: 'ร้อยละของเป้าหมายต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100' };
  if (Math.round(n * 10) !== n * 10) return { error: 'ร้อยละของเป้าหมายมีทศนิยมได้ไม่เกิน 1 ตำแหน่ง' };
  if (r.comparison !== 'atLeast' && r.comparison !== 'above')
    return { error: 'กรุณาเลือก "ไม่น้อยกว่า" หรือ "มากกว่า"' };
  const orNotBelow = r.orNotBelow === '' || r.orNotBelow === null ? undefined : r.orNotBelow;
  if (orNotBelow !== undefined && orNotBelow !== 'lastResult' && orNotBelow !== 'lastTarget')
    return { error: 'กรุณาเลือกเงื่อนไขเทียบกับปีที่แล้วจากรายการ' };
  return {
    rule: { comparison: r.comparison, percent: n, ...(orNotBelow ? { orNotBelow } : {}) },
  };
}
