import express from 'express';
import type { IdTokenIssuer } from './id-tokens';

// LINE Login endpoints a LIFF backend uses: verify an ID token, and the JWKS to verify it locally.

export function createLoginRouter(idTokens: IdTokenIssuer): express.Router {
  const r = express.Router();

  r.post('/oauth2/v2.1/verify', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : undefined);
    const token = str('id_token');
    const clientId = str('client_id');
    if (!token || !clientId) {
      res.status(400).json({
        error: 'invalid_request',
        error_description: `${token ? 'client_id' : 'id_token'} is required.`,
      });
      return;
    }
    const v = idTokens.verify(token, { clientId, nonce: str('nonce'), userId: str('user_id') });
    if (!v.ok) {
      res.status(400).json({ error: 'invalid_request', error_description: v.error });
      return;
    }
    res.json(v.claims);
  });

  r.get('/oauth2/v2.1/certs', (_req, res) => {
    res.json(idTokens.jwks());
  });

  return r;
}
