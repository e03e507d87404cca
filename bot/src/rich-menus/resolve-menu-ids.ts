import { MENU_KEY_BY_ROLE, type MenuRole, RICH_MENU_NAME_PREFIX } from './menu-definitions';
import type { RichMenuAdminClient } from './rich-menu-admin-client';

/**
 * The rich menu ids the setup script created, found by their `phattana:<key>:<hash>` names, for a
 * running bot that did not run the setup itself (Cloud Functions). Undefined when setup has not run.
 */
export async function resolveMenuIdsByRole(
  client: Pick<RichMenuAdminClient, 'listMenus'>,
): Promise<Record<MenuRole, string> | undefined> {
  const menus = await client.listMenus();
  const out: Partial<Record<MenuRole, string>> = {};
  for (const [role, key] of Object.entries(MENU_KEY_BY_ROLE) as Array<[MenuRole, string]>) {
    const found = menus.find((m) => m.name.startsWith(`${RICH_MENU_NAME_PREFIX}${key}:`));
    if (found) out[role] = found.richMenuId;
  }
  return out.staff && out.supervisor && out.hr ? (out as Record<MenuRole, string>) : undefined;
}
