import {
  addDays,
  createWorkingDayCalendar,
  type Division,
  type Employee,
  type Municipality,
  type Role,
  type StaffType,
  THAI_GOVERNMENT_HOLIDAYS,
} from '@phattana/shared';

// A made-up municipality for `npm start` and demos. Names are fictional.
export const DEMO_MUNICIPALITY_ID = 'demo';

const divisions: Division[] = [
  { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  { id: 'finance', name: 'กองคลัง' },
  { id: 'works', name: 'กองช่าง' },
  { id: 'education', name: 'กองการศึกษา' },
  { id: 'health', name: 'กองสาธารณสุขและสิ่งแวดล้อม' },
];

export const demoMunicipality: Municipality = {
  id: DEMO_MUNICIPALITY_ID,
  name: 'เทศบาลตำบลบ้านสาธิต',
  province: 'ขอนแก่น',
  divisions,
  yearlyHoursTarget: 40,
};

type Row = [
  code: string,
  name: string,
  division: string,
  position: string,
  staffType: StaffType,
  jobLine: string,
  supervisor: string | null,
  roles: Role[],
];

// code, name, division, position, staff type, job line, supervisor code, roles
const rows: Row[] = [
  ['E001', 'นายสมชาย ใจดี', 'palad', 'นายกเทศมนตรี', 'municipalEmployee', 'บริหารท้องถิ่น', null, ['executive']],
  [
    'E002',
    'นางสาววิไลวรรณ ศรีสุข',
    'palad',
    'ปลัดเทศบาล',
    'municipalEmployee',
    'บริหารท้องถิ่น',
    'E001',
    ['supervisor', 'executive'],
  ],
  [
    'E003',
    'นางกาญจนา มีทรัพย์',
    'palad',
    'หัวหน้าสำนักปลัดเทศบาล',
    'municipalEmployee',
    'บริหารงานทั่วไป',
    'E002',
    ['supervisor'],
  ],
  [
    'E004',
    'นางสาวปิยะนุช แก้วมณี',
    'palad',
    'นักทรัพยากรบุคคลชำนาญการ',
    'municipalEmployee',
    'ทรัพยากรบุคคล',
    'E003',
    ['staff', 'hr'],
  ],
  [
    'E005',
    'นายธนากร บุญมา',
    'palad',
    'นักวิเคราะห์นโยบายและแผน',
    'municipalEmployee',
    'วิเคราะห์นโยบายและแผน',
    'E003',
    ['staff'],
  ],
  ['E006', 'นางสาวอรอุมา ทองดี', 'palad', 'เจ้าพนักงานธุรการ', 'municipalEmployee', 'ธุรการ', 'E003', ['staff']],
  [
    'E007',
    'นายวีระ พรหมมา',
    'palad',
    'นักป้องกันและบรรเทาสาธารณภัย',
    'municipalEmployee',
    'ป้องกันและบรรเทาสาธารณภัย',
    'E003',
    ['staff'],
  ],
  ['E008', 'นายประเสริฐ ชัยมงคล', 'palad', 'พนักงานขับรถยนต์', 'contractEmployee', 'ขับรถยนต์', 'E003', ['staff']],
  [
    'E009',
    'นางสุภาพร เจริญผล',
    'finance',
    'ผู้อำนวยการกองคลัง',
    'municipalEmployee',
    'บริหารงานการคลัง',
    'E002',
    ['supervisor'],
  ],
  [
    'E010',
    'นางสาวจิราพร สายทอง',
    'finance',
    'นักวิชาการเงินและบัญชี',
    'municipalEmployee',
    'วิชาการเงินและบัญชี',
    'E009',
    ['staff'],
  ],
  [
    'E011',
    'นายอนุชา ศรีวงศ์',
    'finance',
    'นักวิชาการจัดเก็บรายได้',
    'municipalEmployee',
    'วิชาการจัดเก็บรายได้',
    'E009',
    ['staff'],
  ],
  ['E012', 'นางสาวพิมพ์ชนก ดวงแก้ว', 'finance', 'เจ้าพนักงานพัสดุ', 'municipalEmployee', 'พัสดุ', 'E009', ['staff']],
  [
    'E013',
    'นางรัตนา คำแสน',
    'finance',
    'เจ้าพนักงานการเงินและบัญชี',
    'municipalEmployee',
    'การเงินและบัญชี',
    'E009',
    ['staff'],
  ],
  [
    'E014',
    'นายสุรชัย วงศ์ใหญ่',
    'finance',
    'ผู้ช่วยเจ้าพนักงานจัดเก็บรายได้',
    'contractEmployee',
    'จัดเก็บรายได้',
    'E009',
    ['staff'],
  ],
  [
    'E015',
    'นายเกียรติศักดิ์ ทองสุข',
    'works',
    'ผู้อำนวยการกองช่าง',
    'municipalEmployee',
    'บริหารงานช่าง',
    'E002',
    ['supervisor'],
  ],
  ['E016', 'นายณัฐวุฒิ แสงทอง', 'works', 'นายช่างโยธา', 'municipalEmployee', 'ช่างโยธา', 'E015', ['staff']],
  ['E017', 'นายพงศกร สีดา', 'works', 'วิศวกรโยธา', 'municipalEmployee', 'วิศวกรรมโยธา', 'E015', ['staff']],
  ['E018', 'นายบุญเลิศ นาคสุข', 'works', 'นายช่างไฟฟ้า', 'municipalEmployee', 'ช่างไฟฟ้า', 'E015', ['staff']],
  ['E019', 'นายสมหมาย ดีเลิศ', 'works', 'คนงานประจำรถขยะ', 'permanentWorker', 'คนงาน', 'E015', ['staff']],
  ['E020', 'นายอุดม ภูมิใจ', 'works', 'ผู้ช่วยนายช่างโยธา', 'contractEmployee', 'ช่างโยธา', 'E015', ['staff']],
  [
    'E021',
    'นางวันเพ็ญ ศรีสวัสดิ์',
    'education',
    'ผู้อำนวยการกองการศึกษา',
    'municipalEmployee',
    'บริหารการศึกษา',
    'E002',
    ['supervisor'],
  ],
  [
    'E022',
    'นางสาวศิริพร ใจงาม',
    'education',
    'นักวิชาการศึกษา',
    'municipalEmployee',
    'วิชาการศึกษา',
    'E021',
    ['staff'],
  ],
  ['E023', 'นางมาลี จันทร์หอม', 'education', 'ครู คศ.2', 'teacher', 'ครู', 'E021', ['staff']],
  ['E024', 'นางสาวนภา รุ่งเรือง', 'education', 'ครู คศ.1', 'teacher', 'ครู', 'E021', ['staff']],
  ['E025', 'นางบุษบา พูลสวัสดิ์', 'education', 'ครูผู้ดูแลเด็ก', 'teacher', 'ครูผู้ดูแลเด็ก', 'E021', ['staff']],
  [
    'E026',
    'นายชาญชัย เพชรรัตน์',
    'health',
    'ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม',
    'municipalEmployee',
    'บริหารงานสาธารณสุข',
    'E002',
    ['supervisor'],
  ],
  [
    'E027',
    'นางสาวกมลชนก บัวทอง',
    'health',
    'นักวิชาการสาธารณสุข',
    'municipalEmployee',
    'วิชาการสาธารณสุข',
    'E026',
    ['staff'],
  ],
  [
    'E028',
    'นายศักดิ์ดา ทรัพย์มาก',
    'health',
    'นักวิชาการสุขาภิบาล',
    'municipalEmployee',
    'วิชาการสุขาภิบาล',
    'E026',
    ['staff'],
  ],
  ['E029', 'นางสาวลลิตา มั่นคง', 'health', 'พยาบาลวิชาชีพ', 'municipalEmployee', 'พยาบาลวิชาชีพ', 'E026', ['staff']],
  ['E030', 'นายไพโรจน์ อินทร์แก้ว', 'health', 'พนักงานขับรถขยะ', 'contractEmployee', 'ขับรถยนต์', 'E026', ['staff']],
];

/**
 * Demo invite codes, one per employee, stable across starts so a demo script can name them. Digits map
 * onto the invite alphabet (which has no 0 or 1).
 */
export function demoInviteCode(code: string): string {
  const digits = code.slice(1).padStart(3, '0');
  return `DM${[...digits].map((d) => '23456789AB'[Number(d)]).join('')}PTN`;
}

/** A fictional birth date per demo employee, for linking with employee code + birth date. */
export function demoBirthDate(code: string): string {
  const n = Number(code.slice(1));
  return `${1970 + (n % 30)}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
}

/** Demo LINE user ids: stable, LINE-shaped (U + 32 hex), so the simulator can act as these people. */
export function demoLineUserId(code: string): string {
  const n = Number(code.slice(1));
  return `U${n.toString(16).padStart(4, '0')}${'d'.repeat(28)}`;
}

export const demoEmployees: Employee[] = rows.map(
  ([code, name, divisionId, position, staffType, jobLine, supervisor, roles]) => ({
    id: code,
    municipalityId: DEMO_MUNICIPALITY_ID,
    code,
    name,
    divisionId,
    position,
    staffType,
    jobLine,
    supervisorId: supervisor,
    roles,
    active: true,
  }),
);

export interface DemoTraining {
  id: string;
  title: string;
  organiser: string;
  method: string;
  startDate: string;
  endDate: string;
  hours: number;
  attendees: string[];
}

// Fiscal year 2569 (Oct 2025 – Sep 2026) and the current FY2570.
export const demoTrainings: DemoTraining[] = [
  {
    id: 'T2569-01',
    title: 'ปฐมนิเทศพนักงานใหม่',
    organiser: 'เทศบาลตำบลบ้านสาธิต',
    method: 'orientation',
    startDate: '2025-11-03',
    endDate: '2025-11-04',
    hours: 12,
    attendees: ['E020', 'E030'],
  },
  {
    id: 'T2569-02',
    title: 'การเขียนหนังสือราชการและงานสารบรรณ',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'training',
    startDate: '2026-01-19',
    endDate: '2026-01-21',
    hours: 18,
    attendees: ['E006', 'E012', 'E013', 'E022'],
  },
  {
    id: 'T2569-03',
    title: 'ระเบียบพัสดุและการจัดซื้อจัดจ้างภาครัฐ',
    organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
    method: 'seminar',
    startDate: '2026-03-09',
    endDate: '2026-03-11',
    hours: 18,
    attendees: ['E009', 'E012', 'E016'],
  },
  {
    id: 'T2569-04',
    title: 'ทักษะดิจิทัลสำหรับบุคลากรท้องถิ่น (Local MOOC)',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'eLearning',
    startDate: '2026-05-01',
    endDate: '2026-06-30',
    hours: 10,
    attendees: ['E004', 'E005', 'E010', 'E011', 'E027'],
  },
  {
    id: 'T2570-01',
    title: 'ศึกษาดูงานการจัดการขยะชุมชน',
    organiser: 'เทศบาลตำบลบ้านสาธิต',
    method: 'studyVisit',
    startDate: '2026-11-16',
    endDate: '2026-11-18',
    hours: 21,
    attendees: ['E026', 'E027', 'E028', 'E019'],
  },
];

/**
 * A course that ended on the last working day before the seed day (two working days long), so that
 * `npm start` shows the report cycle at once on any day: its attendees' reports are open from the start
 * and "⏰ งานเช้า" on a working day tells them.
 */
export function demoRecentTraining(today: string): DemoTraining {
  const calendar = createWorkingDayCalendar(THAI_GOVERNMENT_HOLIDAYS.map((h) => h.date));
  const workingDayBefore = (date: string) => {
    let d = addDays(date, -1);
    while (!calendar.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  };
  const endDate = workingDayBefore(today);
  return {
    id: `T-RECENT-${today}`,
    title: 'การใช้ระบบสารบรรณอิเล็กทรอนิกส์และลายมือชื่อดิจิทัล',
    organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
    method: 'training',
    startDate: workingDayBefore(endDate),
    endDate,
    hours: 12,
    attendees: ['E010', 'E011', 'E004', 'E006'],
  };
}

/** A course in HR's catalogue two weeks ahead, nobody on it yet: what "ขอไปอบรม" offers in the demo. */
export function demoUpcomingTraining(today: string): DemoTraining {
  const startDate = addDays(today, 14);
  return {
    id: `T-UPCOMING-${today}`,
    title: 'การจัดทำแผนพัฒนาท้องถิ่น',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'training',
    startDate,
    endDate: addDays(startDate, 1),
    hours: 12,
    attendees: [],
  };
}
