import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MENU_KEYS, type MenuKey } from './menu-definitions';

/** bot/assets/rich-menus: one committed PNG per menu, made by `npm run richmenu:images`. */
export const RICH_MENU_ASSETS_DIR = fileURLToPath(new URL('../../assets/rich-menus/', import.meta.url));

/** LINE refuses rich menu images over 1 MB. */
export const RICH_MENU_IMAGE_MAX_BYTES = 1024 * 1024;

export type RichMenuImages = Readonly<Record<MenuKey, Buffer>>;

export function richMenuImagePath(key: MenuKey, dir = RICH_MENU_ASSETS_DIR): string {
  return path.join(dir, `${key}.png`);
}

export async function loadRichMenuImages(dir = RICH_MENU_ASSETS_DIR): Promise<RichMenuImages> {
  const entries = await Promise.all(
    MENU_KEYS.map(async (key) => [key, await readFile(richMenuImagePath(key, dir))] as const),
  );
  return Object.fromEntries(entries) as Record<MenuKey, Buffer>;
}

/** Width and height from a PNG's IHDR chunk, or undefined when `buf` is not a PNG. */
export function pngSize(buf: Buffer): { width: number; height: number } | undefined {
  const signature = '89504e470d0a1a0a';
  if (buf.length < 24 || buf.subarray(0, 8).toString('hex') !== signature) return undefined;
  if (buf.subarray(12, 16).toString('ascii') !== 'IHDR') return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
