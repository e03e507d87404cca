import { formatThaiFullDate } from '../format-date';
import { Link } from '../router';
import type { PageProps } from '../routes';

const SHORTCUTS = [
  { href: '/reports', title: 'รายงานผลการอบรม', description: 'เขียนรายงานหลังกลับจากการอบรม' },
  { href: '/hours', title: 'ชั่วโมงอบรมของฉัน', description: 'ดูชั่วโมงอบรมที่บันทึกไว้' },
  { href: '/idp', title: 'แผนพัฒนาของฉัน', description: 'แผนพัฒนารายบุคคล (IDP)' },
  { href: '/hr', title: 'แดชบอร์ด HR', description: 'ภาพรวมการพัฒนาบุคลากร' },
] as const;

export function HomePage(_props: PageProps) {
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
    </>
  );
}
