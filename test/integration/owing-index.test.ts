import { createWorkingDayCalendar, owingShard } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { owingDrift, readOwingIndex, rebuildOwingIndex } from '../../bot/src/owing/owing-index-store';
import { createFirestoreEmployeeDirectory } from '../../bot/src/people/firestore-employee-directory';
import { importEmployees } from '../../bot/src/people/import-employees';
import { unlinkEmployee } from '../../bot/src/people/invites';
import { enforceRetention } from '../../bot/src/people/retention';
import { decideReport } from '../../bot/src/reports/decide-report';
import { recomputeOpenDueDates } from '../../bot/src/reports/recompute-due-dates';
import { silentLogger } from '../../bot/src/runtime/logger';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The who-owes-what index against the records it mirrors, in the real emulator: after every step of a
// scripted series through the product's own write paths (an import, reports opened by the morning job,
// a report filed in chat, a decision, an unfollow, a due-date recompute, an unlink, someone leaving and
// the retention job), a full scan of the staff records and open reports must say exactly what the index
// says.

let now = bangkokMorning('2026-12-04');
const sys = useSystem({ clock: () => now });
const PEPPER = 'test-pepper-not-a-secret';

const HEADER = [
  'รหัสพนักงาน',
  'ชื่อ-สกุล',
  'กอง/สำนัก',
  'ตำแหน่ง',
  'ประเภทบุคลากร',
  'สายงาน',
  'รหัสผู้บังคับบัญชา',
  'บทบาท',
  'สถานะ',
  'วันเกิด',
];
const row = (code: string, name: string, division: string, status = 'ปฏิบัติงาน') => [
  code,
  name,
  division,
  'เจ้าพนักงาน',
  'พนักงานเทศบาล',
  'การคลัง',
  'R009',
  '',
  status,
  '1/2/2530',
];
const csv = (rows: string[][]) =>
  new TextEncoder().encode(
    `${[HEADER, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`,
  );

async function runImport(rows: string[][]) {
  const m = municipality(sys);
  const result = await importEmployees({
    bytes: csv(rows),
    filename: 'staff.csv',
    municipalityId: m.id,
    directory: createFirestoreEmployeeDirectory(sys.fs.db, {
      municipality: m,
      employees: m.collection('employees'),
    }),
    pepper: PEPPER,
    now,
  });
  expect(result.errors).toEqual([]);
}

async function fileReport(user: string) {
  await sys.tap(user, 'เขียนรายงาน');
  await sys.tap(user, 'ใช่');
  await sys.text(user, 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด');
  await sys.text(user, 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ');
  await sys.tap(user, 'เล่าในประชุมประจำเดือน');
  await sys.tap(user, 'ไม่มี');
  await sys.tap(user, '5 มากที่สุด');
  await sys.tap(user, 'ข้าม');
  await sys.tap(user, 'ส่งรายงาน');
}

const owedIds = async () => (await readOwingIndex(municipality(sys))).reports.map((r) => r.id).sort();

describe('who-owes-what index', () => {
  it('stays equal to a full scan of the records after a scripted series of operations', async () => {
    const users = await seedChain(sys);
    const m = municipality(sys);
    await m.set(
      {
        divisions: [
          { id: 'palad', name: 'สำนักปลัดเทศบาล' },
          { id: 'finance', name: 'กองคลัง' },
          { id: 'works', name: 'กองช่าง' },
        ],
      },
      { merge: true },
    );
    const { bot } = await sys.start();

    // a deployment from before the index: the rebuild makes it, and a second run changes nothing
    // (the test helpers write index lines as the product does: dropped, as if written before it existed)
    await Promise.all((await m.collection('owing').get()).docs.map((d) => d.ref.delete()));
    expect(await owingDrift(m)).not.toEqual([]);
    const first = await rebuildOwingIndex(m, { pageSize: 2, shardsPerBatch: 5 });
    expect(first.people).toBe(6);
    const shards = (await m.collection('owing').get()).docs.map((d) => [d.id, d.data().people]);
    await rebuildOwingIndex(m);
    expect((await m.collection('owing').get()).docs.map((d) => [d.id, d.data().people])).toEqual(shards);
    expect(await owingDrift(m)).toEqual([]);

    // the staff import: someone new, someone moved to another division
    await runImport([row('R020', 'นายใหม่ นำเข้า', 'กองคลัง'), row('R011', 'นายอนุชา ทดสอบ', 'กองช่าง')]);
    expect(await owingDrift(m)).toEqual([]);

    // the morning job opens three reports in one transaction
    await m
      .collection('trainings')
      .doc('TC1')
      .set({
        title: 'การเขียนหนังสือราชการ',
        organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
        method: 'training',
        curriculum: 'duties',
        startDate: '2026-12-01',
        endDate: '2026-12-03',
        hours: 18,
        attendees: ['R010', 'R011', 'R020'],
      });
    await bot.runDailyJobs(now);
    expect(await owedIds()).toEqual(['TC1__R010', 'TC1__R011', 'TC1__R020']);
    expect(await owingDrift(m)).toEqual([]);

    // filed in chat: no longer owed
    await fileReport(users.R010 as string);
    expect(textsOf(sys.botMessages(users.R010 as string)).at(-1)).toContain('ผู้อำนวยการกองคลัง ทดสอบ');
    expect(await owedIds()).toEqual(['TC1__R011', 'TC1__R020']);
    expect(await owingDrift(m)).toEqual([]);

    // sent back by the director: owed again
    const decided = await decideReport(sys.fs.db, municipalityCollections(m), {
      reportId: 'TC1__R010',
      by: 'R009',
      decision: 'return',
      comment: 'กรุณาเพิ่มรายละเอียดการนำไปใช้',
      now,
    });
    expect(decided.kind).toBe('decided');
    expect(await owedIds()).toEqual(['TC1__R010', 'TC1__R011', 'TC1__R020']);
    expect(await owingDrift(m)).toEqual([]);

    // R011 blocks the bot, then a new holiday moves every open due date
    await sys.unfollow(users.R011 as string);
    const before = (await readOwingIndex(m)).reports.find((r) => r.id === 'TC1__R020')?.dueDate;
    const moved = await recomputeOpenDueDates(
      sys.fs.db,
      { reports: m.collection('reports') },
      createWorkingDayCalendar(['2026-12-07', '2026-12-10', '2026-12-08']),
      now,
    );
    expect(moved).toBe(3);
    const after = (await readOwingIndex(m)).reports.find((r) => r.id === 'TC1__R020')?.dueDate;
    expect(after).not.toBe(before);
    expect(await owingDrift(m)).toEqual([]);
    const r011 = (await readOwingIndex(m)).employees.find((e) => e.id === 'R011');
    expect(r011).toMatchObject({ divisionId: 'works', lineFollowing: false });

    // HR unlinks R010; R011 leaves (the import), and years later the retention job forgets their LINE
    await unlinkEmployee(
      sys.fs.db,
      { employees: m.collection('employees'), conversations: sys.fs.db.collection('conversations') },
      { employeeId: 'R010', now, by: 'R004' },
    );
    await runImport([row('R020', 'นายใหม่ นำเข้า', 'กองคลัง'), row('R011', 'นายอนุชา ทดสอบ', 'กองช่าง', 'ลาออก')]);
    const retention = {
      db: sys.fs.db,
      c: municipalityCollections(m),
      conversations: sys.fs.db.collection('conversations'),
      retentionYears: 1,
      logger: silentLogger,
    };
    await enforceRetention(retention, now);
    now = new Date(now.getTime() + 2 * 365 * 86_400_000);
    expect((await enforceRetention(retention, now)).anonymised).toBe(1);
    expect(await owingDrift(m)).toEqual([]);
    const index = await readOwingIndex(m);
    expect(index.employees.find((e) => e.id === 'R010')?.lineUserId).toBeUndefined();
    expect(index.employees.find((e) => e.id === 'R011')).toMatchObject({ active: false });
    expect(index.employees.find((e) => e.id === 'R011')?.lineUserId).toBeUndefined();

    // the check itself bites: a write that bypasses the index is seen, and a rebuild heals it
    await m.collection('reports').doc('TC1__R020').update({ status: 'submitted' });
    const drift = await owingDrift(m);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatch(/^R020: /);
    await rebuildOwingIndex(m);
    expect(await owingDrift(m)).toEqual([]);
    // every shard the index wrote is the one its people hash to
    for (const d of (await m.collection('owing').get()).docs)
      for (const id of Object.keys(d.get('people') ?? {})) expect(String(owingShard(id))).toBe(d.id);
  });
});
