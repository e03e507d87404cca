// Real-shaped LINE webhook events (see ../shared/line-openapi/webhook.yml), as pure functions, for the
// simulator, the integration tests and the webhook benchmark.
import { createHmac, randomBytes } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';

export const DEFAULT_DESTINATION = 'Uphattanabot0000000000000000000000';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-like id as LINE uses for webhookEventId: 26 chars of uppercase Crockford base32, time first. */
export function newWebhookEventId(now: number = Date.now()): string {
  let time = '';
  let t = Math.max(0, Math.floor(now));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rnd = randomBytes(16);
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[rnd[i]! % 32];
  return time + tail;
}

/** A numeric message id like LINE's (18 digits). */
export function newMessageId(): string {
  const n = randomBytes(8).readBigUInt64BE() % 900_000_000_000_000_000n;
  return (n + 100_000_000_000_000_000n).toString();
}

/** LINE quote tokens are opaque base64url-ish strings. */
export function newQuoteToken(): string {
  return randomBytes(48).toString('base64url');
}

/** A LINE-shaped user id: "U" + 32 lowercase hex chars. */
export function newUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

/** base64(HMAC-SHA256(channelSecret, rawBody)), the x-line-signature header. */
export function signBody(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** The envelope LINE POSTs: `{destination, events}`. */
export function buildWebhookBody(
  events: webhook.Event[],
  destination: string = DEFAULT_DESTINATION,
): webhook.CallbackRequest {
  return { destination, events };
}

interface Common {
  userId: string;
  /** epoch ms; default now */
  timestamp?: number;
  webhookEventId?: string;
  isRedelivery?: boolean;
}

function base(o: Common) {
  const timestamp = o.timestamp ?? Date.now();
  return {
    mode: 'active' as const,
    timestamp,
    source: { type: 'user' as const, userId: o.userId },
    webhookEventId: o.webhookEventId ?? newWebhookEventId(timestamp),
    deliveryContext: { isRedelivery: o.isRedelivery ?? false },
  };
}

export function buildTextEvent(
  o: Common & { text: string; replyToken: string; messageId?: string; quoteToken?: string },
): webhook.MessageEvent & { message: webhook.TextMessageContent; replyToken: string } {
  return {
    type: 'message',
    ...base(o),
    replyToken: o.replyToken,
    message: {
      id: o.messageId ?? newMessageId(),
      type: 'text',
      quoteToken: o.quoteToken ?? newQuoteToken(),
      text: o.text,
    },
  };
}

export function buildPostbackEvent(
  o: Common & { data: string; replyToken: string; params?: Record<string, string> },
): webhook.PostbackEvent & { replyToken: string } {
  return {
    type: 'postback',
    ...base(o),
    replyToken: o.replyToken,
    postback: o.params ? { data: o.data, params: o.params } : { data: o.data },
  };
}

export function buildFollowEvent(
  o: Common & { replyToken: string; isUnblocked?: boolean },
): webhook.FollowEvent {
  return {
    type: 'follow',
    ...base(o),
    replyToken: o.replyToken,
    follow: { isUnblocked: o.isUnblocked ?? false },
  };
}

/** No reply token: an unfollowed (blocked) account cannot be replied to. */
export function buildUnfollowEvent(o: Common): webhook.UnfollowEvent {
  return { type: 'unfollow', ...base(o) };
}

/**
 * An image sent by the user. Its bytes live on the platform (`contentProvider.type: 'line'`) under
 * `messageId`, fetched from GET /v2/bot/message/{messageId}/content.
 */
export function buildImageEvent(
  o: Common & { replyToken: string; messageId?: string; quoteToken?: string },
): webhook.MessageEvent & { message: webhook.ImageMessageContent; replyToken: string } {
  return {
    type: 'message',
    ...base(o),
    replyToken: o.replyToken,
    message: {
      id: o.messageId ?? newMessageId(),
      type: 'image',
      quoteToken: o.quoteToken ?? newQuoteToken(),
      contentProvider: { type: 'line' },
    },
  };
}

/** A sticker from LINE's free set (packageId/stickerId as LINE sends them, with keywords). */
export function buildStickerEvent(
  o: Common & { replyToken: string; packageId: string; stickerId: string; keywords?: string[] },
): webhook.MessageEvent & { message: webhook.StickerMessageContent; replyToken: string } {
  return {
    type: 'message',
    ...base(o),
    replyToken: o.replyToken,
    message: {
      id: newMessageId(),
      type: 'sticker',
      quoteToken: newQuoteToken(),
      packageId: o.packageId,
      stickerId: o.stickerId,
      stickerResourceType: 'STATIC',
      ...(o.keywords?.length ? { keywords: o.keywords } : {}),
    },
  };
}
