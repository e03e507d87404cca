import type { MeView } from '../../../shared/src/idp/idp-api-contract';
import { formatThaiFullDate } from '../format-date';
import { Link } from '../router';
import type { PageProps } from '../routes';
import { useAsync } from '../use-async';

const SHORTCUTS = [
  { href: '/reports', title: 'รายงานผลการอบรม', description: 'เขียนรายงานหลังกลับจากการอบรม' },
  { href: '/hours', title: 'ชั่วโมงอบรมของฉัน', description: 'ดูชั่วโมงอบรมที่บันทึกไว้' },
  { href: '/idp', title: 'แผนพัฒนาของฉัน', description: 'แผนพัฒนารายบุคคล (IDP)' },
  { href: '/hr', title: 'แดชบอร์ด HR', description: 'ภาพรวมการพัฒนาบุคลากร' },
] as const;

/** HR's tools; the API refuses anyone without the HR role, in Thai. */
const HR_TOOLS = [
  { href: '/hr/late', title: 'ผู้ค้างส่งรายงาน', description: 'รายชื่อผู้ค้างส่งและส่งแจ้งเตือน' },
  { href: '/hr/trainings', title: 'จัดการการอบรม', description: 'เพิ่มและแก้ไขการอบรมของปีงบประมาณ' },
  { href: '/hr/employees', title: 'นำเข้ารายชื่อพนักงาน', description: 'ไฟล์ CSV หรือ Excel' },
  { href: '/hr/holidays', title: 'วันหยุดราชการ', description: 'วันหยุดที่ใช้นับวันทำการ' },
  { href: '/hr/surveys', title: 'แบบสำรวจ', description: 'อัตราการตอบ ผลสำรวจ และประกาศกิจกรรม 5ส' },
  { href: '/hr/settings', title: 'ตั้งค่าระบบ', description: 'เป้าหมายชั่วโมง สายอนุมัติ แบบสำรวจ' },
] as const;

export function HomePage({ api }: PageProps) {
  return (
    <>
      <p class="lead">วันนี้ {formatThaiFullDate(new Date())}</p>
      <nav aria-label="ทางลัด">
        <ul class="card-list">
          {SHORTCUTS.map((item) => (
            <li key={item.href}>
              <Link href={item.href} class="card">
                <span class="card-title">{item.title}</span>
                <span class="card-description">{item.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <TeamShortcut api={api} />
      <nav aria-labelledby="hr-tools-title">
        <h2 id="hr-tools-title">สำหรับฝ่ายบุคคล</h2>
        <ul class="card-list">
          {HR_TOOLS.map((item) => (
            <li key={item.href}>
              <Link href={item.href} class="card">
                <span class="card-title">{item.title}</span>
                <span class="card-description">{item.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

/** "ทีมของฉัน" for people someone reports to (the API says who); nothing while loading or on failure. */
function TeamShortcut({ api }: Pick<PageProps, 'api'>) {
  const me = useAsync(() => api.getJson<MeView>('me'));
  if (me.status !== 'ready' || !me.value.hasTeam) return null;
  return (
    <nav aria-label="สำหรับหัวหน้างาน">
      <ul class="card-list">
        <li>
          <Link href="/team" class="card">
            <span class="card-title">ทีมของฉัน</span>
            <span class="card-description">แผนพัฒนา ชั่วโมงอบรม และรายงานที่รอท่านพิจารณา</span>
          </Link>
        </li>
      </ul>
    </nav>
  );
}
