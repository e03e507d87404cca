import { createHttpLineClient } from '@phattana/bot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildRichMenus,
  RICH_MENU_ALIASES,
  toRichMenuRequest,
} from '../../bot/src/rich-menus/menu-definitions';
import { loadRichMenuImages, type RichMenuImages } from '../../bot/src/rich-menus/menu-images';
import { linkMenuForRoles, richMenuName, setupRichMenus } from '../../bot/src/rich-menus/setup-rich-menus';
import { type LinePlatform, startLinePlatform } from '../../dev/src/line-platform';

const token = 'rich-menu-test-token';
const liffId = '2000000000-RichMenu';
let platform: LinePlatform;
let images: RichMenuImages;

const setup = (o: { liffId?: string; images?: RichMenuImages } = {}) =>
  setupRichMenus({
    http: { apiBase: platform.url, dataBase: platform.url, channelAccessToken: token },
    liffId: o.liffId ?? liffId,
    images: o.images ?? images,
  });
const count = (method: string, path: string) => platform.requests({ method, path }).length;
const menuNames = async () => {
  const res = await fetch(`${platform.url}/v2/bot/richmenu/list`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { richmenus: { name: string }[] }).richmenus.map((m) => m.name).sort();
};

beforeAll(async () => {
  platform = await startLinePlatform({ channelAccessToken: token });
  images = await loadRichMenuImages();
});
afterAll(() => platform.close());
beforeEach(() => platform.reset());

describe('rich menu setup against the fake LINE platform', () => {
  it('creates the four menus with their committed images, the HR aliases and the staff default', async () => {
    const r = await setup();
    expect(r.created.map((c) => c.key)).toEqual(['staff', 'supervisor', 'hr-general', 'hr-admin']);
    expect(r.uploaded).toHaveLength(4);
    // every image passed the platform's checks (PNG, ≤ 1 MB, exactly the menu's size)
    expect(
      platform
        .requests({ method: 'POST', path: '/v2/bot/richmenu/*' })
        .filter((q) => q.path.endsWith('/content')),
    ).toSatisfy((reqs: { status: number }[]) => reqs.length === 4 && reqs.every((q) => q.status === 200));
    // (the only refusals are the 404s that mean "none yet", e.g. no default menu)
    expect(platform.requests().filter((q) => q.status >= 400 && q.method !== 'GET')).toEqual([]);

    expect(r.aliases.map((a) => [a.aliasId, a.change])).toEqual([
      [RICH_MENU_ALIASES.hrGeneral, 'created'],
      [RICH_MENU_ALIASES.hrAdmin, 'created'],
    ]);
    const aliases = await fetch(`${platform.url}/v2/bot/richmenu/alias/list`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((res) => res.json());
    expect(aliases).toEqual({
      aliases: [
        { richMenuAliasId: RICH_MENU_ALIASES.hrGeneral, richMenuId: r.menuIdByRole.hr },
        { richMenuAliasId: RICH_MENU_ALIASES.hrAdmin, richMenuId: r.menuIdByKey['hr-admin'] },
      ],
    });

    // a user with no link of their own sees the staff menu, with its image
    const seen = platform.richMenuOf('Uanyone0000000000000000000000000');
    expect(seen).toMatchObject({ richMenuId: r.menuIdByRole.staff, hasImage: true });
    expect(seen?.menu).toMatchObject({ chatBarText: 'เมนูพัฒนา', size: { width: 2500, height: 1686 } });
    expect((await menuNames()).every((n) => /^phattana:[a-z-]+:[0-9a-f]{8}$/.test(n))).toBe(true);
  });

  it('creates nothing new on a second run', async () => {
    const first = await setup();
    const creates = count('POST', '/v2/bot/richmenu');
    const requestsBefore = platform.requests().length;
    const second = await setup();
    expect(second.menuIdByKey).toEqual(first.menuIdByKey);
    expect(second.created).toEqual([]);
    expect(second.uploaded).toEqual([]);
    expect(second.aliases.every((a) => a.change === 'unchanged')).toBe(true);
    expect(second.defaultMenu.changed).toBe(false);
    expect(second.deletedMenus).toEqual([]);
    expect(count('POST', '/v2/bot/richmenu')).toBe(creates);
    // only reads: the list, image checks, the alias list and the default menu
    const writes = platform
      .requests()
      .slice(requestsBefore)
      .filter((q) => q.method !== 'GET');
    expect(writes).toEqual([]);
  });

  it('replaces only changed menus, moves the aliases and deletes the stale menus', async () => {
    const first = await setup();
    // another LIFF app changes every uri action, so every menu is new; an unrelated menu is left alone
    const foreign = await createHttpLineClient({
      channelAccessToken: token,
      apiBase: platform.url,
      dataBase: platform.url,
    }).createRichMenu({
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'someone-else',
      chatBarText: 'อื่น ๆ',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message', text: 'x' } }],
    });
    const second = await setup({ liffId: '2000000000-Another' });
    expect(second.created).toHaveLength(4);
    expect(second.aliases.every((a) => a.change === 'updated')).toBe(true);
    expect(second.defaultMenu.changed).toBe(true);
    expect(new Set(second.deletedMenus)).toEqual(new Set(Object.values(first.menuIdByKey)));
    const names = await menuNames();
    expect(names).toHaveLength(5);
    expect(names).toContain('someone-else');
    expect(foreign).toMatch(/^richmenu-/);

    // an image change alone also makes a new menu (LINE never replaces an uploaded image)
    const third = await setup({
      liffId: '2000000000-Another',
      images: { ...images, 'hr-admin': images.staff },
    });
    expect(third.created.map((c) => c.key)).toEqual(['hr-admin']);
    expect(third.deletedMenus).toEqual([second.menuIdByKey['hr-admin']]);
  });

  it('finishes the job of an interrupted run: uploads the image a created menu is missing', async () => {
    const defs = buildRichMenus(liffId);
    const first = await setup();
    // simulate a crash between create and upload: a fresh platform with the same menu minus image
    platform.reset();
    const line = createHttpLineClient({
      channelAccessToken: token,
      apiBase: platform.url,
      dataBase: platform.url,
    });
    const staffDef = defs[0]!;
    const orphan = await line.createRichMenu(
      toRichMenuRequest(staffDef, richMenuName(staffDef, images.staff)),
    );
    const r = await setup();
    expect(r.menuIdByRole.staff).toBe(orphan);
    expect(r.uploaded).toContain('staff');
    expect(r.created.map((c) => c.key)).toEqual(['supervisor', 'hr-general', 'hr-admin']);
    expect(platform.richMenuOf('Usomeone000000000000000000000000')?.hasImage).toBe(true);
    expect(first.menuIdByRole.staff).not.toBe(orphan);
  });

  it('links the menu for the highest role: hr > supervisor (and executive) > staff', async () => {
    const { menuIdByRole } = await setup();
    const line = createHttpLineClient({
      channelAccessToken: token,
      apiBase: platform.url,
      dataBase: platform.url,
    });
    const hrUser = 'U00000000000000000000000000000hr';
    const staffUser = 'U000000000000000000000000000staff';
    const mayor = 'U00000000000000000000000000mayor';

    expect(await linkMenuForRoles(line, hrUser, ['staff', 'supervisor', 'hr'], menuIdByRole)).toEqual({
      role: 'hr',
      richMenuId: menuIdByRole.hr,
    });
    await linkMenuForRoles(line, staffUser, ['staff'], menuIdByRole);
    await linkMenuForRoles(line, mayor, ['executive'], menuIdByRole);

    const hrMenu = platform.richMenuOf(hrUser);
    expect(hrMenu?.richMenuId).toBe(menuIdByRole.hr);
    expect(JSON.stringify(hrMenu?.menu)).toContain(RICH_MENU_ALIASES.hrAdmin);
    expect(platform.richMenuOf(staffUser)?.richMenuId).toBe(menuIdByRole.staff);
    expect(platform.richMenuOf(mayor)?.richMenuId).toBe(menuIdByRole.supervisor);
    expect(count('POST', `/v2/bot/user/${hrUser}/richmenu/${menuIdByRole.hr}`)).toBe(1);
  });
});
