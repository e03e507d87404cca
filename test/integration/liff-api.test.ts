import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { useSystem } from '../support/system';

const sys = useSystem();

async function api(path: string, token?: string, origin?: string) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (origin) headers.origin = origin;
  return fetch(`${bot.url}/api${path}`, { headers });
}

const tokenFor = (userId: string, o: { aud?: string; expiresInSec?: number; iat?: number } = {}) =>
  sys.platform.issueIdToken(userId, {
    aud: o.aud ?? DEV_CHANNEL.loginChannelId,
    expiresInSec: o.expiresInSec,
    iat: o.iat,
  });

describe('LIFF API: who is asking is proven by a LINE ID token', () => {
  it('gives a linked person their data as a downloadable file, without secrets', async () => {
    const user = await sys.linkedUser({ employeeId: 'A001', name: 'นางสาวดาวน์ โหลด' });
    await sys.fs.db
      .collection('municipalities')
      .doc(DEMO_MUNICIPALITY_ID)
      .collection('employees')
      .doc('A001')
      .set({ birthDateHash: 'deadbeef', position: 'นักวิชาการ' }, { merge: true });
    await sys.text(user, 'ข้อมูลของฉัน'); // logs an access request
    const res = await api('/me/data', tokenFor(user));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="phattana-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      lineUserId: user,
      employee: { name: 'นางสาวดาวน์ โหลด', position: 'นักวิชาการ', lineUserId: user },
      consent: { decision: 'granted' },
      dataRequests: [expect.objectContaining({ kind: 'access', status: 'open' })],
    });
    expect(JSON.stringify(body)).not.toContain('deadbeef');
  });

  it('includes the person’s survey drafts, completions and named answers, never anonymous ones', async () => {
    const user = await sys.linkedUser({ employeeId: 'A002', name: 'นายสำรวจ ข้อมูล' });
    const m = sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
    await m
      .collection('surveyDrafts')
      .doc('TN__A002')
      .set({
        surveyId: 'TN',
        employeeId: 'A002',
        answers: { time: { type: 'choice', choiceId: 'online' } },
      });
    await m.collection('surveyCompletions').doc('SAT__A002').set({ surveyId: 'SAT', employeeId: 'A002' });
    await m.collection('surveyCompletions').doc('FIVE__A002').set({ surveyId: 'FIVE', employeeId: 'A002' });
    const five = m.collection('surveys').doc('FIVE').collection('responses');
    await five.doc('A002').set({
      surveyId: 'FIVE',
      employeeId: 'A002',
      answers: { area: { type: 'text', value: 'ห้องเก็บเอกสาร' } },
    });
    await m
      .collection('surveys')
      .doc('SAT')
      .collection('responses')
      .doc('r-random')
      .set({
        surveyId: 'SAT',
        divisionId: 'finance',
        answers: { overall: { type: 'likert', value: 2 } },
      });
    // the same employee code in another municipality is someone else
    await sys.fs.db
      .collection('municipalities')
      .doc('other')
      .collection('surveys')
      .doc('X')
      .collection('responses')
      .doc('A002')
      .set({ surveyId: 'X', employeeId: 'A002', answers: {} });

    const body = (await (await api('/me/data', tokenFor(user))).json()) as {
      surveys: {
        drafts: unknown[];
        answered: { surveyId: string }[];
        namedResponses: { surveyId: string }[];
      };
    };
    expect(body.surveys.drafts).toEqual([expect.objectContaining({ surveyId: 'TN' })]);
    expect(body.surveys.answered.map((a) => a.surveyId).sort()).toEqual(['FIVE', 'SAT']);
    expect(body.surveys.namedResponses.map((r) => r.surveyId)).toEqual(['FIVE']);
    expect(JSON.stringify(body)).not.toContain('r-random');
  });

  it('refuses a missing, forged, expired or foreign token, and an unlinked account', async () => {
    const user = await sys.linkedUser();
    expect((await api('/me/data')).status).toBe(401);
    const good = tokenFor(user);
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'Uattacker' })).toString('base64url')}.${s}`;
    expect((await api('/me/data', forged)).status).toBe(401);
    const hour = 3600;
    const expired = tokenFor(user, { iat: Math.floor(Date.now() / 1000) - 2 * hour, expiresInSec: hour });
    const r = await api('/me/data', expired);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ reason: 'expired' });
    expect((await api('/me/data', tokenFor(user, { aud: '9999999999' }))).status).toBe(401);
    expect((await api('/me/data', tokenFor(sys.newUserId()))).status).toBe(403);
  });

  it('refuses someone who has left, whatever their chat context says', async () => {
    const user = await sys.linkedUser({ employeeId: 'A009' });
    await sys.fs.db
      .collection('municipalities')
      .doc(DEMO_MUNICIPALITY_ID)
      .collection('employees')
      .doc('A009')
      .set({ active: false }, { merge: true });
    expect((await api('/me/data', tokenFor(user))).status).toBe(403);
  });

  it('tolerates a small clock skew on expiry', async () => {
    const user = await sys.linkedUser();
    const justExpired = tokenFor(user, { iat: Math.floor(Date.now() / 1000) - 3630, expiresInSec: 3600 });
    expect((await api('/me/data', justExpired)).status).toBe(200);
  });
});
