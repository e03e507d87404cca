import { readFileSync } from 'node:fs';
import { createMemoryLogger, municipalityCollections } from '@phattana/bot';
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { enforceRetention } from '../../bot/src/people/retention';
import { createOnceOnlySender } from '../../bot/src/reports/once-only-sender';
import { EXPIRE_AT, KEEP_DAYS } from '../../bot/src/store/expire-at';
import { useTestFirestore } from '../support/firestore';

// PDPA retention against the Firestore emulator: the nightly job deletes the LINE data of people who left
// longer than RETENTION_YEARS ago, keeps their training history, and starts the clock for people it sees
// gone for the first time; the grow-only collections carry the field their TTL policies name.

const fs = useTestFirestore();
const m = fs.db.collection('municipalities').doc('retention');
const c = municipalityCollections(m);
const conversations = fs.db.collection('conversations');
const NOW = new Date('2026-12-07T20:00:00Z');
const yearsAgo = (n: number) => Timestamp.fromDate(new Date(Date.UTC(2026 - n, 11, 7)));
const log = createMemoryLogger();
const run = (now = NOW) =>
  enforceRetention({ db: fs.db, c, conversations, retentionYears: 10, logger: log.logger }, now);

async function person(id: string, o: { active: boolean; leftAt?: Timestamp }) {
  const lineUserId = `U${id.toLowerCase().padEnd(32, '0')}`;
  await c.employees.doc(id).set({
    id,
    code: id,
    name: `นายทดสอบ ${id}`,
    active: o.active,
    roles: ['staff'],
    lineUserId,
    lineFollowing: true,
    birthDateHash: `hash-${id}`,
    ...(o.leftAt ? { leftAt: o.leftAt } : {}),
  });
  await conversations.doc(lineUserId).set({ person: { employeeId: id }, consent: { decision: 'granted' } });
  await c.invites.doc(`INV${id}`).set({ employeeId: id, usedBy: null, revoked: false });
  await c.surveyDrafts.doc(`S1__${id}`).set({ surveyId: 'S1', employeeId: id, answers: {} });
  await c.hoursLedger.doc(`L${id}`).set({ employeeId: id, hours: 6, title: 'ธรรมาภิบาล' });
  await c.reports.doc(`R${id}`).set({ employeeId: id, status: 'approved' });
  return lineUserId;
}

describe('retention of people who left', () => {
  it('deletes LINE data after RETENTION_YEARS, keeps training history, and starts clocks', async () => {
    const working = await person('A1', { active: true });
    const justLeft = await person('B1', { active: false });
    const longGone = await person('C1', { active: false, leftAt: yearsAgo(11) });
    const recentlyGone = await person('D1', { active: false, leftAt: yearsAgo(9) });

    expect(await run()).toEqual({ clocksStarted: 1, anonymised: 1 });

    const c1 = (await c.employees.doc('C1').get()).data() ?? {};
    expect(c1.lineUserId).toBeUndefined();
    expect(c1.lineFollowing).toBeUndefined();
    expect(c1.birthDateHash).toBeUndefined();
    expect((c1.anonymisedAt as Timestamp).toDate()).toEqual(NOW);
    expect(c1).toMatchObject({ code: 'C1', name: 'นายทดสอบ C1' }); // official record of training kept
    expect((await conversations.doc(longGone).get()).exists).toBe(false);
    expect((await c.invites.doc('INVC1').get()).exists).toBe(false);
    expect((await c.surveyDrafts.doc('S1__C1').get()).exists).toBe(false);
    expect((await c.hoursLedger.doc('LC1').get()).exists).toBe(true);
    expect((await c.reports.doc('RC1').get()).exists).toBe(true);

    // nobody else loses anything
    for (const [id, lineUserId] of [
      ['A1', working],
      ['B1', justLeft],
      ['D1', recentlyGone],
    ] as const) {
      expect((await c.employees.doc(id).get()).get('lineUserId')).toBe(lineUserId);
      expect((await conversations.doc(lineUserId).get()).exists).toBe(true);
      expect((await c.invites.doc(`INV${id}`).get()).exists).toBe(true);
      expect((await c.surveyDrafts.doc(`S1__${id}`).get()).exists).toBe(true);
    }
    // someone seen gone for the first time: the clock starts today; the working person has none
    expect(((await c.employees.doc('B1').get()).get('leftAt') as Timestamp).toDate()).toEqual(NOW);
    expect((await c.employees.doc('A1').get()).get('leftAt')).toBeUndefined();
  });

  it('is safe to run again, and reaches the others when their time comes', async () => {
    expect(await run()).toEqual({ clocksStarted: 0, anonymised: 0 });
    const twoYearsOn = new Date(NOW);
    twoYearsOn.setUTCFullYear(2028);
    expect(await run(twoYearsOn)).toEqual({ clocksStarted: 0, anonymised: 1 }); // D1 left 11 years before
    expect((await c.employees.doc('D1').get()).get('lineUserId')).toBeUndefined();
    expect((await c.employees.doc('B1').get()).get('lineUserId')).toBeDefined();
  });

  it('refuses a retention period that is not a whole number of years', async () => {
    await expect(
      enforceRetention({ db: fs.db, c, conversations, retentionYears: 0, logger: log.logger }, NOW),
    ).rejects.toThrow(RangeError);
  });
});

describe('TTL on the collections that only grow', () => {
  it('declares a TTL policy on expireAt for each of them', () => {
    const indexes = JSON.parse(
      readFileSync(new URL('../../firestore.indexes.json', import.meta.url), 'utf8'),
    ) as {
      fieldOverrides: Array<{ collectionGroup: string; fieldPath: string; ttl?: boolean }>;
    };
    const ttl = indexes.fieldOverrides
      .filter((f) => f.ttl && f.fieldPath === EXPIRE_AT)
      .map((f) => f.collectionGroup);
    expect(ttl.sort()).toEqual([
      'batches',
      'heldNotices',
      'notifications',
      'processedEvents',
      'surveyDrafts',
    ]);
  });

  it('stamps notification records with the day Firestore may delete them', async () => {
    const sender = createOnceOnlySender({
      db: fs.db,
      log: c.notifications,
      line: {} as never, // a skipped recipient is never pushed to
      signer: {} as never,
      logger: log.logger,
      now: NOW,
    });
    expect(await sender.send({ key: 'k1', to: { employeeId: 'B1', skipReason: 'left' }, replies: [] })).toBe(
      'skipped',
    );
    const expire = (await c.notifications.doc('k1').get()).get(EXPIRE_AT) as Timestamp;
    expect(expire.toMillis() - NOW.getTime()).toBe(KEEP_DAYS.notification * 86_400_000);
  });
});
