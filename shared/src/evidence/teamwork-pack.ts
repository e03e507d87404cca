import type { CompetencyLevel } from '../domain/competencies';
import { type DevelopmentMethodId, developmentMethod } from '../domain/development-methods';
import { IDP_STATUS_LABELS, type IdpStatus } from '../idp/idp-plan';
import type { EvidencePack } from './evidence-pack';

// Standards 1.22 (teamwork) from the year's individual development plans: every goal on the core
// competency การทำงานเป็นทีม, how it is developed and how far it has come. No official text of item
// 1.22 could be checked, so the criterion is the plan's own wording and the pack says so.

export const TEAMWORK_COMPETENCY_ID = 'teamwork';

/** Methods people go through together (the rest are one-to-one or alone). */
export const GROUP_METHODS: readonly DevelopmentMethodId[] = [
  'orientation',
  'training',
  'seminar',
  'studyVisit',
];

/** One IDP goal on teamwork, as the pack lists it. */
export interface TeamworkGoalRow {
  readonly employeeName: string;
  readonly goal: string;
  readonly methods: readonly DevelopmentMethodId[];
  readonly currentLevel: CompetencyLevel;
  readonly targetLevel: CompetencyLevel;
  readonly progress: number;
  readonly planStatus: IdpStatus;
}

export function teamworkPack(fiscalYear: number, goals: readonly TeamworkGoalRow[]): EvidencePack {
  const agreed = goals.filter((g) => g.planStatus === 'agreed');
  const people = new Set(goals.map((g) => g.employeeName)).size;
  const inGroups = goals.filter((g) => g.methods.some((m) => GROUP_METHODS.includes(m))).length;
  return {
    item: '1.22',
    title: `มาตรฐานการปฏิบัติราชการ ข้อ 1.22 การทำงานเป็นทีม ปีงบประมาณ ${fiscalYear}`,
    criterion: 'บุคลากรได้รับการพัฒนาสมรรถนะหลักด้านการทำงานเป็นทีมตามแผนพัฒนารายบุคคล (IDP)',
    basis:
      'ไม่พบเอกสารเกณฑ์ฉบับทางการของข้อ 1.22 ที่ตรวจสอบได้ จึงใช้ถ้อยคำตามแผนพัฒนาบุคลากรของเทศบาล (สมรรถนะหลัก "การทำงานเป็นทีม")',
    target: 'มีเป้าหมายพัฒนาการทำงานเป็นทีมในแผนพัฒนารายบุคคลที่หัวหน้าเห็นชอบแล้ว อย่างน้อย 1 เป้าหมาย',
    result:
      goals.length === 0
        ? 'ยังไม่มีเป้าหมายด้านการทำงานเป็นทีมในปีนี้'
        : `${goals.length} เป้าหมาย จาก ${people} คน เห็นชอบแล้ว ${agreed.length} เป้าหมาย พัฒนาแบบกลุ่ม ${inGroups} เป้าหมาย`,
    met: agreed.length > 0,
    headers: [
      'ลำดับ',
      'ชื่อ-สกุล',
      'เป้าหมาย',
      'วิธีการพัฒนา',
      'ระดับปัจจุบัน',
      'ระดับเป้าหมาย',
      'ความก้าวหน้า (%)',
      'สถานะแผน',
    ],
    rows: [...goals]
      .sort((a, b) => a.employeeName.localeCompare(b.employeeName, 'th'))
      .map((g, i) => [
        i + 1,
        g.employeeName,
        g.goal,
        g.methods.map((m) => developmentMethod(m)?.label ?? m).join(', ') || '–',
        g.currentLevel,
        g.targetLevel,
        g.progress,
        IDP_STATUS_LABELS[g.planStatus],
      ]),
  };
}
