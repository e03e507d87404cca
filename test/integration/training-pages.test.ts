import { describe, expect, it } from 'vitest';
import { countFirestoreOps } from '../../bench/support/firestore-op-counter';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// HR's trainings of a fiscal year one page at a time (issue #15): GET /manage/trainings answers `limit`
// trainings, latest start first, and a cursor; walking the pages yields the year's trainings once each,
// in order, none of another year; a page's reads do not grow with the year's trainings.

const sys = useSystem();

let users: Promise<Record<string, string>> | undefined;
const seeded = () =>
  (users ??= (async () => {
    const linked = await seedChain(sys, [
      { employeeId: 'H001', name: 'ฝ่ายบุคคล ทดสอบ', roles: ['hr'], supervisorId: null },
    ]);
    await writeTrainings(0, 35, 2027);
    await writeTrainings(100, 5, 2026); // fiscal year 2569 (Oct 2025 – Sep 2026) for these dates
    return linked;
  })());

/** Trainings T0000…, two starting each day of January of `year`. */
async function writeTrainings(from: number, count: number, year: number) {
  const batch = sys.fs.db.batch();
  for (let i = from; i < from + count; i++) {
    const day = `${year}-01-${String(1 + (Math.floor(i / 2) % 28)).padStart(2, '0')}`;
    batch.set(
      municipality(sys)
        .collection('trainings')
        .doc(`T${String(i).padStart(4, '0')}`),
      {
        title: `การอบรม ${i}`,
        organiser: 'สำนักปลัดเทศบาล',
        method: 'training',
        startDate: day,
        endDate: day,
        hours: 6,
        attendees: ['H001'],
        reportRequired: true,
      },
    );
  }
  await batch.commit();
}

async function get(query: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken((await seeded()).H001 as string, {
    aud: DEV_CHANNEL.loginChannelId,
  });
  const res = await fetch(`${bot.url}/api/manage/trainings${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: body as Record<string, any> };
}

describe('HR trainings of a year, one page at a time', () => {
  it('walks the year’s 35 trainings once each, latest start first, none of another year', async () => {
    await seeded();
    const seen: { id: string; startDate: string }[] = [];
    const reads: number[] = [];
    let cursor: string | null = null;
    do {
      const ops = countFirestoreOps();
      const page = await get(`?fy=2570&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      ops.restore();
      expect(page.status).toBe(200);
      expect(page.body.trainings.length).toBeLessThanOrEqual(10);
      reads.push(ops.counts.reads);
      seen.push(...page.body.trainings);
      cursor = page.body.nextCursor;
      expect(reads.length).toBeLessThan(20);
    } while (cursor);
    expect(seen).toHaveLength(35);
    expect(new Set(seen.map((t) => t.id)).size).toBe(35);
    const keys = seen.map((t) => `${t.startDate} ${t.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(reads).toHaveLength(4);
    for (const r of reads) expect(r).toBeLessThanOrEqual(10 + 1 + 10);
  });

  it('a page reads the same when the year holds five times as many', async () => {
    await seeded();
    const ops = countFirestoreOps();
    await get('?fy=2570&limit=10');
    const small = ops.counts.reads;
    await writeTrainings(200, 140, 2027);
    ops.reset();
    const page = await get('?fy=2570&limit=10');
    const large = ops.counts.reads;
    ops.restore();
    expect(page.body.trainings).toHaveLength(10);
    expect(large).toBe(small);
    expect((await get('?fy=2570&cursor=%5B')).status).toBe(400);
  });
});
