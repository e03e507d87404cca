import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { useSystem } from '../support/system';

// The LIFF API's authentication through the running bot: who may in, and what everyone else is told
// (in Thai, with a status the app can act on).

const sys = useSystem();
const THAI = /[\u0E00-\u0E7F]/;

async function get(path: string, token: string) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { message?: string; reason?: string },
  };
}
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });
const employees = () =>
  sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID).collection('employees');

describe('LIFF API authentication', () => {
  it('answers 503 with a Thai message when neither the JWKS nor the verify endpoint answers', async () => {
    const user = await sys.linkedUser();
    sys.platform.injectFault({ path: '/oauth2/v2.1/certs', status: 500, count: 5 });
    sys.platform.injectFault({ path: '/oauth2/v2.1/verify', status: 500, count: 5 });
    const r = await get('/me/data', tokenFor(user));
    expect(r.status).toBe(503);
    expect(r.body.reason).toBe('unavailable');
    expect(r.body.message).toMatch(THAI);
    expect(r.headers.get('retry-after')).toBe('30');
  });

  it('still lets people in through the verify endpoint while the JWKS is down', async () => {
    const user = await sys.linkedUser();
    sys.platform.injectFault({ path: '/oauth2/v2.1/certs', status: 500, count: 5 });
    expect((await get('/me/data', tokenFor(user))).status).toBe(200);
  });

  it('refuses alg none and a token LINE never signed with 401 in Thai', async () => {
    const user = await sys.linkedUser();
    const claims = Buffer.from(tokenFor(user).split('.')[1] as string, 'base64url').toString();
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(claims).toString('base64url')}.`;
    const r = await get('/me/data', none);
    expect(r).toMatchObject({ status: 401, body: { reason: 'algorithm' } });
    expect(r.body.message).toMatch(THAI);
  });

  it('refuses (403) an unlinked LINE account, one who has left, and one whose record was relinked', async () => {
    const stranger = await get('/me/data', tokenFor(sys.newUserId()));
    expect(stranger.status).toBe(403);
    expect(stranger.body.message).toMatch(/ลงทะเบียน/);

    const left = await sys.linkedUser({ employeeId: 'AU01' });
    await employees().doc('AU01').set({ active: false }, { merge: true });
    expect((await get('/me/data', tokenFor(left))).status).toBe(403);

    // HR unlinked this LINE account and the record now belongs to another: the old chat context is stale
    const old = await sys.linkedUser({ employeeId: 'AU02' });
    await employees().doc('AU02').set({ lineUserId: sys.newUserId() }, { merge: true });
    const relinked = await get('/me/data', tokenFor(old));
    expect(relinked.status).toBe(403);
    expect(relinked.body.message).toMatch(THAI);
  });

  it('takes the person from the verified token and the staff record, never from what the client sends', async () => {
    const me = await sys.linkedUser({ employeeId: 'AU03', name: 'นายตัวจริง ใจดี' });
    const other = await sys.linkedUser({ employeeId: 'AU04', name: 'นางอื่น ไม่ใช่' });
    const { bot } = await sys.start();
    const res = await fetch(`${bot.url}/api/me/data?lineUserId=${other}&employeeId=AU04`, {
      headers: {
        authorization: `Bearer ${tokenFor(me)}`,
        'x-line-user-id': other,
        'x-employee-id': 'AU04',
        'x-roles': 'hr',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({
      lineUserId: me,
      employee: { id: 'AU03', name: 'นายตัวจริง ใจดี' },
    });
  });
});
