import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LinePlatform, startLinePlatform } from '../src/line-platform';

// LINE Login on the fake platform: ID tokens as LIFF gets them, the verify endpoint and the JWKS.

const channelId = '1650000000';
let platform: LinePlatform;
const user = 'U0123456789abcdef0123456789abcdef';

beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: 'login-test-token', loginChannelId: channelId });
});
afterAll(() => platform.close());

const verifyToken = async (idToken: string, clientId = channelId) => {
  const res = await fetch(`${platform.url}/oauth2/v2.1/verify`, {
    method: 'POST',
    body: new URLSearchParams({ id_token: idToken, client_id: clientId }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('LINE Login ID tokens', () => {
  it('issues an ES256 JWT that the verify endpoint accepts and the JWKS verifies', async () => {
    const idToken = platform.issueIdToken(user, { aud: channelId, name: 'สมหญิง', nonce: 'n-1' });
    const [h, p, s] = idToken.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });

    const v = await verifyToken(idToken);
    expect(v.status).toBe(200);
    expect(v.body).toMatchObject({
      iss: 'https://access.line.me',
      sub: user,
      aud: channelId,
      name: 'สมหญิง',
      nonce: 'n-1',
      amr: ['linesso'],
    });
    expect(Number(v.body.exp) - Number(v.body.iat)).toBe(3600);

    const jwks = (await (await fetch(`${platform.url}/oauth2/v2.1/certs`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    const ok = verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(s, 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('refuses an expired token, a foreign audience and a tampered one with LINE’s errors', async () => {
    const expired = platform.issueIdToken(user, {
      aud: channelId,
      iat: Math.floor(Date.now() / 1000) - 7200,
    });
    expect(await verifyToken(expired)).toEqual({
      status: 400,
      body: { error: 'invalid_request', error_description: 'IdToken expired.' },
    });

    const good = platform.issueIdToken(user, { aud: channelId });
    expect((await verifyToken(good, '1999999999')).body.error_description).toBe('Invalid IdToken Audience.');

    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'Uevil', aud: channelId })).toString('base64url')}.${s}`;
    expect((await verifyToken(forged)).body.error_description).toBe('Invalid IdToken.');
  });

  it('mints tokens over /__control for another process, defaulting aud to the login channel', async () => {
    const res = await fetch(`${platform.url}/__control/id-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user }),
    });
    const { idToken } = (await res.json()) as { idToken: string };
    expect((await verifyToken(idToken)).body.sub).toBe(user);
  });

  it('puts the profile the platform knows in /__control tokens, as LINE Login does with the profile scope', async () => {
    const named = 'U0123456789abcdef0123456789abcde0';
    platform.setProfile(named, {
      displayName: 'นางสาวจิราพร สายทอง',
      pictureUrl: 'https://example.test/p.png',
    });
    const mint = async (body: Record<string, unknown>) => {
      const res = await fetch(`${platform.url}/__control/id-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await verifyToken(((await res.json()) as { idToken: string }).idToken)).body;
    };
    expect(await mint({ userId: named })).toMatchObject({
      sub: named,
      name: 'นางสาวจิราพร สายทอง',
      picture: 'https://example.test/p.png',
    });
    // a name asked for wins; a user with no profile gets no name
    expect((await mint({ userId: named, name: 'สมหญิง' })).name).toBe('สมหญิง');
    expect(await mint({ userId: user })).not.toHaveProperty('name');
  });
});
