import type { messagingApi } from '@line/bot-sdk';
import type { MessagePriority } from '@phattana/shared';
import { createLineHttp, type LineCall, type LineHttpOptions, type LineResponse } from './line-http';

export type LineMessage = messagingApi.Message;

export type { MessagePriority };

export interface SendOptions {
  readonly priority?: MessagePriority;
  /** what the message is for, recorded when it is held back (e.g. 'reportReminder:due1') */
  readonly purpose?: string;
  /** the once-only key or broadcast id, so a held-back message can be found and retried */
  readonly key?: string;
}

/**
 * What LINE did with a paid send: 'repeat' when it had accepted this retry key before, in an earlier
 * call (a retried task), so it is not counted against the quota again. void: accepted (fakes).
 */
export type SendOutcome = 'accepted' | 'repeat';

/** LINE's monthly target limit: 'none' (no limit set) or a number of messages. */
export type MessageQuota = { readonly type: 'none' } | { readonly type: 'limited'; readonly value: number };

/** The port to LINE's Messaging API: only what the product uses. */
export interface LineClient {
  reply(replyToken: string, messages: readonly LineMessage[]): Promise<void>;
  /** `retryKey` (a UUID) makes a retried push safe: LINE answers 409 for an already-accepted key. */
  push(
    to: string,
    messages: readonly LineMessage[],
    retryKey: string,
    opts?: SendOptions,
  ): Promise<SendOutcome | undefined>;
  multicast(
    to: readonly string[],
    messages: readonly LineMessage[],
    retryKey: string,
    opts?: SendOptions,
  ): Promise<SendOutcome | undefined>;
  /** this month's limit (GET /v2/bot/message/quota) */
  getMessageQuota(): Promise<MessageQuota>;
  /** messages counted this month (GET /v2/bot/message/quota/consumption) */
  getMessageQuotaConsumption(): Promise<number>;
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

export type HttpLineClientOptions = LineHttpOptions;

/**
 * The LineClient over LINE's HTTP API (see line-http.ts for timeouts and retries). Pushes and
 * multicasts carry X-Line-Retry-Key, and a 409 for an already-accepted key counts as success.
 */
export function createHttpLineClient(opts: HttpLineClientOptions): LineClient {
  const call = createLineHttp(opts);
  // An answer nobody reads is still read to its end, as undici advises: an unread body is otherwise
  // released only when garbage-collected, and a larger one holds its connection until then.
  const send = async (c: LineCall): Promise<LineResponse> => {
    const res = await call(c);
    await res.arrayBuffer().catch(() => undefined);
    return res;
  };
  return {
    async reply(replyToken, messages) {
      // A 5xx on reply may have been delivered; retrying is still right because LINE refuses a used token.
      await send({
        method: 'POST',
        path: '/v2/bot/message/reply',
        json: { replyToken, messages },
        retrySafe: true,
      });
    },
    async push(to, messages, retryKey) {
      return sendOutcome(
        await send({
          method: 'POST',
          path: '/v2/bot/message/push',
          json: { to, messages },
          retryKey,
          retrySafe: true,
          accept: [409], // accepted earlier under the same key
        }),
      );
    },
    async multicast(to, messages, retryKey) {
      return sendOutcome(
        await send({
          method: 'POST',
          path: '/v2/bot/message/multicast',
          json: { to, messages },
          retryKey,
          retrySafe: true,
          accept: [409], // accepted earlier under the same key
        }),
      );
    },
    async getMessageQuota() {
      const res = await call({ method: 'GET', path: '/v2/bot/message/quota', retrySafe: true });
      const q = (await res.json()) as { type: string; value?: number };
      return q.type === 'limited' ? { type: 'limited', value: Number(q.value ?? 0) } : { type: 'none' };
    },
    async getMessageQuotaConsumption() {
      const res = await call({ method: 'GET', path: '/v2/bot/message/quota/consumption', retrySafe: true });
      return Number(((await res.json()) as { totalUsage?: number }).totalUsage ?? 0);
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
      await send({
        method: 'POST',
        path: '/v2/bot/chat/loading/start',
        json: { chatId, loadingSeconds },
        retrySafe: false,
      });
    },
    async getContent(messageId) {
      const res = await call({
        method: 'GET',
        data: true,
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
      await send({
        method: 'POST',
        data: true,
        path: `/v2/bot/richmenu/${encodeURIComponent(richMenuId)}/content`,
        raw: { body: image, contentType },
        retrySafe: true,
      });
    },
    async linkRichMenu(userId, richMenuId) {
      await send({
        method: 'POST',
        path: `/v2/bot/user/${encodeURIComponent(userId)}/richmenu/${encodeURIComponent(richMenuId)}`,
        retrySafe: true,
      });
    },
  };
}

/**
 * 409 for a key LINE accepted before: a repeat of an earlier call, unless an attempt of this very call
 * may have been the one LINE accepted (a timeout), in which case this call did send it.
 */
function sendOutcome(res: LineResponse): SendOutcome {
  return res.status === 409 && !res.earlierAttemptUncertain ? 'repeat' : 'accepted';
}
