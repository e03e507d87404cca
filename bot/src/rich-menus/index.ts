// Rich menus per role: definitions, images, and the idempotent setup against LINE.
export {
  type Bounds,
  buildRichMenus,
  CHAT_BAR_TEXT,
  type IconName,
  MENU_KEY_BY_ROLE,
  MENU_KEYS,
  type MenuKey,
  type MenuRole,
  type MenuTab,
  type MenuTile,
  menuRoleFor,
  RICH_MENU_ALIASES,
  RICH_MENU_NAME_PREFIX,
  RICH_MENU_SIZE,
  RICH_MENU_SWITCH_DATA_PREFIX,
  type RichMenuDefinition,
  toRichMenuRequest,
} from './menu-definitions';
export { renderMenuHtml } from './menu-image-html';
export {
  loadRichMenuImages,
  pngSize,
  RICH_MENU_ASSETS_DIR,
  RICH_MENU_IMAGE_MAX_BYTES,
  type RichMenuImages,
  richMenuImagePath,
} from './menu-images';
export { resolveMenuIdsByRole } from './resolve-menu-ids';
export {
  createRichMenuAdminClient,
  type RichMenuAdminClient,
  type RichMenuAlias,
  type RichMenuHttpOptions,
  type RichMenuSummary,
} from './rich-menu-admin-client';
export {
  linkMenuForRoles,
  richMenuName,
  type SetupRichMenusOptions,
  type SetupRichMenusResult,
  setupRichMenus,
} from './setup-rich-menus';
