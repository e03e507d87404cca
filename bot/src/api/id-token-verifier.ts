import { createPublicKey, type JsonWebKey, type KeyObject, verify } from 'node:crypto';

// Verifies the LINE Login ID token the LIFF app sends. Locally first, against LINE's ES256 public keys
// (JWKS, cached); LINE's verify endpoint is the fallback when the keys cannot be fetched. Profile data
// sent by the client is never trusted: only the token's verified claims are.
//
// Clock skew: our clock and LINE's may differ a little, so a token still counts until `exp` + skew
// (default 60 s), and `iat` / `nbf` may lie up to the skew in the future. Beyond that it is refused.

export const LINE_ISSUER = 'https://access.line.me';

/** Longer than any ID token LINE issues (a few hundred bytes, with a picture URL); refused unread. */
const MAX_TOKEN_LENGTH = 8192;
/** An unknown kid refetches the keys (LINE rotates them), but at most this often. */
const FORCED_REFRESH_MIN_INTERVAL_MS = 60_000;

export type IdTokenRefusal =
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'expired'
  | 'not-yet-valid'
  | 'unavailable';

export class IdTokenError extends Error {
  override readonly name = 'IdTokenError';
  constructor(readonly reason: IdTokenRefusal) {
    super(`ID token refused: ${reason}`);
  }
}

export interface VerifiedIdToken {
  /** LINE user id */
  sub: string;
  name?: string;
  exp: number;
}

export interface IdTokenVerifierOptions {
  /** https://api.line.me, or the fake LINE platform */
  lineApiBase: string;
  /** the LINE Login channel id the LIFF app belongs to: the token's `aud` */
  loginChannelId: string;
  /** tolerated clock difference, seconds (default 60) */
  skewSeconds?: number;
  keysTtlMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

type Keys = { at: number; byKid: Map<string, JsonWebKey> };

export function createIdTokenVerifier(o: IdTokenVerifierOptions) {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? Date.now;
  const skew = o.skewSeconds ?? 60;
  const ttl = o.keysTtlMs ?? 3_600_000;
  let keys: Keys | undefined;
  let inFlight: Promise<Keys> | undefined;
  let lastForced = Number.NEGATIVE_INFINITY;

  async function fetchKeys(): Promise<Keys> {
    const res = await doFetch(`${o.lineApiBase}/oauth2/v2.1/certs`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
    const body = (await res.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error('JWKS without keys');
    const usable = (body.keys as Array<JsonWebKey & { kid?: unknown }>).filter(
      (k) =>
        typeof k.kid === 'string' && k.kty === 'EC' && k.crv === 'P-256' && (!k.alg || k.alg === 'ES256'),
    );
    return { at: now(), byKid: new Map(usable.map((k) => [k.kid as string, k])) };
  }

  /** One fetch at a time, however many requests arrive while the keys are being fetched. */
  function refresh(): Promise<Keys> {
    inFlight ??= fetchKeys()
      .then((k) => {
        keys = k;
        return k;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  }

  /** The key for this kid; null when LINE does not publish it; throws when the keys cannot be fetched. */
  async function keyFor(kid: string): Promise<JsonWebKey | null> {
    let fresh = false;
    if (!keys || now() - keys.at >= ttl) {
      try {
        await refresh();
        fresh = true;
      } catch (err) {
        // stale keys beat no keys: LINE's keys live far longer than our cache
        if (!keys?.byKid.has(kid)) throw err;
      }
    }
    const cached = keys?.byKid.get(kid);
    if (cached) return cached;
    // LINE rotated its keys. Made-up kids must not turn every request into a call to LINE.
    if (fresh || now() - lastForced < FORCED_REFRESH_MIN_INTERVAL_MS) return null;
    lastForced = now();
    return (await refresh()).byKid.get(kid) ?? null;
  }

  function checkClaims(c: Record<string, unknown>): VerifiedIdToken {
    const nowSec = now() / 1000;
    if (c.iss !== LINE_ISSUER) throw new IdTokenError('issuer');
    if (c.aud !== o.loginChannelId) throw new IdTokenError('audience');
    if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) throw new IdTokenError('malformed');
    if (c.exp + skew < nowSec) throw new IdTokenError('expired');
    if (typeof c.iat !== 'number' || !Number.isFinite(c.iat)) throw new IdTokenError('malformed');
    if (c.iat - skew > nowSec || c.iat > c.exp) throw new IdTokenError('not-yet-valid');
    if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf - skew > nowSec))
      throw new IdTokenError('not-yet-valid');
    if (typeof c.sub !== 'string' || !c.sub || c.sub.length > 64) throw new IdTokenError('malformed');
    return { sub: c.sub, exp: c.exp, ...(typeof c.name === 'string' ? { name: c.name } : {}) };
  }

  async function viaEndpoint(token: string): Promise<VerifiedIdToken> {
    let res: Response;
    try {
      res = await doFetch(`${o.lineApiBase}/oauth2/v2.1/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token: token, client_id: o.loginChannelId }),
        signal: AbortSignal.timeout(3000),
      });
    } catch {
      throw new IdTokenError('unavailable');
    }
    if (res.status >= 500 || res.status === 429) throw new IdTokenError('unavailable');
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const d = String(body.error_description ?? '');
      throw new IdTokenError(/expired/i.test(d) ? 'expired' : /audience/i.test(d) ? 'audience' : 'signature');
    }
    return checkClaims(body);
  }

  function publicKey(jwk: JsonWebKey): KeyObject {
    try {
      return createPublicKey({ key: jwk, format: 'jwk' });
    } catch {
      throw new IdTokenError('signature');
    }
  }

  return {
    async verify(token: string): Promise<VerifiedIdToken> {
      if (token.length > MAX_TOKEN_LENGTH) throw new IdTokenError('malformed');
      const parts = token.split('.');
      if (parts.length !== 3) throw new IdTokenError('malformed');
      const [h, p, s] = parts as [string, string, string];
      let header: { alg?: unknown; kid?: unknown };
      let claims: Record<string, unknown>;
      try {
        header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
        claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      } catch {
        throw new IdTokenError('malformed');
      }
      if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object')
        throw new IdTokenError('malformed');
      // LIFF tokens are ES256. Anything else (none, HS256 keyed with a public value…) is an attack.
      if (header.alg !== 'ES256') throw new IdTokenError('algorithm');
      if (typeof header.kid !== 'string' || !header.kid) throw new IdTokenError('malformed');
      let jwk: JsonWebKey | null;
      try {
        jwk = await keyFor(header.kid);
      } catch {
        return viaEndpoint(token);
      }
      if (!jwk) throw new IdTokenError('signature');
      const signature = Buffer.from(s, 'base64url');
      const ok =
        signature.length === 64 &&
        verify(
          'sha256',
          Buffer.from(`${h}.${p}`),
          { key: publicKey(jwk), dsaEncoding: 'ieee-p1363' },
          signature,
        );
      if (!ok) throw new IdTokenError('signature');
      return checkClaims(claims);
    },
  };
}

export type IdTokenVerifier = ReturnType<typeof createIdTokenVerifier>;
