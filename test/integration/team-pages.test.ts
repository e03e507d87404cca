import { fiscalYearOfInstant, nameSortKey } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { countFirestoreOps } from '../../bench/support/firestore-op-counter';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { seedReport } from '../support/report-docs';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// The team view one page at a time (issue #15): a mayor's team is the whole organisation, so GET /team
// gives `limit` people and a cursor. Walking every page yields each member exactly once, in the walk's
// order (each person, then the people below them, each level by name); a page costs reads for its own
// people, not for the organisation; a cursor that is not ours, or names someone else's people, is a
// Thai 400.

const sys = useSystem();
const FY = fiscalYearOfInstant(new Date());

interface Seeded {
  readonly id: string;
  readonly name: string;
  readonly supervisorId: string | null;
  readonly active: boolean;
}

// mayor M001 → ปลัด P001 → directors D001–D003 (D002 has left, their people still report to them) →
// 25 staff each; names run against the ids so the order by name is not the order by id
const SEEDED: Seeded[] = [
  { id: 'P001', name: 'ปลัดเทศบาล เพจ', supervisorId: 'M001', active: true },
  ...[1, 2, 3].flatMap((d): Seeded[] => [
    { id: `D00${d}`, name: `ผู้อำนวยการ ${4 - d}`, supervisorId: 'P001', active: d !== 2 },
    ...Array.from({ length: 25 }, (_, i): Seeded => {
      const n = String(d * 100 + i).padStart(4, '0');
      return {
        id: `S${n}`,
        name: `บุคลากร ${String(99 - i).padStart(2, '0')}`,
        supervisorId: `D00${d}`,
        active: true,
      };
    }),
  ]),
];

let users: Promise<Record<string, string>> | undefined;
const seeded = () =>
  (users ??= (async () => {
    const linked = await seedChain(sys, [
      { employeeId: 'M001', name: 'นายกเทศมนตรี เพจ', roles: ['executive'], supervisorId: null },
      { employeeId: 'D001', name: 'ผู้อำนวยการ 3', roles: ['supervisor'], supervisorId: 'P001' },
    ]);
    await writeStaff(SEEDED.filter((p) => p.id !== 'D001'));
    // one open report, for someone the first page does not hold
    await seedReport(sys.fs.db, 'S0301', { status: 'pending' });
    return linked;
  })());

async function writeStaff(people: readonly Seeded[]) {
  const batch = sys.fs.db.batch();
  for (const p of people)
    batch.set(municipality(sys).collection('employees').doc(p.id), {
      id: p.id,
      code: p.id,
      name: p.name,
      nameSortKey: nameSortKey(p.name),
      roles: ['staff'],
      active: p.active,
      supervisorId: p.supervisorId,
      divisionId: 'palad',
    });
  await batch.commit();
}

async function get(employeeId: string, query: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken((await seeded())[employeeId] as string, {
    aud: DEV_CHANNEL.loginChannelId,
  });
  const res = await fetch(`${bot.url}/api/team${query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.json();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: body as Record<string, any> };
}

/** Every page of a person's team, with the reads each page cost. */
async function walk(employeeId: string, limit: number) {
  const ids: string[] = [];
  const reads: number[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const ops = countFirestoreOps();
    const page = await get(employeeId, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    ops.restore();
    expect(page.status).toBe(200);
    reads.push(ops.counts.reads);
    sizes.push(page.body.members.length);
    ids.push(...page.body.members.map((m: { employeeId: string }) => m.employeeId));
    cursor = page.body.nextCursor;
    expect(reads.length).toBeLessThan(100);
  } while (cursor);
  return { ids, reads, sizes };
}

const thai = new Intl.Collator('th');

/** The walk's order computed from the seed: each person, then theirs, each level by Thai name order then id. */
function expectedOrder(all: readonly Seeded[], viewer: string, depth: number): string[] {
  if (depth === 0) return [];
  const below = all
    .filter((p) => p.supervisorId === viewer)
    .sort((a, b) => thai.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return below.flatMap((p) => [...(p.active ? [p.id] : []), ...expectedOrder(all, p.id, depth - 1)]);
}

describe('team view, one page at a time', () => {
  it('walks a mayor’s whole organisation: every member once, in order, each page at most its limit', async () => {
    await seeded();
    const { ids, sizes } = await walk('M001', 10);
    const expected = expectedOrder(SEEDED, 'M001', 6);
    expect(expected).toHaveLength(1 + 2 + 75); // the director who left is not listed, their people are
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(sizes.length).toBeGreaterThanOrEqual(8);
  });

  it('a page shows its people’s figures and who they report to', async () => {
    await seeded();
    const first = await get('M001', '?limit=5');
    expect(first.body).toMatchObject({ fiscalYear: FY, scope: 'chain', waitingReports: 0 });
    expect(first.body.members[0]).toMatchObject({
      employeeId: 'P001',
      direct: true,
      supervisorName: 'นายกเทศมนตรี เพจ',
    });
    // the third director's people come last: walk there and find S0301's open report
    let cursor: string | null = first.body.nextCursor;
    let row: Record<string, unknown> | undefined;
    while (cursor && !row) {
      const page = await get('M001', `?limit=20&cursor=${cursor}`);
      row = page.body.members.find((m: { employeeId: string }) => m.employeeId === 'S0301');
      cursor = page.body.nextCursor;
    }
    expect(row).toMatchObject({ direct: false, supervisorName: 'ผู้อำนวยการ 1', pendingReports: 1 });
  });

  it('a director’s own people in pages, and a page’s reads do not grow with the organisation', async () => {
    await seeded();
    const { ids, reads } = await walk('D001', 10);
    expect(ids).toEqual(expectedOrder(SEEDED, 'D001', 1));
    expect(ids).toHaveLength(25);
    // a page of 10: the walk (≤ 4 × limit + 12), its people's plans, hours and reports, sign-in and settings
    for (const r of reads) expect(r).toBeLessThanOrEqual(10 * 10);

    const before = await walk('M001', 5).then((w) => w.reads[0] as number);
    // 150 more people below the ปลัด's third director: the mayor's first page costs the same
    await writeStaff(
      Array.from({ length: 150 }, (_, i) => ({
        id: `X${String(i).padStart(4, '0')}`,
        name: `พนักงานเพิ่ม ${i}`,
        supervisorId: 'D003',
        active: true,
      })),
    );
    const ops = countFirestoreOps();
    const first = await get('M001', '?limit=5');
    ops.restore();
    expect(first.body.members).toHaveLength(5);
    expect(ops.counts.reads).toBe(before);
    expect(ops.counts.reads).toBeLessThan(60);
    const all = await walk('M001', 50);
    expect(all.ids).toHaveLength(78 + 150);
    expect(new Set(all.ids).size).toBe(78 + 150);
  });

  it('refuses a page size or cursor that is not ours, in Thai, and never lists someone else’s people', async () => {
    await seeded();
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const q of [
      '?limit=0',
      '?limit=201',
      '?limit=abc',
      '?cursor=%%%',
      '?cursor=not-base64!',
      `?cursor=${cursor({ not: 'a walk' })}`,
      `?cursor=${cursor([{ s: '../x', a: null }])}`,
      // another supervisor's people: the walk must start at the viewer
      `?cursor=${cursor([{ s: 'D003', a: null }])}`,
    ]) {
      const res = await get('D001', q);
      expect(res.status, q).toBe(400);
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    }
    // a path through someone the level above does not supervise (D003 reports to the ปลัด, not the mayor)
    const forged = await get(
      'M001',
      `?cursor=${cursor([
        { s: 'M001', a: [nameSortKey('ผู้อำนวยการ 1'), 'D003'] },
        { s: 'D003', a: null },
      ])}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.message).toMatch(/หน้าแรก/);
    // deeper than the viewer may see: a director sees one level
    const deep = await get(
      'D001',
      `?cursor=${cursor([
        { s: 'D001', a: [nameSortKey('บุคลากร 99'), 'S0100'] },
        { s: 'S0100', a: null },
      ])}`,
    );
    expect(deep.status).toBe(400);
    // a cursor from before the Thai sort key (it carried the bare name): start over, not a wrong place
    const old = await get('D001', `?cursor=${cursor([{ s: 'D001', a: ['บุคลากร 99', 'S0100'] }])}`);
    expect(old.status).toBe(400);
    expect(old.body.message).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('pages a team with names beginning with เ แ โ ใ ไ in Thai dictionary order, each once', async () => {
    await seeded();
    const thaiNames = [
      'นางสาวเกศินี ศรีสุข',
      'นายกมล ใจดี',
      'นางขวัญใจ มีทรัพย์',
      'นายโกวิท แสงทอง',
      'นางสาวแก้วตา บุญมา',
      'นายไพโรจน์ ทองดี',
      'นางใจดี พรหมมา',
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
      'นางสาวเกศินี ศรีสุข',
      'นายเฉลิม ชัยชนะ',
      'นางสาวฉวีวรรณ ศรีสุข',
      'ว่าที่ร้อยตรีเทพ ใจกล้า',
      'ดร.เมธี ปัญญาดี',
      'นายธนพล ทองคำ',
      'นายเทียน แสงสว่าง',
      'บุญมี ศรีสุข',
      'เบญจมาศ บุญมา',
    ];
    const added: Seeded[] = thaiNames.map((name, i) => ({
      // ids run against the names so id order is not the answer either
      id: `T${String(90 - i).padStart(4, '0')}`,
      name,
      supervisorId: 'D001',
      active: true,
    }));
    await writeStaff(added);
    const { ids, sizes } = await walk('D001', 7);
    const expected = expectedOrder([...SEEDED, ...added], 'D001', 1);
    expect(expected).toHaveLength(25 + thaiNames.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    // the dictionary order a reader expects, not the code-point one (which puts เ แ โ ใ ไ last)
    const bare = [
      'กมล ใจดี',
      'กอบกุล ศรีสุข',
      'ก้อย ทองดี',
      'เก่ง กล้าหาญ',
      'เก๋ มีสุข',
      'บุญมี ศรีสุข',
      'เบญจมาศ บุญมา',
      'ใบบุญ รักษาศรี',
      'ไพลิน อินทร์แก้ว',
      'แสงเดือน ไชยวงศ์',
      'โสภา เจริญผล',
      'เอกชัย ศรีวงศ์',
    ];
    const listed = ids
      .map((id) => added.find((p) => p.id === id)?.name)
      .filter((n) => bare.includes(n ?? ''));
    expect(listed).toEqual(bare);
  });
});
