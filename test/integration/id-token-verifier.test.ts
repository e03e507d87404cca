import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createIdTokenVerifier, IdTokenError } from '../../bot/src/api/id-token-verifier';
import { type LinePlatform, startLinePlatform } from '../../dev/src/line-platform';

// The API's ID token check against the fake LINE platform's LINE Login: its JWKS (ES256 keys, rotated
// on demand) and its verify endpoint, with injected outages.

const CHANNEL = '1650000001';
const USER = 'U0123456789abcdef0123456789abcdef';
const CERTS = '/oauth2/v2.1/certs';
const VERIFY = '/oauth2/v2.1/verify';
const HOUR = 3600;
const nowSec = () => Math.floor(Date.now() / 1000);

let platform: LinePlatform;
beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: 'verifier-test-token', loginChannelId: CHANNEL });
});
afterAll(() => platform.close());
afterEach(() => platform.clearFaults());

const verifier = () => createIdTokenVerifier({ lineApiBase: platform.url, loginChannelId: CHANNEL });
const token = (o: Partial<Parameters<LinePlatform['issueIdToken']>[1]> = {}) =>
  platform.issueIdToken(USER, { aud: CHANNEL, name: 'สมหญิง ทดสอบ', ...o });
const calls = (path: string) => platform.requests({ path }).length;

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const partsOf = (t: string) => t.split('.') as [string, string, string];
const claimsOf = (t: string) => JSON.parse(Buffer.from(partsOf(t)[1], 'base64url').toString());
const headerOf = (t: string) => JSON.parse(Buffer.from(partsOf(t)[0], 'base64url').toString());

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IdTokenError);
  return (err as IdTokenError).reason;
}

describe('ID token verification: locally against the JWKS', () => {
  it('accepts a token LINE signed, reading only its claims, without calling the verify endpoint', async () => {
    const before = calls(VERIFY);
    const v = verifier();
    expect(await v.verify(token())).toEqual({ sub: USER, name: 'สมหญิง ทดสอบ', exp: expect.any(Number) });
    expect(await v.verify(token())).toMatchObject({ sub: USER });
    expect(calls(VERIFY)).toBe(before);
  });

  it('refuses a token whose claims were changed after signing (forged sub)', async () => {
    const [h, p, s] = partsOf(token());
    const forged = `${h}.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'Uattacker' })}.${s}`;
    expect(await refusal(verifier().verify(forged))).toBe('signature');
  });

  it("refuses a token signed with someone else's key under LINE's kid", async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const input = `${b64(headerOf(token()))}.${b64(claimsOf(token()))}`;
    const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(await refusal(verifier().verify(`${input}.${sig.toString('base64url')}`))).toBe('signature');
  });

  it('refuses alg none and HS256 (keyed with the public key), without asking LINE', async () => {
    const before = { certs: calls(CERTS), verify: calls(VERIFY) };
    const claims = claimsOf(token());
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    expect(await refusal(verifier().verify(none))).toBe('algorithm');
    const jwks = (await (await fetch(`${platform.url}${CERTS}`)).json()) as { keys: Array<{ x: string }> };
    const hsInput = `${b64({ alg: 'HS256', kid: headerOf(token()).kid, typ: 'JWT' })}.${b64(claims)}`;
    const hs = `${hsInput}.${createHmac('sha256', jwks.keys[0]!.x).update(hsInput).digest('base64url')}`;
    expect(await refusal(verifier().verify(hs))).toBe('algorithm');
    expect(calls(VERIFY)).toBe(before.verify);
    expect(calls(CERTS)).toBe(before.certs + 1); // the fetch above, none by the verifier
  });

  it('refuses a wrong audience (another channel) and a wrong issuer', async () => {
    expect(await refusal(verifier().verify(token({ aud: '9999999999' })))).toBe('audience');
    expect(await refusal(verifier().verify(token({ iss: 'https://evil.example' })))).toBe('issuer');
  });

  it('tolerates 60 s of clock skew on exp, iat and nbf, and no more', async () => {
    const v = verifier();
    // exp 30 s ago: within the skew
    expect(await v.verify(token({ iat: nowSec() - HOUR - 30, expiresInSec: HOUR }))).toMatchObject({
      sub: USER,
    });
    // exp 5 minutes ago: beyond it
    expect(await refusal(v.verify(token({ iat: nowSec() - HOUR - 300, expiresInSec: HOUR })))).toBe(
      'expired',
    );
    // issued 30 s "in the future" (LINE's clock ahead of ours) is fine; 10 minutes is not
    expect(await v.verify(token({ iat: nowSec() + 30 }))).toMatchObject({ sub: USER });
    expect(await refusal(v.verify(token({ iat: nowSec() + 600 })))).toBe('not-yet-valid');
    expect(await refusal(v.verify(token({ nbf: nowSec() + 600 })))).toBe('not-yet-valid');
  });

  it('refetches the keys once when LINE rotated them (unknown kid), and not for every made-up kid', async () => {
    const v = verifier();
    const start = calls(CERTS);
    await v.verify(token());
    expect(calls(CERTS)).toBe(start + 1);
    platform.rotateIdTokenKey();
    const rotated = token();
    expect(await v.verify(rotated)).toMatchObject({ sub: USER });
    expect(calls(CERTS)).toBe(start + 2);
    await v.verify(rotated);
    expect(calls(CERTS)).toBe(start + 2); // cached again
    // a kid LINE never published: refused, and the forced refresh is rate-limited
    const [, p, s] = partsOf(token());
    const madeUp = `${b64({ alg: 'ES256', kid: 'made-up-kid', typ: 'JWT' })}.${p}.${s}`;
    expect(await refusal(v.verify(madeUp))).toBe('signature');
    expect(await refusal(v.verify(madeUp))).toBe('signature');
    expect(calls(CERTS)).toBe(start + 2);
  });

  it('refuses garbage without a network call', async () => {
    const before = calls(CERTS) + calls(VERIFY);
    for (const bad of [
      '',
      'abc',
      'a.b',
      'a.b.c',
      `${b64({ alg: 'ES256' })}.${b64({})}.x`,
      'x'.repeat(9000),
    ]) {
      expect(await refusal(verifier().verify(bad))).toBe('malformed');
    }
    expect(calls(CERTS) + calls(VERIFY)).toBe(before);
  });
});

describe('ID token verification: when the JWKS cannot be fetched', () => {
  it("falls back to LINE's verify endpoint, which still refuses what it must", async () => {
    platform.injectFault({ path: CERTS, status: 500, count: 10 });
    const before = calls(VERIFY);
    expect(await verifier().verify(token())).toMatchObject({ sub: USER, name: 'สมหญิง ทดสอบ' });
    expect(calls(VERIFY)).toBe(before + 1);
    const [h, p, s] = partsOf(token());
    const forged = `${h}.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'Uattacker' })}.${s}`;
    expect(await refusal(verifier().verify(forged))).toBe('signature');
    expect(await refusal(verifier().verify(token({ iat: nowSec() - 2 * HOUR, expiresInSec: HOUR })))).toBe(
      'expired',
    );
    expect(await refusal(verifier().verify(token({ aud: '9999999999' })))).toBe('audience');
    expect(calls(VERIFY)).toBe(before + 4);
  });

  it('uses the keys it already has while the JWKS is down', async () => {
    let clock = Date.now();
    const v = createIdTokenVerifier({
      lineApiBase: platform.url,
      loginChannelId: CHANNEL,
      keysTtlMs: 1000,
      now: () => clock,
    });
    await v.verify(token());
    clock += 5000; // cache stale
    platform.injectFault({ path: CERTS, status: 503, count: 10 });
    const before = calls(VERIFY);
    expect(await v.verify(token())).toMatchObject({ sub: USER });
    expect(calls(VERIFY)).toBe(before);
  });

  it('keeps using expired cached keys when refetching them fails', async () => {
    const v = createIdTokenVerifier({ lineApiBase: platform.url, loginChannelId: CHANNEL, keysTtlMs: 200 });
    await v.verify(token());
    await new Promise((r) => setTimeout(r, 300)); // the key cache is now older than its 200 ms
    platform.injectFault({ path: CERTS, status: 503, count: 10 });
    const before = { verify: calls(VERIFY), certs: calls(CERTS) };
    expect(await v.verify(token())).toMatchObject({ sub: USER });
    expect(calls(CERTS)).toBeGreaterThan(before.certs); // it did try LINE first
    expect(calls(VERIFY)).toBe(before.verify);
  });

  it('is "unavailable" (not a refusal of the person) when the verify endpoint is down too', async () => {
    platform.injectFault({ path: CERTS, status: 500, count: 10 });
    platform.injectFault({ path: VERIFY, status: 503, count: 10 });
    expect(await refusal(verifier().verify(token()))).toBe('unavailable');
    const down = createIdTokenVerifier({ lineApiBase: 'http://127.0.0.1:1', loginChannelId: CHANNEL });
    expect(await refusal(down.verify(token()))).toBe('unavailable');
  });
});
