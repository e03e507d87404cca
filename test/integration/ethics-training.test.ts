import { hoursEntry, normaliseStats } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { municipalityCollections } from '../../bot/src/municipality-collections';
import { creditHours } from '../../bot/src/reports/credit-hours';
import { readCreditPrior } from '../../bot/src/stats/credit-prior';
import { rebuildStats } from '../../bot/src/stats/rebuild-stats';
import { readStoredStats } from '../../bot/src/stats/stored-stats';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// Mandatory ethics training on the real emulator: credits in the ethics curriculum (concurrent, as the
// morning job and approvals make them) keep the table per division and staff type equal to a rebuild;
// the dashboard shows it; HR reminds exactly the active, reachable people without an entry through the
// report reminders' broadcast (preview, confirm, one multicast).

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });
const MULTICAST = '/v2/bot/message/multicast';

async function call(path: string, o: { token: string; method?: string; body?: unknown }) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const PEOPLE = [
  // id, division, staff type, linked to LINE, active
  ['ED1', 'education', 'teacher', true, true],
  ['ED2', 'education', 'teacher', true, true],
  ['ED3', 'education', 'contractEmployee', false, true],
  ['PA1', 'palad', 'municipalEmployee', true, true],
  ['PA2', 'palad', 'municipalEmployee', true, false],
] as const;

describe('mandatory ethics training', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    sys.platform.reset();
    await municipality().set(demoMunicipality);
  });

  it('counts per division and staff type, shows it, and reminds only those without an entry', async () => {
    const hr = await sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] });
    const employees = municipality().collection('employees');
    await employees.doc('HR01').update({ divisionId: 'palad', staffType: 'municipalEmployee' });
    const lineIds = new Map<string, string>();
    for (const [id, divisionId, staffType, linked, active] of PEOPLE) {
      const userId = linked ? sys.newUserId() : undefined;
      if (userId) {
        lineIds.set(id, userId);
        sys.platform.setFollowing(userId, true);
      }
      await employees.doc(id).set({
        id,
        code: id,
        name: `บุคลากร ${id}`,
        divisionId,
        staffType,
        active,
        roles: ['staff'],
        ...(userId ? { lineUserId: userId, lineFollowing: true } : {}),
      });
    }
    const c = municipalityCollections(municipality());
    const credit = (employeeId: string, trainingId: string, curriculum: string) =>
      sys.fs.db.runTransaction(async (tx) => {
        const e = hoursEntry(
          employeeId,
          {
            trainingId,
            title: 'คุณธรรมจริยธรรมสำหรับบุคลากรท้องถิ่น',
            method: 'training',
            curriculum,
            hours: 6,
            endDate: '2026-12-01',
          },
          'attendance',
          NOW,
        );
        return creditHours(tx, c, e, Timestamp.fromDate(NOW), await readCreditPrior(tx, c, employeeId, 2570));
      });
    // ED1 twice in ethics (counted once), ED3 once, PA1 only in another curriculum, PA2 has left
    await Promise.all([
      credit('ED1', 'ETH-A', 'ethics'),
      credit('ED1', 'ETH-B', 'ethics'),
      credit('ED3', 'ETH-A', 'ethics'),
      credit('PA1', 'DUT-A', 'duties'),
      credit('PA2', 'ETH-A', 'ethics'),
    ]);

    const maintained = (await readStoredStats(municipality().collection('stats'), 2570)).stats;
    expect(maintained?.ethics).toBe(3);
    expect(maintained?.ethicsByGroup).toEqual({
      education: { teacher: 1, contractEmployee: 1 },
      palad: { municipalEmployee: 1 },
    });
    const rebuilt = await rebuildStats(sys.fs.db, c, 2570, NOW);
    expect(rebuilt.drifted).toBe(false);
    expect(normaliseStats(rebuilt.stats).ethicsByGroup).toEqual(
      normaliseStats(rebuilt.previous as never).ethicsByGroup,
    );

    const dashboard = await call('/dashboard', { token: tokenFor(hr) });
    const table = dashboard.body.ethicsTraining;
    // the counts are the year's, like every maintained indicator: PA2 trained before leaving and still
    // counts in palad (capped at the people on staff), while the reminder below reads the records
    expect(table).toMatchObject({ trained: 3, staff: 5, percent: 60, missing: 2 });
    expect(
      table.rows.map((r: { divisionId: string; trained: number; staff: number }) => [
        r.divisionId,
        r.trained,
        r.staff,
      ]),
    ).toEqual([
      ['palad', 1, 2],
      ['education', 2, 3],
    ]);
    expect(table.rows[1].cells).toEqual([
      { staffType: 'municipalEmployee', label: 'พนักงานเทศบาล', trained: 0, staff: 0 },
      { staffType: 'teacher', label: 'พนักงานครูเทศบาล', trained: 1, staff: 2 },
      { staffType: 'contractEmployee', label: 'พนักงานจ้าง', trained: 1, staff: 1 },
    ]);

    const preview = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'noEthicsTraining', fiscalYear: 2570 } },
    });
    expect(preview.status).toBe(201);
    // ED2 and PA1 (HR01 too, linked): nobody who trained, left, or cannot be reached
    expect(preview.body).toMatchObject({
      recipientCount: 3,
      filterLabel: 'ผู้ที่ยังไม่ได้อบรมหลักสูตรด้านคุณธรรมและจริยธรรม ปีงบประมาณ พ.ศ. 2570',
    });
    expect(preview.body.messageText).toContain('อบรมด้านคุณธรรมและจริยธรรม');
    const confirmed = await call(`/late/broadcasts/${preview.body.id}/confirm`, {
      token: tokenFor(hr),
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
    const { bot } = await sys.start();
    await bot.drain();
    const sent = sys.platform.requests({ path: MULTICAST });
    expect(sent).toHaveLength(1);
    expect([...((sent[0]?.body as { to?: string[] } | undefined)?.to ?? [])].sort()).toEqual(
      [lineIds.get('ED2'), lineIds.get('PA1'), hr].sort(),
    );
    expect(textsOf(sys.botMessages(lineIds.get('ED1') as string))).toEqual([]);

    // one division only
    const palad = await call('/late/broadcasts', {
      token: tokenFor(hr),
      method: 'POST',
      body: { filter: { kind: 'noEthicsTraining', fiscalYear: 2570, divisionId: 'education' } },
    });
    expect(palad.body).toMatchObject({
      recipientCount: 1,
      filterLabel: expect.stringContaining('ในกองการศึกษา'),
    });
  }, 60_000);
});
