import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';

// LINE Login ID tokens as LINE issues them for LIFF: ES256 JWTs with a key published as a JWKS.

export interface IdTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  amr: string[];
  name?: string;
  picture?: string;
  nonce?: string;
}

export const LINE_ISSUER = 'https://access.line.me';

export function createIdTokenIssuer() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const kid = randomBytes(8).toString('hex');
  const jwk = {
    ...(publicKey.export({ format: 'jwk' }) as Record<string, string>),
    kid,
    alg: 'ES256',
    use: 'sig',
  };

  return {
    jwks: () => ({ keys: [jwk] }),
    issue(claims: Omit<IdTokenClaims, 'iss' | 'amr'> & { amr?: string[] }): string {
      const header = b64(JSON.stringify({ typ: 'JWT', alg: 'ES256', kid }));
      const payload = b64(JSON.stringify({ iss: LINE_ISSUER, amr: ['linesso'], ...claims }));
      const signature = sign('sha256', Buffer.from(`${header}.${payload}`), {
        key: privateKey,
        dsaEncoding: 'ieee-p1363',
      });
      return `${header}.${payload}.${signature.toString('base64url')}`;
    },
    /** What LINE's POST /oauth2/v2.1/verify checks: signature, expiry, audience. */
    verify(token: string, clientId: string, now = Date.now()): IdTokenClaims | { error: string } {
      const parts = token.split('.');
      if (parts.length !== 3) return { error: 'Invalid IdToken.' };
      const [h, p, s] = parts as [string, string, string];
      const ok = verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        { key: publicKey as KeyObject, dsaEncoding: 'ieee-p1363' },
        Buffer.from(s, 'base64url'),
      );
      if (!ok) return { error: 'Invalid IdToken.' };
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as IdTokenClaims;
      if (claims.exp * 1000 < now) return { error: 'IdToken expired.' };
      if (claims.aud !== clientId) return { error: 'Invalid IdToken Audience.' };
      return claims;
    },
    publicKey: () => createPublicKey(publicKey.export({ format: 'pem', type: 'spki' })),
  };
}

function b64(s: string): string {
  return Buffer.from(s).toString('base64url');
}
