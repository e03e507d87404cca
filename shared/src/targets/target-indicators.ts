import { type DashboardData, INDICATOR_DEFINITIONS, INDICATOR_IDS } from '../kpi/indicators';
import type { TargetRule } from './target-rule';

// Every indicator that can carry a yearly target: the plan's indicators (kpi/indicators.ts) and the
// ethics strategy's (mandatory ethics training, the sample quiz, the fairness survey), each with the
// rule a municipality starts from until HR sets its own for a fiscal year.

export const ETHICS_INDICATOR_IDS = ['ethicsTraining', 'ethicsQuiz', 'fairness'] as const;
export type EthicsIndicatorId = (typeof ETHICS_INDICATOR_IDS)[number];

export const TARGET_INDICATOR_IDS = [...INDICATOR_IDS, ...ETHICS_INDICATOR_IDS] as const;
export type TargetIndicatorId = (typeof TARGET_INDICATOR_IDS)[number];

export const isTargetIndicatorId = (v: unknown): v is TargetIndicatorId =>
  typeof v === 'string' && (TARGET_INDICATOR_IDS as readonly string[]).includes(v);

export const ETHICS_INDICATOR_DEFINITIONS: Readonly<
  Record<
    EthicsIndicatorId,
    { readonly label: string; readonly description: string; readonly rule: TargetRule }
  >
> = {
  ethicsTraining: {
    label: 'บุคลากรทุกระดับได้รับการอบรมด้านคุณธรรมและจริยธรรม',
    description: 'ผู้ที่มีรายการในหลักสูตรด้านคุณธรรมและจริยธรรมในปีงบประมาณ ต่อบุคลากรที่ปฏิบัติงานอยู่',
    rule: { comparison: 'atLeast', percent: 100 },
  },
  ethicsQuiz: {
    label: 'กลุ่มตัวอย่างผ่านแบบทดสอบคุณธรรมจริยธรรมและธรรมาภิบาล',
    description: 'ผู้ได้คะแนนถึงเกณฑ์ผ่าน ต่อกลุ่มตัวอย่างที่สุ่มได้',
    rule: { comparison: 'above', percent: 60 },
  },
  fairness: {
    label: 'ความพึงพอใจต่อความเป็นธรรมในการบริหารงาน',
    description: 'ผู้ตอบที่พึงพอใจ (ระดับ 4–5) ต่อผู้ตอบแบบสำรวจความเป็นธรรมทั้งหมด',
    rule: { comparison: 'above', percent: 60, orNotBelow: 'lastTarget' },
  },
};

export function targetLabel(id: TargetIndicatorId): string {
  return id in ETHICS_INDICATOR_DEFINITIONS
    ? ETHICS_INDICATOR_DEFINITIONS[id as EthicsIndicatorId].label
    : INDICATOR_DEFINITIONS[id as keyof typeof INDICATOR_DEFINITIONS].label;
}

/** The rule used while HR has set none: the plan's default percent, or the strategy's wording. */
export function defaultRule(id: TargetIndicatorId): TargetRule {
  return id in ETHICS_INDICATOR_DEFINITIONS
    ? ETHICS_INDICATOR_DEFINITIONS[id as EthicsIndicatorId].rule
    : {
        comparison: 'atLeast',
        percent: INDICATOR_DEFINITIONS[id as keyof typeof INDICATOR_DEFINITIONS].target,
      };
}

/** The results a dashboard computed, as the targets see them (the ethics figures it carries too). */
export function dashboardResults(d: DashboardData): Partial<Record<TargetIndicatorId, number | null>> {
  return {
    ...Object.fromEntries(d.indicators.map((i) => [i.id, i.value])),
    ethicsTraining: d.ethicsTraining.percent,
  };
}
