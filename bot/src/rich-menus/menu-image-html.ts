import type { Bounds, IconName, MenuTab, MenuTile, RichMenuDefinition } from './menu-definitions';

// One rich menu as a self-contained HTML page the size of the menu (no network, system fonts), which
// scripts/rich-menu-images.ts screenshots in headless Chromium. Positions come from the same bounds
// as the tap areas.

export const LINE_GREEN = '#06C755';
const INK = '#1E2B24';
const MUTED = '#66756D';
const LINE_SOFT = '#DCE6E0';
const TINT = '#E7F8EE';
const PAGE = '#F3F6F4';
const FONT = `'Noto Sans Thai', 'Sarabun', 'Loma', 'Garuda', sans-serif`;

/** 24×24 stroke icons (round caps and joins), drawn in the tile's accent colour. */
const ICONS: Record<IconName, string> = {
  'report-external':
    '<path d="M2 9.5 12 4.5l10 5-10 5z"/><path d="M6 11.5v4.5c0 1.6 2.7 3 6 3s6-1.4 6-3v-4.5"/><path d="M22 9.5v5.5"/>',
  clock: '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>',
  plan: '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/><path d="M12 12h.01"/><path d="M12 12 19 5"/><path d="M16 5h3v3"/>',
  document:
    '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/><path d="M14 3v5h5"/><path d="M9 13h6M9 17h4"/>',
  survey:
    '<rect x="5" y="4" width="14" height="17" rx="2"/><path d="M9 2.5h6v3.5H9z"/><path d="m9 13.5 2 2 4-4.5"/>',
  help: '<circle cx="12" cy="12" r="9"/><path d="M9.5 9.5a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1 1-1.1 1.8v.5"/><path d="M12 17.3h.01"/>',
  team: '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6"/><circle cx="17" cy="9" r="2.5"/><path d="M17.5 14c2.5.2 4 2.1 4 5"/>',
  dashboard:
    '<path d="M3.5 20.5h17"/><rect x="5" y="11" width="3.2" height="6.5" rx=".6"/><rect x="10.4" y="5.5" width="3.2" height="12" rx=".6"/><rect x="15.8" y="13.5" width="3.2" height="4" rx=".6"/>',
  late: '<path d="M6 3h12M6 21h12"/><path d="M7.5 3c0 5 9 5.5 9 9s-9 4-9 9M16.5 3c0 5-9 5.5-9 9s9 4 9 9"/>',
  archive:
    '<rect x="3" y="4" width="18" height="5" rx="1"/><path d="M5 9v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V9"/><path d="M10 13h4"/>',
  request: '<path d="M21.5 2.5 10.5 13.5"/><path d="m21.5 2.5-7 19-4-8.5-8.5-4z"/>',
  library:
    '<path d="M4 19.5V5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2 2 2 0 0 0 2 2h13v-4"/><path d="M8 7h7M8 10.5h5"/>',
  import: '<path d="M12 3.5v11"/><path d="m7.5 10 4.5 4.5 4.5-4.5"/><path d="M4 16.5v3.5h16v-3.5"/>',
  calendar:
    '<rect x="3.5" y="5" width="17" height="16" rx="2"/><path d="M3.5 10h17M8 3v4M16 3v4"/><path d="M8 14h2M14 14h2M8 17.5h2"/>',
  inbox:
    '<path d="M3.5 13.5 6 5h12l2.5 8.5V19a1 1 0 0 1-1 1h-15a1 1 0 0 1-1-1z"/><path d="M3.5 13.5H9l1 2h4l1-2h5.5"/>',
  back: '<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>',
};

export function iconSvg(name: IconName, sizePx: number, color: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${sizePx}" height="${sizePx}" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${ICONS[name]}</svg>`;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const box = (b: Bounds) => `left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px`;

/**
 * Thai writes no spaces between words, and the browser's own guess may break inside one: a line may
 * break only at the spaces written in the text (shown as spaces in a hint, as nothing in a label).
 */
const breakingAtSpaces = (s: string, joiner: ' ' | '<wbr>') =>
  s
    .split(' ')
    .map((w) => `<span class="nowrap">${esc(w)}</span>`)
    .join(joiner);

function tileHtml(t: MenuTile): string {
  const { width: w, height: h } = t.bounds;
  // a phone shows the 2500 px wide image about 360 px wide (×0.15): the subtitle must stay readable there;
  // (four columns are narrower than they are tall: the width bounds the sizes too)
  const circle = Math.round(Math.min(h, w * 1.2) * 0.3);
  const label = Math.min(80, Math.round(h * 0.1), Math.round(w * 0.13));
  const hint = Math.max(63, Math.min(Math.round(h * 0.085), Math.round(w * 0.105)));
  const accent = t.icon === 'back' ? MUTED : LINE_GREEN;
  const tint = t.icon === 'back' ? '#EDF1EF' : TINT;
  return `<div class="cell" style="${box(t.bounds)}">
  <div class="tile">
    <div class="icon" style="width:${circle}px;height:${circle}px;background:${tint}">${iconSvg(t.icon, Math.round(circle * 0.6), accent)}</div>
    <div class="label" style="font-size:${label}px">${breakingAtSpaces(t.imageLabel ?? t.label, '<wbr>')}</div>
    ${t.hint ? `<div class="hint" style="font-size:${hint}px">${breakingAtSpaces(t.hint, ' ')}</div>` : ''}
  </div>
</div>`;
}

function tabHtml(t: MenuTab): string {
  return `<div class="tab${t.active ? ' active' : ''}" style="${box(t.bounds)}"><span>${esc(t.label)}</span></div>`;
}

export function renderMenuHtml(def: RichMenuDefinition): string {
  const { width, height } = def.size;
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><title>${esc(def.key)}</title>
<style>
  * { box-sizing: border-box; margin: 0; padding: 0; }
  html, body { width: ${width}px; height: ${height}px; overflow: hidden; background: ${PAGE}; }
  body { position: relative; font-family: ${FONT}; color: ${INK}; -webkit-font-smoothing: antialiased; }
  .cell { position: absolute; padding: 22px; }
  .tile { width: 100%; height: 100%; background: #fff; border: 5px solid ${LINE_SOFT}; border-radius: 44px;
    display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 26px;
    box-shadow: 0 6px 0 rgba(30, 43, 36, 0.05); }
  .icon { border-radius: 50%; display: flex; align-items: center; justify-content: center; margin-bottom: 10px; }
  .label { font-weight: 700; line-height: 1.25; text-align: center; letter-spacing: 0.2px; }
  .hint { color: ${MUTED}; line-height: 1.25; text-align: center; padding: 0 12px; }
  .nowrap { white-space: nowrap; }
  .tab { position: absolute; display: flex; align-items: center; justify-content: center; font-weight: 700;
    font-size: 84px; color: ${MUTED}; background: #E6ECE9; border-bottom: 10px solid ${LINE_SOFT}; }
  .tab.active { color: #fff; background: ${LINE_GREEN}; border-bottom-color: #04A046; }
  .tab + .tab { border-left: 4px solid #fff; }
</style></head>
<body>
${def.tabs.map(tabHtml).join('\n')}
${def.tiles.map(tileHtml).join('\n')}
</body></html>`;
}
