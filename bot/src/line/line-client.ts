import type { messagingApi } from '@line/bot-sdk';
import { LineApiError, LineUnavailableError } from './line-api-error';

export type LineMessage = messagingApi.Message;

/** The port to LINE's Messaging API: only what the product uses. */
export interface LineClient {
  reply(replyToken: string, messages: readonly LineMessage[]): Promise<void>;
  /** `retryKey` (a UUID) makes a retried push safe: LINE answers 409 for an already-accepted key. */
  push(to: string, messages: readonly LineMessage[], retryKey: string): Promise<void>;
  multicast(to: readonly string[], messages: readonly LineMessage[], retryKey: string): Promise<void>;
  getProfile(userId: string): Promise<messagingApi.UserProfileResponse>;
  showLoading(chatId: string, seconds: number): Promise<void>;
  getContent(messageId: string): Promise<{ body: Buffer; contentType: string }>;
  createRichMenu(menu: messagingApi.RichMenuRequest): Promise<string>;
  uploadRichMenuImage(
    richMenuId: string,
    image: Buffer,
    contentType: 'image/png' | 'image/jpeg',
  ): Promise<void>;
  linkRichMenu(userId: string, richMenuId: string): Promise<void>;
}

export interface HttpLineClientOptions {
  channelAccessToken: string;
  /** https://api.line.me, or the local fake LINE platform */
  apiBase?: string;
  /** https://api-data.line.me (content, rich menu images) */
  dataBase?: string;
  /** per attempt; the SDK's fetch has none, and a hung call would eat LINE's 2 s webhook budget */
  timeoutMs?: number;
  /** attempts in total for retryable failures (5xx, timeouts, 429) */
  maxAttempts?: number;
  /** base of the exponential backoff */
  backoffMs?: number;
  /** upper bound on a single wait, whatever Retry-After says */
  maxBackoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * A small fetch-based client instead of the SDK's: it adds per-attempt timeouts, retries only what is
 * safe to retry (5xx, timeouts, 429 with backoff), sends X-Line-Retry-Key, and treats 409 on a retried
 * push/multicast as "already accepted".
 */
export function createHttpLineClient(opts: HttpLineClientOptions): LineClient {
  const apiBase = (opts.apiBase ?? 'https://api.line.me').replace(/\/$/, '');
  const dataBase = (opts.dataBase ?? 'https://api-data.line.me').replace(/\/$/, '');
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxAttempts = opts.maxAttempts ?? 4;
  const backoffMs = opts.backoffMs ?? 200;
  const maxBackoffMs = opts.maxBackoffMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  interface Call {
    method: 'GET' | 'POST' | 'DELETE';
    base?: string;
    path: string;
    json?: unknown;
    raw?: { body: Buffer; contentType: string };
    retryKey?: string;
    /** reply tokens are single-use: a retry after an unknown outcome could only fail */
    retrySafe: boolean;
  }

  async function call(c: Call): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.channelAccessToken}` };
    let body: RequestInit['body'];
    if (c.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(c.json);
    } else if (c.raw) {
      headers['content-type'] = c.raw.contentType;
      body = new Uint8Array(c.raw.body);
    }
    if (c.retryKey) headers['x-line-retry-key'] = c.retryKey;
    const url = `${c.base ?? apiBase}${c.path}`;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let res: Response;
      try {
        res = await doFetch(url, { method: c.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (err) {
        lastError = err;
        if (!c.retrySafe || attempt === maxAttempts) break;
        await sleep(backoff(attempt));
        continue;
      }
      if (res.ok) return res;
      if (res.status === 409 && c.retryKey) return res; // accepted earlier under the same key
      const retryable = res.status === 429 || res.status >= 500;
      if (retryable && c.retrySafe && attempt < maxAttempts) {
        const retryAfter = Number(res.headers.get('retry-after'));
        await res.arrayBuffer().catch(() => undefined);
        await sleep(
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter * 1000, maxBackoffMs)
            : backoff(attempt),
        );
        continue;
      }
      throw new LineApiError(
        res.status,
        c.path,
        await readBody(res),
        res.headers.get('x-line-request-id') ?? undefined,
      );
    }
    throw new LineUnavailableError(c.path, lastError);
  }

  function backoff(attempt: number): number {
    const exp = backoffMs * 2 ** (attempt - 1);
    return Math.min(maxBackoffMs, exp / 2 + Math.random() * (exp / 2));
  }

  return {
    async reply(replyToken, messages) {
      // A 5xx on reply may have been delivered; retrying is still right because LINE refuses a used token.
      await call({
        method: 'POST',
        path: '/v2/bot/message/reply',
        json: { replyToken, messages },
        retrySafe: true,
      });
    },
    async push(to, messages, retryKey) {
      await call({
        method: 'POST',
        path: '/v2/bot/message/push',
        json: { to, messages },
        retryKey,
        retrySafe: true,
      });
    },
    async multicast(to, messages, retryKey) {
      await call({
        method: 'POST',
        path: '/v2/bot/message/multicast',
        json: { to, messages },
        retryKey,
        retrySafe: true,
      });
    },
    async getProfile(userId) {
      const res = await call({
        method: 'GET',
        path: `/v2/bot/profile/${encodeURIComponent(userId)}`,
        retrySafe: true,
      });
      return (await res.json()) as messagingApi.UserProfileResponse;
    },
    async showLoading(chatId, seconds) {
      const loadingSeconds = Math.min(60, Math.max(5, Math.ceil(seconds / 5) * 5));
      await call({
        method: 'POST',
        path: '/v2/bot/chat/loading/start',
        json: { chatId, loadingSeconds },
        retrySafe: false,
      });
    },
    async getContent(messageId) {
      const res = await call({
        method: 'GET',
        base: dataBase,
        path: `/v2/bot/message/${encodeURIComponent(messageId)}/content`,
        retrySafe: true,
      });
      return {
        body: Buffer.from(await res.arrayBuffer()),
        contentType: res.headers.get('content-type') ?? 'application/octet-stream',
      };
    },
    async createRichMenu(menu) {
      const res = await call({ method: 'POST', path: '/v2/bot/richmenu', json: menu, retrySafe: false });
      return ((await res.json()) as { richMenuId: string }).richMenuId;
    },
    async uploadRichMenuImage(richMenuId, image, contentType) {
      await call({
        method: 'POST',
        base: dataBase,
        path: `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}/content`,
        raw: { body: image, contentType },
        retrySafe: true,
      });
    },
    async linkRichMenu(userId, richMenuId) {
      await call({
        method: 'POST',
        path: `/v2/bot/user/${encodeURIComponent(userId)}/richmenu/${encodeURIComponent(richMenuId)}`,
        retrySafe: true,
      });
    },
  };
}

async function readBody(res: Response): Promise<unknown> {
  const t = await res.text().catch(() => '');
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}
