import type { MeView } from '../../../shared/src/idp/idp-api-contract';
import { formatThaiFullDate } from '../format-date';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { useAsync } from '../use-async';

interface CardLink {
  readonly href: string;
  readonly title: string;
  readonly description: string;
}

const SHORTCUTS = [
  { href: '/requests', title: 'คำขอไปอบรม', description: 'ขออนุมัติไปอบรมและติดตามคำขอ' },
  { href: '/reports', title: 'รายงานผลการอบรม', description: 'เขียนรายงานหลังกลับจากการอบรม' },
  { href: '/hours', title: 'ชั่วโมงอบรมของฉัน', description: 'ดูชั่วโมงอบรมที่บันทึกไว้' },
  { href: '/idp', title: 'แผนพัฒนาของฉัน', description: 'แผนพัฒนารายบุคคล (IDP)' },
  { href: '/library', title: 'คลังความรู้', description: 'สิ่งที่เพื่อนร่วมงานได้เรียนรู้จากการอบรม' },
] as const;

const DASHBOARD: CardLink = { href: '/hr', title: 'แดชบอร์ด HR', description: 'ภาพรวมการพัฒนาบุคลากร' };

/** HR's tools. Shown to HR only; the API checks the role again on every request. */
const HR_TOOLS = [
  { href: '/hr/late', title: 'ผู้ค้างส่งรายงาน', description: 'รายชื่อผู้ค้างส่งและส่งแจ้งเตือน' },
  { href: '/hr/trainings', title: 'จัดการการอบรม', description: 'เพิ่มและแก้ไขการอบรมของปีงบประมาณ' },
  {
    href: '/hr/employees',
    title: 'นำเข้ารายชื่อพนักงาน',
    description: 'ไฟล์ CSV หรือ Excel พร้อมแบบฟอร์มให้ดาวน์โหลด',
  },
  { href: '/hr/invites', title: 'รหัสเชิญเข้าใช้งาน', description: 'ออกรหัสเชิญและพิมพ์ใบรหัสรายกอง' },
  { href: '/hr/holidays', title: 'วันหยุดราชการ', description: 'วันหยุดที่ใช้นับวันทำการ' },
  { href: '/hr/surveys', title: 'แบบสำรวจ', description: 'อัตราการตอบ ผลสำรวจ และประกาศกิจกรรม 5ส' },
  { href: '/hr/ethics', title: 'แบบทดสอบจริยธรรม', description: 'คลังคำถาม สุ่มกลุ่มตัวอย่าง และผลการทดสอบ' },
  {
    href: '/hr/evidence',
    title: 'หลักฐานการประเมิน',
    description: 'การประชุมประจำเดือน (มาตรฐานข้อ 1.13) ดาวน์โหลดและพิมพ์',
  },
  { href: '/hr/settings', title: 'ตั้งค่าระบบ', description: 'เป้าหมายชั่วโมง สายอนุมัติ แบบสำรวจ' },
  {
    href: '/hr/archive',
    title: 'หลักฐานสำหรับการประเมิน',
    description: 'เส้นทางคำขอไปอบรมและรายงาน รายบุคคลหรือทั้งปี (XLSX/PDF)',
  },
] as const;

const TEAM: CardLink = {
  href: '/team',
  title: 'ทีมของฉัน',
  description: 'แผนพัฒนา ชั่วโมงอบรม และรายงานที่รอท่านพิจารณา',
};

export function HomePage({ api }: PageProps) {
  // what the person's roles open, from the server; everyone's own shortcuts show at once
  const me = useAsync(() => api.getJson<MeView>('me'));
  const who = me.status === 'ready' ? me.value : undefined;
  const roles: readonly string[] = who?.roles ?? [];
  const sees = {
    team: who?.hasTeam === true,
    dashboard: roles.includes('hr') || roles.includes('executive'),
    hrTools: roles.includes('hr'),
  };
  return (
    <>
      <p class="lead">วันนี้ {formatThaiFullDate(new Date())}</p>
      <nav aria-label="ทางลัด">
        <CardLinks items={SHORTCUTS} />
      </nav>
      {sees.team ? (
        <nav aria-label="สำหรับหัวหน้างาน">
          <CardLinks items={[TEAM]} />
        </nav>
      ) : null}
      {sees.dashboard || sees.hrTools ? (
        <nav aria-labelledby="hr-tools-title">
          <h2 id="hr-tools-title">{sees.hrTools ? 'สำหรับฝ่ายบุคคล' : 'สำหรับผู้บริหาร'}</h2>
          <CardLinks items={sees.hrTools ? [DASHBOARD, ...HR_TOOLS] : [DASHBOARD]} />
        </nav>
      ) : null}
    </>
  );
}

/** Links as the home page’s cards: the same list markup for every group of shortcuts. */
function CardLinks({ items }: { readonly items: readonly CardLink[] }) {
  return (
    <ul class="card-list">
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} class="card">
            <span class="card-title">{item.title}</span>
            <span class="card-description">{item.description}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
