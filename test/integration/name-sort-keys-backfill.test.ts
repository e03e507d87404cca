import { nameSortKey } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import {
  backfillNameSortKeys,
  ensureNameSortKeys,
  NAME_SORT_KEYS_AT,
} from '../../bot/src/people/backfill-name-sort-keys';
import { loadTeamPage } from '../../bot/src/people/team-members';
import { useTestFirestore } from '../support/firestore';

// A deployment upgraded to the Thai sort key has staff records without it, and the team walk (ordered by
// the key) leaves those out. The backfill gives every record its key, in chunks, touches nothing else,
// and writes nothing the second time.

const fs = useTestFirestore();
const thai = new Intl.Collator('th');

const NAMES = [
  'นางสาวเกศินี ศรีสุข',
  'นายกมล ใจดี',
  'ขวัญใจ มีทรัพย์',
  'โกวิท แสงทอง',
  'แก้วตา บุญมา',
  'ไพโรจน์ ทองดี',
  'ใจดี พรหมมา',
  'เอกชัย ศรีวงศ์',
  'แสงเดือน ไชยวงศ์',
  'โสภา เจริญผล',
  'ใบบุญ รักษาศรี',
  'ไพลิน อินทร์แก้ว',
  'กมล ใจดี',
  'ก้อย ทองดี',
  'กอบกุล ศรีสุข',
  'เก่ง กล้าหาญ',
  'เก๋ มีสุข',
  'เฉลิม ชัยชนะ',
  'ฉวีวรรณ ศรีสุข',
  'เทพ ใจกล้า',
  'เมธี ปัญญาดี',
  'ธนพล ทองคำ',
];

describe('backfill of the Thai name sort key', () => {
  it('keys every staff record in chunks, once, and the team walk then lists them all in Thai order', async () => {
    const employees = fs.db.collection('municipalities').doc('backfill').collection('employees');
    const batch = fs.db.batch();
    NAMES.forEach((name, i) => {
      const id = `E${String(i).padStart(3, '0')}`;
      batch.set(employees.doc(id), {
        id,
        name,
        supervisorId: 'BOSS',
        active: true,
        roles: ['staff'],
        // one record already right, one with a key of an old name, the rest from before the keys
        ...(i === 0
          ? { nameSortKey: nameSortKey(name) }
          : i === 1
            ? { nameSortKey: nameSortKey('ชื่อเดิม') }
            : {}),
      });
    });
    // a record without a name still gets a key, so the lists show it
    batch.set(employees.doc('E999'), { id: 'E999', supervisorId: 'BOSS', active: true, roles: ['staff'] });
    await batch.commit();
    const boss = { employeeId: 'BOSS', name: 'หัวหน้า', roles: ['supervisor'] };
    const before = await loadTeamPage({ employees }, boss, 50, undefined);
    // only the two records that have a key at all
    expect(before.members.map((m) => m.employee.id).sort()).toEqual(['E000', 'E001']);

    const first = await backfillNameSortKeys(employees, 5);
    expect(first).toEqual({ read: NAMES.length + 1, written: NAMES.length });
    const docs = (await employees.get()).docs;
    for (const d of docs) expect(d.get('nameSortKey')).toBe(nameSortKey(d.get('name') ?? ''));
    // nothing else touched
    expect(docs.find((d) => d.id === 'E003')?.data()).toEqual({
      id: 'E003',
      name: NAMES[3],
      supervisorId: 'BOSS',
      active: true,
      roles: ['staff'],
      nameSortKey: nameSortKey(NAMES[3] as string),
    });

    expect(await backfillNameSortKeys(employees, 5)).toEqual({ read: NAMES.length + 1, written: 0 });

    const after = await loadTeamPage({ employees }, boss, 50, undefined);
    expect(after.members.map((m) => m.employee.name).filter((n) => n !== '')).toEqual(
      [...NAMES].sort(thai.compare),
    );
    expect(after.members).toHaveLength(NAMES.length + 1);
  });

  it('an upgraded municipality is keyed on its first team view, once, without anyone running a command', async () => {
    const municipality = fs.db.collection('municipalities').doc('upgraded');
    const employees = municipality.collection('employees');
    await municipality.set({ name: 'เทศบาลที่อัปเกรด' });
    const batch = fs.db.batch();
    NAMES.slice(0, 6).forEach((name, i) => {
      batch.set(employees.doc(`E${i}`), { id: `E${i}`, name, supervisorId: 'BOSS', active: true });
    });
    await batch.commit();
    await ensureNameSortKeys({ municipality, employees });
    expect((await municipality.get()).get(NAME_SORT_KEYS_AT)).toBeDefined();
    const boss = { employeeId: 'BOSS', name: 'หัวหน้า', roles: ['supervisor'] };
    const page = await loadTeamPage({ employees }, boss, 50, undefined);
    expect(page.members.map((m) => m.employee.name)).toEqual(NAMES.slice(0, 6).sort(thai.compare));
    // marked: a record written later without a key (not by the import) is not looked for again
    await employees.doc('E9').set({ id: 'E9', name: 'ก', supervisorId: 'BOSS', active: true });
    await ensureNameSortKeys({ municipality, employees });
    expect((await employees.doc('E9').get()).get('nameSortKey')).toBeUndefined();
  });
});
