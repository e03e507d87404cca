import { byNewest, type LibraryEntry } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { countFirestoreOps } from '../../bench/support/firestore-op-counter';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { municipality, seedChain } from '../support/report-people';
import { useSystem } from '../support/system';

// The knowledge library one page at a time (issue #15): it grows with every approved report, so
// GET /library answers `limit` entries newest first and a cursor, for the same search. Walking the
// pages yields every entry the reader may read and the search matches, once each, in order; the search
// and what the reader may see are still the server's; a page reads O(limit) entries however big the
// library; a cursor not ours is a Thai 400.

const sys = useSystem();

let users: Promise<Record<string, string>> | undefined;
const seeded = () =>
  (users ??= (async () => {
    const linked = await seedChain(sys, [
      { employeeId: 'L001', name: 'ผู้อ่าน ทดสอบ', roles: ['staff'], supervisorId: null, divisionId: 'works' },
    ]);
    await writeEntries(0, 60);
    return linked;
  })());

/** Entries of O001 (never the reader); every 5th internal, every 3rd in กองช่าง, pairs approved at once. */
function entry(i: number): LibraryEntry {
  const id = `TR${String(i).padStart(4, '0')}_O001`;
  const approvedAt = new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 3_600_000).toISOString();
  return {
    id,
    trainingId: `TR${String(i).padStart(4, '0')}`,
    trainingTitle: i % 13 === 0 ? `หลักสูตรพิเศษ ${i}` : `หลักสูตร ${i}`,
    method: 'training',
    employeeId: 'O001',
    employeeName: 'เจ้าของ รายงาน',
    divisionId: i % 3 === 0 ? 'works' : 'finance',
    startDate: '2026-10-20',
    endDate: '2026-10-21',
    fiscalYear: 2570,
    hours: 6,
    learned: 'ได้เรียนรู้การทำงาน',
    application: 'นำไปใช้ในงาน',
    photoIds: [],
    approvedAt,
    visibility: i % 5 === 0 ? 'internal' : 'published',
    readCount: 0,
  };
}
const ALL = Array.from({ length: 60 }, (_, i) => entry(i));

async function writeEntries(from: number, count: number) {
  const batch = sys.fs.db.batch();
  for (let i = from; i < from + count; i++) {
    const e = entry(i);
    batch.set(municipality(sys).collection('library').doc(e.id), { ...e, publishedAt: new Date() });
  }
  await batch.commit();
}

async function get(query: string) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken((await seeded()).L001 as string, {
    aud: DEV_CHANNEL.loginChannelId,
  });
  const res = await fetch(`${bot.url}/api/library${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: body as Record<string, any> };
}

async function walk(limit: number, search = '') {
  const ids: string[] = [];
  const reads: number[] = [];
  let cursor: string | null = null;
  do {
    const ops = countFirestoreOps();
    const page = await get(`?limit=${limit}${search}${cursor ? `&cursor=${cursor}` : ''}`);
    ops.restore();
    expect(page.status).toBe(200);
    expect(page.body.entries.length).toBeLessThanOrEqual(limit);
    reads.push(ops.counts.reads);
    ids.push(...page.body.entries.map((e: { id: string }) => e.id));
    cursor = page.body.nextCursor;
    expect(reads.length).toBeLessThan(50);
  } while (cursor);
  return { ids, reads };
}

const expected = (keep: (e: LibraryEntry) => boolean) =>
  ALL.filter((e) => e.visibility === 'published' && keep(e))
    .sort(byNewest)
    .map((e) => e.id);

describe('knowledge library, one page at a time', () => {
  it('walks every published entry once, newest first, never a colleague’s internal one', async () => {
    await seeded();
    const { ids, reads } = await walk(10);
    expect(ids).toEqual(expected(() => true));
    expect(ids).toHaveLength(48);
    // a page: at most 4 × limit entries looked at, their courses' competencies, the sign-in and settings
    for (const r of reads) expect(r).toBeLessThanOrEqual(8 * 10 + 15);
  });

  it('searches on the server: free text and division give the matching entries across the pages', async () => {
    await seeded();
    const special = await walk(10, `&q=${encodeURIComponent('พิเศษ')}`);
    expect(special.ids).toEqual(expected((e) => e.trainingTitle.includes('พิเศษ')));
    expect(special.ids.length).toBeGreaterThan(1);
    const works = await walk(5, '&division=works');
    expect(works.ids).toEqual(expected((e) => e.divisionId === 'works'));
    expect((await walk(10, '&fy=2569')).ids).toEqual([]);
  });

  it('a page reads the same when the library grows, and offers every year since the oldest entry', async () => {
    await seeded();
    const ops = countFirestoreOps();
    const before = await get('?limit=10');
    const small = ops.counts.reads;
    await writeEntries(60, 200);
    ops.reset();
    const after = await get('?limit=10');
    const large = ops.counts.reads;
    ops.restore();
    expect(before.body.entries).toHaveLength(10);
    expect(after.body.entries).toHaveLength(10);
    expect(large).toBe(small);
    expect(after.body.filters.years).toContain(2570);
  });

  it('refuses a cursor or page size that is not ours, in Thai', async () => {
    await seeded();
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const q of [
      '?cursor=@@',
      `?cursor=${cursor(['2026-11-01T00:00:00.000Z'])}`,
      `?cursor=${cursor([1, 'TR1'])}`,
      '?limit=999',
    ]) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });
});
