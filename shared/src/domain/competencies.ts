// Competencies of local-government staff (มาตรฐานทั่วไปเกี่ยวกับสมรรถนะของพนักงานส่วนท้องถิ่น): five core
// ones everybody has, four for executives, and functional ones (สมรรถนะประจำสายงาน) that each job line
// picks from. Which functional ones a person has is configuration: the staff record's
// `functionalCompetencyIds`, set by HR (or by the import).

export type CompetencyGroup = 'core' | 'executive' | 'functional';

export interface Competency {
  readonly id: string;
  readonly group: CompetencyGroup;
  readonly name: string;
}

export const CORE_COMPETENCIES = [
  { id: 'achievement', group: 'core', name: 'การมุ่งผลสัมฤทธิ์' },
  { id: 'integrity', group: 'core', name: 'การยึดมั่นในความถูกต้องชอบธรรมและจริยธรรม' },
  { id: 'organisationAwareness', group: 'core', name: 'ความเข้าใจในองค์กรและระบบงาน' },
  { id: 'serviceExcellence', group: 'core', name: 'การบริการเป็นเลิศ' },
  { id: 'teamwork', group: 'core', name: 'การทำงานเป็นทีม' },
] as const satisfies readonly Competency[];

export const EXECUTIVE_COMPETENCIES = [
  { id: 'changeLeadership', group: 'executive', name: 'การเป็นผู้นำในการเปลี่ยนแปลง' },
  { id: 'leadership', group: 'executive', name: 'ความสามารถในการเป็นผู้นำ' },
  { id: 'developingPeople', group: 'executive', name: 'ความสามารถในการพัฒนาคน' },
  { id: 'strategicThinking', group: 'executive', name: 'การคิดเชิงกลยุทธ์' },
] as const satisfies readonly Competency[];

/**
 * The functional competencies job lines choose from. The wording follows the common dictionary;
 * a municipality whose dictionary differs edits its staff records' ids, not this code.
 */
export const FUNCTIONAL_COMPETENCIES = [
  { id: 'monitoring', group: 'functional', name: 'การกำกับติดตามอย่างสม่ำเสมอ' },
  { id: 'problemSolving', group: 'functional', name: 'การแก้ไขปัญหาอย่างมืออาชีพ' },
  { id: 'analyticalThinking', group: 'functional', name: 'การคิดวิเคราะห์' },
  { id: 'conceptualThinking', group: 'functional', name: 'การมองภาพองค์รวม' },
  { id: 'caringDevelopingOthers', group: 'functional', name: 'การใส่ใจและพัฒนาผู้อื่น' },
  { id: 'directiveness', group: 'functional', name: 'การสั่งการตามอำนาจหน้าที่' },
  { id: 'informationSeeking', group: 'functional', name: 'การสืบเสาะหาข้อมูล' },
  { id: 'culturalSensitivity', group: 'functional', name: 'การเข้าใจข้อแตกต่างทางวัฒนธรรม' },
  { id: 'interpersonalUnderstanding', group: 'functional', name: 'การเข้าใจผู้อื่น' },
  { id: 'publicSectorAwareness', group: 'functional', name: 'การเข้าใจองค์กรและระบบราชการ' },
  { id: 'proactiveness', group: 'functional', name: 'การดำเนินการเชิงรุก' },
  { id: 'accuracy', group: 'functional', name: 'ความถูกต้องของงาน' },
  { id: 'selfConfidence', group: 'functional', name: 'ความมั่นใจในตนเอง' },
  { id: 'flexibility', group: 'functional', name: 'ความยืดหยุ่นผ่อนปรน' },
  { id: 'communicationInfluencing', group: 'functional', name: 'ศิลปะการสื่อสารจูงใจ' },
  { id: 'teamLeadership', group: 'functional', name: 'สภาวะผู้นำ' },
  { id: 'aestheticQuality', group: 'functional', name: 'สุนทรียภาพทางศิลปะ' },
  { id: 'vision', group: 'functional', name: 'วิสัยทัศน์' },
  { id: 'publicStrategy', group: 'functional', name: 'การวางกลยุทธ์ภาครัฐ' },
  { id: 'changeAdvocacy', group: 'functional', name: 'ศักยภาพเพื่อนำการปรับเปลี่ยน' },
  { id: 'selfControl', group: 'functional', name: 'การควบคุมตนเอง' },
  { id: 'empowering', group: 'functional', name: 'การให้อำนาจแก่ผู้อื่น' },
] as const satisfies readonly Competency[];

export const COMPETENCIES: readonly Competency[] = [
  ...CORE_COMPETENCIES,
  ...EXECUTIVE_COMPETENCIES,
  ...FUNCTIONAL_COMPETENCIES,
];

export function competency(id: string): Competency | undefined {
  return COMPETENCIES.find((c) => c.id === id);
}

/** Proficiency levels used in IDPs and competency gaps (0 = not shown yet … 5 = expert). */
export const COMPETENCY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type CompetencyLevel = (typeof COMPETENCY_LEVELS)[number];
