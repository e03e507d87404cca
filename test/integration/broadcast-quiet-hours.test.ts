import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// One quiet-hours rule for what the bot sends for HR: a reminder confirmed at 23:34 waits, queued, for
// the 08:00 release; the preview says so, what it costs of this month's LINE messages, and that the
// same people were reminded a few hours ago. Wednesday 16 Dec 2569.

let now = bangkokMorning('2026-12-16', 10);
const sys = useSystem({ clock: () => now });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const multicasts = () => sys.platform.requests({ path: '/v2/bot/message/multicast' });

async function call(path: string, token: string, method = 'GET', body?: unknown) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function seedLate(ids: string[]) {
  const batch = sys.fs.db.batch();
  for (const id of ids) {
    const userId = sys.newUserId();
    sys.platform.setFollowing(userId, true);
    batch.set(municipality().collection('employees').doc(id), {
      id,
      code: id,
      name: `คุณ ${id}`,
      divisionId: 'finance',
      roles: ['staff'],
      active: true,
      lineUserId: userId,
      lineFollowing: true,
    });
    batch.set(municipality().collection('reports').doc(`TR__${id}`), {
      id: `TR__${id}`,
      trainingId: 'TR',
      trainingTitle: 'การเขียนหนังสือราชการ',
      employeeId: id,
      employeeName: `คุณ ${id}`,
      divisionId: 'finance',
      dueDate: '2026-12-08',
      status: 'pending',
    });
  }
  await batch.commit();
}

describe('quiet hours for HR broadcasts', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    sys.platform.reset();
    await municipality().set({ ...demoMunicipality, divisions: [{ id: 'finance', name: 'กองคลัง' }] });
  });

  it('holds a reminder confirmed at night until 08:00, and the preview says when, what it costs and who was just reminded', async () => {
    await seedLate(['L1', 'L2', 'L3']);
    const hr = await sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });
    const token = () => sys.platform.issueIdToken(hr, { aud: DEV_CHANNEL.loginChannelId });
    sys.platform.setQuota({ type: 'limited', value: 500 });
    const send = async () => {
      const created = await call('/late/broadcasts', token(), 'POST', { filter: { kind: 'overdue' } });
      expect(created.status).toBe(201);
      await call(`/late/broadcasts/${created.body.id}/confirm`, token(), 'POST');
      const { bot } = await sys.start();
      await bot.drain();
      return created.body;
    };

    // in office hours: sent at once, nothing to warn about
    const morning = await send();
    expect(morning.sending).toEqual({ sendsAt: null, cost: 3, remaining: 500, remindedWithinDay: 0 });
    expect(multicasts()).toHaveLength(1);

    // 23:34: the preview warns, the confirm sends nothing yet
    now = new Date('2026-12-16T23:34:00+07:00');
    sys.platform.setClock(now);
    const night = await send();
    expect(night.sending).toMatchObject({ sendsAt: '08:00', cost: 3, remindedWithinDay: 3 });
    expect(night.sending.remaining).toBeLessThanOrEqual(497);
    expect(multicasts()).toHaveLength(1);
    const stored = await municipality().collection('broadcasts').doc(night.id).get();
    expect(stored.get('status')).toBe('queued');
    expect(stored.get('deferredUntil').toDate().toISOString()).toBe('2026-12-17T01:00:00.000Z');
    const view = await call(`/late/broadcasts/${night.id}`, token());
    expect(view.body).toMatchObject({ status: 'queued', sending: { sendsAt: '08:00' } });

    // the morning: released once, by the daily job
    now = bangkokMorning('2026-12-17', 8);
    sys.platform.setClock(now);
    const { bot } = await sys.start();
    const jobs = await bot.runDailyJobs(now);
    expect(jobs.deferredBroadcasts).toBe(1);
    expect(multicasts().map((c) => c.status)).toEqual([200, 200]);
    expect((await stored.ref.get()).get('status')).toBe('sent');
    expect((await bot.runDailyJobs(now)).deferredBroadcasts).toBe(0);
    expect(multicasts()).toHaveLength(2);
  });
});
