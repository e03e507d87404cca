import { formatThaiDate } from '../text/thai-date';
import { MEETINGS_PER_YEAR, monthsWithMeetings, type PolicyMeeting } from './policy-meetings';

// An evidence pack for one assessment item: the criterion in the assessor's words, the target, the
// result and the rows behind it, the same for the XLSX download and the printable page.

export interface EvidencePack {
  readonly item: string;
  readonly title: string;
  readonly criterion: string;
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
