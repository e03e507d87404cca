import { isLineUserId } from '@phattana/shared';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

// Verifies the LINE Login ID token the LIFF app sends. Locally first, with jose against LINE's ES256 public
// keys (JWKS, cached); LINE's verify endpoint is the fallback when the keys cannot be fetched. Profile data
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

/** The keys could not be fetched (LINE down, timeout): the verify endpoint decides instead. */
class KeysUnavailable extends Error {}

export function createIdTokenVerifier(o: IdTokenVerifierOptions) {
  const doFetch = o.fetch ?? fetch;
  const now = o.now ?? Date.now;
  const skew = o.skewSeconds ?? 60;
  let fetches = 0;
  let lastForced = Number.NEGATIVE_INFINITY;
  // jose's own refetch for an unknown kid is off (cooldown = the cache age): a rotation refetches at once,
  // below, but made-up kids may force it at most once a minute by our clock.
  const ttl = o.keysTtlMs ?? 3_600_000;
  const remote = createRemoteJWKSet(new URL(`${o.lineApiBase}/oauth2/v2.1/certs`), {
    cacheMaxAge: ttl,
    cooldownDuration: ttl,
    timeoutDuration: 3000,
    [customFetch]: (url: string, init: RequestInit) => {
      fetches++;
      return doFetch(url, init);
    },
  });

  /** LINE's key for this token; stale keys beat no keys while the JWKS cannot be fetched. */
  const keys: JWTVerifyGetKey = async (header, token) => {
    const before = fetches;
    try {
      return await remote(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey) {
        // LINE rotated its keys, unless we just fetched them or a made-up kid forced a fetch lately
        if (fetches > before || now() - lastForced < FORCED_REFRESH_MIN_INTERVAL_MS) throw err;
        lastForced = now();
        try {
          await remote.reload();
        } catch (reloadErr) {
          throw new KeysUnavailable((reloadErr as Error).message);
        }
        return remote(header, token);
      }
      const stale = remote.jwks();
      if (stale) return createLocalJWKSet(stale)(header, token);
      throw new KeysUnavailable((err as Error).message);
    }
  };

  function checkClaims(c: Record<string, unknown>): VerifiedIdToken {
    const nowSec = now() / 1000;
    if (c.iss !== LINE_ISSUER) throw new IdTokenError('issuer');
    if (c.aud !== o.loginChannelId) throw new IdTokenError('audience');
    if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) throw new IdTokenError('malformed');
    if (c.exp + skew < nowSec) throw new IdTokenError('expired');
    return checkIssuedAtAndSubject(c);
  }

  /** What jose leaves to us: `iat` not (much) in the future nor after `exp`, and a plausible user id. */
  function checkIssuedAtAndSubject(c: Record<string, unknown>): VerifiedIdToken {
    const nowSec = now() / 1000;
    const exp = c.exp as number;
    if (typeof c.iat !== 'number' || !Number.isFinite(c.iat)) throw new IdTokenError('malformed');
    if (c.iat - skew > nowSec || c.iat > exp) throw new IdTokenError('not-yet-valid');
    if (c.nbf !== undefined && (typeof c.nbf !== 'number' || c.nbf - skew > nowSec))
      throw new IdTokenError('not-yet-valid');
    // `sub` names the person's conversation document: only the LINE user id form LINE documents
    if (!isLineUserId(c.sub)) throw new IdTokenError('malformed');
    return { sub: c.sub, exp, ...(typeof c.name === 'string' ? { name: c.name } : {}) };
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

  /** jose's refusals in our words (the API answers each the same way; the logs keep the reason). */
  function refusalOf(err: unknown): IdTokenError {
    if (err instanceof errors.JWTExpired) return new IdTokenError('expired');
    if (err instanceof errors.JWTClaimValidationFailed) {
      if (err.reason === 'missing') return new IdTokenError('malformed');
      if (err.claim === 'iss') return new IdTokenError('issuer');
      if (err.claim === 'aud') return new IdTokenError('audience');
      if (err.claim === 'nbf' || err.claim === 'iat') return new IdTokenError('not-yet-valid');
      return new IdTokenError('malformed');
    }
    if (err instanceof errors.JOSEAlgNotAllowed) return new IdTokenError('algorithm');
    if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey)
      return new IdTokenError('signature');
    return new IdTokenError(err instanceof errors.JWTInvalid ? 'malformed' : 'signature');
  }

  return {
    async verify(token: string): Promise<VerifiedIdToken> {
      if (token.length > MAX_TOKEN_LENGTH) throw new IdTokenError('malformed');
      if (token.split('.').length !== 3) throw new IdTokenError('malformed');
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new IdTokenError('malformed');
      }
      // LIFF tokens are ES256. Anything else (none, HS256 keyed with a public value…) is an attack,
      // refused before any key is fetched.
      if (header.alg !== 'ES256') throw new IdTokenError('algorithm');
      if (typeof header.kid !== 'string' || !header.kid) throw new IdTokenError('malformed');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['ES256'],
          issuer: LINE_ISSUER,
          audience: o.loginChannelId,
          clockTolerance: skew,
          currentDate: new Date(now()),
          requiredClaims: ['exp', 'iat', 'sub'],
        }));
      } catch (err) {
        if (err instanceof KeysUnavailable) return viaEndpoint(token);
        throw refusalOf(err);
      }
      return checkIssuedAtAndSubject(payload as Record<string, unknown>);
    },
  };
}

export type IdTokenVerifier = ReturnType<typeof createIdTokenVerifier>;
