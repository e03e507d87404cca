// Demo seed only: government holidays around fiscal year 2569 so the demo calendar is realistic.
// HR edits holidays in the product; the verified multi-year data set belongs with the working-day
// calendar (shared/), not here.
export interface DemoHoliday {
  date: string;
  name: string;
  kind: 'public' | 'substitution' | 'special';
}

export const demoHolidays: DemoHoliday[] = [
  { date: '2025-10-13', name: 'วันนวมินทรมหาราช', kind: 'public' },
  { date: '2025-10-23', name: 'วันปิยมหาราช', kind: 'public' },
  { date: '2025-12-05', name: 'วันคล้ายวันพระบรมราชสมภพ ร.9 วันชาติ และวันพ่อแห่งชาติ', kind: 'public' },
  { date: '2025-12-10', name: 'วันรัฐธรรมนูญ', kind: 'public' },
  { date: '2025-12-31', name: 'วันสิ้นปี', kind: 'public' },
  { date: '2026-01-01', name: 'วันขึ้นปีใหม่', kind: 'public' },
  { date: '2026-03-03', name: 'วันมาฆบูชา', kind: 'public' },
  { date: '2026-04-06', name: 'วันจักรี', kind: 'public' },
  { date: '2026-04-13', name: 'วันสงกรานต์', kind: 'public' },
  { date: '2026-04-14', name: 'วันสงกรานต์', kind: 'public' },
  { date: '2026-04-15', name: 'วันสงกรานต์', kind: 'public' },
  { date: '2026-05-04', name: 'วันฉัตรมงคล', kind: 'public' },
  { date: '2026-05-31', name: 'วันวิสาขบูชา', kind: 'public' },
  { date: '2026-06-01', name: 'ชดเชยวันวิสาขบูชา', kind: 'substitution' },
  { date: '2026-06-03', name: 'วันเฉลิมพระชนมพรรษาสมเด็จพระราชินี', kind: 'public' },
  { date: '2026-07-28', name: 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', kind: 'public' },
  { date: '2026-07-29', name: 'วันอาสาฬหบูชา', kind: 'public' },
  { date: '2026-07-30', name: 'วันเข้าพรรษา', kind: 'public' },
  { date: '2026-08-12', name: 'วันแม่แห่งชาติ', kind: 'public' },
  { date: '2026-10-13', name: 'วันนวมินทรมหาราช', kind: 'public' },
  { date: '2026-10-23', name: 'วันปิยมหาราช', kind: 'public' },
  { date: '2026-12-05', name: 'วันพ่อแห่งชาติ', kind: 'public' },
  { date: '2026-12-07', name: 'ชดเชยวันพ่อแห่งชาติ', kind: 'substitution' },
  { date: '2026-12-10', name: 'วันรัฐธรรมนูญ', kind: 'public' },
  { date: '2026-12-31', name: 'วันสิ้นปี', kind: 'public' },
];
