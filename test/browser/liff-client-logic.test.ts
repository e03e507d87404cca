import { describe, expect, it, vi } from 'vitest';
import { ApiAuthError, createApiClient, type IdTokenSource, joinUrl } from '../../liff/src/api-client';
import { decodeJwtPayload, isIdTokenExpired } from '../../liff/src/id-token';
import { liffStateTarget } from '../../liff/src/liff-state';

function jwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode(payload)}.signature`;
}

const NOW = Date.UTC(2025, 0, 15, 3, 0, 0);
const nowSeconds = NOW / 1000;

describe('id-token', () => {
  it('decodes a base64url payload with Thai text without verifying it', () => {
    expect(decodeJwtPayload(jwt({ name: 'สมศรี', exp: 1 }))).toEqual({ name: 'สมศรี', exp: 1 });
  });

  it('treats garbage, a missing exp and a near exp as expired', () => {
    expect(decodeJwtPayload('not-a-jwt')).toBeNull();
    expect(isIdTokenExpired('not-a-jwt', NOW)).toBe(true);
    expect(isIdTokenExpired(jwt({ sub: 'U1' }), NOW)).toBe(true);
    expect(isIdTokenExpired(jwt({ exp: nowSeconds + 30 }), NOW)).toBe(true);
    expect(isIdTokenExpired(jwt({ exp: nowSeconds + 3600 }), NOW)).toBe(false);
  });
});

describe('api-client', () => {
  function source(
    tokens: Array<string | null>,
  ): IdTokenSource & { reauthenticate: ReturnType<typeof vi.fn> } {
    let current = tokens.shift() ?? null;
    return {
      getIdToken: () => current,
      reauthenticate: vi.fn(async () => {
        current = tokens.shift() ?? null;
      }),
    };
  }

  it('sends the ID token as a Bearer token to the joined URL', async () => {
    const token = jwt({ exp: nowSeconds + 3600 });
    const fetch = vi.fn(async (..._args: Parameters<typeof globalThis.fetch>) => Response.json({ ok: true }));
    const auth = source([token]);
    const api = createApiClient({ baseUrl: 'https://api.example/api/', auth, fetch, now: () => NOW });
    expect(await api.getJson('/me')).toEqual({ ok: true });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.example/api/me');
    expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${token}`);
    expect(auth.reauthenticate).not.toHaveBeenCalled();
  });

  it('re-authenticates when the token is expired, then uses the fresh one', async () => {
    const fresh = jwt({ exp: nowSeconds + 3600 });
    const fetch = vi.fn(
      async (..._args: Parameters<typeof globalThis.fetch>) => new Response(null, { status: 204 }),
    );
    const auth = source([jwt({ exp: nowSeconds - 10 }), fresh]);
    const api = createApiClient({ baseUrl: '/api', auth, fetch, now: () => NOW });
    await api.request('hours');
    expect(auth.reauthenticate).toHaveBeenCalledTimes(1);
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('authorization')).toBe(`Bearer ${fresh}`);
    expect(fetch.mock.calls[0]![0]).toBe('/api/hours');
  });

  it('fails without calling the API when re-authentication yields no valid token', async () => {
    const fetch = vi.fn(async () => new Response(null));
    const api = createApiClient({ baseUrl: '/api', auth: source([null, null]), fetch, now: () => NOW });
    await expect(api.request('/me')).rejects.toBeInstanceOf(ApiAuthError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('renews the token silently and retries once when the server refuses one that looked valid (401)', async () => {
    const first = jwt({ exp: nowSeconds + 3600, n: 1 });
    const second = jwt({ exp: nowSeconds + 3600, n: 2 });
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      new Headers(init?.headers).get('authorization') === `Bearer ${second}`
        ? Response.json({ ok: true })
        : Response.json({ message: 'การเข้าสู่ระบบหมดอายุ', reason: 'expired' }, { status: 401 }),
    );
    const auth = source([first, second]);
    const api = createApiClient({ baseUrl: '/api', auth, fetch, now: () => NOW });
    expect(await api.getJson('reports/mine')).toEqual({ ok: true });
    expect(auth.reauthenticate).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives the caller the second 401 (with its Thai message) instead of looping', async () => {
    const fetch = vi.fn(async () => Response.json({ message: 'ยืนยันตัวตนไม่สำเร็จ' }, { status: 401 }));
    const auth = source([jwt({ exp: nowSeconds + 3600, n: 1 }), jwt({ exp: nowSeconds + 3600, n: 2 })]);
    const api = createApiClient({ baseUrl: '/api', auth, fetch, now: () => NOW });
    const res = await api.request('reports/mine');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'ยืนยันตัวตนไม่สำเร็จ' });
    expect(auth.reauthenticate).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not resend when re-authentication fails or yields the same token, and never retries a 403', async () => {
    const token = jwt({ exp: nowSeconds + 3600 });
    const refused = vi.fn(async () => Response.json({ message: 'x' }, { status: 401 }));
    const failing: IdTokenSource = {
      getIdToken: () => token,
      reauthenticate: vi.fn(async () => {
        throw new Error('LINE re-authentication already attempted');
      }),
    };
    const api = createApiClient({ baseUrl: '/api', auth: failing, fetch: refused, now: () => NOW });
    expect((await api.request('me/data')).status).toBe(401);
    expect(refused).toHaveBeenCalledTimes(1);

    const same = source([token, token]);
    await createApiClient({ baseUrl: '/api', auth: same, fetch: refused, now: () => NOW }).request('me/data');
    expect(refused).toHaveBeenCalledTimes(2);

    const forbidden = vi.fn(async () => Response.json({ message: 'ไม่มีสิทธิ์' }, { status: 403 }));
    const staff = source([token, jwt({ exp: nowSeconds + 3600, n: 2 })]);
    const res = await createApiClient({
      baseUrl: '/api',
      auth: staff,
      fetch: forbidden,
      now: () => NOW,
    }).request('late');
    expect(res.status).toBe(403);
    expect(staff.reauthenticate).not.toHaveBeenCalled();
    expect(forbidden).toHaveBeenCalledTimes(1);
  });

  it('reports a failed re-authentication of an expired token as ApiAuthError', async () => {
    const fetch = vi.fn(async () => new Response(null));
    const auth: IdTokenSource = {
      getIdToken: () => jwt({ exp: nowSeconds - 10 }),
      reauthenticate: async () => {
        throw new Error('LINE re-authentication already attempted');
      },
    };
    const api = createApiClient({ baseUrl: '/api', auth, fetch, now: () => NOW });
    await expect(api.request('me/data')).rejects.toBeInstanceOf(ApiAuthError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a non-2xx JSON GET into an ApiError with the status', async () => {
    const fetch = vi.fn(async () => new Response('nope', { status: 403 }));
    const api = createApiClient({
      baseUrl: '/api',
      auth: source([jwt({ exp: nowSeconds + 3600 })]),
      fetch,
      now: () => NOW,
    });
    await expect(api.getJson('/hr')).rejects.toMatchObject({ name: 'ApiError', status: 403 });
  });

  it('joins base and path with exactly one slash', () => {
    expect(joinUrl('/api', 'me')).toBe('/api/me');
    expect(joinUrl('/api/', '/me')).toBe('/api/me');
  });
});

describe('liff.state deep links', () => {
  const origin = 'https://phattana.example';

  it("turns liff.state into a same-origin path, dropping LIFF's own parameters", () => {
    expect(liffStateTarget(`${origin}/?liff.state=%2Fhours`)).toBe('/hours');
    expect(liffStateTarget(`${origin}/?liff.state=%2Fidp%3Fyear%3D2568&code=abc&state=xyz`)).toBe(
      '/idp?year=2568',
    );
    expect(liffStateTarget(`${origin}/?liff.state=%3Ftab%3D1`)).toBe('/?tab=1');
  });

  it('ignores a missing state and anything pointing off this origin', () => {
    expect(liffStateTarget(`${origin}/hours`)).toBeNull();
    expect(liffStateTarget(`${origin}/?liff.state=https%3A%2F%2Fevil.example%2F`)).toBeNull();
    expect(liffStateTarget(`${origin}/?liff.state=%2F%2Fevil.example%2Fx`)).toBeNull();
    expect(liffStateTarget(`${origin}/?liff.state=%2F%5Cevil.example`)).toBeNull();
  });
});
