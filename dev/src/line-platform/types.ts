import type { Express } from 'express';
import type { IssueIdTokenOptions } from './id-tokens';
import type { QuotaSetting } from './message-quota';

export type { QuotaSetting };

// The contract the simulator, `npm start`, the integration tests and the bench code against.

export type DeliveryVia = 'reply' | 'push' | 'multicast' | 'narrowcast' | 'broadcast';

export interface DeliveredMessage {
  /** the message id LINE would return in sentMessages */
  id: string;
  userId: string;
  via: DeliveryVia;
  message: Record<string, unknown>;
  at: string;
  /** x-line-request-id of the send request */
  requestId: string;
  /** false when the platform accepted the request but the user never followed or has blocked the bot */
  delivered: boolean;
}

export interface RecordedRequest {
  method: string;
  /** without the query string */
  path: string;
  status: number;
  retryKey?: string;
  /** the parsed JSON (or form) body; binary bodies as { bytes, contentType } */
  body: unknown;
  at: string;
  requestId: string;
}

export interface FaultSpec {
  method?: string;
  /** exact path, or a prefix ending with `*` */
  path: string;
  /** omitted: only `delayMs`, then normal processing */
  status?: 429 | 500 | 503;
  /** how many matching requests it affects; default 1 */
  count?: number;
  retryAfterSec?: number;
  delayMs?: number;
}

export interface LinePlatformOptions {
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (any free port) */
  port?: number;
  /** the only bearer token /v2 accepts */
  channelAccessToken: string;
  /** directory holding messaging-api.yml; default LINE_OPENAPI_DIR, else <repo>/../shared/line-openapi */
  specDir?: string;
  /** LINE Login channel id: the default `aud` of /__control/id-token */
  loginChannelId?: string;
  /** one line per request, e.g. console.log; default silent */
  log?: (line: string) => void;
  /**
   * Mount extra routes (e.g. the simulator at /simulator) on the same server. Called after the LINE
   * routes and before the catch-all 404. Those routes get no body parser, auth or recording from here.
   */
  mount?: (app: Express) => void;
  /** reply token lifetime; default 60 000 ms */
  replyTokenTtlMs?: number;
}

export interface LinePlatform {
  /** e.g. http://127.0.0.1:41234; serves both api.line.me and api-data.line.me paths */
  readonly url: string;
  readonly port: number;
  /** false when messaging-api.yml was not found: LINE's limits are still checked */
  readonly specLoaded: boolean;
  readonly channelAccessToken: string;
  readonly app: Express;
  issueReplyToken(userId: string): string;
  setProfile(userId: string, p: { displayName: string; pictureUrl?: string; statusMessage?: string }): void;
  /** the profile set for the user, if any */
  profileOf(userId: string): { displayName: string; pictureUrl?: string; statusMessage?: string } | undefined;
  /** pushes and multicasts reach only users set to following; blocked users get nothing delivered */
  setFollowing(userId: string, following: boolean): void;
  putContent(messageId: string, body: Buffer, contentType: string): void;
  issueIdToken(userId: string, o: IssueIdTokenOptions): string;
  /** LINE Login's signing key rotation: new ID tokens get a new kid, the JWKS keeps the old key too */
  rotateIdTokenKey(): void;
  injectFault(f: FaultSpec): void;
  /** the LINE Official Account's monthly quota ({ type: 'none' } unless set; `reset()` clears it) */
  setQuota(q: QuotaSetting): void;
  /** messages counted in the platform clock's month: one per recipient per accepted send */
  quotaUsed(): number;
  /** fixes the platform's clock (the quota's month follows it); undefined: real time again */
  setClock(now: Date | undefined): void;
  clearFaults(): void;
  /** every message accepted for the user, delivered or not, oldest first */
  messagesFor(userId: string): DeliveredMessage[];
  /** `path` exact or a prefix ending with `*`; `method` case-insensitive */
  requests(filter?: { path?: string; method?: string }): RecordedRequest[];
  /**
   * What the LINE app does when the user taps a richmenuswitch action: links the alias's menu to the user.
   * False when there is no such alias (LINE then posts back status RICHMENU_ALIAS_ID_NOTFOUND).
   */
  switchRichMenu(userId: string, richMenuAliasId: string): boolean;
  /** the user's own rich menu, else the default one */
  richMenuOf(userId: string): { richMenuId: string; menu: unknown; hasImage: boolean } | undefined;
  on(event: 'delivered', fn: (d: DeliveredMessage) => void): () => void;
  /** clears users, messages, requests, tokens, retry keys, faults, contents and rich menus; keeps keys and config */
  reset(): void;
  close(): Promise<void>;
}
