import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type RequestHandler, type Response } from 'express';
import { createControlRouter } from './control-routes';
import { createIdTokenIssuer, type IdTokenIssuer } from './id-tokens';
import { LINE_LIMITS } from './limits';
import { AUTH_FAILED, FAULT_MESSAGES, LineHttpError } from './line-errors';
import { createLoginRouter } from './login-routes';
import { createMessageRouter } from './message-routes';
import { loadOpenApiValidator, type OpenApiValidator } from './openapi-validator';
import { PlatformState } from './platform-state';
import { createRichMenuRouter } from './rich-menu-routes';
import type { LinePlatform, LinePlatformOptions } from './types';

// A local stand-in for api.line.me, api-data.line.me and LINE Login's verify endpoint. It refuses what
// LINE would refuse (OpenAPI schema when the spec is on this machine, LINE's documented limits always),
// and records what it accepted, so a message LINE would reject fails a test instead of production.

/** Everything but listening: the app plus the platform's hooks (url, port and close come from start). */
export type LinePlatformCore = Omit<LinePlatform, 'url' | 'port' | 'close'>;

const isLinePath = (path: string) => path.startsWith('/v2/') || path.startsWith('/oauth2/');
const pathOf = (url: string) => url.split('?')[0] ?? url;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Parsing messaging-api.yml takes a while; every test file starts its own platform.
const validators = new Map<string, OpenApiValidator>();
function validatorFor(specDir: string | undefined): OpenApiValidator {
  const key = specDir ?? `env:${process.env.LINE_OPENAPI_DIR ?? ''}`;
  let v = validators.get(key);
  if (!v) {
    v = loadOpenApiValidator({ specDir });
    validators.set(key, v);
  }
  return v;
}

export function createLinePlatformApp(opts: LinePlatformOptions): {
  app: Express;
  platform: LinePlatformCore;
} {
  const state = new PlatformState(opts.replyTokenTtlMs ?? 60_000);
  const validator = validatorFor(opts.specDir);
  const idTokens: IdTokenIssuer = createIdTokenIssuer();
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const platform: LinePlatformCore = {
    specLoaded: validator.loaded,
    channelAccessToken: opts.channelAccessToken,
    app,
    issueReplyToken: (userId) => state.issueReplyToken(userId),
    setProfile: (userId, p) => {
      state.user(userId).profile = { ...p };
    },
    profileOf: (userId) => {
      const p = state.users.get(userId)?.profile;
      return p && { ...p };
    },
    setFollowing: (userId, following) => {
      state.user(userId).following = following;
    },
    putContent: (messageId, body, contentType) => {
      state.contents.set(messageId, { body, contentType });
    },
    issueIdToken: (userId, o) => idTokens.issue(userId, o),
    rotateIdTokenKey: () => idTokens.rotate(),
    injectFault: (f) => state.faults.add(f),
    clearFaults: () => state.faults.clear(),
    setQuota: (q) => state.quota.set(q),
    quotaUsed: () => state.quota.used(),
    setClock: (now) => {
      state.fixedNow = now && new Date(now);
    },
    messagesFor: (userId) => [...(state.deliveries.get(userId) ?? [])],
    requests: (filter) => state.requests(filter),
    switchRichMenu: (userId, aliasId) => {
      const richMenuId = state.aliases.get(aliasId);
      if (richMenuId === undefined || !state.richMenus.has(richMenuId)) return false;
      state.userMenus.set(userId, richMenuId);
      return true;
    },
    richMenuOf: (userId) => {
      const m = state.richMenuOf(userId);
      return m && { richMenuId: m.richMenuId, menu: m.menu, hasImage: m.image !== undefined };
    },
    on: (_event, fn) => {
      state.events.on('delivered', fn);
      return () => void state.events.off('delivered', fn);
    },
    reset: () => state.reset(),
  };

  // LINE puts a request id on every response.
  app.use((_req, res, next) => {
    res.set('x-line-request-id', randomUUID());
    next();
  });
  app.use(
    '/__control',
    createControlRouter(() => platform as LinePlatform, opts.loginChannelId),
  );

  const line = express.Router();
  line.use((req, _res, next) => (isLinePath(req.path) ? next() : next('router')));
  line.use(recorder(state, opts.log));
  line.use(express.json({ limit: LINE_LIMITS.requestBodyBytes }));
  line.use(express.urlencoded({ extended: false, limit: '64kb' }));
  line.use(express.raw({ type: 'image/*', limit: '10mb' }));
  line.use(faults(state));
  line.use((req, res, next) => {
    if (!req.path.startsWith('/v2/') || req.get('authorization') === `Bearer ${opts.channelAccessToken}`)
      return next();
    res.status(401).json({ message: AUTH_FAILED });
  });
  line.use(createMessageRouter(state, validator));
  line.use(createRichMenuRouter(state, validator));
  line.use(createLoginRouter(idTokens));
  line.use((_req, res) => void res.status(404).json({ message: 'Not found' }));
  line.use(lineErrors(opts.log));
  app.use(line);

  opts.mount?.(app);
  app.use((_req, res) => void res.status(404).json({ message: 'Not found' }));
  app.use(lineErrors(opts.log));
  return { app, platform };
}

export async function startLinePlatform(opts: LinePlatformOptions): Promise<LinePlatform> {
  const { app, platform } = createLinePlatformApp(opts);
  const host = opts.host ?? '127.0.0.1';
  const server = app.listen(opts.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return Object.assign(platform, {
    url: `http://${urlHost}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections(); // keep-alive sockets and the simulator's event streams
      await closed;
    },
  });
}

/** Records each LINE request as its response is sent, so a caller sees the record once it has the answer. */
function recorder(state: PlatformState, log: LinePlatformOptions['log']): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...a: unknown[]) => Response;
    let done = false;
    (res as unknown as { end: (...a: unknown[]) => Response }).end = (...a: unknown[]) => {
      if (!done) {
        done = true;
        const path = pathOf(req.originalUrl);
        const body = Buffer.isBuffer(req.body)
          ? { bytes: req.body.length, contentType: req.get('content-type') }
          : req.body;
        state.recorded.push({
          method: req.method,
          path,
          status: res.statusCode,
          ...(req.get('x-line-retry-key') !== undefined && { retryKey: req.get('x-line-retry-key') }),
          body,
          at: new Date().toISOString(),
          requestId: String(res.getHeader('x-line-request-id')),
        });
        log?.(`LINE ${req.method} ${path} -> ${res.statusCode}`);
      }
      return end(...a);
    };
    next();
  };
}

/** Injected faults, before auth and before any route looks at the request. */
function faults(state: PlatformState): RequestHandler {
  return async (req, res, next) => {
    const f = state.faults.take(req.method, pathOf(req.originalUrl));
    if (!f) return next();
    if (f.delayMs) await sleep(f.delayMs);
    if (f.status === undefined) return next();
    if (f.retryAfterSec !== undefined) res.set('retry-after', String(f.retryAfterSec));
    res.status(f.status).json({ message: FAULT_MESSAGES[f.status] ?? 'Error' });
  };
}

function lineErrors(log: LinePlatformOptions['log']): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    if (err instanceof LineHttpError) {
      res.set(err.headers).status(err.status).json(err.body);
      return;
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.too.large') {
      res.status(413).json({ message: 'Request Entity Too Large' });
    } else if (e.type === 'entity.parse.failed') {
      res.status(400).json({ message: 'The request body could not be parsed as JSON' });
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ message: e.message ?? 'Bad Request' });
    } else {
      (log ?? console.error)(`LINE platform error: ${(err as Error)?.stack ?? String(err)}`);
      res.status(500).json({ message: 'Internal Server Error' });
    }
  };
}
