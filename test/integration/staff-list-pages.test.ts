import { describe, expect, it } from 'vitest';
import { countFirestoreOps } from '../../bench/support/firestore-op-counter';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// HR's staff list one page at a time (issue #15): GET /manage/employees gives `limit` records by staff
// code and a cursor; walking every page yields each record once, in order, of the whole list or of one
// division (filtered by the server); the total is a count, and a page's reads do not grow with the list.

const sys = useSystem();
const DIVISIONS = ['finance', 'works', 'palad'] as const;

let users: Promise<Record<string, string>> | undefined;
const seeded = () =>
  (users ??= (async () => {
    const linked = await seedChain(sys, [
      { employeeId: 'H001', name: 'ฝ่ายบุคคล ทดสอบ', roles: ['hr'], supervisorId: null },
    ]);
    await writeStaff(0, 130);
    return linked;
  })());

/** Staff S0000…: every third one in each division, every seventh one has left. */
async function writeStaff(from: number, count: number) {
  const batch = sys.fs.db.batch();
  for (let i = from; i < from + count; i++) {
    const id = `S${String(i).padStart(4, '0')}`;
    batch.set(municipality(sys).collection('employees').doc(id), {
      id,
      code: id,
      name: `พนักงาน ${i}`,
      roles: ['staff'],
      active: i % 7 !== 0,
      divisionId: DIVISIONS[i % 3],
    });
  }
  await batch.commit();
}

async function get(query: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken((await seeded()).H001 as string, {
    aud: DEV_CHANNEL.loginChannelId,
  });
  const res = await fetch(`${bot.url}/api/manage/employees${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: body as Record<string, any> };
}

async function walk(limit: number, division?: string) {
  const ids: string[] = [];
  const reads: number[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  do {
    const ops = countFirestoreOps();
    const page = await get(
      `?limit=${limit}${division ? `&division=${division}` : ''}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    ops.restore();
    expect(page.status).toBe(200);
    expect(page.body.employees.length).toBeLessThanOrEqual(limit);
    reads.push(ops.counts.reads);
    totals.add(page.body.total);
    ids.push(...page.body.employees.map((e: { id: string }) => e.id));
    cursor = page.body.nextCursor;
    expect(reads.length).toBeLessThan(200);
  } while (cursor);
  return { ids, reads, totals: [...totals] };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('HR staff list, one page at a time', () => {
  it('walks all 131 records in pages of 25: each once, by staff code, with the total on every page', async () => {
    await seeded();
    const { ids, reads, totals } = await walk(25);
    expect(ids).toHaveLength(131); // 130 staff + HR
    expect(new Set(ids).size).toBe(131);
    expect(ids).toEqual(sorted(ids));
    expect(reads).toHaveLength(6); // 25 × 5 + 6: no empty page at the end
    expect(totals).toEqual([131]);
    // a page of 25 reads its 25 (+1 to know more follow) and the sign-in and settings, not the list
    for (const r of reads) expect(r).toBeLessThanOrEqual(25 + 1 + 10);
  });

  it('filters by division on the server: the pages and the total are that division’s', async () => {
    await seeded();
    const { ids, totals } = await walk(10, 'works');
    const expected = Array.from({ length: 130 }, (_, i) => i)
      .filter((i) => i % 3 === 1)
      .map((i) => `S${String(i).padStart(4, '0')}`);
    expect(ids).toEqual(expected);
    expect(totals).toEqual([expected.length]);
    const none = await get('?division=nowhere');
    expect(none.body).toMatchObject({ employees: [], total: 0, nextCursor: null });
  });

  it('a page costs the same reads when the list grows fivefold', async () => {
    await seeded();
    const ops = countFirestoreOps();
    await get('?limit=20');
    const before = ops.counts.reads;
    await writeStaff(130, 500);
    ops.reset();
    const page = await get('?limit=20');
    const after = ops.counts.reads;
    ops.restore();
    expect(page.body.total).toBe(631);
    expect(page.body.employees).toHaveLength(20);
    expect(after).toBe(before);
  });

  it('refuses a page size, cursor or division that is not ours, in Thai', async () => {
    await seeded();
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const q of [
      '?limit=-1',
      '?limit=1000',
      '?cursor=***',
      `?cursor=${cursor(['S0001'])}`,
      `?cursor=${cursor(['S0001', 'a/b'])}`,
      `?cursor=${cursor({ a: 1 })}`,
      '?division=a%2Fb',
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});
