import type { Role } from '@phattana/shared';
import { indexStaffWrite } from '../../bot/src/owing/owing-writes';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import type { useSystem } from './system';

type System = ReturnType<typeof useSystem>;

export interface Person {
  employeeId: string;
  name: string;
  roles: Role[];
  supervisorId: string | null;
  divisionId?: string;
}

/**
 * A small supervisor chain for report tests: staff → division director → ปลัด → mayor, plus HR. Each is
 * a linked LINE user; returns their LINE user ids by employee id.
 */
export const CHAIN: Person[] = [
  { employeeId: 'R001', name: 'นายกเทศมนตรี ทดสอบ', roles: ['executive'], supervisorId: null },
  { employeeId: 'R002', name: 'ปลัดเทศบาล ทดสอบ', roles: ['supervisor', 'executive'], supervisorId: 'R001' },
  { employeeId: 'R009', name: 'ผู้อำนวยการกองคลัง ทดสอบ', roles: ['supervisor'], supervisorId: 'R002' },
  {
    employeeId: 'R010',
    name: 'นางสาวจิราพร ทดสอบ',
    roles: ['staff'],
    supervisorId: 'R009',
    divisionId: 'finance',
  },
  {
    employeeId: 'R011',
    name: 'นายอนุชา ทดสอบ',
    roles: ['staff'],
    supervisorId: 'R009',
    divisionId: 'finance',
  },
  { employeeId: 'R004', name: 'นางสาวปิยะนุช ฝ่ายบุคคล', roles: ['staff', 'hr'], supervisorId: 'R002' },
];

export async function seedChain(sys: System, people: Person[] = CHAIN): Promise<Record<string, string>> {
  const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
  await m.set(
    { id: DEMO_MUNICIPALITY_ID, name: 'เทศบาลตำบลทดสอบ', divisions: [], yearlyHoursTarget: 40 },
    { merge: true },
  );
  const users: Record<string, string> = {};
  for (const p of people) {
    users[p.employeeId] = await sys.linkedUser({ employeeId: p.employeeId, name: p.name, roles: p.roles });
    const ref = m.collection('employees').doc(p.employeeId);
    const place = { supervisorId: p.supervisorId, divisionId: p.divisionId ?? 'palad' };
    const batch = sys.fs.db.batch();
    batch.update(ref, place);
    indexStaffWrite(batch, ref, place); // the who-owes-what index, as every product write does
    await batch.commit();
  }
  return users;
}

export function municipality(sys: System) {
  return sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
}

/** 09:00 in Bangkok on that civil date. */
export const bangkokMorning = (iso: string, hour = 9) =>
  new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+07:00`);
