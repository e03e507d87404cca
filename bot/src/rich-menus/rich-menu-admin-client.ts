import type { messagingApi } from '@line/bot-sdk';
import { createLineHttp } from '../line/line-http';

// The rich menu administration calls the setup needs and the bot's LineClient port does not have
// (list, delete, aliases, default menu). Used from scripts, not from the webhook: per-attempt timeouts,
// and retries only for reads, deletes and idempotent updates on 429/5xx/timeouts. Creating a menu is
// never retried, since a lost answer would leave a duplicate (the next setup run deletes it anyway).

export interface RichMenuHttpOptions {
  channelAccessToken: string;
  /** default https://api.line.me */
  apiBase?: string;
  /** default https://api-data.line.me (rich menu images) */
  dataBase?: string;
  /** per attempt; default 10 000 ms (image uploads are up to 1 MB) */
  timeoutMs?: number;
  /** attempts in total for retry-safe calls; default 3 */
  maxAttempts?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface RichMenuSummary {
  richMenuId: string;
  name: string;
  menu: messagingApi.RichMenuResponse;
}

export interface RichMenuAlias {
  richMenuAliasId: string;
  richMenuId: string;
}

export interface RichMenuAdminClient {
  listMenus(): Promise<RichMenuSummary[]>;
  createMenu(menu: messagingApi.RichMenuRequest): Promise<string>;
  deleteMenu(richMenuId: string): Promise<void>;
  /** whether an image was uploaded (LINE never replaces one) */
  hasImage(richMenuId: string): Promise<boolean>;
  uploadImage(richMenuId: string, image: Buffer, contentType: 'image/png' | 'image/jpeg'): Promise<void>;
  listAliases(): Promise<RichMenuAlias[]>;
  createAlias(aliasId: string, richMenuId: string): Promise<void>;
  updateAlias(aliasId: string, richMenuId: string): Promise<void>;
  deleteAlias(aliasId: string): Promise<void>;
  /** undefined when no default menu is set */
  getDefaultMenu(): Promise<string | undefined>;
  setDefaultMenu(richMenuId: string): Promise<void>;
}

export function createRichMenuAdminClient(opts: RichMenuHttpOptions): RichMenuAdminClient {
  const call = createLineHttp({ timeoutMs: 10_000, maxAttempts: 3, backoffMs: 300, ...opts });
  const enc = encodeURIComponent;

  const json = async <T>(res: Response) => (await res.json()) as T;

  return {
    async listMenus() {
      const res = await call({ method: 'GET', path: '/v2/bot/richmenu/list', retrySafe: true });
      const { richmenus } = await json<messagingApi.RichMenuListResponse>(res);
      return richmenus.map((menu) => ({ richMenuId: menu.richMenuId, name: menu.name, menu }));
    },
    async createMenu(menu) {
      const res = await call({ method: 'POST', path: '/v2/bot/richmenu', json: menu, retrySafe: false });
      return (await json<messagingApi.RichMenuIdResponse>(res)).richMenuId;
    },
    async deleteMenu(richMenuId) {
      await call({ method: 'DELETE', path: `/v2/bot/richmenu/${enc(richMenuId)}`, retrySafe: true });
    },
    async hasImage(richMenuId) {
      const res = await call({
        method: 'GET',
        data: true,
        path: `/v2/bot/richmenu/${enc(richMenuId)}/content`,
        retrySafe: true,
        accept: [404],
      });
      await res.arrayBuffer().catch(() => undefined);
      return res.ok;
    },
    async uploadImage(richMenuId, image, contentType) {
      await call({
        method: 'POST',
        data: true,
        path: `/v2/bot/richmenu/${enc(richMenuId)}/content`,
        raw: { body: image, contentType },
        // A retry after a lost answer fails with "already uploaded"; the setup checks hasImage first.
        retrySafe: false,
      });
    },
    async listAliases() {
      const res = await call({ method: 'GET', path: '/v2/bot/richmenu/alias/list', retrySafe: true });
      return (await json<{ aliases: RichMenuAlias[] }>(res)).aliases;
    },
    async createAlias(richMenuAliasId, richMenuId) {
      await call({
        method: 'POST',
        path: '/v2/bot/richmenu/alias',
        json: { richMenuAliasId, richMenuId },
        retrySafe: false,
      });
    },
    async updateAlias(aliasId, richMenuId) {
      await call({
        method: 'POST',
        path: `/v2/bot/richmenu/alias/${enc(aliasId)}`,
        json: { richMenuId },
        retrySafe: true,
      });
    },
    async deleteAlias(aliasId) {
      await call({ method: 'DELETE', path: `/v2/bot/richmenu/alias/${enc(aliasId)}`, retrySafe: true });
    },
    async getDefaultMenu() {
      const res = await call({
        method: 'GET',
        path: '/v2/bot/user/all/richmenu',
        retrySafe: true,
        accept: [404],
      });
      if (res.status === 404) {
        await res.arrayBuffer().catch(() => undefined);
        return undefined;
      }
      return (await json<messagingApi.RichMenuIdResponse>(res)).richMenuId;
    },
    async setDefaultMenu(richMenuId) {
      await call({ method: 'POST', path: `/v2/bot/user/all/richmenu/${enc(richMenuId)}`, retrySafe: true });
    },
  };
}
