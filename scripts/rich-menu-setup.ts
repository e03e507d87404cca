// Creates or updates the rich menus on the LINE channel (idempotent): `npm run richmenu:setup`.
// Env: LINE_CHANNEL_ACCESS_TOKEN, LIFF_ID; optional LINE_API_BASE, LINE_DATA_API_BASE (e.g. the fake
// LINE platform of `npm start`), RICH_MENU_KEEP_STALE=1 to keep menus the definitions no longer make.
import { loadRichMenuImages } from '../bot/src/rich-menus/menu-images';
import { setupRichMenus } from '../bot/src/rich-menus/setup-rich-menus';

function need(name: string): string {
  const v = process.env[name]?.trim();
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

async function main(): Promise<void> {
  const channelAccessToken = need('LINE_CHANNEL_ACCESS_TOKEN');
  const liffId = need('LIFF_ID');
  const apiBase = process.env.LINE_API_BASE?.trim() || 'https://api.line.me';
  const dataBase =
    process.env.LINE_DATA_API_BASE?.trim() || process.env.LINE_API_BASE?.trim() || 'https://api-data.line.me';
  console.log(`rich menus for LIFF ${liffId} on ${apiBase} (images via ${dataBase})`);
  const images = await loadRichMenuImages();
  const r = await setupRichMenus({
    http: { apiBase, dataBase, channelAccessToken },
    liffId,
    images,
    deleteStale: process.env.RICH_MENU_KEEP_STALE !== '1',
    log: (line) => console.log(`  ${line}`),
  });
  console.log(
    `done: ${r.created.length} created, ${r.uploaded.length} images uploaded, ` +
      `${r.aliases.filter((a) => a.change !== 'unchanged').length} aliases changed, ` +
      `default ${r.defaultMenu.changed ? 'set' : 'unchanged'}, ${r.deletedMenus.length} stale menus deleted`,
  );
  for (const [role, id] of Object.entries(r.menuIdByRole)) console.log(`  ${role.padEnd(10)} ${id}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
