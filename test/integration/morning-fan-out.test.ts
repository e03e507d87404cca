import { consentRecord } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The scheduled morning of a deployment with many municipalities queues one task per municipality
// (the platform's own task, run through the task queue) instead of running them in turn in one run.
// Each municipality's people hear their own morning once, whoever shares their employee id elsewhere;
// the scheduler's retry queues every morning again and nobody hears anything twice.

const now = bangkokMorning('2026-12-04');
const sys = useSystem({ platform: true, clock: () => now });
const B_ID = 'tenantmorning';
const municipalityRef = (id: string) => sys.fs.db.collection('municipalities').doc(id);

/** A linked, following person and a training that ended yesterday: the morning opens their report. */
async function personWithTraining(municipalityId: string): Promise<string> {
  await sys.start();
  const userId = sys.newUserId();
  const m = municipalityRef(municipalityId);
  await m.set({ id: municipalityId, name: `เทศบาลตำบล ${municipalityId}`, divisions: [] }, { merge: true });
  const name = 'นางสาวเช้า ทดสอบ';
  await m
    .collection('employees')
    .doc('F010')
    .set({
      id: 'F010',
      code: 'F010',
      name,
      divisionId: 'palad',
      roles: ['staff'],
      supervisorId: null,
      active: true,
      lineUserId: userId,
      lineFollowing: true,
    });
  await sys.fs.db
    .collection('conversations')
    .doc(userId)
    .set({ person: { employeeId: 'F010', name, roles: ['staff'] }, consent: consentRecord('granted', now) });
  await sys.fs.db.collection('lineUsers').doc(userId).set({ municipalityId, employeeId: 'F010' });
  sys.platform.setFollowing(userId, true);
  await m
    .collection('trainings')
    .doc('TRF1')
    .set({
      title: 'การเขียนหนังสือราชการ',
      organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
      method: 'training',
      startDate: '2026-12-01',
      endDate: '2026-12-03',
      hours: 18,
      attendees: ['F010'],
    });
  return userId;
}

describe('the morning fanned out per municipality', () => {
  it('queues one task per municipality; each person hears their morning once, a rerun sends nothing', async () => {
    const people = {
      [DEMO_MUNICIPALITY_ID]: await personWithTraining(DEMO_MUNICIPALITY_ID),
      [B_ID]: await personWithTraining(B_ID),
    };
    const { bot } = await sys.start();
    const platform = bot.platform;
    if (!platform) throw new Error('expected the platform');

    const queued = await platform.queueDailyJobs();
    expect(queued).toEqual(expect.arrayContaining([DEMO_MUNICIPALITY_ID, B_ID]));
    await bot.drain();
    for (const [id, userId] of Object.entries(people)) {
      expect((await municipalityRef(id).collection('reports').doc('TRF1__F010').get()).get('status')).toBe(
        'pending',
      );
      expect(textsOf(sys.botMessages(userId)), `the person in ${id}`).toEqual([
        expect.stringContaining('ภายใน 16 ธันวาคม 2569'),
      ]);
    }

    // the scheduler's retry (or a second trigger) queues every morning again: nobody hears twice
    const pushesBefore = sys.platform.requests({ path: '/v2/bot/message/*', method: 'POST' }).length;
    await platform.queueDailyJobs();
    await bot.drain();
    for (const userId of Object.values(people)) expect(textsOf(sys.botMessages(userId))).toHaveLength(1);
    expect(sys.platform.requests({ path: '/v2/bot/message/*', method: 'POST' })).toHaveLength(pushesBefore);
  });

  it('a morning task naming no valid municipality runs nowhere', async () => {
    const { bot } = await sys.start();
    await expect(
      bot.platform?.runTask({ type: 'platformDailyJobs', municipalityId: 'no/such' }),
    ).rejects.toThrow();
  });
});
