import { surveyFromTemplate } from '@phattana/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { useSystem } from '../support/system';

// Yearly targets on the real emulator through the real API: HR sets a year's rule and a past year's
// result, every change is audited, the dashboard judges the year under the rule (here "≥ 90% or not
// below last year's result"), and executives read but cannot edit.

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

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

describe('target history API', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
    await municipality().set(demoMunicipality);
  });

  it('lets HR set rules and past results with an audit trail, and the dashboard judges by the rule', async () => {
    const hr = tokenFor(
      await sys.linkedUser({ employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี', roles: ['staff', 'hr'] }),
    );
    // ten active people, seven developed this year: 70%
    const employees = municipality().collection('employees');
    for (let n = 0; n < 9; n++)
      await employees.doc(`P${n}`).set({ name: `คนที่ ${n}`, active: true, divisionId: 'palad' });
    // the maintained aggregates as the credits leave them (no rebuild needed)
    const stats = municipality().collection('stats');
    await stats.doc('staff').set({
      active: 10,
      activeByDivision: { palad: 9, _none: 1 },
      activeByJobLine: {},
      activeByGroup: { palad: { municipalEmployee: 9 }, _none: { municipalEmployee: 1 } },
    });
    await stats.doc('fy2570').set({
      developed: 7,
      ethicsByGroup: {},
      rebuiltAt: new Date(),
      hoursTarget: demoMunicipality.yearlyHoursTarget,
    });

    const bad = await call('/targets/2570/developed', {
      token: hr,
      method: 'PUT',
      body: { rule: { comparison: 'atLeast', percent: 120 } },
    });
    expect(bad).toMatchObject({ status: 400, body: { message: 'ร้อยละของเป้าหมายต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100' } });
    expect(
      (await call('/targets/2570/nonsense', { token: hr, method: 'PUT', body: { rule: null } })).status,
    ).toBe(404);
    const rule = { comparison: 'atLeast', percent: 90, orNotBelow: 'lastResult' };
    expect((await call('/targets/2570/developed', { token: hr, method: 'PUT', body: { rule } })).status).toBe(
      200,
    );

    // no last year on record: 70% is below 90% and nothing to compare with
    let dashboard = await call('/dashboard', { token: hr });
    expect(dashboard.body.indicators.find((i: { id: string }) => i.id === 'developed')).toMatchObject({
      value: 70,
      target: 90,
      rule,
      met: false,
      verdict: { met: false, by: 'noLastYear' },
    });

    // this year's result cannot be typed in; last year's can, and then 70% is not below it
    const thisYear = await call('/targets/2570/developed/result', {
      token: hr,
      method: 'PUT',
      body: { value: 65 },
    });
    expect(thisYear.status).toBe(400);
    expect(
      (await call('/targets/2569/developed/result', { token: hr, method: 'PUT', body: { value: 70 } }))
        .status,
    ).toBe(200);
    dashboard = await call('/dashboard', { token: hr });
    expect(dashboard.body.indicators.find((i: { id: string }) => i.id === 'developed')).toMatchObject({
      met: true,
      verdict: { met: true, by: 'lastYear' },
    });

    const page = await call('/targets?fy=2570', { token: hr });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ fiscalYear: 2570, currentYear: 2570, canEdit: true });
    const developed = page.body.indicators.find((i: { id: string }) => i.id === 'developed');
    expect(developed.points.map((p: { fiscalYear: number }) => p.fiscalYear)).toEqual([
      2566, 2567, 2568, 2569, 2570,
    ]);
    expect(developed.points.slice(-2)).toMatchObject([
      { fiscalYear: 2569, result: 70, source: 'hr', rule: { percent: 80 }, ruleSet: false },
      { fiscalYear: 2570, result: 70, source: 'system', rule, verdict: { met: true, by: 'lastYear' } },
    ]);
    expect(page.body.changes).toMatchObject([
      // newest first; the 2569 result is on 2569's document
      {
        by: { employeeId: 'HR01', name: 'นางสาวบุคคล ดูแลดี' },
        indicatorId: 'developed',
        field: 'rule',
        before: null,
        after: rule,
      },
    ]);
    const last = await call('/targets?fy=2569', { token: hr });
    expect(last.body.changes).toMatchObject([{ field: 'result', before: null, after: 70 }]);
    // the daily job froze this year's figures for next year's comparison (the pages only read)
    expect(
      (await municipality().collection('targets').doc('fy2570').get()).get('results.developed'),
    ).toBeUndefined();
    await (await sys.start()).bot.runDailyJobs(NOW);
    const stored = (await municipality().collection('targets').doc('fy2570').get()).data();
    expect(stored?.results.developed).toEqual({ value: 70, source: 'system' });

    // back to the default: the audit keeps both changes
    await call('/targets/2570/developed', { token: hr, method: 'PUT', body: { rule: null } });
    const after = await call('/targets?fy=2570', { token: hr });
    expect(after.body.changes.map((c: { after: unknown }) => c.after)).toEqual([null, rule]);
    expect(
      after.body.indicators.find((i: { id: string }) => i.id === 'developed').points.at(-1).rule,
    ).toEqual({
      comparison: 'atLeast',
      percent: 80,
    });
  });

  it('lets executives read the targets but not change them, and refuses a year out of range', async () => {
    const exec = tokenFor(await sys.linkedUser({ employeeId: 'E001', roles: ['staff', 'executive'] }));
    const page = await call('/targets', { token: exec });
    expect(page).toMatchObject({ status: 200, body: { fiscalYear: 2570, canEdit: false } });
    expect(page.body.indicators.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['developed', 'ethicsTraining', 'ethicsQuiz', 'fairness']),
    );
    const edit = await call('/targets/2570/fairness', {
      token: exec,
      method: 'PUT',
      body: { rule: { comparison: 'above', percent: 60 } },
    });
    expect(edit.status).toBe(403);
    expect((await call('/targets?fy=2590', { token: exec })).status).toBe(400);
    expect((await municipality().collection('targets').doc('fy2570').get()).get('rules')).toBeUndefined();
  });

  it('feeds the fairness indicator from the year’s anonymous fairness survey, judged against last year’s target', async () => {
    const hr = tokenFor(await sys.linkedUser({ employeeId: 'HR01', roles: ['staff', 'hr'] }));
    const survey = municipality().collection('surveys').doc('fairness-2570');
    await survey.set({
      ...surveyFromTemplate('fairness', {
        id: 'fairness-2570',
        fiscalYear: 2570,
        opensOn: '2026-12-01',
        closesOn: '2026-12-31',
      }),
      status: 'open',
    });
    // 11 of 20 satisfied: 55%, not above 60%
    for (let n = 0; n < 20; n++)
      await survey
        .collection('responses')
        .doc(`r${n}`)
        .set({
          divisionId: 'palad',
          staffType: 'municipalEmployee',
          answers: { fairnessOverall: { type: 'likert', value: n < 11 ? 4 : 2 } },
        });
    let page = await call('/targets', { token: hr });
    let point = page.body.indicators.find((i: { id: string }) => i.id === 'fairness').points.at(-1);
    expect(point).toMatchObject({
      result: 55,
      rule: { comparison: 'above', percent: 60, orNotBelow: 'lastTarget' },
    });
    // no record of last year: nothing to compare with
    expect(point.verdict).toEqual({ met: false, by: 'noLastYear' });
    await (await sys.start()).bot.runDailyJobs(NOW);
    expect((await municipality().collection('targets').doc('fy2570').get()).get('results.fairness')).toEqual({
      value: 55,
      source: 'system',
    });

    // last year's target was 55%: 55% is not below it
    await call('/targets/2569/fairness', {
      token: hr,
      method: 'PUT',
      body: { rule: { comparison: 'above', percent: 55 } },
    });
    page = await call('/targets', { token: hr });
    point = page.body.indicators.find((i: { id: string }) => i.id === 'fairness').points.at(-1);
    expect(point.verdict).toEqual({ met: true, by: 'lastYear' });
    expect(point.verdictText).toBe('บรรลุเป้าหมาย (ไม่ต่ำกว่าปีที่แล้ว)');
  });
});
