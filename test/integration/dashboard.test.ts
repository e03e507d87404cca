import { fiscalYearOf, type HoursEntry, hoursEntry, normaliseStats } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import readXlsxFile from 'read-excel-file/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { creditHours } from '../../bot/src/reports/credit-hours';
import { readCreditPrior } from '../../bot/src/stats/credit-prior';
import { rebuildStats } from '../../bot/src/stats/rebuild-stats';
import { readStoredStats } from '../../bot/src/stats/stored-stats';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { bangkokMorning, CHAIN, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The dashboard's maintained stats on the real emulator, through the real paths: the morning job opens
// reports and credits attendance, reports are filed and approved in chat through signed webhooks, and
// each of those transactions increments `stats/fy2570`. The stats must always equal what rebuildStats
// recomputes from the records, and the API serves them to HR and executives only.

let now = bangkokMorning('2026-12-04');
const sys = useSystem({ clock: () => now });
beforeEach(async () => {
  await sys.fs.reset();
  now = bangkokMorning('2026-12-04');
});

const LEARNED = 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด';
const APPLIED = 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ';

const stats = () => municipality(sys).collection('stats');
// the maintained stats as the dashboard reads them: the year's document plus its counter shards
const storedStats = async (fy = 2570) => (await readStoredStats(stats(), fy)).stats;
const collections = () => municipalityCollections(municipality(sys));

async function seedPeople() {
  const users = await seedChain(sys);
  const m = municipality(sys);
  await m.set(
    {
      divisions: [
        { id: 'palad', name: 'สำนักปลัดเทศบาล' },
        { id: 'finance', name: 'กองคลัง' },
      ],
    },
    { merge: true },
  );
  for (const p of CHAIN)
    await m
      .collection('employees')
      .doc(p.employeeId)
      .update({
        jobLine: p.divisionId === 'finance' ? 'การเงินและบัญชี' : 'บริหารงานทั่วไป',
        position: p.divisionId === 'finance' ? 'นักวิชาการเงินและบัญชี' : 'นักจัดการงานทั่วไป',
        staffType: 'municipalEmployee',
      });
  return users;
}

async function training(id: string, attendees: string[], o: Record<string, unknown> = {}) {
  await municipality(sys)
    .collection('trainings')
    .doc(id)
    .set({
      title: 'การเขียนหนังสือราชการ',
      organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
      method: 'training',
      curriculum: 'duties',
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      hours: 18,
      attendees,
      ...o,
    });
}

async function fileReport(user: string) {
  await sys.tap(user, 'เขียนรายงาน');
  await sys.tap(user, 'ใช่');
  await sys.text(user, LEARNED);
  await sys.text(user, APPLIED);
  await sys.tap(user, 'เล่าในประชุมประจำเดือน');
  await sys.tap(user, 'ไม่มี');
  await sys.tap(user, '5 มากที่สุด');
  await sys.tap(user, 'ข้าม');
  await sys.tap(user, 'ส่งรายงาน');
}

async function api(path: string, user: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken(user, { aud: DEV_CHANNEL.loginChannelId });
  return fetch(`${bot.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('dashboard stats, maintained by the transactions that write the records', () => {
  it('counts reports opened, a first submission once, approvals and attendance credits', async () => {
    const users = await seedPeople();
    const { bot } = await sys.start();
    await training('TD1', ['R010', 'R011']);
    await training('TD2', ['R004', 'R002'], {
      title: 'e-Learning ระเบียบพัสดุ',
      method: 'eLearning',
      curriculum: 'basic',
      hours: 40,
      reportRequired: false,
    });
    await bot.runDailyJobs(now);
    expect(await storedStats()).toMatchObject({
      reportsDue: 2,
      reportsFiled: 0,
      // attendance: two people developed, both with their first e-Learning course and 40 hours
      developed: 2,
      eLearning: 2,
      reachedTarget: 2,
      hours: 80,
      byDivision: { finance: { reportsDue: 2 }, palad: { developed: 2, hours: 80 } },
    });

    // R010 files on time; the chain approves; the credit makes R010 developed in a job-line curriculum
    const staff = users.R010 as string;
    await fileReport(staff);
    expect(await storedStats()).toMatchObject({ reportsFiled: 1, reportsOnTime: 1 });
    for (const approver of ['R009', 'R002', 'R001']) {
      now = new Date(now.getTime() + 3600_000);
      await sys.tap(users[approver] as string, 'อนุมัติ');
    }
    expect((await municipality(sys).collection('reports').doc('TD1__R010').get()).get('status')).toBe(
      'approved',
    );

    // R011 files, is sent back, and files again: one report filed, not two
    const other = users.R011 as string;
    await fileReport(other);
    await sys.tap(users.R009 as string, 'ส่งกลับแก้ไข');
    await sys.text(users.R009 as string, 'กรุณาเพิ่มตัวอย่างการนำไปใช้ในงานจริง');
    await sys.tap(other, 'แก้ไขรายงาน');
    await sys.tap(other, 'ส่งรายงาน');
    expect(textsOf(sys.botMessages(other)).at(-1)).toContain('ผู้อำนวยการกองคลัง');
    expect((await municipality(sys).collection('reports').doc('TD1__R011').get()).get('status')).toBe(
      'submitted',
    );

    const maintained = await storedStats();
    expect(maintained).toMatchObject({
      reportsDue: 2,
      reportsFiled: 2,
      reportsOnTime: 2,
      developed: 3,
      eLearning: 2,
      reachedTarget: 2,
      hours: 98,
      entries: 3,
      jobLineEntries: { การเงินและบัญชี: 1 },
      byDivision: { finance: { developed: 1, hours: 18, reportsFiled: 2 } },
    });
    // the truth check: recomputed from the records, the stats are the same
    const rebuilt = await rebuildStats(sys.fs.db, collections(), 2570, now);
    expect(rebuilt.drifted).toBe(false);
    expect(normaliseStats(rebuilt.stats)).toEqual(normaliseStats(maintained));
    expect(rebuilt.staff).toMatchObject({ active: CHAIN.length, activeByDivision: { finance: 2 } });
  });

  it('keeps the stats equal to a rebuild under concurrent credits, across a fiscal-year boundary', async () => {
    await seedPeople();
    const c = collections();
    const people = ['R001', 'R002', 'R004', 'R009', 'R010', 'R011'];
    const methods = ['training', 'eLearning', 'seminar', 'coaching'] as const;
    const curricula = ['duties', 'positionSkills', 'basic', undefined] as const;
    const entries: HoursEntry[] = Array.from({ length: 36 }, (_, i) => {
      const curriculum = curricula[i % curricula.length];
      return hoursEntry(
        people[i % people.length] as string,
        {
          trainingId: `TC${i}`,
          title: `หลักสูตร ${i}`,
          method: methods[(i >> 1) % methods.length] as (typeof methods)[number],
          ...(curriculum ? { curriculum } : {}),
          hours: 8 + (i % 3) * 2.5,
          // 30 Sep 2026 is FY2569, 1 Oct 2026 FY2570
          endDate: ((j) => (j === 5 ? '2026-09-30' : j === 4 ? '2026-10-01' : '2027-02-15'))(
            Math.floor(i / 6),
          ),
        },
        'approvedReport',
        new Date(now.getTime() + i * 1000),
      );
    });
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    await Promise.all(
      entries.map((e) =>
        sys.fs.db.runTransaction(async (tx) => {
          const prior = await readCreditPrior(tx, c, e.employeeId, e.fiscalYear);
          creditHours(tx, c, e, Timestamp.now(), prior);
        }),
      ),
    );
    for (const fy of [2569, 2570]) {
      const maintained = await storedStats(fy);
      const rebuilt = await rebuildStats(sys.fs.db, c, fy, now);
      expect(rebuilt.stats.entries).toBe(entries.filter((e) => e.fiscalYear === fy).length);
      expect(rebuilt.drifted).toBe(false);
      expect(normaliseStats(maintained)).toEqual(normaliseStats(rebuilt.stats));
    }
    // everyone crossed 40 hours in FY2570, once each
    expect((await storedStats()).reachedTarget).toBe(people.length);
    expect((await storedStats()).developed).toBe(people.length);
  });
});

describe('dashboard API', () => {
  it('refuses staff, serves executives and HR the maintained numbers and exports that parse back', async () => {
    const users = await seedPeople();
    const { bot } = await sys.start();
    await training('TA1', ['R010', 'R011'], { method: 'eLearning', reportRequired: false, hours: 6 });
    await bot.runDailyJobs(now);

    const refused = await api('/dashboard', users.R010 as string);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/สิทธิ์/);
    expect((await api('/dashboard/export.csv', users.R010 as string)).status).toBe(403);

    // a year that has not begun is not offered, and asking for it is a Thai 400
    const future = await api('/dashboard?fy=2571', users.R001 as string);
    expect(future.status).toBe(400);
    expect(((await future.json()) as { message: string }).message).toMatch(/ปีงบประมาณ/);

    // the first view of a year never rebuilt builds it from the records once
    const res = await api('/dashboard?fy=2570', users.R001 as string);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      fiscalYear: number;
      indicators: Array<{
        id: string;
        value: number | null;
        numerator: number;
        denominator: number;
        target: number;
        met: boolean | null;
      }>;
      divisions: Array<{ divisionId: string; name: string; hours: number; staff: number }>;
    };
    const developed = body.indicators.find((i) => i.id === 'developed');
    expect(developed).toMatchObject({ numerator: 2, denominator: CHAIN.length, target: 80, met: false });
    expect(body.divisions.find((d) => d.divisionId === 'finance')).toMatchObject({
      name: 'กองคลัง',
      hours: 12,
      staff: 2,
    });
    const rebuiltAt = (await stats().doc('fy2570').get()).get('rebuiltAt');
    expect(rebuiltAt).toBeDefined();

    // later credits reach the view through the maintained document, without another rebuild
    await training('TA2', ['R004'], {
      endDate: '2026-12-04',
      startDate: '2026-12-04',
      hours: 3,
      reportRequired: false,
    });
    now = bangkokMorning('2026-12-07');
    await bot.runDailyJobs(now);
    const later = (await (await api('/dashboard', users.R004 as string)).json()) as typeof body;
    expect(later.indicators.find((i) => i.id === 'developed')?.numerator).toBe(3);
    expect((await stats().doc('fy2570').get()).get('rebuiltAt')).toEqual(rebuiltAt);

    // someone joins finance outside an import (e.g. a LIFF page): the count() check notices, once
    await municipality(sys)
      .collection('employees')
      .doc('R099')
      .set({
        id: 'R099',
        name: 'นายใหม่ ทดสอบ',
        divisionId: 'finance',
        jobLine: 'พัสดุ',
        active: true,
        roles: ['staff'],
      });
    const joined = (await (await api('/dashboard', users.R004 as string)).json()) as typeof body;
    expect(joined.divisions.find((d) => d.divisionId === 'finance')?.staff).toBe(3);
    expect(joined.indicators.find((i) => i.id === 'developed')?.denominator).toBe(CHAIN.length + 1);
    expect(joined.indicators.find((i) => i.id === 'jobLines')?.denominator).toBe(3);
    expect((await stats().doc('fy2570').get()).get('rebuiltAt')).toEqual(rebuiltAt);

    expect((await api('/dashboard?fy=abc', users.R004 as string)).status).toBe(400);
    expect((await api('/dashboard/export.csv?kind=nope', users.R004 as string)).status).toBe(400);

    // CSV: UTF-8 with a BOM, CRLF, Thai headers
    const csv = await api('/dashboard/export.csv?fy=2570&kind=people', users.R004 as string);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toContain('"ชื่อ-สกุล","หน่วยงาน","ตำแหน่ง","ประเภทบุคลากร"');
    const r010 = lines.find((l) => l.startsWith('"R010"'));
    expect(r010).toContain('"นางสาวจิราพร ทดสอบ","กองคลัง","นักวิชาการเงินและบัญชี","พนักงานเทศบาล"');
    expect(r010).toMatch(/,1,6,"ใช่","ใช่","ไม่ใช่"$/);
    const divisions = await (await api('/dashboard/export.csv?kind=divisions', users.R004 as string)).text();
    expect(divisions).toContain('"หน่วยงาน","บุคลากร (คน)"');
    expect(divisions).toContain('"รวมทั้งเทศบาล"');

    // XLSX: three sheets that read back with the same numbers
    const xlsx = await api('/dashboard/export.xlsx?fy=2570', users.R001 as string);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-disposition')).toContain('phattana-kpi-2570.xlsx');
    const sheets = await readXlsxFile(Buffer.from(await xlsx.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toEqual(['ตัวชี้วัด', 'รายหน่วยงาน', 'รายบุคคล']);
    const kpis = sheets[0]?.data ?? [];
    expect(kpis[0]?.[0]).toBe('ตัวชี้วัด');
    expect(kpis[1]).toEqual(['บุคลากรได้รับการพัฒนาอย่างน้อย 1 ครั้ง', 42.9, 3, 7, 80, 'ยังไม่บรรลุเป้าหมาย']);
    const person = (sheets[2]?.data ?? []).find((r) => r[0] === 'R004');
    expect(person).toEqual([
      'R004',
      'นางสาวปิยะนุช ฝ่ายบุคคล',
      'สำนักปลัดเทศบาล',
      'นักจัดการงานทั่วไป',
      'พนักงานเทศบาล',
      'บริหารงานทั่วไป',
      'ปฏิบัติงาน',
      1,
      3,
      'ไม่ใช่',
      'ใช่',
      'ไม่ใช่',
    ]);
  });
});
