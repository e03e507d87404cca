import { bangkokDate, formatThaiDate } from '../text/thai-date';
import { MEETINGS_PER_YEAR, monthsWithMeetings, type PolicyMeeting } from './policy-meetings';

// An evidence pack for one assessment item: the criterion in the assessor's words, the target, the
// result and the rows behind it, the same for the XLSX download and the printable page.

export interface EvidencePack {
  readonly item: string;
  readonly title: string;
  readonly criterion: string;
  /** where the criterion's wording comes from, when it is not the assessor's own text */
  readonly basis?: string;
  readonly target: string;
  readonly result: string;
  readonly met: boolean;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export function meetingsPack(fiscalYear: number, meetings: readonly PolicyMeeting[]): EvidencePack {
  const months = monthsWithMeetings(meetings);
  const sorted = [...meetings].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    item: '1.13',
    title: `มาตรฐานการปฏิบัติราชการ ข้อ 1.13 การประชุมประจำเดือน ปีงบประมาณ ${fiscalYear}`,
    criterion: 'มีการประชุมเพื่อถ่ายทอดนโยบายและติดตามการปฏิบัติงานเป็นประจำทุกเดือน',
    target: `${MEETINGS_PER_YEAR} เดือนต่อปี`,
    result: `ประชุม ${meetings.length} ครั้ง ครอบคลุม ${months} เดือน`,
    met: months >= MEETINGS_PER_YEAR,
    headers: ['ลำดับ', 'วันที่ประชุม', 'วาระการประชุม', 'จำนวนผู้เข้าประชุม (คน)'],
    rows: sorted.map((m, i) => [i + 1, formatThaiDate(m.date), m.agenda, m.attendance]),
  };
}

/** The packs there are, by item id as the URLs name them. */
export const EVIDENCE_ITEMS = [
  { id: 'lpa-26', label: 'LPA ด้าน 2 ข้อ 26 การสำรวจความต้องการพัฒนา' },
  { id: 'lpa-27', label: 'LPA ด้าน 2 ข้อ 27 การรายงานผลการพัฒนา' },
  { id: '1.13', label: 'มาตรฐานข้อ 1.13 การประชุมประจำเดือน' },
  { id: '1.22', label: 'มาตรฐานข้อ 1.22 การทำงานเป็นทีม' },
  { id: '1.24', label: 'มาตรฐานข้อ 1.24 กิจกรรม 5ส และความพึงพอใจ' },
  { id: 'ita-038', label: 'ITA ข้อ 038 ผลการดำเนินการตามแผนพัฒนาบุคลากร' },
] as const;
export type EvidenceItemId = (typeof EVIDENCE_ITEMS)[number]['id'];
export const isEvidenceItemId = (v: unknown): v is EvidenceItemId => EVIDENCE_ITEMS.some((i) => i.id === v);

/** A survey as the packs list it. */
export interface SurveyEvidenceRow {
  readonly title: string;
  readonly kind: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly status: string;
  readonly responses: number;
}

const SURVEY_STATUS: Record<string, string> = { draft: 'ร่าง', open: 'เปิดรับคำตอบ', closed: 'ปิดแล้ว' };
const SURVEY_KIND: Record<string, string> = {
  trainingNeeds: 'ความต้องการฝึกอบรม',
  satisfaction: 'ความพึงพอใจ',
  fiveS: 'กิจกรรม 5ส',
  fairness: 'ความเป็นธรรม',
  custom: 'อื่น ๆ',
};

function surveyRows(rows: readonly SurveyEvidenceRow[]) {
  return [...rows]
    .sort((a, b) => (a.opensOn < b.opensOn ? -1 : a.opensOn > b.opensOn ? 1 : 0))
    .map((s, i) => [
      i + 1,
      s.title,
      SURVEY_KIND[s.kind] ?? s.kind,
      `${formatThaiDate(s.opensOn)} – ${formatThaiDate(s.closesOn)}`,
      SURVEY_STATUS[s.status] ?? s.status,
      s.responses,
    ]);
}
const SURVEY_HEADERS = ['ลำดับ', 'แบบสำรวจ', 'ประเภท', 'ช่วงเวลา', 'สถานะ', 'จำนวนผู้ตอบ (คน)'];

/** LPA ด้าน 2 ข้อ 26: the year's training-needs surveys, asked and answered. */
export function needsSurveyPack(fiscalYear: number, surveys: readonly SurveyEvidenceRow[]): EvidencePack {
  const asked = surveys.filter((s) => s.status !== 'draft');
  const answers = asked.reduce((n, s) => n + s.responses, 0);
  return {
    item: 'lpa-26',
    title: `LPA ด้านที่ 2 ข้อ 26 การสำรวจความต้องการในการพัฒนาบุคลากร ปีงบประมาณ ${fiscalYear}`,
    criterion: 'มีการสำรวจความต้องการในการพัฒนาของบุคลากรเพื่อนำมาจัดทำแผนพัฒนาบุคลากร',
    target: 'มีการสำรวจอย่างน้อย 1 ครั้งในปีงบประมาณ และมีผู้ตอบ',
    result: `สำรวจ ${asked.length} ครั้ง มีผู้ตอบรวม ${answers} คน`,
    met: asked.length > 0 && answers > 0,
    headers: SURVEY_HEADERS,
    rows: surveyRows(surveys),
  };
}

/** Standards 1.24: the year's 5ส activities and satisfaction surveys. */
export function fiveSPack(fiscalYear: number, surveys: readonly SurveyEvidenceRow[]): EvidencePack {
  const asked = surveys.filter((s) => s.status !== 'draft');
  const fiveS = asked.filter((s) => s.kind === 'fiveS').length;
  const satisfaction = asked.filter((s) => s.kind === 'satisfaction').length;
  return {
    item: '1.24',
    title: `มาตรฐานการปฏิบัติราชการ ข้อ 1.24 กิจกรรม 5ส คุณภาพชีวิตและความพึงพอใจ ปีงบประมาณ ${fiscalYear}`,
    criterion: 'มีการจัดกิจกรรม 5ส เพื่อคุณภาพชีวิตในการทำงาน และสำรวจความพึงพอใจของบุคลากร',
    target: 'มีกิจกรรม 5ส และการสำรวจความพึงพอใจอย่างน้อยอย่างละ 1 ครั้ง',
    result: `กิจกรรม 5ส ${fiveS} ครั้ง สำรวจความพึงพอใจ ${satisfaction} ครั้ง`,
    met: fiveS > 0 && satisfaction > 0,
    headers: SURVEY_HEADERS,
    rows: surveyRows(surveys),
  };
}

/** A training report as the LPA ข้อ 27 pack lists it. */
export interface ReportEvidenceRow {
  readonly employeeName: string;
  readonly trainingTitle: string;
  readonly endDate: string;
  readonly dueDate: string;
  readonly status: 'pending' | 'submitted' | 'returned' | 'approved';
  readonly firstSubmittedAt?: string;
}

const REPORT_STATUS = {
  pending: 'ยังไม่ส่ง',
  returned: 'ถูกส่งกลับให้แก้ไข',
  submitted: 'ส่งแล้ว รอการพิจารณา',
  approved: 'อนุมัติแล้ว',
} as const;

/** LPA ด้าน 2 ข้อ 27: everyone developed reports back; share of the year's reports submitted. */
export function reportsPack(fiscalYear: number, reports: readonly ReportEvidenceRow[]): EvidencePack {
  const sent = reports.filter((r) => r.status !== 'pending').length;
  const share = reports.length > 0 ? Math.round((sent / reports.length) * 1000) / 10 : null;
  return {
    item: 'lpa-27',
    title: `LPA ด้านที่ 2 ข้อ 27 การรายงานผลการพัฒนาบุคลากร ปีงบประมาณ ${fiscalYear}`,
    criterion: 'บุคลากรที่ได้รับการพัฒนารายงานผลการพัฒนาต่อผู้บังคับบัญชา',
    target: 'รายงานผลครบทุกคนที่ได้รับการพัฒนา (ร้อยละ 100)',
    result:
      share === null ? 'ยังไม่มีการพัฒนาในปีนี้' : `ส่งรายงาน ${sent} จาก ${reports.length} รายการ (ร้อยละ ${share})`,
    met: reports.length > 0 && sent === reports.length,
    headers: ['ลำดับ', 'ชื่อ-สกุล', 'การพัฒนา', 'วันสุดท้ายของการพัฒนา', 'กำหนดส่ง', 'สถานะ', 'ส่งครั้งแรกเมื่อ'],
    rows: [...reports]
      .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0))
      .map((r, i) => [
        i + 1,
        r.employeeName,
        r.trainingTitle,
        formatThaiDate(r.endDate),
        formatThaiDate(r.dueDate),
        REPORT_STATUS[r.status],
        r.firstSubmittedAt ? formatThaiDate(bangkokDate(new Date(r.firstSubmittedAt))) : '–',
      ]),
  };
}
