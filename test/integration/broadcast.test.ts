import {
  createFirestoreBroadcastStore,
  createHmacPostbackSigner,
  createHttpLineClient,
  derivePostbackSecret,
  sendBroadcast,
  silentLogger,
} from '@phattana/bot';
import { decodePostback, encodePostback } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { buildPostbackEvent } from '../../dev/src/simulator/webhook-events';
import { findAction, TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// HR broadcasts go out in office hours only (quiet hours): the test's clock runs from 10:00 Bangkok time
// of the real day, so "today" and the overdue reports stay as they are
const startedAt = Date.now();
const bangkokDay = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' });
const daytime = () => new Date(Date.parse(`${bangkokDay}T10:00:00+07:00`) + (Date.now() - startedAt));
const sys = useSystem({ clock: daytime });
const signer = createHmacPostbackSigner(derivePostbackSecret(TEST_CHANNEL.secret));
const MULTICAST = '/v2/bot/message/multicast';
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);

interface Person {
  id: string;
  name?: string;
  active?: boolean;
  linked?: boolean;
  following?: boolean;
  reports?: Array<{ dueDate: string; status?: string }>;
}

/** Staff records and their reports, written directly (linking is tested through chat elsewhere). */
async function seed(people: Person[]): Promise<Map<string, string>> {
  await sys.start();
  const userIds = new Map<string, string>();
  const m = municipality();
  for (let i = 0; i < people.length; i += 400) {
    const batch = sys.fs.db.batch();
    for (const p of people.slice(i, i + 400)) {
      const userId = p.linked === false ? undefined : sys.newUserId();
      if (userId) {
        userIds.set(p.id, userId);
        sys.platform.setFollowing(userId, p.following !== false);
      }
      batch.set(m.collection('employees').doc(p.id), {
        id: p.id,
        code: p.id,
        name: p.name ?? `พนักงาน ${p.id}`,
        divisionId: 'finance',
        roles: ['staff'],
        active: p.active !== false,
        ...(userId ? { lineUserId: userId, lineFollowing: p.following !== false } : {}),
      });
      for (const [n, r] of (p.reports ?? [{ dueDate: '2026-01-10' }]).entries()) {
        batch.set(m.collection('reports').doc(`T${n}__${p.id}`), {
          id: `T${n}__${p.id}`,
          trainingId: `T${n}`,
          trainingTitle: `หลักสูตรที่ ${n + 1}`,
          employeeId: p.id,
          employeeName: p.name ?? `พนักงาน ${p.id}`,
          divisionId: 'finance',
          dueDate: r.dueDate,
          status: r.status ?? 'pending',
        });
      }
    }
    await batch.commit();
  }
  return userIds;
}

const hrUser = () => sys.linkedUser({ employeeId: `HR${Date.now() % 100000}`, roles: ['staff', 'hr'] });
const multicasts = () => sys.platform.requests({ path: MULTICAST });

/** HR asks for everyone with a pending report and gets the preview card. */
async function preview(hr: string) {
  await sys.text(hr, 'แจ้งเตือนผู้ค้างส่ง');
  await sys.postback(hr, findAction(sys.botMessages(hr), 'ทุกคนที่ค้างส่ง').data as string);
  return sys.botMessages(hr);
}

const card = (messages: Array<Record<string, unknown>>) =>
  JSON.stringify(messages.filter((m) => String(m.altText ?? '').includes('ตัวอย่างการแจ้งเตือน')).at(-1));

describe('HR reminds people with pending reports', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    sys.platform.reset();
    await municipality().set(demoMunicipality);
  });

  it('previews the count and who is left out, then sends one message to each person after confirming', async () => {
    const ids = await seed([
      { id: 'A1', name: 'นายหนึ่ง ค้างส่ง', reports: [{ dueDate: '2026-01-10' }, { dueDate: '2026-01-20' }] },
      { id: 'A2', name: 'นางสองส่ง ช้า', reports: [{ dueDate: '2026-01-12', status: 'returned' }] },
      { id: 'A3' },
      { id: 'LEFT', active: false },
      { id: 'BLOCKED', following: false },
      { id: 'NOLINE', linked: false },
      { id: 'DONE', reports: [{ dueDate: '2026-01-10', status: 'approved' }] },
    ]);
    const hr = await hrUser();
    const shown = await preview(hr);
    expect(textsOf(shown).join('\n')).toContain('กำลังเตรียมรายชื่อ');
    const c = card(shown);
    expect(c).toContain('จะส่งถึง 3 คน');
    expect(c).toContain('พ้นจากตำแหน่ง/ลาออกแล้ว 1 คน');
    expect(c).toContain('บล็อกบัญชี LINE ของระบบ 1 คน');
    expect(c).toContain('ยังไม่ได้ลงทะเบียน LINE 1 คน');
    expect(c).toContain('นายหนึ่ง ค้างส่ง'); // nearest due first
    expect(multicasts()).toHaveLength(0); // nothing is sent before the confirm

    await sys.postback(hr, findAction(sys.botMessages(hr), 'ยืนยันส่ง').data as string);
    expect(multicasts().map((r) => r.status)).toEqual([200]);
    for (const id of ['A1', 'A2', 'A3']) {
      const got = sys.botMessages(ids.get(id) as string);
      expect(got).toHaveLength(1); // one message per person, however many reports they owe
      const button = findAction(got, 'ส่งรายงานตอนนี้');
      const decoded = decodePostback(button.data as string, signer, new Date());
      expect(decoded).toEqual({ ok: true, payload: { a: 'flow.start', f: 'trainingReport' } });
    }
    expect(sys.botMessages(ids.get('BLOCKED') as string)).toEqual([]);
    expect(sys.botMessages(ids.get('LEFT') as string)).toEqual([]);
    expect(textsOf(sys.botMessages(hr)).at(-1)).toContain('ส่งถึง 3 คน');

    const [doc] = (await municipality().collection('broadcasts').get()).docs;
    expect(doc?.data()).toMatchObject({
      status: 'sent',
      recipientCount: 3,
      deliveredCount: 3,
      failedCount: 0,
      excluded: { left: 1, blocked: 1, notLinked: 1, noStaffRecord: 0 },
      requestedBy: { lineUserId: hr },
      confirmedBy: { lineUserId: hr },
      filter: { kind: 'allPending' },
    });
    const batches = await doc?.ref.collection('batches').get();
    expect(batches?.docs.map((b) => b.get('status'))).toEqual(['sent']);
    expect([...(batches?.docs[0]?.get('employeeIds') ?? [])].sort()).toEqual(['A1', 'A2', 'A3']);
  });

  it('sends 1 200 reminders as 3 multicasts, waiting out LINE’s 429s, each person once', async () => {
    const people = Array.from({ length: 1200 }, (_, i) => ({ id: `P${String(i).padStart(4, '0')}` }));
    const ids = await seed(people);
    const hr = await hrUser();
    expect(card(await preview(hr))).toContain('จะส่งถึง 1,200 คน');
    sys.platform.injectFault({ path: MULTICAST, status: 429, count: 3, retryAfterSec: 1 });
    await sys.postback(hr, findAction(sys.botMessages(hr), 'ยืนยันส่ง').data as string);

    const calls = multicasts();
    expect(calls.filter((r) => r.status === 200)).toHaveLength(3);
    expect(calls.filter((r) => r.status === 429)).toHaveLength(3);
    expect(
      sys.platform
        .requests({ path: '/v2/bot/message/push' })
        .filter((r) => r.body && (r.body as { to?: string }).to !== hr),
    ).toHaveLength(0);
    for (const userId of ids.values()) {
      const got = sys.platform.messagesFor(userId);
      expect(got.length).toBe(1);
      expect(got[0]?.via).toBe('multicast');
    }
    expect(textsOf(sys.botMessages(hr)).at(-1)).toContain('ส่งถึง 1,200 คน');
  }, 60_000);

  it('a second tap or a redelivered confirm sends nothing more', async () => {
    const ids = await seed([{ id: 'B1' }, { id: 'B2' }]);
    const hr = await hrUser();
    await preview(hr);
    const data = findAction(sys.botMessages(hr), 'ยืนยันส่ง').data as string;
    const confirm = buildPostbackEvent({ userId: hr, data, replyToken: sys.platform.issueReplyToken(hr) });
    await sys.post(sys.envelope([confirm]));
    await sys.post(sys.envelope([{ ...confirm, deliveryContext: { isRedelivery: true } }]));
    await sys.postback(hr, data); // a second tap: a new event
    expect(multicasts().filter((r) => r.status === 200)).toHaveLength(1);
    for (const userId of ids.values()) expect(sys.platform.messagesFor(userId)).toHaveLength(1);
    const [doc] = (await municipality().collection('broadcasts').get()).docs;
    expect(doc?.get('sendRuns')).toBe(1);
  });

  it('refuses people who are not HR, even with a confirm button of a real draft', async () => {
    const ids = await seed([{ id: 'C1' }]);
    const staff = await sys.linkedUser({ employeeId: 'S001', roles: ['staff', 'supervisor'] });
    await sys.text(staff, 'แจ้งเตือนผู้ค้างส่ง');
    expect(textsOf(sys.botMessages(staff)).join('\n')).toContain('เฉพาะเจ้าหน้าที่ฝ่ายบุคคล');
    expect((await municipality().collection('broadcasts').get()).size).toBe(0);

    const hr = await hrUser();
    await preview(hr);
    const [doc] = (await municipality().collection('broadcasts').get()).docs;
    const forged = encodePostback({ a: 'hb.confirm', b: doc?.id as string }, signer, new Date());
    await sys.postback(staff, forged);
    expect(multicasts()).toHaveLength(0);
    expect(sys.platform.messagesFor(ids.get('C1') as string)).toHaveLength(0);
    expect((await doc?.ref.get())?.get('status')).toBe('draft');
  });

  it('retries only the batches that failed, and counts a batch LINE already accepted (409) once', async () => {
    const ids = await seed(
      Array.from({ length: 1100 }, (_, i) => ({ id: `R${String(i).padStart(4, '0')}` })),
    );
    const hr = await hrUser();
    await preview(hr);
    const [doc] = (await municipality().collection('broadcasts').get()).docs;
    const ref = doc?.ref;
    if (!ref) throw new Error('no broadcast');
    await ref.update({ status: 'queued' }); // as the confirm turn does
    const store = createFirestoreBroadcastStore(sys.fs.db, {
      municipality: municipality(),
      broadcasts: municipality().collection('broadcasts'),
    });
    // one attempt per call and one round per run: an injected 429 fails its batch for this run
    const line = createHttpLineClient({
      channelAccessToken: TEST_CHANNEL.accessToken,
      apiBase: sys.platform.url,
      maxAttempts: 1,
    });
    const deps = {
      store,
      line,
      signer,
      logger: silentLogger,
      clock: () => new Date(),
      rounds: 1,
      concurrency: 1,
    };
    sys.platform.injectFault({ path: MULTICAST, status: 429, count: 1, retryAfterSec: 1 });
    const first = await sendBroadcast(ref.id, deps);
    expect(first).toMatchObject({ status: 'partial', delivered: 600, failed: 500, batchesSent: 2 });
    expect((await ref.collection('batches').doc('0').get()).get('status')).toBe('failed');

    // a run that died after LINE accepted a batch but before recording it
    await ref.collection('batches').doc('1').update({ status: 'pending' });
    const second = await sendBroadcast(ref.id, deps);
    expect(second).toMatchObject({ status: 'sent', delivered: 1100, failed: 0, batchesSent: 2 });
    const calls = multicasts();
    expect(calls.filter((r) => r.status === 409)).toHaveLength(1);
    expect(calls.filter((r) => r.status === 200)).toHaveLength(3);
    for (const userId of ids.values()) expect(sys.platform.messagesFor(userId)).toHaveLength(1);
    expect(await sendBroadcast(ref.id, deps)).toEqual({ status: 'skipped', reason: 'notQueued' });
  }, 60_000);
});
