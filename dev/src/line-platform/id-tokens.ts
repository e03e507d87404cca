import { generateKeyPairSync, type JsonWebKey, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

// LINE Login ID tokens as LINE issues them to LIFF apps: ES256 JWTs whose public key is published as a
// JWKS. node:crypto only; 'ieee-p1363' gives the raw r||s signature JWS wants instead of DER. Keys can be
// rotated as LINE does: new tokens are signed with the new key, the JWKS keeps the previous one too.

export const LINE_ISSUER = 'https://access.line.me';

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  nbf?: number;
  amr: string[];
  name?: string;
  picture?: string;
  nonce?: string;
}

export interface IssueIdTokenOptions {
  aud: string;
  expiresInSec?: number;
  name?: string;
  picture?: string;
  nonce?: string;
  /** seconds since the epoch; default now (set it in the past to mint expired tokens) */
  iat?: number;
  nbf?: number;
  /** default LINE's issuer; another one mints a token LINE would never issue */
  iss?: string;
}

export interface VerifyIdTokenOptions {
  clientId: string;
  nonce?: string;
  userId?: string;
  nowSec?: number;
}

export type VerifyResult = { ok: true; claims: IdTokenClaims } | { ok: false; error: string };

export interface IdTokenIssuer {
  /** the kid new tokens are signed with */
  readonly kid: string;
  /** a new signing key; the JWKS publishes it and the previous one */
  rotate(): void;
  jwks(): { keys: JsonWebKey[] };
  issue(userId: string, o: IssueIdTokenOptions): string;
  /** What POST /oauth2/v2.1/verify checks, with LINE's error descriptions. */
  verify(token: string, o: VerifyIdTokenOptions): VerifyResult;
}

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: JsonWebKey;
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(16).toString('hex');
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' },
  };
}

export function createIdTokenIssuer(): IdTokenIssuer {
  let current = newKey();
  let previous: SigningKey | undefined;

  return {
    get kid() {
      return current.kid;
    },
    rotate() {
      previous = current;
      current = newKey();
    },
    jwks: () => ({ keys: [current.jwk, ...(previous ? [previous.jwk] : [])] }),
    issue(userId, o) {
      const iat = o.iat ?? Math.floor(Date.now() / 1000);
      const { kid, privateKey } = current;
      const claims: IdTokenClaims = {
        iss: o.iss ?? LINE_ISSUER,
        sub: userId,
        aud: o.aud,
        exp: iat + (o.expiresInSec ?? 3600),
        iat,
        ...(o.nbf !== undefined && { nbf: o.nbf }),
        amr: ['linesso'],
        ...(o.nonce !== undefined && { nonce: o.nonce }),
        ...(o.name !== undefined && { name: o.name }),
        ...(o.picture !== undefined && { picture: o.picture }),
      };
      const input = `${b64({ alg: 'ES256', kid, typ: 'JWT' })}.${b64(claims)}`;
      const sig = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return `${input}.${sig.toString('base64url')}`;
    },
    verify(token, o) {
      const invalid = { ok: false, error: 'Invalid IdToken.' } as const;
      const parts = token.split('.');
      if (parts.length !== 3) return invalid;
      const [h, p, s] = parts as [string, string, string];
      let header: { alg?: string; kid?: string };
      let claims: IdTokenClaims;
      try {
        header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
        claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
      } catch {
        return invalid;
      }
      const key = [current, previous].find((k) => k && k.kid === header.kid);
      if (header.alg !== 'ES256' || !key) return invalid;
      const sig = Buffer.from(s, 'base64url');
      const input = Buffer.from(`${h}.${p}`);
      if (!verify('sha256', input, { key: key.publicKey, dsaEncoding: 'ieee-p1363' }, sig)) {
        return invalid;
      }
      if (claims.iss !== LINE_ISSUER) return invalid;
      if (claims.exp <= (o.nowSec ?? Math.floor(Date.now() / 1000)))
        return { ok: false, error: 'IdToken expired.' };
      if (claims.aud !== o.clientId) return { ok: false, error: 'Invalid IdToken Audience.' };
      if (o.nonce !== undefined && claims.nonce !== o.nonce)
        return { ok: false, error: 'Invalid IdToken Nonce.' };
      if (o.userId !== undefined && claims.sub !== o.userId) {
        return { ok: false, error: 'Invalid IdToken Subject Identifier.' };
      }
      return { ok: true, claims };
    },
  };
}
