import { createPublicKey, type JsonWebKey, verify } from 'node:crypto';

// Verifies the LINE Login ID token the LIFF app sends. Locally first, against LINE's ES256 public keys
// (JWKS, cached); LINE's verify endpoint is the fallback when the keys cannot be fetched. Profile data
// sent by the client is never trusted: only the token's verified claims are.

export const LINE_ISSUER = 'https://access.line.me';

export class IdTokenError extends Error {
  override readonly name = 'IdTokenError';
  constructor(
    readonly reason: 'malformed' | 'signature' | 'issuer' | 'audience' | 'expired' | 'unavailable',
  ) {
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
  /** tolerated clock difference, seconds */
  skewSeconds?: number;
  keysTtlMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export function createIdTokenVerifier(o: IdTokenVerifierOptions) {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? Date.now;
  const skew = o.skewSeconds ?? 60;
  const ttl = o.keysTtlMs ?? 3_600_000;
  let keys: { at: number; byKid: Map<string, JsonWebKey> } | undefined;
  // an unknown kid forces a refresh (LINE rotates keys), but at most once a minute: tokens with made-up
  // kids must not turn every request into a call to LINE
  let lastForced = Number.NEGATIVE_INFINITY;

  async function loadKeys(force: boolean): Promise<Map<string, JsonWebKey>> {
    if (keys && (force ? now() - lastForced < 60_000 : now() - keys.at < ttl)) return keys.byKid;
    if (force) lastForced = now();
    const res = await doFetch(`${o.lineApiBase}/oauth2/v2.1/certs`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
    const body = (await res.json()) as { keys: Array<JsonWebKey & { kid: string }> };
    keys = { at: now(), byKid: new Map(body.keys.map((k) => [k.kid, k])) };
    return keys.byKid;
  }

  function checkClaims(c: Record<string, unknown>): VerifiedIdToken {
    if (c.iss !== LINE_ISSUER) throw new IdTokenError('issuer');
    if (c.aud !== o.loginChannelId) throw new IdTokenError('audience');
    if (typeof c.exp !== 'number' || c.exp + skew < now() / 1000) throw new IdTokenError('expired');
    if (typeof c.sub !== 'string' || !c.sub) throw new IdTokenError('malformed');
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
    if (res.status >= 500) throw new IdTokenError('unavailable');
    const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const d = String(body.error_description ?? '');
      throw new IdTokenError(/expired/i.test(d) ? 'expired' : /audience/i.test(d) ? 'audience' : 'signature');
    }
    return checkClaims(body);
  }

  return {
    async verify(token: string): Promise<VerifiedIdToken> {
      const parts = token.split('.');
      if (parts.length !== 3) throw new IdTokenError('malformed');
      const [h, p, s] = parts as [string, string, string];
      let header: { alg?: string; kid?: string };
      let claims: Record<string, unknown>;
      try {
        header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
        claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      } catch {
        throw new IdTokenError('malformed');
      }
      if (header.alg !== 'ES256' || !header.kid) return viaEndpoint(token); // e.g. HS256 tokens of older channels
      let byKid: Map<string, JsonWebKey>;
      try {
        byKid = await loadKeys(false);
        if (!byKid.has(header.kid)) byKid = await loadKeys(true); // LINE rotated its keys
      } catch {
        return viaEndpoint(token);
      }
      const jwk = byKid.get(header.kid);
      if (!jwk) throw new IdTokenError('signature');
      const ok = verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        { key: createPublicKey({ key: jwk, format: 'jwk' }), dsaEncoding: 'ieee-p1363' },
        Buffer.from(s, 'base64url'),
      );
      if (!ok) throw new IdTokenError('signature');
      return checkClaims(claims);
    },
  };
}

export type IdTokenVerifier = ReturnType<typeof createIdTokenVerifier>;
