import { describe, expect, it } from 'vitest';
import { countFirestoreOps } from '../../bench/support/firestore-op-counter';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// HR's approved training requests one page at a time (issue #15): the list grows every year, so
// GET /requests holds the first page and GET /requests/approved the next ones after a cursor. Walking
// them yields every approved request once, by the course's start date; a page's reads do not grow
// with the list; a cursor not ours is a Thai 400 and the route is HR's alone.

const sys = useSystem();

let users: Promise<Record<string, string>> | undefined;
const seeded = () =>
  (users ??= (async () => {
    const linked = await seedChain(sys, [
      { employeeId: 'H001', name: 'ฝ่ายบุคคล ทดสอบ', roles: ['hr'], supervisorId: null },
      { employeeId: 'S001', name: 'พนักงาน ทดสอบ', roles: ['staff'], supervisorId: 'H001' },
    ]);
    await writeRequests(0, 45, 'approved');
    await writeRequests(100, 5, 'submitted');
    return linked;
  })());

/** Requests Q0000…; three share each start date, so the id breaks the ties. */
async function writeRequests(from: number, count: number, status: string) {
  const batch = sys.fs.db.batch();
  for (let i = from; i < from + count; i++) {
    const id = `S001__Q${String(i).padStart(4, '0')}`;
    const day = String(1 + (Math.floor(i / 3) % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(i / 84)).padStart(2, '0');
    batch.set(municipality(sys).collection('trainingRequests').doc(id), {
      employeeId: 'S001',
      employeeName: 'พนักงาน ทดสอบ',
      course: {
        title: `หลักสูตร ${i}`,
        organiser: 'สถาบันพัฒนาบุคลากรท้องถิ่น',
        startDate: `2027-${month}-${day}`,
        endDate: `2027-${month}-${day}`,
        hours: 6,
        cost: 0,
      },
      returnDate: `2027-${month}-${day}`,
      reason: 'พัฒนางานในหน้าที่',
      status,
      approvers: ['H001'],
      approvedBy: status === 'approved' ? ['H001'] : [],
      currentApproverId: status === 'approved' ? null : 'H001',
      trail: [],
    });
  }
  await batch.commit();
}

async function get(who: 'H001' | 'S001', path: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken((await seeded())[who] as string, {
    aud: DEV_CHANNEL.loginChannelId,
  });
  const res = await fetch(`${bot.url}/api/requests${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: body as Record<string, any> };
}

type View = { request: { id: string; status: string; course: { startDate: string } } };
const key = (v: View) => `${v.request.course.startDate} ${v.request.id}`;

describe('HR’s approved requests, one page at a time', () => {
  it('walks all 45 approved requests: the first page with the page, the rest after the cursor, each once in order', async () => {
    await seeded();
    const first = await get('H001', '?limit=10');
    expect(first.status).toBe(200);
    const seen: View[] = [...first.body.approved];
    let cursor: string | null = first.body.approvedNextCursor;
    const reads: number[] = [];
    while (cursor) {
      const ops = countFirestoreOps();
      const page = await get('H001', `/approved?limit=10&cursor=${cursor}`);
      ops.restore();
      expect(page.status).toBe(200);
      expect(page.body.approved.length).toBeLessThanOrEqual(10);
      reads.push(ops.counts.reads);
      seen.push(...page.body.approved);
      cursor = page.body.nextCursor;
      expect(reads.length).toBeLessThan(20);
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen.map((v) => v.request.id)).size).toBe(45);
    expect(seen.every((v) => v.request.status === 'approved')).toBe(true);
    const keys = seen.map(key);
    expect(keys).toEqual([...keys].sort());
    expect(reads).toHaveLength(4); // 10 + 4 × 10 - 5: no empty page at the end
    for (const r of reads) expect(r).toBeLessThanOrEqual(10 + 1 + 10);
  });

  it('a page costs the same reads when the list grows', async () => {
    await seeded();
    const ops = countFirestoreOps();
    const before = await get('H001', '/approved?limit=10');
    const small = ops.counts.reads;
    await writeRequests(200, 150, 'approved');
    ops.reset();
    const after = await get('H001', '/approved?limit=10');
    const large = ops.counts.reads;
    ops.restore();
    expect(before.body.approved).toHaveLength(10);
    expect(after.body.approved).toHaveLength(10);
    expect(large).toBe(small);
  });

  it('is HR’s alone, and refuses a cursor that is not ours in Thai', async () => {
    await seeded();
    expect((await get('S001', '/approved')).status).toBe(403);
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const q of [
      '?cursor=abc$',
      `?cursor=${cursor([1])}`,
      `?cursor=${cursor(['2027-01-01', '..'])}`,
      '?limit=x',
    ]) {
      const res = await get('H001', `/approved${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});
