// The PDPA privacy notice (ประกาศความเป็นส่วนตัว) the bot shows before it stores anything about a
// person. The text is versioned: changing a word means a new version, and everyone is asked again,
// because a recorded decision only covers the text that was actually shown.

import { formatThaiDate } from '../text/thai-date';

export interface PrivacyNoticeParams {
  /** e.g. 'เทศบาลตำบลบ้านสาธิต' */
  readonly municipalityName: string;
  /** years records are kept after someone leaves, as the municipality decides */
  readonly retentionYears: number;
  /** who to ask: the municipality's DPO or HR, with a phone number or e-mail */
  readonly contact: string;
}

export interface PrivacyNoticeSection {
  readonly heading: string;
  readonly body: (m: PrivacyNoticeParams) => string;
}

/** LINE refuses a text message longer than this many UTF-16 code units. */
export const LINE_TEXT_MESSAGE_LIMIT = 5000;

export const PRIVACY_NOTICE = {
  version: '2026-11-01',
  title: (m: PrivacyNoticeParams) => `ประกาศความเป็นส่วนตัว ระบบพัฒนาบุคลากร "พัฒนา" ของ${m.municipalityName}`,
  sections: [
    {
      heading: 'ข้อมูลที่เก็บ',
      body: () =>
        [
          '• รหัสผู้ใช้ LINE (LINE user ID) และชื่อที่แสดงใน LINE',
          '• การเชื่อมบัญชี LINE กับข้อมูลพนักงานของท่าน (รหัสพนักงาน ชื่อ-สกุล ตำแหน่ง สังกัด)',
          '• คำตอบแบบสำรวจ รายงานผลการฝึกอบรม ชั่วโมงการพัฒนา และการอนุมัติที่ทำผ่านระบบ',
        ].join('\n'),
    },
    {
      heading: 'วัตถุประสงค์และฐานทางกฎหมาย',
      body: (m) =>
        `${m.municipalityName}ใช้ข้อมูลเพื่อดำเนินการตามแผนพัฒนาบุคลากร ได้แก่ สำรวจความต้องการฝึกอบรม ` +
        'ติดตามรายงานผลการฝึกอบรม ให้ผู้บังคับบัญชาอนุมัติ และจัดทำตัวชี้วัดของแผน ' +
        'ซึ่งเป็นหน้าที่ตามกฎหมายและภารกิจเพื่อประโยชน์สาธารณะของเทศบาล ' +
        '(พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24 (4) และ (6)) ' +
        'ไม่ใช้เพื่อการโฆษณาหรือขายให้ผู้อื่น',
    },
    {
      heading: 'ผู้ที่เห็นข้อมูล',
      body: () =>
        'ผู้บังคับบัญชาตามสายงาน ฝ่ายบุคคล และผู้บริหารของเทศบาล เท่าที่จำเป็นต่อหน้าที่ ' +
        'หน่วยงานของรัฐเมื่อกฎหมายกำหนด และผู้ให้บริการระบบที่ประมวลผลแทนเทศบาล ' +
        '(LINE และผู้ให้บริการคลาวด์ ซึ่งอาจเก็บข้อมูลนอกประเทศไทยภายใต้มาตรการคุ้มครองที่เหมาะสม)',
    },
    {
      heading: 'ระยะเวลาเก็บ',
      body: (m) =>
        `ตลอดระยะเวลาที่ท่านปฏิบัติงานกับ${m.municipalityName} และอีก ${m.retentionYears} ปีหลังพ้นจากตำแหน่ง ` +
        'จากนั้นจะลบหรือทำให้ไม่สามารถระบุตัวตนได้ ' +
        'ส่วนประวัติการฝึกอบรมและพัฒนาเป็นเอกสารราชการ จะเก็บรักษาตามระเบียบงานสารบรรณและระเบียบที่เกี่ยวข้อง',
    },
    {
      heading: 'สิทธิของท่าน',
      body: () =>
        'ท่านขอเข้าถึงและขอรับสำเนาข้อมูล ขอแก้ไขให้ถูกต้อง ขอลบ ขอระงับการใช้ หรือคัดค้านการใช้ข้อมูลได้ ' +
        'เท่าที่กฎหมายอนุญาต ยกเลิกการเชื่อมบัญชี LINE ได้ทุกเมื่อ ' +
        'และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (สคส.) ได้ ' +
        'หากไม่ยินยอมให้เก็บข้อมูลผ่าน LINE ท่านยังส่งแบบสำรวจและรายงานกับฝ่ายบุคคลได้ตามช่องทางเดิม',
    },
    {
      heading: 'ติดต่อ',
      body: (m) => `เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล/ฝ่ายบุคคล ${m.municipalityName}: ${m.contact}`,
    },
  ] satisfies readonly PrivacyNoticeSection[],
} as const;

export type PrivacyNoticeVersion = typeof PRIVACY_NOTICE.version;

/** The whole notice as one LINE text message. Throws when the parameters would push it past LINE's limit. */
export function privacyNoticeText(m: PrivacyNoticeParams): string {
  if (!Number.isInteger(m.retentionYears) || m.retentionYears < 1)
    throw new RangeError(`retentionYears must be a whole number of years, got ${m.retentionYears}`);
  const params = { ...m, municipalityName: m.municipalityName.trim(), contact: m.contact.trim() };
  const text = [
    PRIVACY_NOTICE.title(params),
    `(ฉบับลงวันที่ ${formatThaiDate(PRIVACY_NOTICE.version)})`,
    ...PRIVACY_NOTICE.sections.map((s, i) => `${i + 1}. ${s.heading}\n${s.body(params)}`),
  ].join('\n\n');
  if (text.length > LINE_TEXT_MESSAGE_LIMIT)
    throw new RangeError(
      `privacy notice is ${text.length} UTF-16 units, over LINE's ${LINE_TEXT_MESSAGE_LIMIT}`,
    );
  return text;
}

export type ConsentDecision = 'granted' | 'declined';

/** What we keep as evidence of what someone was shown and what they chose. */
export interface ConsentRecord {
  readonly version: string;
  readonly decision: ConsentDecision;
  /** ISO datetime of the decision */
  readonly at: string;
  readonly channel: 'line';
}

export function consentRecord(
  decision: ConsentDecision,
  now: Date,
  version: string = PRIVACY_NOTICE.version,
): ConsentRecord {
  return { version, decision, at: now.toISOString(), channel: 'line' };
}

/**
 * Whether the notice must be shown (again) before storing personal data: nothing recorded, a decision
 * on another version of the text, or a refusal.
 */
export function needsConsent(
  record: ConsentRecord | undefined,
  currentVersion: string = PRIVACY_NOTICE.version,
): boolean {
  return !(record && record.version === currentVersion && record.decision === 'granted');
}
