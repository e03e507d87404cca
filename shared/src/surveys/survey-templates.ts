import { DEVELOPMENT_METHODS } from '../domain/development-methods';
import { formatThaiDate, type IsoDate } from '../text/thai-date';
import type { SurveyAudience, SurveyDefinition, SurveyQuestion } from './survey';

// The surveys a municipality runs every year, as starting points HR edits before opening: the
// training-needs survey that feeds the staff-development plan, the (anonymous) organisational
// satisfaction survey, the 5ส activity check-in, and the (anonymous) fairness-of-administration survey
// the ethics strategy asks for every year (its result feeds the fairness indicator). Question and choice ids are stable across years,
// so results can be compared from one fiscal year to the next.

export type SurveyTemplateKind = 'trainingNeeds' | 'satisfaction' | 'fiveS' | 'fairness';

export const SURVEY_TEMPLATES: readonly { readonly kind: SurveyTemplateKind; readonly name: string }[] = [
  { kind: 'trainingNeeds', name: 'ความต้องการพัฒนา/ฝึกอบรม' },
  { kind: 'satisfaction', name: 'ความพึงพอใจในการปฏิบัติงาน' },
  { kind: 'fiveS', name: 'เช็กอินกิจกรรม 5ส' },
  { kind: 'fairness', name: 'ความเป็นธรรมในการบริหารงาน (ไม่ระบุตัวตน)' },
];

export interface SurveyTemplateOptions {
  readonly id: string;
  readonly fiscalYear: number;
  readonly opensOn: IsoDate;
  readonly closesOn: IsoDate;
  readonly audience?: SurveyAudience;
  readonly activity?: { readonly date: IsoDate; readonly area: string };
}

export const LIKERT_AMOUNT = ['น้อยที่สุด', 'น้อย', 'ปานกลาง', 'มาก', 'มากที่สุด'] as const;
export const LIKERT_SATISFACTION = [
  'ไม่พึงพอใจอย่างยิ่ง',
  'ไม่พึงพอใจ',
  'ปานกลาง',
  'พึงพอใจ',
  'พึงพอใจอย่างยิ่ง',
] as const;

const TRAINING_NEEDS: readonly SurveyQuestion[] = [
  {
    id: 'categories',
    type: 'multipleChoice',
    text: 'ท่านต้องการพัฒนาหรือฝึกอบรมด้านใด',
    hint: 'ตอบได้มากกว่า 1 ข้อ',
    required: true,
    choices: [
      { id: 'management', label: 'การบริหารจัดการ' },
      { id: 'it', label: 'คอมพิวเตอร์และเทคโนโลยีสารสนเทศ' },
      { id: 'regulations', label: 'กฎหมาย ระเบียบ และงานสารบรรณ (หนังสือราชการ)' },
      { id: 'finance', label: 'การเงิน การคลัง และการพัสดุ' },
      { id: 'other', label: 'ด้านอื่น ๆ' },
    ],
  },
  {
    id: 'otherTopics',
    type: 'multipleChoice',
    text: 'ด้านอื่น ๆ ที่ท่านต้องการพัฒนา',
    hint: 'ตอบได้มากกว่า 1 ข้อ',
    required: true,
    showIf: { questionId: 'categories', anyOf: ['other'] },
    choices: [
      { id: 'leadership', label: 'ภาวะผู้นำ' },
      { id: 'presentation', label: 'การนำเสนองาน' },
      { id: 'publicSpeaking', label: 'การพูดในที่สาธารณะ' },
      { id: 'otherText', label: 'อื่น ๆ (ระบุ)' },
    ],
  },
  {
    id: 'otherTopicText',
    type: 'shortText',
    text: 'โปรดระบุเรื่องที่ท่านต้องการพัฒนา',
    required: true,
    maxLength: 200,
    showIf: { questionId: 'otherTopics', anyOf: ['otherText'] },
  },
  {
    id: 'competencies',
    type: 'competencies',
    text: 'สมรรถนะที่ท่านต้องการพัฒนามากที่สุด',
    hint: 'เลือกได้ไม่เกิน 3 ข้อ',
    required: true,
    maxPicks: 3,
  },
  {
    id: 'methods',
    type: 'multipleChoice',
    text: 'วิธีการพัฒนาที่ท่านต้องการ',
    hint: 'เลือกได้ไม่เกิน 3 ข้อ',
    required: true,
    maxPicks: 3,
    choices: DEVELOPMENT_METHODS.map((m) => ({ id: m.id, label: m.label })),
  },
  {
    id: 'time',
    type: 'singleChoice',
    text: 'ช่วงเวลาที่ท่านสะดวกเข้ารับการพัฒนา',
    required: true,
    choices: [
      { id: 'officeHours', label: 'ในเวลาราชการ' },
      { id: 'afterHours', label: 'นอกเวลาราชการ' },
      { id: 'weekend', label: 'วันหยุดราชการ' },
      { id: 'online', label: 'ออนไลน์ (เรียนได้ทุกเวลา)' },
    ],
  },
  {
    id: 'suggestions',
    type: 'longText',
    text: 'ข้อเสนอแนะอื่น ๆ เกี่ยวกับการพัฒนาบุคลากร',
    required: false,
    maxLength: 1000,
  },
];

const likert = (id: string, text: string): SurveyQuestion => ({
  id,
  type: 'likert',
  text,
  required: true,
  labels: [...LIKERT_SATISFACTION],
});

const SATISFACTION: readonly SurveyQuestion[] = [
  likert('environment', 'ท่านพึงพอใจต่อสภาพแวดล้อมในการทำงานเพียงใด'),
  likert('tools', 'ท่านพึงพอใจต่อวัสดุ อุปกรณ์ และเครื่องมือในการทำงานเพียงใด'),
  likert('safety', 'ท่านพึงพอใจต่อความปลอดภัยในการทำงานเพียงใด'),
  likert('welfare', 'ท่านพึงพอใจต่อสวัสดิการที่ได้รับเพียงใด'),
  likert('communication', 'ท่านพึงพอใจต่อการสื่อสารภายในหน่วยงานเพียงใด'),
  likert('fairness', 'ท่านพึงพอใจต่อความเป็นธรรมในการมอบหมายงานและการประเมินผลเพียงใด'),
  likert('development', 'ท่านพึงพอใจต่อโอกาสในการพัฒนาตนเองและความก้าวหน้าเพียงใด'),
  likert('overall', 'โดยรวม ท่านพึงพอใจต่อการทำงานในเทศบาลเพียงใด'),
  {
    id: 'comments',
    type: 'longText',
    text: 'ข้อเสนอแนะเพื่อปรับปรุงการทำงาน (ไม่ต้องระบุชื่อ)',
    required: false,
    maxLength: 1000,
  },
];

/** The question whose answers of 4–5 count as satisfied with the fairness of administration. */
export const FAIRNESS_OVERALL_QUESTION = 'fairnessOverall';

const FAIRNESS: readonly SurveyQuestion[] = [
  likert('assignment', 'ท่านพึงพอใจต่อความเป็นธรรมในการมอบหมายงานเพียงใด'),
  likert('appraisal', 'ท่านพึงพอใจต่อความเป็นธรรมในการประเมินผลการปฏิบัติงานและการเลื่อนขั้นเงินเดือนเพียงใด'),
  likert('opportunity', 'ท่านพึงพอใจต่อความเป็นธรรมในการให้โอกาสพัฒนาตนเองและฝึกอบรมเพียงใด'),
  likert('transparency', 'ท่านพึงพอใจต่อความโปร่งใสและการเปิดเผยข้อมูลการบริหารงานบุคคลเพียงใด'),
  likert(FAIRNESS_OVERALL_QUESTION, 'โดยรวม ท่านพึงพอใจต่อความเป็นธรรมในการบริหารงานของเทศบาลเพียงใด'),
  {
    id: 'comments',
    type: 'longText',
    text: 'ข้อเสนอแนะเพื่อให้การบริหารงานเป็นธรรมยิ่งขึ้น (ไม่ต้องระบุชื่อ)',
    required: false,
    maxLength: 1000,
  },
];

const FIVE_S: readonly SurveyQuestion[] = [
  {
    id: 'photoBefore',
    type: 'photo',
    text: 'ส่งรูปพื้นที่ "ก่อน" ทำกิจกรรม 5ส',
    hint: 'ถ่ายให้เห็นทั้งพื้นที่ที่จะจัดระเบียบ',
    required: true,
    maxPhotos: 3,
  },
  {
    id: 'photoAfter',
    type: 'photo',
    text: 'ส่งรูปพื้นที่ "หลัง" ทำกิจกรรม 5ส',
    hint: 'ถ่ายมุมเดียวกับรูป "ก่อน" เพื่อเทียบกันได้',
    required: true,
    maxPhotos: 3,
  },
  {
    id: 'area',
    type: 'shortText',
    text: 'พื้นที่หรือจุดที่ท่านทำกิจกรรม 5ส',
    hint: 'เช่น ห้องเก็บเอกสารกองคลัง',
    required: false,
    maxLength: 100,
  },
  {
    id: 'satisfaction',
    type: 'likert',
    text: 'ท่านพึงพอใจต่อกิจกรรม 5ส ครั้งนี้เพียงใด',
    required: true,
    labels: [...LIKERT_AMOUNT],
  },
];

/** A new survey (status 'draft') from one of the templates; HR edits and opens it. */
export function surveyFromTemplate(kind: SurveyTemplateKind, o: SurveyTemplateOptions): SurveyDefinition {
  const common = {
    id: o.id,
    kind,
    fiscalYear: o.fiscalYear,
    audience: o.audience ?? {},
    opensOn: o.opensOn,
    closesOn: o.closesOn,
    status: 'draft',
    copiedFrom: `template:${kind}`,
  } as const;
  switch (kind) {
    case 'trainingNeeds':
      return {
        ...common,
        title: `แบบสำรวจความต้องการพัฒนา/ฝึกอบรม ปีงบประมาณ พ.ศ. ${o.fiscalYear}`,
        description: 'คำตอบของท่านใช้จัดทำแผนพัฒนาบุคลากรและแผนพัฒนารายบุคคล (IDP) ของปีงบประมาณ',
        anonymous: false,
        minGroupSize: 1,
        questions: TRAINING_NEEDS,
        reminders: { maxReminders: 2, everyWorkingDays: 3 },
      };
    case 'satisfaction':
      return {
        ...common,
        title: `แบบสำรวจความพึงพอใจในการปฏิบัติงาน ปีงบประมาณ พ.ศ. ${o.fiscalYear}`,
        description: 'ผลสำรวจใช้ปรับปรุงสภาพการทำงาน สวัสดิการ และการพัฒนาบุคลากร',
        anonymous: true,
        minGroupSize: 5,
        questions: SATISFACTION,
        reminders: { maxReminders: 2, everyWorkingDays: 3 },
      };
    case 'fairness':
      return {
        ...common,
        title: `แบบสำรวจความพึงพอใจต่อความเป็นธรรมในการบริหารงาน ปีงบประมาณ พ.ศ. ${o.fiscalYear}`,
        description:
          'ไม่ระบุตัวตน: ระบบเก็บเพียงกองและประเภทบุคลากร ผลใช้ประเมินตัวชี้วัดด้านคุณธรรมจริยธรรมและปรับปรุงการบริหารงานบุคคล',
        anonymous: true,
        minGroupSize: 5,
        questions: FAIRNESS,
        reminders: { maxReminders: 2, everyWorkingDays: 3 },
      };
    case 'fiveS': {
      const when = o.activity ? ` วันที่ ${formatThaiDate(o.activity.date)}` : '';
      return {
        ...common,
        title: `เช็กอินกิจกรรม 5ส${when}`,
        description: o.activity
          ? `กิจกรรม 5ส (สะสาง สะดวก สะอาด สุขลักษณะ สร้างนิสัย) พื้นที่ ${o.activity.area}: ส่งรูปก่อนและหลังทำกิจกรรม`
          : 'กิจกรรม 5ส (สะสาง สะดวก สะอาด สุขลักษณะ สร้างนิสัย): ส่งรูปก่อนและหลังทำกิจกรรม',
        anonymous: false,
        minGroupSize: 1,
        questions: FIVE_S,
        reminders: { maxReminders: 1, everyWorkingDays: 2 },
        ...(o.activity ? { activity: { date: o.activity.date, area: o.activity.area } } : {}),
      };
    }
  }
}
