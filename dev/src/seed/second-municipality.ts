import type { Division, Employee, Role, StaffType } from '@phattana/shared';

// A second, smaller made-up municipality in the same deployment, so `npm start` shows tenancy: its own
// settings (a 24-hour target, sign-off stopping at the ปลัด, a minimum group of 3, its own privacy
// contact), its own holiday on top of the national list, and employee codes that repeat the demo's
// (E001…E006 are other people here). Names are fictional.
export const SECOND_MUNICIPALITY_ID = 'nongnamsai';

const divisions: Division[] = [
  { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  { id: 'works', name: 'กองช่าง' },
];

export const secondMunicipality = {
  id: SECOND_MUNICIPALITY_ID,
  name: 'เทศบาลตำบลหนองน้ำใส',
  province: 'ขอนแก่น',
  divisions,
  yearlyHoursTarget: 24,
  approvalChain: { stopAtRole: 'executive' },
  surveyDefaults: { minGroupSize: 3 },
  privacyContact: 'งานบริหารงานบุคคล เทศบาลตำบลหนองน้ำใส โทร 043-111-222',
};

/** The municipality's own day off (its yearly merit-making festival), on top of the national list. */
export const secondMunicipalityHolidays = [
  { date: '2026-12-18', name: 'วันงานบุญประจำปีเทศบาลตำบลหนองน้ำใส', kind: 'special' as const },
];

type Row = [
  code: string,
  name: string,
  division: string,
  position: string,
  supervisor: string | null,
  roles: Role[],
];

const rows: Row[] = [
  ['E001', 'นายประเสริฐ หนองใส', 'palad', 'นายกเทศมนตรี', null, ['executive']],
  ['E002', 'นางรัตนา บุญเรือง', 'palad', 'ปลัดเทศบาล', 'E001', ['supervisor', 'executive']],
  ['E003', 'นางสาวอรทัย คำมูล', 'palad', 'นักทรัพยากรบุคคล', 'E002', ['staff', 'hr']],
  ['E004', 'นายวีระพงษ์ ศรีบุญ', 'works', 'ผู้อำนวยการกองช่าง', 'E002', ['supervisor']],
  ['E005', 'นายอนุชา ทองดี', 'works', 'นายช่างโยธา', 'E004', ['staff']],
  ['E006', 'นางสาวสุดารัตน์ พรมมา', 'palad', 'เจ้าพนักงานธุรการ', 'E002', ['staff']],
];

export const secondEmployees: Employee[] = rows.map(
  ([code, name, divisionId, position, supervisor, roles]) => ({
    id: code,
    municipalityId: SECOND_MUNICIPALITY_ID,
    code,
    name,
    divisionId,
    position,
    staffType: 'municipalEmployee' as StaffType,
    jobLine: position,
    supervisorId: supervisor,
    roles,
    active: true,
  }),
);

/** Invite codes of the second municipality ("NS…"), stable across starts; no 0, 1, O, I or L. */
export function secondInviteCode(code: string): string {
  const digits = code.slice(1).padStart(3, '0');
  return `NS${[...digits].map((d) => '23456789AB'[Number(d)]).join('')}KKN`;
}

/** A fictional birth date, other than the demo's person with the same code. */
export function secondBirthDate(code: string): string {
  const n = Number(code.slice(1));
  return `${1980 + n}-0${(n % 9) + 1}-1${n % 10}`;
}

/** LINE user ids the simulator can act as (U + 32 hex), apart from the demo's. */
export function secondLineUserId(code: string): string {
  const n = Number(code.slice(1));
  return `U${n.toString(16).padStart(4, '0')}${'e'.repeat(28)}`;
}

/** The province office that follows both municipalities, and its one demo officer. */
export const DEMO_REGION_ID = 'khonkaen';
export const demoRegion = {
  name: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
  municipalityIds: ['demo', SECOND_MUNICIPALITY_ID],
};
export const demoRegionalOfficer = {
  userId: `U0001${'f'.repeat(28)}`,
  name: 'นางสาวจันทร์เพ็ญ ส่งเสริม (สถ.จ.ขอนแก่น)',
};
