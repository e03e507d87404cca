import { createHash } from 'node:crypto';
import type { Role } from '@phattana/shared';
import type { LineClient } from '../line/line-client';
import {
  buildRichMenus,
  MENU_KEY_BY_ROLE,
  type MenuKey,
  type MenuRole,
  menuRoleFor,
  RICH_MENU_NAME_PREFIX,
  type RichMenuDefinition,
  toRichMenuRequest,
} from './menu-definitions';
import type { RichMenuImages } from './menu-images';
import {
  createRichMenuAdminClient,
  type RichMenuAdminClient,
  type RichMenuHttpOptions,
} from './rich-menu-admin-client';

// Brings the channel's rich menus to the definitions, idempotently. LINE cannot edit a menu or
// replace its image, so a menu's name carries a hash of its content and image
// (`phattana:<key>:<hash8>`): same name, same menu. Order matters because LINE links and aliases only
// menus with images: create + upload, then aliases, then the default, and only then delete the stale.

export interface SetupRichMenusOptions {
  http: RichMenuHttpOptions;
  liffId: string;
  /** one PNG per menu (see loadRichMenuImages) */
  images: RichMenuImages;
  /**
   * Delete `phattana:` menus the definitions no longer produce (default true). Users linked to a
   * deleted menu fall back to the default (staff) menu until linkMenuForRoles runs for them again.
   */
  deleteStale?: boolean;
  /** progress lines, e.g. console.log */
  log?: (line: string) => void;
  /** for tests: an admin client other than the fetch-based one */
  client?: RichMenuAdminClient;
}

export interface SetupRichMenusResult {
  menuIdByRole: Record<MenuRole, string>;
  menuIdByKey: Record<MenuKey, string>;
  /** menus created in this run (key and id) */
  created: { key: MenuKey; richMenuId: string }[];
  /** images uploaded in this run (new menus, or menus left imageless by an interrupted run) */
  uploaded: MenuKey[];
  aliases: { aliasId: string; richMenuId: string; change: 'created' | 'updated' | 'unchanged' }[];
  defaultMenu: { richMenuId: string; changed: boolean };
  deletedMenus: string[];
  deletedAliases: string[];
}

const PNG = '89504e47';

/** `phattana:<key>:<hash8>` over the request (without name) and the image bytes. */
export function richMenuName(def: RichMenuDefinition, image: Buffer): string {
  const h = createHash('sha256')
    .update(JSON.stringify(toRichMenuRequest(def, '')))
    .update(image)
    .digest('hex')
    .slice(0, 8);
  return `${RICH_MENU_NAME_PREFIX}${def.key}:${h}`;
}

export async function setupRichMenus(opts: SetupRichMenusOptions): Promise<SetupRichMenusResult> {
  const client = opts.client ?? createRichMenuAdminClient(opts.http);
  const log = opts.log ?? (() => undefined);
  const defs = buildRichMenus(opts.liffId);
  for (const def of defs) {
    const image = opts.images[def.key];
    if (!image || image.subarray(0, 4).toString('hex') !== PNG)
      throw new Error(`no PNG image for ${def.key}`);
  }

  const result: SetupRichMenusResult = {
    menuIdByRole: {} as Record<MenuRole, string>,
    menuIdByKey: {} as Record<MenuKey, string>,
    created: [],
    uploaded: [],
    aliases: [],
    defaultMenu: { richMenuId: '', changed: false },
    deletedMenus: [],
    deletedAliases: [],
  };

  // 1. Menus: reuse one with the same name (content hash), else create; make sure it has its image.
  const existing = await client.listMenus();
  const keep = new Set<string>();
  for (const def of defs) {
    const image = opts.images[def.key];
    const name = richMenuName(def, image);
    const found = existing.find((m) => m.name === name && !keep.has(m.richMenuId));
    let richMenuId: string;
    let needsImage: boolean;
    if (found) {
      richMenuId = found.richMenuId;
      needsImage = !(await client.hasImage(richMenuId));
      log(`menu ${def.key}: unchanged (${name} = ${richMenuId})`);
    } else {
      richMenuId = await client.createMenu(toRichMenuRequest(def, name));
      needsImage = true;
      result.created.push({ key: def.key, richMenuId });
      log(`menu ${def.key}: created ${name} = ${richMenuId}`);
    }
    if (needsImage) {
      await client.uploadImage(richMenuId, image, 'image/png');
      result.uploaded.push(def.key);
      log(`menu ${def.key}: uploaded image (${image.length} bytes)`);
    }
    keep.add(richMenuId);
    result.menuIdByKey[def.key] = richMenuId;
  }
  for (const role of Object.keys(MENU_KEY_BY_ROLE) as MenuRole[]) {
    result.menuIdByRole[role] = result.menuIdByKey[MENU_KEY_BY_ROLE[role]];
  }

  // 2. Aliases (the HR tabs switch through them).
  const aliases = await client.listAliases();
  const wanted = new Map<string, string>();
  for (const def of defs) if (def.aliasId) wanted.set(def.aliasId, result.menuIdByKey[def.key]);
  for (const [aliasId, richMenuId] of wanted) {
    const current = aliases.find((a) => a.richMenuAliasId === aliasId);
    let change: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (!current) {
      await client.createAlias(aliasId, richMenuId);
      change = 'created';
    } else if (current.richMenuId !== richMenuId) {
      await client.updateAlias(aliasId, richMenuId);
      change = 'updated';
    }
    result.aliases.push({ aliasId, richMenuId, change });
    log(`alias ${aliasId} → ${richMenuId}: ${change}`);
  }

  // 3. The default menu: staff.
  const staffId = result.menuIdByKey.staff;
  const currentDefault = await client.getDefaultMenu();
  if (currentDefault !== staffId) await client.setDefaultMenu(staffId);
  result.defaultMenu = { richMenuId: staffId, changed: currentDefault !== staffId };
  log(`default menu ${staffId}: ${currentDefault === staffId ? 'unchanged' : 'set'}`);

  // 4. Stale menus of ours, and our aliases that still point at them.
  if (opts.deleteStale ?? true) {
    const stale = existing.filter((m) => m.name.startsWith(RICH_MENU_NAME_PREFIX) && !keep.has(m.richMenuId));
    const staleIds = new Set(stale.map((m) => m.richMenuId));
    for (const a of aliases) {
      if (!wanted.has(a.richMenuAliasId) && staleIds.has(a.richMenuId)) {
        await client.deleteAlias(a.richMenuAliasId);
        result.deletedAliases.push(a.richMenuAliasId);
        log(`alias ${a.richMenuAliasId}: deleted (pointed at a stale menu)`);
      }
    }
    for (const m of stale) {
      await client.deleteMenu(m.richMenuId);
      result.deletedMenus.push(m.richMenuId);
      log(`menu ${m.name} = ${m.richMenuId}: deleted (stale)`);
    }
  }
  return result;
}

/**
 * Links the user's menu for their roles: hr > supervisor (executives too) > staff. Staff are linked
 * explicitly as well, so someone who loses a role also loses its menu.
 */
export async function linkMenuForRoles(
  line: Pick<LineClient, 'linkRichMenu'>,
  userId: string,
  roles: readonly Role[],
  menuIdByRole: Readonly<Record<MenuRole, string>>,
): Promise<{ role: MenuRole; richMenuId: string }> {
  const role = menuRoleFor(roles);
  const richMenuId = menuIdByRole[role];
  if (!richMenuId) throw new Error(`no rich menu id for ${role}`);
  await line.linkRichMenu(userId, richMenuId);
  return { role, richMenuId };
}
