import { crc32, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type DeliveredMessage,
  type LinePlatform,
  type RecordedRequest,
  startLinePlatform,
} from '../src/line-platform';

// Rich menus and the /__control hooks on the fake LINE platform.

const token = 'rich-menu-test-token';
const user = 'U00000000000000000000000000000001';
let platform: LinePlatform;

beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: token });
});
afterAll(() => platform.close());
beforeEach(() => platform.reset());

/** A real (blank, greyscale) PNG of the given size. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Loosely typed LINE answers: whatever each call returns.
interface Answer {
  richMenuId: string;
  richmenus: unknown[];
  details: Array<{ property: string; message: string }>;
  displayName: string;
  [k: string]: unknown;
}

async function api(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': contentType }) },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  const raw = await res.text();
  return {
    status: res.status,
    body: (raw && res.headers.get('content-type')?.includes('json') ? JSON.parse(raw) : {}) as Answer,
  };
}

const menu = (areas = 1) => ({
  size: { width: 2500, height: 843 },
  selected: true,
  name: 'เมนูหลัก',
  chatBarText: 'เมนู',
  areas: Array.from({ length: areas }, (_, i) => ({
    bounds: { x: 0, y: 0, width: 100, height: 100 },
    action: { type: 'postback', label: `ปุ่ม ${i}`, data: `m=${i}` },
  })),
});

describe('rich menus', () => {
  it('creates, uploads an image of the right size, links per user and by default, and aliases', async () => {
    const { body: created } = await api('POST', '/v2/bot/richmenu', menu());
    const id = created.richMenuId as string;
    expect(id).toMatch(/^richmenu-[0-9a-f]{32}$/);
    // no image yet: LINE refuses to link it
    expect((await api('POST', `/v2/bot/user/${user}/richmenu/${id}`)).status).toBe(400);

    expect((await api('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 1686), 'image/png')).status).toBe(
      400,
    );
    expect((await api('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 843), 'image/png')).status).toBe(
      200,
    );
    expect((await api('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 843), 'image/png')).status).toBe(
      400,
    );

    expect((await api('POST', `/v2/bot/user/${user}/richmenu/${id}`)).status).toBe(200);
    expect((await api('GET', `/v2/bot/user/${user}/richmenu`)).body).toEqual({ richMenuId: id });
    expect(platform.richMenuOf(user)).toMatchObject({ richMenuId: id, hasImage: true });
    const image = await fetch(`${platform.url}/v2/bot/richmenu/${id}/content`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(image.headers.get('content-type')).toBe('image/png');

    expect((await api('DELETE', `/v2/bot/user/${user}/richmenu`)).status).toBe(200);
    expect(platform.richMenuOf(user)).toBeUndefined();
    expect((await api('POST', `/v2/bot/user/all/richmenu/${id}`)).status).toBe(200);
    expect(platform.richMenuOf(user)?.richMenuId).toBe(id);

    expect(
      (await api('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'main', richMenuId: id })).status,
    ).toBe(200);
    expect((await api('GET', '/v2/bot/richmenu/alias/main')).body).toEqual({
      richMenuAliasId: 'main',
      richMenuId: id,
    });
    expect((await api('GET', '/v2/bot/richmenu/list')).body.richmenus).toHaveLength(1);
    expect((await api('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(200);
    expect(platform.richMenuOf(user)).toBeUndefined();
  });

  it("switches a user to an alias's menu as the LINE app does on a richmenuswitch tap", async () => {
    const made = async () => {
      const id = (await api('POST', '/v2/bot/richmenu', menu())).body.richMenuId as string;
      await api('POST', `/v2/bot/richmenu/${id}/content`, png(2500, 843), 'image/png');
      return id;
    };
    const general = await made();
    const admin = await made();
    await api('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'tab-admin', richMenuId: admin });
    await api('POST', `/v2/bot/user/${user}/richmenu/${general}`);

    expect(platform.switchRichMenu(user, 'tab-admin')).toBe(true);
    expect(platform.richMenuOf(user)?.richMenuId).toBe(admin);
    expect((await api('GET', `/v2/bot/user/${user}/richmenu`)).body).toEqual({ richMenuId: admin });
    expect(platform.switchRichMenu(user, 'no-such-alias')).toBe(false);
    expect(platform.richMenuOf(user)?.richMenuId).toBe(admin);
  });

  it('refuses more than 20 areas, a too-narrow size and a long chat bar text', async () => {
    const res = await api('POST', '/v2/bot/richmenu', {
      ...menu(21),
      size: { width: 1000, height: 843 },
      chatBarText: 'เมนูของเทศบาลตำบลพัฒนา',
    });
    expect(res.status).toBe(400);
    const props = res.body.details.map((d) => d.property);
    expect(props).toEqual(expect.arrayContaining(['areas', 'size', 'chatBarText']));
  });
});

describe('/__control', () => {
  it('drives the platform from another process: users, reply tokens, faults, records, reset', async () => {
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${platform.url}/__control${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((r) => r.json());

    await control('POST', '/users', { userId: user, displayName: 'สมศรี', following: true });
    const { replyToken } = (await control('POST', '/reply-token', { userId: user })) as {
      replyToken: string;
    };
    await control('POST', '/faults', { path: '/v2/bot/message/reply', status: 500, count: 1 });
    const send = () =>
      api('POST', '/v2/bot/message/reply', { replyToken, messages: [{ type: 'text', text: 'สวัสดี' }] });
    expect((await send()).status).toBe(500);
    expect((await send()).status).toBe(200);

    const messages = (await control('GET', `/messages?userId=${user}`)) as DeliveredMessage[];
    expect(messages.map((m) => m.message)).toEqual([{ type: 'text', text: 'สวัสดี' }]);
    const requests = (await control('GET', '/requests?path=/v2/bot/message/*')) as RecordedRequest[];
    expect(requests.map((r) => r.status)).toEqual([500, 200]);
    expect((await api('GET', `/v2/bot/profile/${user}`)).body.displayName).toBe('สมศรี');

    await control('POST', '/reset');
    expect(platform.requests()).toEqual([]);
    expect(platform.messagesFor(user)).toEqual([]);
  });
});
