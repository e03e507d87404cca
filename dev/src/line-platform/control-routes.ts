import express from 'express';
import type { FaultSpec, LinePlatform } from './types';

// /__control: the platform's test hooks over HTTP, for a bot or browser test in another process.
// No auth: the fake platform listens on localhost and nothing here exists on the real LINE.

export function createControlRouter(platform: () => LinePlatform, defaultAud?: string): express.Router {
  const r = express.Router();
  // The local LIFF app (another origin) asks for a signed ID token here: the fake "LINE Login".
  r.use((req, res, next) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  });
  r.use(express.json({ limit: '1mb' }));
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const need = (res: express.Response, what: string) =>
    res.status(400).json({ message: `${what} is required` });

  r.get('/requests', (req, res) => {
    res.json(platform().requests({ path: str(req.query.path), method: str(req.query.method) }));
  });
  r.get('/messages', (req, res) => {
    const userId = str(req.query.userId);
    if (!userId) return void need(res, 'userId');
    res.json(platform().messagesFor(userId));
  });
  r.post('/faults', (req, res) => {
    const f = req.body as FaultSpec;
    if (!str(f?.path)) return void need(res, 'path');
    try {
      platform().injectFault(f);
    } catch (err) {
      return void res.status(400).json({ message: (err as Error).message });
    }
    res.json({});
  });
  r.delete('/faults', (_req, res) => {
    platform().clearFaults();
    res.json({});
  });
  // the monthly quota: { type: 'limited', value } or { type: 'none' }; GET tells what was counted
  r.post('/quota', (req, res) => {
    const b = (req.body ?? {}) as { type?: unknown; value?: unknown };
    try {
      if (b.type === 'none') platform().setQuota({ type: 'none' });
      else if (b.type === 'limited') platform().setQuota({ type: 'limited', value: Number(b.value) });
      else return void need(res, "type 'none' or 'limited'");
    } catch (err) {
      return void res.status(400).json({ message: (err as Error).message });
    }
    res.json({});
  });
  r.get('/quota', (_req, res) => {
    res.json({ used: platform().quotaUsed() });
  });
  // the platform's clock, for month rollover: { now: ISO } fixes it, { now: null } returns to real time
  r.post('/clock', (req, res) => {
    const now = (req.body as { now?: unknown } | undefined)?.now;
    if (now === null || now === undefined) platform().setClock(undefined);
    else if (typeof now === 'string' && Number.isFinite(Date.parse(now))) platform().setClock(new Date(now));
    else return void need(res, 'now (an ISO date-time, or null)');
    res.json({});
  });
  r.post('/reply-token', (req, res) => {
    const userId = str(req.body?.userId);
    if (!userId) return void need(res, 'userId');
    res.json({ replyToken: platform().issueReplyToken(userId) });
  });
  r.post('/id-token', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const userId = str(b.userId);
    const aud = str(b.aud) ?? defaultAud;
    if (!userId || !aud) return void need(res, userId ? 'aud' : 'userId');
    const n = (v: unknown) => (typeof v === 'number' ? v : undefined);
    // LINE Login puts the display name and picture in the token (profile scope): the local LIFF greets
    // the person by the name the simulator shows, not by their user id
    const profile = platform().profileOf(userId);
    const idToken = platform().issueIdToken(userId, {
      aud,
      expiresInSec: n(b.expiresInSec),
      iat: n(b.iat),
      name: str(b.name) ?? profile?.displayName,
      picture: str(b.picture) ?? profile?.pictureUrl,
      nonce: str(b.nonce),
    });
    res.json({ idToken });
  });
  r.post('/users', (req, res) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const userId = str(b.userId);
    if (!userId) return void need(res, 'userId');
    const p = platform();
    if (str(b.displayName)) {
      p.setProfile(userId, {
        displayName: b.displayName as string,
        pictureUrl: str(b.pictureUrl),
        statusMessage: str(b.statusMessage),
      });
    }
    if (typeof b.following === 'boolean') p.setFollowing(userId, b.following);
    res.json({});
  });
  r.post('/reset', (_req, res) => {
    platform().reset();
    res.json({});
  });
  return r;
}
