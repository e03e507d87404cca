import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createIdTokenIssuer } from './id-tokens';
import { checkMessages, checkMulticastRecipients, LIMITS } from './line-limits';
import { loadOpenApiValidator, type ValidationDetail } from './openapi-validator';

// A local stand-in for LINE's Messaging API (api.line.me and api-data.line.me) and the LINE Login
// endpoints LIFF needs. Every request is checked against LINE's OpenAPI spec when it is on this machine,
// and always against LINE's documented limits; violations are answered the way LINE answers them.

export interface DeliveredMessage {
  id: string;
  userId: string;
  via: 'reply' | 'push' | 'multicast' | 'narrowcast' | 'broadcast';
  message: Record<string, unknown>;
  at: string;
  requestId: string;
  /** false when the person had blocked the account (LINE drops those silently for multicast) */
  delivered: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
  retryKey?: string;
  body: unknown;
  at: string;
  requestId: string;
}

export interface FaultSpec {
  method?: string;
  /** exact path, or a prefix ending with '*' */
  path: string;
  status?: 429 | 500 | 503;
  count?: number;
  retryAfterSec?: number;
  delayMs?: number;
}

export interface LinePlatformOptions {
  host?: string;
  port?: number;
  channelAccessToken: string;
  /** LINE's OpenAPI spec folder; default: env LINE_OPENAPI_DIR, else ../shared/line-openapi beside the repo */
  specDir?: string;
  /** LINE Login channel id that ID tokens are issued for by default */
  loginChannelId?: string;
  /** adds routes (e.g. the simulator) before the platform's catch-all 404 */
  mount?: (app: Express) => void;
}

export interface LinePlatform {
  readonly url: string;
  readonly port: number;
  readonly specLoaded: boolean;
  readonly app: Express;
  readonly channelAccessToken: string;
  issueReplyToken(userId: string): string;
  setProfile(userId: string, p: { displayName: string; pictureUrl?: string; statusMessage?: string }): void;
  setFollowing(userId: string, following: boolean): void;
  putContent(messageId: string, body: Buffer, contentType: string): void;
  issueIdToken(
    userId: string,
    o: { aud?: string; expiresInSec?: number; name?: string; picture?: string; nonce?: string; iat?: number },
  ): string;
  injectFault(f: FaultSpec): void;
  clearFaults(): void;
  messagesFor(userId: string): DeliveredMessage[];
  requests(filter?: { path?: string; method?: string }): RecordedRequest[];
  richMenuOf(userId: string): { richMenuId: string; menu: unknown; hasImage: boolean } | undefined;
  on(event: 'delivered', fn: (d: DeliveredMessage) => void): () => void;
  reset(): void;
  close(): Promise<void>;
}

const REPLY_TOKEN_TTL_MS = 60_000;
const RETRY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function startLinePlatform(opts: LinePlatformOptions): Promise<LinePlatform> {
  const specDir = opts.specDir ?? process.env.LINE_OPENAPI_DIR ?? defaultSpecDir();
  const validator = loadOpenApiValidator(specDir);
  const tokens = createIdTokenIssuer();
  const events = new EventEmitter();
  const loginChannelId = opts.loginChannelId ?? '1234567890';

  const replyTokens = new Map<string, { userId: string; expiresAt: number; used: boolean }>();
  const profiles = new Map<string, { displayName: string; pictureUrl?: string; statusMessage?: string }>();
  const following = new Map<string, boolean>();
  const contents = new Map<string, { body: Buffer; contentType: string }>();
  const acceptedRetryKeys = new Map<string, string>();
  const delivered: DeliveredMessage[] = [];
  const recorded: RecordedRequest[] = [];
  let faults: Array<FaultSpec & { left: number }> = [];
  const richMenus = new Map<string, { menu: unknown; image?: { body: Buffer; contentType: string } }>();
  const aliases = new Map<string, string>();
  const userMenus = new Map<string, string>();
  let defaultMenu: string | undefined;

  const app = express();
  app.disable('x-powered-by');

  app.use((_req, res, next) => {
    res.setHeader('x-line-request-id', randomUUID());
    next();
  });

  // The control API for tests and tools in other processes. Local only.
  const control = express.Router();
  control.use(express.json({ limit: '2mb' }));
  control.get('/requests', (_req, res) => void res.json(recorded));
  control.get('/messages', (req, res) => void res.json(platform.messagesFor(String(req.query.userId ?? ''))));
  control.post('/faults', (req, res) => {
    platform.injectFault(req.body as FaultSpec);
    res.status(204).end();
  });
  control.delete('/faults', (_req, res) => {
    platform.clearFaults();
    res.status(204).end();
  });
  control.post(
    '/reply-token',
    (req, res) => void res.json({ replyToken: platform.issueReplyToken(String(req.body.userId)) }),
  );
  control.post(
    '/id-token',
    (req, res) =>
      void res.json({
        idToken: platform.issueIdToken(String(req.body.userId), { aud: req.body.aud, name: req.body.name }),
      }),
  );
  control.post('/users', (req, res) => {
    const {
      userId,
      displayName,
      following: f,
    } = req.body as { userId: string; displayName: string; following?: boolean };
    platform.setProfile(userId, { displayName });
    platform.setFollowing(userId, f ?? true);
    res.status(204).end();
  });
  control.post('/reset', (_req, res) => {
    platform.reset();
    res.status(204).end();
  });
  app.use('/__control', control);

  opts.mount?.(app);

  // LINE Login (LIFF): ID token verification and the public keys.
  app.post('/oauth2/v2.1/verify', express.urlencoded({ extended: false }), (req, res) => {
    const { id_token: idToken, client_id: clientId } = req.body as Record<string, string>;
    if (!idToken || !clientId) {
      res
        .status(400)
        .json({ error: 'invalid_request', error_description: 'id_token and client_id are required' });
      return;
    }
    const r = tokens.verify(idToken, clientId);
    if ('error' in r) res.status(400).json({ error: 'invalid_request', error_description: r.error });
    else res.json(r);
  });
  app.get('/oauth2/v2.1/certs', (_req, res) => void res.json(tokens.jwks()));

  // Faults, recording and authentication for the Messaging API.
  const api = express.Router();
  api.use(async (req, res, next) => {
    const fault = faults.find(
      (f) =>
        (!f.method || f.method.toUpperCase() === req.method) && pathMatches(f.path, req.path) && f.left > 0,
    );
    if (fault) {
      fault.left--;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status) {
        if (fault.retryAfterSec) res.setHeader('retry-after', String(fault.retryAfterSec));
        record(req, fault.status, undefined);
        res
          .status(fault.status)
          .json({ message: fault.status === 429 ? 'Too Many Requests' : 'Internal Server Error' });
        return;
      }
    }
    if (req.header('authorization') !== `Bearer ${opts.channelAccessToken}`) {
      record(req, 401, undefined);
      res.status(401).json({
        message: 'Authentication failed. Confirm that the access token in the authorization header is valid.',
      });
      return;
    }
    next();
  });
  api.use(express.json({ limit: '2mb', type: 'application/json' }));

  const fail = (
    req: Request,
    res: Response,
    status: number,
    message: string,
    details?: ValidationDetail[],
  ) => {
    record(req, status, req.body);
    res.status(status).json(details && details.length > 0 ? { message, details } : { message });
  };

  /** Spec and limit checks for a message-sending body; answers 400 and returns false on violations. */
  const valid = (req: Request, res: Response, specPath: string, extra: ValidationDetail[] = []): boolean => {
    const details = [...(validator?.validateRequest('POST', specPath, req.body) ?? []), ...extra];
    const unique = dedupe(details);
    if (unique.length === 0) return true;
    fail(
      req,
      res,
      400,
      unique.length === 1
        ? (unique[0] as ValidationDetail).message
        : `The request body has ${unique.length} error(s)`,
      unique,
    );
    return false;
  };

  /** X-Line-Retry-Key: a retried request with an accepted key gets 409 and is not delivered again. */
  const retryKeyCheck = (req: Request, res: Response): { key?: string } | undefined => {
    const key = req.header('x-line-retry-key');
    if (key === undefined) return {};
    if (!RETRY_KEY.test(key)) {
      fail(req, res, 400, 'The retry key must be a UUID');
      return undefined;
    }
    const accepted = acceptedRetryKeys.get(key.toLowerCase());
    if (accepted) {
      res.setHeader('x-line-accepted-request-id', accepted);
      record(req, 409, req.body, key);
      res.status(409).json({ message: 'The retry key is already accepted', sentMessages: [] });
      return undefined;
    }
    return { key };
  };

  const deliver = (
    _req: Request,
    res: Response,
    userIds: string[],
    via: DeliveredMessage['via'],
    messages: Obj[],
  ) => {
    const requestId = String(res.getHeader('x-line-request-id'));
    const sent: Array<{ id: string; quoteToken: string }> = [];
    for (const userId of userIds) {
      const ok = via === 'reply' || following.get(userId) !== false;
      for (const message of messages) {
        const d: DeliveredMessage = {
          id: randomDigits(18),
          userId,
          via,
          message,
          at: new Date().toISOString(),
          requestId,
          delivered: ok,
        };
        delivered.push(d);
        if (userIds.length === 1) sent.push({ id: d.id, quoteToken: randomBytes(24).toString('base64url') });
        events.emit('delivered', d);
      }
    }
    return sent;
  };

  api.post('/v2/bot/message/reply', (req, res) => {
    const body = req.body as Obj;
    if (!valid(req, res, '/v2/bot/message/reply', checkMessages(body.messages))) return;
    const t = replyTokens.get(String(body.replyToken));
    if (!t || t.used || t.expiresAt < Date.now()) {
      fail(req, res, 400, 'Invalid reply token');
      return;
    }
    t.used = true;
    const sentMessages = deliver(req, res, [t.userId], 'reply', body.messages as Obj[]);
    record(req, 200, body);
    res.json({ sentMessages });
  });

  api.post('/v2/bot/message/push', (req, res) => {
    const body = req.body as Obj;
    const rk = retryKeyCheck(req, res);
    if (!rk) return;
    if (!valid(req, res, '/v2/bot/message/push', checkMessages(body.messages))) return;
    const to = String(body.to);
    if (!profiles.has(to) && !following.has(to)) {
      fail(req, res, 400, 'Failed to send messages');
      return;
    }
    if (following.get(to) === false) {
      // LINE accepts pushes to people who blocked the account but delivers nothing.
      deliver(req, res, [to], 'push', body.messages as Obj[]);
      acceptRetryKey(rk.key, res);
      record(req, 200, body, rk.key);
      res.json({ sentMessages: [] });
      return;
    }
    const sentMessages = deliver(req, res, [to], 'push', body.messages as Obj[]);
    acceptRetryKey(rk.key, res);
    record(req, 200, body, rk.key);
    res.json({ sentMessages });
  });

  api.post('/v2/bot/message/multicast', (req, res) => {
    const body = req.body as Obj;
    const rk = retryKeyCheck(req, res);
    if (!rk) return;
    const extra = [...checkMulticastRecipients(body.to), ...checkMessages(body.messages)];
    if (!valid(req, res, '/v2/bot/message/multicast', extra)) return;
    deliver(req, res, body.to as string[], 'multicast', body.messages as Obj[]);
    acceptRetryKey(rk.key, res);
    record(req, 200, body, rk.key);
    res.json({});
  });

  api.post('/v2/bot/message/broadcast', (req, res) => {
    const body = req.body as Obj;
    const rk = retryKeyCheck(req, res);
    if (!rk) return;
    if (!valid(req, res, '/v2/bot/message/broadcast', checkMessages(body.messages))) return;
    const everyone = [...following.entries()].filter(([, f]) => f).map(([u]) => u);
    deliver(req, res, everyone, 'broadcast', body.messages as Obj[]);
    acceptRetryKey(rk.key, res);
    record(req, 200, body, rk.key);
    res.json({});
  });

  api.get('/v2/bot/profile/:userId', (req, res) => {
    const p = profiles.get(req.params.userId as string);
    if (!p || following.get(req.params.userId as string) === false) {
      fail(req, res, 404, 'Not found');
      return;
    }
    record(req, 200, undefined);
    res.json({ userId: req.params.userId, language: 'th', ...p });
  });

  api.post('/v2/bot/chat/loading/start', (req, res) => {
    const body = req.body as Obj;
    const s = body.loadingSeconds;
    const extra: ValidationDetail[] = [];
    if (
      s !== undefined &&
      (typeof s !== 'number' || s % 5 !== 0 || s < LIMITS.loadingSeconds.min || s > LIMITS.loadingSeconds.max)
    ) {
      extra.push({ property: 'loadingSeconds', message: 'Must be a multiple of 5 between 5 and 60' });
    }
    if (typeof body.chatId !== 'string' || !/^U[0-9a-f]{32}$/.test(body.chatId)) {
      extra.push({ property: 'chatId', message: 'Must be a user ID' });
    }
    if (!valid(req, res, '/v2/bot/chat/loading/start', extra)) return;
    record(req, 202, body);
    res.status(202).json({});
  });

  api.get('/v2/bot/message/:messageId/content', (req, res) => {
    const c = contents.get(req.params.messageId as string);
    if (!c) {
      fail(req, res, 404, 'Not found');
      return;
    }
    record(req, 200, undefined);
    res.setHeader('content-type', c.contentType);
    res.send(c.body);
  });

  // Rich menus
  api.post('/v2/bot/richmenu', (req, res) => {
    const body = req.body as Obj;
    const extra = checkRichMenu(body);
    if (!valid(req, res, '/v2/bot/richmenu', extra)) return;
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    richMenus.set(richMenuId, { menu: body });
    record(req, 200, body);
    res.json({ richMenuId });
  });
  api.post(
    '/v2/bot/richmenu/:id/content',
    express.raw({ type: ['image/png', 'image/jpeg'], limit: '1mb' }),
    (req, res) => {
      const m = richMenus.get(req.params.id as string);
      if (!m) return fail(req, res, 404, 'Not found');
      const type = String(req.header('content-type'));
      if (
        !Buffer.isBuffer(req.body) ||
        req.body.length === 0 ||
        !['image/png', 'image/jpeg'].includes(type)
      ) {
        return fail(req, res, 400, 'An image/png or image/jpeg body is required');
      }
      if (m.image) return fail(req, res, 400, 'An image has already been uploaded to the richmenu');
      m.image = { body: req.body, contentType: type };
      record(req, 200, `<${req.body.length} bytes>`);
      res.json({});
    },
  );
  api.get('/v2/bot/richmenu/list', (req, res) => {
    record(req, 200, undefined);
    res.json({
      richmenus: [...richMenus.entries()].map(([richMenuId, m]) => ({ richMenuId, ...(m.menu as Obj) })),
    });
  });
  api.get('/v2/bot/richmenu/alias/list', (req, res) => {
    record(req, 200, undefined);
    res.json({
      aliases: [...aliases.entries()].map(([richMenuAliasId, richMenuId]) => ({
        richMenuAliasId,
        richMenuId,
      })),
    });
  });
  api.get('/v2/bot/richmenu/:id/content', (req, res) => {
    const image = richMenus.get(req.params.id as string)?.image;
    if (!image) return fail(req, res, 404, 'Not found');
    record(req, 200, undefined);
    res.setHeader('content-type', image.contentType);
    res.send(image.body);
  });
  api.get('/v2/bot/richmenu/:id', (req, res) => {
    const m = richMenus.get(req.params.id as string);
    if (!m) return fail(req, res, 404, 'Not found');
    record(req, 200, undefined);
    res.json({ richMenuId: req.params.id, ...(m.menu as Obj) });
  });
  api.delete('/v2/bot/richmenu/:id', (req, res) => {
    if (!richMenus.delete(req.params.id as string)) return fail(req, res, 404, 'Not found');
    record(req, 200, undefined);
    res.json({});
  });
  api.post('/v2/bot/richmenu/alias', (req, res) => {
    const body = req.body as Obj;
    if (!valid(req, res, '/v2/bot/richmenu/alias')) return;
    if (!richMenus.has(String(body.richMenuId))) return fail(req, res, 400, 'richmenu not found');
    if (aliases.has(String(body.richMenuAliasId))) return fail(req, res, 400, 'conflict richmenu alias id');
    aliases.set(String(body.richMenuAliasId), String(body.richMenuId));
    record(req, 200, body);
    res.json({});
  });
  api.post('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    const body = req.body as Obj;
    if (!aliases.has(req.params.aliasId as string)) return fail(req, res, 404, 'Not found');
    if (!richMenus.has(String(body.richMenuId))) return fail(req, res, 400, 'richmenu not found');
    aliases.set(req.params.aliasId as string, String(body.richMenuId));
    record(req, 200, body);
    res.json({});
  });
  api.get('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    const id = aliases.get(req.params.aliasId as string);
    if (!id) return fail(req, res, 404, 'Not found');
    record(req, 200, undefined);
    res.json({ richMenuAliasId: req.params.aliasId, richMenuId: id });
  });
  api.delete('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    if (!aliases.delete(req.params.aliasId as string)) return fail(req, res, 404, 'Not found');
    record(req, 200, undefined);
    res.json({});
  });
  api.post('/v2/bot/user/all/richmenu/:id', (req, res) => {
    if (!richMenus.get(req.params.id as string)?.image)
      return fail(req, res, 400, 'must upload richmenu image before applying it to user');
    defaultMenu = req.params.id as string;
    record(req, 200, undefined);
    res.json({});
  });
  api.post('/v2/bot/user/:userId/richmenu/:id', (req, res) => {
    if (!richMenus.get(req.params.id as string)?.image)
      return fail(req, res, 400, 'must upload richmenu image before applying it to user');
    userMenus.set(req.params.userId as string, req.params.id as string);
    record(req, 200, undefined);
    res.json({});
  });
  api.delete('/v2/bot/user/:userId/richmenu', (req, res) => {
    userMenus.delete(req.params.userId as string);
    record(req, 200, undefined);
    res.json({});
  });
  api.get('/v2/bot/user/:userId/richmenu', (req, res) => {
    const id = userMenus.get(req.params.userId as string) ?? defaultMenu;
    if (!id) return fail(req, res, 404, 'the user has no richmenu');
    record(req, 200, undefined);
    res.json({ richMenuId: id });
  });

  app.use(api);

  // Malformed JSON and oversize bodies, answered like LINE does.
  app.use(
    (err: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
      if (err.type === 'entity.too.large') return fail(req, res, 413, 'Request Entity Too Large');
      if (err.type === 'entity.parse.failed')
        return fail(req, res, 400, 'The request body could not be parsed as JSON');
      fail(req, res, 500, err.message);
    },
  );
  app.use((req, res) => {
    record(req, 404, undefined);
    res.status(404).json({ message: 'Not found' });
  });

  const host = opts.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  function record(req: Request, status: number, body: unknown, retryKey?: string) {
    recorded.push({
      method: req.method,
      path: req.path,
      status,
      retryKey: retryKey ?? req.header('x-line-retry-key') ?? undefined,
      body: body ?? (req.body && Object.keys(req.body as object).length > 0 ? req.body : undefined),
      at: new Date().toISOString(),
      requestId: String(req.res?.getHeader('x-line-request-id') ?? ''),
    });
  }

  function acceptRetryKey(key: string | undefined, res: Response) {
    if (key) acceptedRetryKeys.set(key.toLowerCase(), String(res.getHeader('x-line-request-id')));
  }

  const platform: LinePlatform = {
    url: `http://${host}:${port}`,
    port,
    specLoaded: Boolean(validator),
    app,
    channelAccessToken: opts.channelAccessToken,
    issueReplyToken(userId) {
      const token = randomBytes(16).toString('hex');
      replyTokens.set(token, { userId, expiresAt: Date.now() + REPLY_TOKEN_TTL_MS, used: false });
      return token;
    },
    setProfile: (userId, p) => void profiles.set(userId, p),
    setFollowing: (userId, f) => void following.set(userId, f),
    putContent: (messageId, body, contentType) => void contents.set(messageId, { body, contentType }),
    issueIdToken(userId, o) {
      const iat = o.iat ?? Math.floor(Date.now() / 1000);
      return tokens.issue({
        sub: userId,
        aud: o.aud ?? loginChannelId,
        iat,
        exp: iat + (o.expiresInSec ?? 3600),
        name: o.name ?? profiles.get(userId)?.displayName,
        picture: o.picture,
        nonce: o.nonce,
      });
    },
    injectFault: (f) => void faults.push({ ...f, left: f.count ?? 1 }),
    clearFaults: () => {
      faults = [];
    },
    messagesFor: (userId) => delivered.filter((d) => d.userId === userId && d.delivered),
    requests: (filter) =>
      recorded.filter(
        (r) => (!filter?.path || r.path === filter.path) && (!filter?.method || r.method === filter.method),
      ),
    richMenuOf(userId) {
      const id = userMenus.get(userId) ?? defaultMenu;
      const m = id ? richMenus.get(id) : undefined;
      return id && m ? { richMenuId: id, menu: m.menu, hasImage: Boolean(m.image) } : undefined;
    },
    on(event, fn) {
      events.on(event, fn);
      return () => events.off(event, fn);
    },
    reset() {
      replyTokens.clear();
      delivered.length = 0;
      recorded.length = 0;
      acceptedRetryKeys.clear();
      faults = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return platform;
}

type Obj = Record<string, unknown>;

function checkRichMenu(body: Obj): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  const size = body.size as { width?: number; height?: number } | undefined;
  const okSize =
    size &&
    typeof size.width === 'number' &&
    typeof size.height === 'number' &&
    size.width >= 800 &&
    size.width <= 2500 &&
    size.height >= 250 &&
    size.width / size.height >= 1.45;
  if (!okSize)
    out.push({ property: 'size', message: 'width must be 800–2500 and width/height at least 1.45' });
  const areas = Array.isArray(body.areas) ? body.areas : [];
  if (areas.length > 20) out.push({ property: 'areas', message: 'Size must be between 0 and 20' });
  if (typeof body.chatBarText !== 'string' || body.chatBarText.length === 0) {
    out.push({ property: 'chatBarText', message: 'May not be empty' });
  }
  return out;
}

function dedupe(details: ValidationDetail[]): ValidationDetail[] {
  const seen = new Set<string>();
  return details.filter((d) => {
    const k = `${d.property}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

function randomDigits(n: number): string {
  let s = String(1 + ((randomBytes(1)[0] as number) % 9));
  while (s.length < n) s += String((randomBytes(1)[0] as number) % 10);
  return s;
}

function defaultSpecDir(): string | undefined {
  const dir = new URL('../../../../shared/line-openapi', import.meta.url).pathname;
  return existsSync(dir) ? dir : undefined;
}
