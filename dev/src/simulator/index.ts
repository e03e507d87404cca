// The LINE simulator: a phone-like chat page at /simulator on the fake LINE platform. People (or browser
// tests) pick a demo employee, chat with the bot, tap quick replies, Flex buttons and the rich menu; every
// action becomes a real-shaped, signed webhook POSTed to the bot, and whatever the bot sends through the
// platform shows up live (Server-Sent Events).
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { webhook } from '@line/bot-sdk';
import express, { type Request, type Response, type Router } from 'express';
import type { DeliveredMessage, LinePlatform } from '../line-platform';
import {
  buildFollowEvent,
  buildImageEvent,
  buildPostbackEvent,
  buildStickerEvent,
  buildTextEvent,
  buildUnfollowEvent,
  buildWebhookBody,
  DEFAULT_DESTINATION,
  newMessageId,
  newUserId,
  signBody,
} from './webhook-events';

export * from './webhook-events';

export interface SimulatorOptions {
  platform: LinePlatform;
  /** the bot's POST /webhook URL (or a function giving it, read per request, for bots started later) */
  webhookUrl: string | (() => string);
  /** signs webhook bodies: base64(HMAC-SHA256(secret, rawBody)) in x-line-signature */
  channelSecret: string;
  /** the bot user id in the webhook body's "destination" */
  destination?: string;
  /** base URL of the LIFF app; https://liff.line.me/{liffId}/... links open there */
  liffUrl?: string;
  liffId?: string;
  /** shown in the user picker (seeded employees) */
  demoUsers?: Array<{ userId: string; displayName: string; note?: string }>;
  /**
   * Bearer token for the platform's own API (rich menu images). Default: the token the platform's
   * `channelAccessToken` property exposes, if any.
   */
  channelAccessToken?: string;
  /**
   * Buttons for the demo's background machinery, e.g. "run this morning's scheduler now". Each `run`
   * returns a short Thai line shown to whoever pressed it.
   */
  devActions?: DevAction[];
}

/** A demo control on the page's top bar; `run`'s answer is a short Thai line shown to whoever pressed it. */
export interface DevAction {
  id: string;
  label: string;
  /** the action runs "as of" a day: the page shows a date field, with what this says about the day */
  date?: (asked?: string) => Promise<DevActionDate>;
  run: (input?: { date?: string }) => Promise<string>;
}

export interface DevActionDate {
  /** the day the field shows (today unless asked) */
  value: string;
  /** what kind of day it is, in Thai */
  note: string;
  /** a better day to offer, e.g. the next working day when the value is a holiday */
  suggest?: { value: string; label: string };
}

export interface SimulatorUser {
  userId: string;
  displayName: string;
  note?: string;
  /** created on the page (not a seeded demo user) */
  created: boolean;
}

/** One line of a chat as the simulator shows it. */
export interface ChatEntry {
  id: string;
  from: 'bot' | 'user';
  /** ISO time */
  at: string;
  /** bot: the LINE message object as sent; user: `{type:'text'|'postback'|'image'|'sticker'|'follow'|'unfollow', ...}` */
  message: Record<string, unknown>;
  /** bot only: how it came (reply, push, multicast, ...) */
  via?: DeliveredMessage['via'];
  /** bot only: false when the platform accepted it but did not deliver it (e.g. the user blocked the bot) */
  delivered?: boolean;
}

export type SimulatorEvent =
  | { type: 'text'; text: string }
  | { type: 'postback'; data: string; params?: Record<string, string>; displayText?: string }
  | { type: 'follow' }
  | { type: 'unfollow' }
  | { type: 'image'; contentBase64: string; contentType: string }
  | { type: 'sticker'; packageId: string; stickerId: string; keywords?: string[] };

const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const USER_ID_RE = /^U[0-9a-f]{32}$/;

export function createSimulatorRouter(opts: SimulatorOptions): Router {
  const router = express.Router();
  const { platform } = opts;
  const destination = opts.destination ?? DEFAULT_DESTINATION;
  const created = new Map<string, SimulatorUser>();
  const sent = new Map<string, ChatEntry[]>();
  const images = new Map<string, { body: Buffer; contentType: string }>();
  const followState = new Map<string, boolean>();
  const userEvents = new EventEmitter();
  userEvents.setMaxListeners(0);
  let seq = 0;

  const users = (): SimulatorUser[] => [
    ...(opts.demoUsers ?? []).map((u) => ({ ...u, created: false })),
    ...created.values(),
  ];

  const botEntry = (d: DeliveredMessage): ChatEntry => ({
    id: d.id,
    from: 'bot',
    at: d.at,
    message: d.message,
    via: d.via,
    delivered: d.delivered,
  });

  const history = (userId: string): ChatEntry[] => {
    const bot = platform.messagesFor(userId).map(botEntry);
    const mine = sent.get(userId) ?? [];
    // by time; on a tie the user's message first (the bot answers what it received)
    return [...mine, ...bot]
      .map((e, i) => ({ e, i }))
      .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
      .map(({ e }) => e);
  };

  const record = (userId: string, message: Record<string, unknown>): ChatEntry => {
    const entry: ChatEntry = {
      id: `sim-${Date.now().toString(36)}-${(seq++).toString(36)}`,
      from: 'user',
      at: new Date().toISOString(),
      message,
    };
    const list = sent.get(userId) ?? [];
    list.push(entry);
    sent.set(userId, list);
    userEvents.emit('entry', userId, entry);
    return entry;
  };

  const token = (): string | undefined =>
    opts.channelAccessToken ?? (platform as unknown as { channelAccessToken?: string }).channelAccessToken;

  router.use(express.json({ limit: '16mb' }));

  // The page: /simulator -> /simulator/ so that its relative URLs (api/..., simulator.js) resolve.
  router.get('/', (req, res, next) => {
    const [path, query] = splitUrl(req.originalUrl);
    if (!path.endsWith('/')) {
      res.redirect(302, `${path}/${query}`);
      return;
    }
    next();
  });
  router.use(
    express.static(fileURLToPath(new URL('./public/', import.meta.url)), {
      index: 'index.html',
      setHeaders: (res) => res.setHeader('cache-control', 'no-store'),
    }),
  );

  router.get('/api/config', (_req, res) => {
    res.json({
      liffId: opts.liffId ?? null,
      liffUrl: opts.liffUrl ?? null,
      platformUrl: safe(() => platform.url) ?? null,
    });
  });

  router.get('/api/users', (_req, res) => {
    res.json({ users: users() });
  });

  router.get('/api/dev-actions', (_req, res) => {
    res.json({
      actions: (opts.devActions ?? []).map(({ id, label, date }) => ({ id, label, hasDate: Boolean(date) })),
    });
  });

  router.get('/api/dev-actions/:id/date', async (req, res) => {
    const action = (opts.devActions ?? []).find((a) => a.id === req.params.id);
    if (!action?.date) {
      res.status(404).json({ error: 'ไม่มีคำสั่งนี้' });
      return;
    }
    try {
      res.json(await action.date(typeof req.query.date === 'string' ? req.query.date : undefined));
    } catch (err) {
      res.status(500).json({ error: (err as Error).message });
    }
  });

  router.post('/api/dev-actions/:id', async (req, res) => {
    const action = (opts.devActions ?? []).find((a) => a.id === req.params.id);
    if (!action) {
      res.status(404).json({ error: 'ไม่มีคำสั่งนี้' });
      return;
    }
    try {
      const date = (req.body as { date?: unknown } | undefined)?.date;
      res.json({ message: await action.run(typeof date === 'string' ? { date } : undefined) });
    } catch (err) {
      res.status(500).json({ error: (err as Error).message });
    }
  });

  router.post('/api/users', (req, res) => {
    const displayName = String((req.body as { displayName?: unknown } | undefined)?.displayName ?? '').trim();
    if (!displayName || displayName.length > 60) {
      res.status(400).json({ error: 'displayName: 1-60 characters' });
      return;
    }
    const user: SimulatorUser = { userId: newUserId(), displayName, created: true };
    created.set(user.userId, user);
    platform.setProfile(user.userId, { displayName });
    res.status(201).json(user);
  });

  router.get('/api/messages', (req, res) => {
    const userId = userIdOf(req, res);
    if (!userId) return;
    res.json({ userId, messages: history(userId) });
  });

  // One stream per chat, or (?all=1) one for every chat with each entry naming its user: the page's
  // tabs share that one through a SharedWorker, since a browser keeps only six connections per host
  // open and each long-lived stream holds one, so a seventh tab would never finish loading.
  router.get('/api/stream', (req, res) => {
    const all = req.query.all === '1';
    const userId = all ? undefined : userIdOf(req, res);
    if (!all && !userId) return;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    const send = (uid: string, entry: ChatEntry) => {
      if (!all && uid !== userId) return;
      res.write(`event: entry\ndata: ${JSON.stringify(all ? { ...entry, userId: uid } : entry)}\n\n`);
    };
    const offPlatform = platform.on('delivered', (d) => send(d.userId, botEntry(d)));
    userEvents.on('entry', send);
    res.write(`retry: 1000\nevent: ready\ndata: {}\n\n`);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    const stop = () => {
      clearInterval(ping);
      offPlatform();
      userEvents.off('entry', send);
    };
    req.on('close', stop);
    res.on('error', stop);
  });

  router.post('/api/send', async (req, res) => {
    const body = req.body as { userId?: unknown; event?: unknown } | undefined;
    const userId = typeof body?.userId === 'string' ? body.userId : '';
    if (!USER_ID_RE.test(userId)) {
      res.status(400).json({ error: 'userId: "U" + 32 hex characters' });
      return;
    }
    const parsed = parseEvent(body?.event);
    if (typeof parsed === 'string') {
      res.status(400).json({ error: parsed });
      return;
    }
    const ev = parsed;
    let event: webhook.Event;
    let shown: Record<string, unknown>;
    switch (ev.type) {
      case 'text':
        event = buildTextEvent({ userId, text: ev.text, replyToken: platform.issueReplyToken(userId) });
        shown = { type: 'text', text: ev.text };
        break;
      case 'postback': {
        // a rich menu tab: the LINE app switches the menu itself, then tells the bot how it went
        const aliasId = ev.params?.newRichMenuAliasId;
        const params =
          aliasId === undefined
            ? ev.params
            : {
                ...ev.params,
                status: platform.switchRichMenu(userId, aliasId) ? 'SUCCESS' : 'RICHMENU_ALIAS_ID_NOTFOUND',
              };
        event = buildPostbackEvent({
          userId,
          data: ev.data,
          params,
          replyToken: platform.issueReplyToken(userId),
        });
        shown = { type: 'postback', data: ev.data, params, displayText: ev.displayText };
        break;
      }
      case 'follow': {
        const wasBlocked = followState.get(userId) === false;
        platform.setFollowing(userId, true);
        followState.set(userId, true);
        event = buildFollowEvent({
          userId,
          replyToken: platform.issueReplyToken(userId),
          isUnblocked: wasBlocked,
        });
        shown = { type: 'follow', isUnblocked: wasBlocked };
        break;
      }
      case 'unfollow':
        platform.setFollowing(userId, false);
        followState.set(userId, false);
        event = buildUnfollowEvent({ userId });
        shown = { type: 'unfollow' };
        break;
      case 'sticker':
        event = buildStickerEvent({
          userId,
          packageId: ev.packageId,
          stickerId: ev.stickerId,
          keywords: ev.keywords,
          replyToken: platform.issueReplyToken(userId),
        });
        shown = { type: 'sticker', packageId: ev.packageId, stickerId: ev.stickerId, keywords: ev.keywords };
        break;
      case 'image': {
        const bytes = Buffer.from(ev.contentBase64, 'base64');
        if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) {
          res.status(400).json({ error: 'image: 1 byte to 10 MB' });
          return;
        }
        const messageId = newMessageId();
        platform.putContent(messageId, bytes, ev.contentType);
        images.set(messageId, { body: bytes, contentType: ev.contentType });
        event = buildImageEvent({ userId, messageId, replyToken: platform.issueReplyToken(userId) });
        shown = { type: 'image', id: messageId, contentUrl: `api/content/${messageId}` };
        break;
      }
    }
    const raw = JSON.stringify(buildWebhookBody([event], destination));
    record(userId, shown);
    try {
      const url = typeof opts.webhookUrl === 'function' ? opts.webhookUrl() : opts.webhookUrl;
      const r = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'x-line-signature': signBody(opts.channelSecret, raw),
          'user-agent': 'LineBotWebhook/2.0',
        },
        body: raw,
        signal: AbortSignal.timeout(30_000),
      });
      await r.arrayBuffer().catch(() => undefined);
      res.json({ status: r.status, webhookEventId: event.webhookEventId });
    } catch (err) {
      res
        .status(502)
        .json({ status: 0, webhookEventId: event.webhookEventId, error: (err as Error).message });
    }
  });
  /** Images the user sent from this page (the platform keeps its own copy for the bot). */
  router.get('/api/content/:messageId', (req, res) => {
    const img = images.get(req.params.messageId);
    if (!img) {
      res.status(404).json({ error: 'no such content' });
      return;
    }
    res.setHeader('content-type', img.contentType);
    res.send(img.body);
  });

  router.get('/api/richmenu', (req, res) => {
    const userId = userIdOf(req, res);
    if (!userId) return;
    const rm = platform.richMenuOf(userId);
    if (!rm) {
      res.json({ richMenu: null });
      return;
    }
    res.json({
      richMenu: {
        richMenuId: rm.richMenuId,
        menu: rm.menu,
        hasImage: rm.hasImage,
        imageUrl: rm.hasImage ? `api/richmenu/${encodeURIComponent(rm.richMenuId)}/image` : null,
      },
    });
  });

  // The platform's image download needs the channel's bearer token, which the page does not have.
  router.get('/api/richmenu/:richMenuId/image', async (req, res) => {
    const headers: Record<string, string> = {};
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    try {
      const r = await fetch(
        `${platform.url}/v2/bot/richmenu/${encodeURIComponent(req.params.richMenuId)}/content`,
        { headers },
      );
      res.status(r.status);
      res.setHeader('content-type', r.headers.get('content-type') ?? 'application/octet-stream');
      res.setHeader('cache-control', 'no-store');
      res.send(Buffer.from(await r.arrayBuffer()));
    } catch (err) {
      res.status(502).json({ error: (err as Error).message });
    }
  });

  return router;
}

function parseEvent(e: unknown): SimulatorEvent | string {
  if (!e || typeof e !== 'object') return 'event: an object with a type';
  const o = e as Record<string, unknown>;
  switch (o.type) {
    case 'text':
      if (typeof o.text !== 'string' || o.text.length === 0 || o.text.length > 5000)
        return 'text: 1-5000 characters';
      return { type: 'text', text: o.text };
    case 'postback': {
      if (typeof o.data !== 'string' || o.data.length === 0 || o.data.length > 300)
        return 'postback data: 1-300 characters';
      let params: Record<string, string> | undefined;
      if (o.params !== undefined && o.params !== null) {
        if (typeof o.params !== 'object') return 'postback params: an object of strings';
        params = {};
        for (const [k, v] of Object.entries(o.params)) {
          if (typeof v !== 'string') return 'postback params: an object of strings';
          params[k] = v;
        }
      }
      const displayText = typeof o.displayText === 'string' && o.displayText ? o.displayText : undefined;
      return { type: 'postback', data: o.data, params, displayText };
    }
    case 'follow':
      return { type: 'follow' };
    case 'unfollow':
      return { type: 'unfollow' };
    case 'image':
      if (typeof o.contentBase64 !== 'string' || !o.contentBase64) return 'image: contentBase64 required';
      if (typeof o.contentType !== 'string' || !/^image\/[\w.+-]+$/.test(o.contentType))
        return 'image: contentType image/*';
      return { type: 'image', contentBase64: o.contentBase64, contentType: o.contentType };
    case 'sticker': {
      const id = /^\d{1,12}$/;
      if (typeof o.packageId !== 'string' || !id.test(o.packageId)) return 'sticker: packageId digits';
      if (typeof o.stickerId !== 'string' || !id.test(o.stickerId)) return 'sticker: stickerId digits';
      const keywords = Array.isArray(o.keywords)
        ? o.keywords.filter((k) => typeof k === 'string')
        : undefined;
      return { type: 'sticker', packageId: o.packageId, stickerId: o.stickerId, keywords };
    }
    default:
      return 'event.type: text, postback, follow, unfollow, image or sticker';
  }
}

function userIdOf(req: Request, res: Response): string | undefined {
  const userId = typeof req.query.userId === 'string' ? req.query.userId : '';
  if (!USER_ID_RE.test(userId)) {
    res.status(400).json({ error: 'userId: "U" + 32 hex characters' });
    return undefined;
  }
  return userId;
}

function splitUrl(url: string): [string, string] {
  const i = url.indexOf('?');
  return i < 0 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
