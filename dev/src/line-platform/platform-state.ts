import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { FaultQueue, pathMatches } from './faults';
import { MessageQuota } from './message-quota';
import type { DeliveredMessage, DeliveryVia, RecordedRequest } from './types';

// Everything the fake platform remembers, apart from HTTP: users, reply tokens, retry keys, what was
// delivered to whom, contents and rich menus. The routes read and change it; `reset()` empties it.

export interface Profile {
  displayName: string;
  pictureUrl?: string;
  statusMessage?: string;
}

interface User {
  profile?: Profile;
  /** undefined: never followed (LINE refuses pushes to such ids) */
  following?: boolean;
}

export interface SentMessage {
  id: string;
  quoteToken?: string;
}

export interface RichMenu {
  richMenuId: string;
  menu: Record<string, unknown>;
  image?: { body: Buffer; contentType: string };
}

const QUOTABLE = new Set(['text', 'textV2', 'sticker', 'image', 'video']);

export class PlatformState {
  readonly users = new Map<string, User>();
  readonly replyTokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly retryKeys = new Map<string, { requestId: string; sentMessages: SentMessage[] }>();
  readonly deliveries = new Map<string, DeliveredMessage[]>();
  readonly recorded: RecordedRequest[] = [];
  readonly contents = new Map<string, { body: Buffer; contentType: string }>();
  readonly richMenus = new Map<string, RichMenu>();
  readonly aliases = new Map<string, string>();
  readonly userMenus = new Map<string, string>();
  defaultMenu: string | undefined;
  readonly faults = new FaultQueue();
  readonly events = new EventEmitter();
  /** the platform's clock: real time unless a test or bench set it (the quota's month follows it) */
  fixedNow: Date | undefined;
  readonly clock = () => (this.fixedNow ? new Date(this.fixedNow) : new Date());
  readonly quota = new MessageQuota(this.clock);
  // LINE message ids are decimal strings of about 18 digits.
  #nextMessageId = 500_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1e9)) * 1_000_000n;

  constructor(readonly replyTokenTtlMs: number) {
    this.events.setMaxListeners(0); // one listener per open simulator page
  }

  user(userId: string): User {
    let u = this.users.get(userId);
    if (!u) {
      u = {};
      this.users.set(userId, u);
    }
    return u;
  }

  /** Pushes, multicasts and broadcasts reach only users who follow the bot now. */
  canPush(userId: string): boolean {
    return this.users.get(userId)?.following === true;
  }

  /** A reply answers a user who just wrote, so it lands unless they blocked the bot since. */
  canReply(userId: string): boolean {
    return this.users.get(userId)?.following !== false;
  }

  issueReplyToken(userId: string): string {
    const token = randomBytes(16).toString('hex');
    this.replyTokens.set(token, { userId, expiresAt: Date.now() + this.replyTokenTtlMs });
    return token;
  }

  /** The user the token was issued for; a token works once and only until it expires. */
  consumeReplyToken(token: string): string | undefined {
    const t = this.replyTokens.get(token);
    if (!t) return undefined;
    this.replyTokens.delete(token);
    return t.expiresAt >= Date.now() ? t.userId : undefined;
  }

  /** One id per message, shared by all recipients (as sentMessages shows for a reply or push). */
  sentMessages(messages: Array<Record<string, unknown>>): SentMessage[] {
    return messages.map((m) => {
      this.#nextMessageId += 1n;
      const id = this.#nextMessageId.toString();
      return QUOTABLE.has(String(m.type))
        ? { id, quoteToken: randomBytes(24).toString('base64url') }
        : { id };
    });
  }

  record(
    userId: string,
    via: DeliveryVia,
    messages: Array<Record<string, unknown>>,
    sent: SentMessage[],
    requestId: string,
    delivered: boolean,
  ): void {
    const list = this.deliveries.get(userId) ?? [];
    this.deliveries.set(userId, list);
    const at = this.clock().toISOString();
    messages.forEach((message, i) => {
      // Recipients of one multicast share the message id, as on LINE; ids are unique per user.
      const d: DeliveredMessage = { id: sent[i]?.id ?? '', userId, via, message, at, requestId, delivered };
      list.push(d);
      this.events.emit('delivered', d);
    });
  }

  requests(filter: { path?: string; method?: string } = {}): RecordedRequest[] {
    return this.recorded.filter(
      (r) =>
        (!filter.path || pathMatches(filter.path, r.path)) &&
        (!filter.method || r.method.toUpperCase() === filter.method.toUpperCase()),
    );
  }

  richMenuOf(userId: string): RichMenu | undefined {
    const id = this.userMenus.get(userId) ?? this.defaultMenu;
    return id === undefined ? undefined : this.richMenus.get(id);
  }

  reset(): void {
    for (const m of [
      this.users,
      this.replyTokens,
      this.retryKeys,
      this.deliveries,
      this.contents,
      this.richMenus,
      this.aliases,
      this.userMenus,
    ]) {
      m.clear();
    }
    this.recorded.length = 0;
    this.defaultMenu = undefined;
    this.faults.clear();
    this.quota.reset();
    this.fixedNow = undefined;
  }
}
