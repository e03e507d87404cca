import { beforeEach, describe, expect, it } from 'vitest';
import { rebuildOwingIndex } from '../../bot/src/owing/owing-index-store';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// HR's late list and the one-tap reminder from the LIFF app, against the real emulator, the real bot
// over HTTP with ID tokens the fake LINE platform signs, and the fake platform's multicast endpoint.

// Wednesday 16 Dec 2569: 10 Dec (วันรัฐธรรมนูญ) and 7 Dec (ชดเชยวันพ่อ) are holidays just before it
const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const MULTICAST = '/v2/bot/message/multicast';
/** The LINE user ids a recorded multicast went to. */
const recipientsOf = (call: { body: unknown } | undefined) =>
  (call?.body as { to?: string[] } | undefined)?.to ?? [];
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

async function call(path: string, o: { token?: string; method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

interface Person {
  id: string;
  name: string;
  division?: string;
  active?: boolean;
  linked?: boolean;
  following?: boolean;
  reports: Array<{ dueDate: string; status?: string; title?: string }>;
}

/** Staff records and their open reports, written directly; returns LINE user ids by employee id. */
async function seed(people: Person[]): Promise<Map<string, string>> {
  await sys.start();
  const ids = new Map<string, string>();
  const batch = sys.fs.db.batch();
  for (const p of people) {
    const userId = p.linked === false ? undefined : sys.newUserId();
    if (userId) {
      ids.set(p.id, userId);
      sys.platform.setFollowing(userId, p.following !== false);
    }
    batch.set(municipality().collection('employees').doc(p.id), {
      id: p.id,
      code: p.id,
      name: p.name,
      divisionId: p.division ?? 'finance',
      roles: ['staff'],
      active: p.active !== false,
      ...(userId ? { lineUserId: userId, lineFollowing: p.following !== false } : {}),
    });
    p.reports.forEach((r, n) => {
      const id = `TR${n}__${p.id}`;
      batch.set(municipality().collection('reports').doc(id), {
        id,
        trainingId: `TR${n}`,
        trainingTitle: r.title ?? `หลักสูตรที่ ${n + 1}`,
        employeeId: p.id,
        employeeName: p.name,
        divisionId: 'finance',
        dueDate: r.dueDate,
        status: r.status ?? 'pending',
      });
    });
  }
  await batch.commit();
  return ids;
}

const PEOPLE: Person[] = [
  // 5 working days late on 16 Dec (9, 11, 14, 15, 16; the 10th is a holiday)
  { id: 'L1', name: 'นายหนึ่ง ล่าช้า', reports: [{ dueDate: '2026-12-08', title: 'การเขียนหนังสือราชการ' }] },
  {
    id: 'L2',
    name: 'นางสอง ส่งคืน',
    division: 'engineering',
    reports: [{ dueDate: '2026-12-15', status: 'returned' }],
  },
  { id: 'L3', name: 'นายสาม ลาออก', active: false, reports: [{ dueDate: '2026-12-01' }] },
  { id: 'L4', name: 'นางสี่ ไม่ลงทะเบียน', linked: false, reports: [{ dueDate: '2026-12-14' }] },
  // due soon: tomorrow, and the 3rd working day ahead (21 Dec); 22 Dec is outside the window
  { id: 'S1', name: 'นายห้า ใกล้ครบ', reports: [{ dueDate: '2026-12-17' }] },
  { id: 'S2', name: 'นางหก ใกล้ครบ', division: 'engineering', reports: [{ dueDate: '2026-12-21' }] },
  { id: 'F1', name: 'นายเจ็ด ยังอีกนาน', reports: [{ dueDate: '2026-12-22' }] },
  { id: 'D1', name: 'นางแปด ส่งแล้ว', reports: [{ dueDate: '2026-12-01', status: 'submitted' }] },
];

const hrUser = () => sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });
const multicasts = () => sys.platform.requests({ path: MULTICAST });

describe('late list and reminder broadcast API for HR', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    sys.platform.reset();
    await municipality().set({
      ...demoMunicipality,
      divisions: [
        { id: 'finance', name: 'กองคลัง' },
        { id: 'engineering', name: 'กองช่าง' },
      ],
    });
  });

  it('is for HR only', async () => {
    await seed(PEOPLE);
    const staff = await sys.linkedUser({ employeeId: 'ST01', roles: ['staff', 'supervisor'] });
    for (const [path, method] of [
      ['/late', 'GET'],
      ['/late/broadcasts', 'POST'],
      ['/manage/trainings', 'GET'],
    ] as const) {
      const r = await call(path, {
        token: tokenFor(staff),
        method,
        body: method === 'POST' ? { filter: { kind: 'overdue' } } : undefined,
      });
      expect(r.status).toBe(403);
      expect(r.body.message).toContain('ไม่มีสิทธิ์');
    }
    expect((await call('/late')).status).toBe(401);
    expect((await municipality().collection('broadcasts').get()).size).toBe(0);
  });

  it('lists who is late (working days late, division, LINE reach) and who is due soon', async () => {
    await seed(PEOPLE);
    const hr = await hrUser();
    const r = await call('/late', { token: tokenFor(hr) });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ today: '2026-12-16', withinWorkingDays: 3, dueSoonUntil: '2026-12-21' });
    // most working days late first
    expect(r.body.late.map((p: { employeeId: string }) => p.employeeId)).toEqual(['L3', 'L1', 'L4', 'L2']);
    const l1 = r.body.late.find((p: { employeeId: string }) => p.employeeId === 'L1');
    expect(l1).toMatchObject({
      name: 'นายหนึ่ง ล่าช้า',
      divisionId: 'finance',
      divisionName: 'กองคลัง',
      workingDaysLate: 5,
      reach: { reachable: true },
      reports: [{ trainingTitle: 'การเขียนหนังสือราชการ', dueDate: '2026-12-08', workingDaysLate: 5 }],
    });
    expect(r.body.late.find((p: { employeeId: string }) => p.employeeId === 'L3').reach).toEqual({
      reachable: false,
      reason: 'left',
      label: 'พ้นจากตำแหน่ง/ลาออกแล้ว',
    });
    expect(r.body.late.find((p: { employeeId: string }) => p.employeeId === 'L4').reach).toMatchObject({
      reason: 'notLinked',
    });
    expect(r.body.late.find((p: { employeeId: string }) => p.employeeId === 'L2')).toMatchObject({
      divisionName: 'กองช่าง',
      workingDaysLate: 1,
      reports: [{ status: 'returned' }],
    });
    expect(r.body.dueSoon.map((p: { employeeId: string }) => p.employeeId)).toEqual(['S1', 'S2']);
    expect(r.body.divisions).toEqual([
      { id: 'finance', name: 'กองคลัง' },
      { id: 'engineering', name: 'กองช่าง' },
    ]);

    const wider = await call('/late?within=4', { token: tokenFor(hr) });
    expect(wider.body.dueSoon.map((p: { employeeId: string }) => p.employeeId)).toEqual(['S1', 'S2', 'F1']);
    const bad = await call('/late?within=99', { token: tokenFor(hr) });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('วันทำการ');
  });

  it('comes in pages: each person once, in the list order, then a null cursor; a forged cursor is refused', async () => {
    await seed(PEOPLE);
    const hr = await hrUser();
    const whole = await call('/late', { token: tokenFor(hr) });
    expect(whole.body).toMatchObject({ lateCount: 4, dueSoonCount: 2, nextCursor: null });
    const order = [...whole.body.late, ...whole.body.dueSoon].map(
      (p: { employeeId: string }) => p.employeeId,
    );
    expect(order).toEqual(['L3', 'L1', 'L4', 'L2', 'S1', 'S2']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await call(`/late?limit=4${q}`, { token: tokenFor(hr) });
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ lateCount: 4, dueSoonCount: 2 });
      seen.push(
        ...[...page.body.late, ...page.body.dueSoon].map((p: { employeeId: string }) => p.employeeId),
      );
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen).toEqual(order);

    // someone on the first page files meanwhile: the next page still starts after the same person
    const first = await call('/late?limit=2', { token: tokenFor(hr) });
    expect(first.body.late.map((p: { employeeId: string }) => p.employeeId)).toEqual(['L3', 'L1']);
    await municipality().collection('reports').doc('TR0__L1').update({ status: 'submitted' });
    await rebuildOwingIndex(municipality());
    const next = await call(`/late?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: tokenFor(hr),
    });
    expect(next.body.late.map((p: { employeeId: string }) => p.employeeId)).toEqual(['L4', 'L2']);

    for (const q of ['cursor=nonsense', 'limit=0', 'limit=501', 'limit=abc']) {
      const bad = await call(`/late?${q}`, { token: tokenFor(hr) });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/หน้าถัดไป|จำนวนต่อหน้า/);
    }
  });

  it('previews the overdue group, then a double confirm multicasts once and the status reaches sent', async () => {
    const ids = await seed(PEOPLE);
    const hr = await hrUser();
    const created = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'overdue' } },
    });
    expect(created.status).toBe(201);
    const b = created.body;
    expect(b).toMatchObject({
      status: 'draft',
      filterLabel: 'เฉพาะผู้ที่เลยกำหนดส่งแล้ว',
      recipientCount: 2,
      batchCount: 1,
      requestedBy: { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' },
      confirmedBy: null,
      delivery: null,
    });
    expect(b.excluded).toEqual([
      { reason: 'left', label: 'พ้นจากตำแหน่ง/ลาออกแล้ว', count: 1 },
      { reason: 'notLinked', label: 'ยังไม่ได้ลงทะเบียน LINE', count: 1 },
    ]);
    expect(b.sampleNames).toEqual(['นายหนึ่ง ล่าช้า', 'นางสอง ส่งคืน']); // nearest due first
    expect(b.messageText).toContain('เลยกำหนดส่งแล้ว');
    // the preview is the answer: nothing pushed to HR's chat, nothing multicast
    expect(multicasts()).toHaveLength(0);
    expect(sys.botMessages(hr)).toEqual([]);

    const confirm = () => call(`/late/broadcasts/${b.id}/confirm`, { token: tokenFor(hr), method: 'POST' });
    const [first, second] = await Promise.all([confirm(), confirm()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await confirm();
    expect(third.status).toBe(200);
    const { bot } = await sys.start();
    await bot.drain();

    const calls = multicasts();
    expect(calls.map((c) => c.status)).toEqual([200]);
    expect([...recipientsOf(calls[0])].sort()).toEqual([ids.get('L1'), ids.get('L2')].sort());
    expect(sys.botMessages(ids.get('S1') as string)).toEqual([]);
    expect(textsOf(sys.botMessages(ids.get('L1') as string))).toHaveLength(1);

    const status = await call(`/late/broadcasts/${b.id}`, { token: tokenFor(hr) });
    expect(status.body).toMatchObject({
      status: 'sent',
      confirmedBy: { employeeId: 'HR01' },
      delivery: { queued: 0, sending: 0, sent: 2, failed: 0 },
      failures: [],
    });
    expect(status.body.confirmedAt).toBe(NOW.toISOString());
    // HR also hears the result in chat, from the same sender the chat flow uses
    expect(textsOf(sys.botMessages(hr)).at(-1)).toContain('ส่งถึง 2 คน');
    const stored = (await municipality().collection('broadcasts').doc(b.id).get()).data();
    expect(stored).toMatchObject({ source: 'liff', deliveredCount: 2, sendRuns: 1 });
  });

  it('sends to people picked from the list, only those who owe a report, and to one division', async () => {
    const ids = await seed(PEOPLE);
    const hr = await hrUser();
    const picked = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'people', employeeIds: ['L1', 'S2', 'D1', 'L4'] } },
    });
    expect(picked.status).toBe(201);
    expect(picked.body).toMatchObject({
      filterLabel: 'ผู้ค้างส่งที่เลือกไว้ 4 คน',
      recipientCount: 2,
      notOwing: 1, // D1 has submitted
      excluded: [{ reason: 'notLinked', count: 1 }],
    });
    await call(`/late/broadcasts/${picked.body.id}/confirm`, { token: tokenFor(hr), method: 'POST' });
    const { bot } = await sys.start();
    await bot.drain();
    expect([...recipientsOf(multicasts()[0])].sort()).toEqual([ids.get('L1'), ids.get('S2')].sort());

    const division = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'division', divisionId: 'engineering' } },
    });
    expect(division.body).toMatchObject({ filterLabel: 'ผู้ค้างส่งในกองช่าง', recipientCount: 2, problem: null });
    const soon = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'dueWithin', workingDays: 3 } },
    });
    expect(soon.body).toMatchObject({ recipientCount: 2, sampleNames: ['นายห้า ใกล้ครบ', 'นางหก ใกล้ครบ'] });
  });

  it('cancels a draft (then refuses to send it) and refuses a group it cannot use', async () => {
    await seed(PEOPLE);
    const hr = await hrUser();
    const created = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'overdue' } },
    });
    const cancelled = await call(`/late/broadcasts/${created.body.id}/cancel`, {
      token: tokenFor(hr),
      method: 'POST',
    });
    expect(cancelled.body.status).toBe('cancelled');
    const late = await call(`/late/broadcasts/${created.body.id}/confirm`, {
      token: tokenFor(hr),
      method: 'POST',
    });
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('ยกเลิกแล้ว');
    const { bot } = await sys.start();
    await bot.drain();
    expect(multicasts()).toHaveLength(0);

    for (const filter of [
      { kind: 'people', employeeIds: [] },
      { kind: 'dueWithin', workingDays: 99 },
      { kind: 'everyone' },
    ]) {
      const r = await call('/late/broadcasts', { token: tokenFor(hr), method: 'POST', body: { filter } });
      expect(r.status).toBe(400);
      expect(r.body.message).toContain('กรุณาเลือกกลุ่มผู้รับ');
    }
    const nobody = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'people', employeeIds: ['D1'] } },
    });
    expect(nobody.body.recipientCount).toBe(0);
    const refused = await call(`/late/broadcasts/${nobody.body.id}/confirm`, {
      token: tokenFor(hr),
      method: 'POST',
    });
    expect(refused.status).toBe(409);
    expect((await call('/late/broadcasts/no-such-id', { token: tokenFor(hr) })).status).toBe(404);
  });
});
