import type { DashboardData } from '../kpi/indicators';
import type { EvidencePack } from './evidence-pack';

// ITA 038 from the dashboard's own figures: the staff-development plan's results of the year, one row
// per indicator plus the mandatory ethics training, each against its rule. No official description
// of item 038 could be checked, so the criterion is the plan's own wording and the pack says so.

export function planResultsPack(d: DashboardData): EvidencePack {
  const measured = d.indicators.filter((i) => i.met !== null);
  const metCount = measured.filter((i) => i.met).length;
  const ethics = d.ethicsTraining;
  const percentText = (v: number | null) => (v === null ? '–' : v);
  return {
    item: 'ita-038',
    title: `ITA ข้อ 038 ผลการดำเนินการตามแผนพัฒนาบุคลากร ปีงบประมาณ ${d.fiscalYear}`,
    criterion: 'รายงานผลการดำเนินการตามแผนพัฒนาบุคลากรประจำปี ตามตัวชี้วัดของแผน และการอบรมคุณธรรมจริยธรรม',
    // the ITA's item numbers change from year to year; its open-data questions on staff development
    // (OIT 2566 sub-indicator 9.4, as agencies publish it) ask for a report of the plan's progress
    basis:
      'ไม่พบคำอธิบายข้อ 038 ฉบับทางการที่ตรวจสอบได้ (เลขข้อของ ITA เปลี่ยนไปตามปี) จึงใช้ถ้อยคำและตัวชี้วัดตามแผนพัฒนาบุคลากรของเทศบาล ซึ่งสอดคล้องกับคำถาม OIT ปี 2566 ตัวชี้วัดย่อยที่ 9.4 ที่ขอรายงานผลการดำเนินการตามแผนการบริหารและพัฒนาทรัพยากรบุคคล',
    target: 'ตัวชี้วัดที่วัดได้ทุกตัวผ่านเป้าหมายตามเกณฑ์ของปี',
    result:
      measured.length === 0
        ? 'ยังไม่มีผลการพัฒนาในปีนี้'
        : `ผ่านเป้าหมาย ${metCount} จาก ${measured.length} ตัวชี้วัด ชั่วโมงอบรมรวม ${d.hours} ชั่วโมง อบรมจริยธรรม ${ethics.trained} จาก ${ethics.staff} คน`,
    met: measured.length > 0 && metCount === measured.length,
    headers: ['ลำดับ', 'ตัวชี้วัด', 'ผลงาน', 'ทั้งหมด', 'ร้อยละ', 'เป้าหมาย', 'ผลการประเมิน'],
    rows: [
      ...d.indicators.map((i, n) => [
        n + 1,
        i.label,
        i.numerator,
        i.denominator,
        percentText(i.value),
        i.ruleText,
        i.verdictText,
      ]),
      [
        d.indicators.length + 1,
        'บุคลากรได้รับการอบรมคุณธรรมจริยธรรม (ทุกระดับ)',
        ethics.trained,
        ethics.staff,
        percentText(ethics.percent),
        'ร้อยละ 100',
        ethics.staff > 0 && ethics.missing === 0 ? 'ผ่าน' : `ยังไม่ได้อบรม ${ethics.missing} คน`,
      ],
    ],
  };
}
