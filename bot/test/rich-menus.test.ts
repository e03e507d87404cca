import { graphemeLength } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { checkRichMenu } from '../../dev/src/line-platform';
import {
  buildRichMenus,
  CHAT_BAR_TEXT,
  MENU_KEYS,
  menuRoleFor,
  RICH_MENU_ALIASES,
  RICH_MENU_SIZE,
  toRichMenuRequest,
} from '../src/rich-menus/menu-definitions';
import { renderMenuHtml } from '../src/rich-menus/menu-image-html';
import { pngSize } from '../src/rich-menus/menu-images';
import { richMenuName } from '../src/rich-menus/setup-rich-menus';

const LIFF = '1234567890-AbCdEfGh';
const menus = buildRichMenus(LIFF);
const byKey = (k: string) => menus.find((m) => m.key === k)!;
const actionsOf = (k: string) => [...byKey(k).tabs, ...byKey(k).tiles].map((a) => a.action);
const uris = (k: string) => actionsOf(k).flatMap((a) => (a.type === 'uri' ? [a.uri] : []));
const texts = (k: string) => actionsOf(k).flatMap((a) => (a.type === 'message' ? [a.text] : []));
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000009c40000069608060000', 'hex');

describe('rich menu definitions', () => {
  it('has one 2500×1686 menu per key, with a short chat bar text', () => {
    expect(menus.map((m) => m.key)).toEqual(MENU_KEYS);
    for (const m of menus) {
      expect(m.size).toEqual({ width: 2500, height: 1686 });
      expect(graphemeLength(m.chatBarText)).toBeLessThanOrEqual(14);
      expect(m.chatBarText).toBe(CHAT_BAR_TEXT);
    }
  });

  it('lays eight tiles in a 4×2 grid that exactly covers the menu (below the HR tab bar)', () => {
    for (const m of menus) {
      expect(m.tiles).toHaveLength(8);
      const top = m.tabs.length > 0 ? 200 : 0;
      const xs = [...new Set(m.tiles.map((t) => t.bounds.x))];
      const ys = [...new Set(m.tiles.map((t) => t.bounds.y))];
      expect(xs).toEqual([0, 625, 1250, 1875]);
      expect(ys).toEqual([top, top + Math.floor((RICH_MENU_SIZE.height - top) / 2)]);
      // each tap area is at least 90 × 100 px on a phone that shows the menu 360 px wide
      for (const t of m.tiles) {
        expect((t.bounds.width * 360) / RICH_MENU_SIZE.width).toBeGreaterThanOrEqual(90);
        expect((t.bounds.height * 360) / RICH_MENU_SIZE.width).toBeGreaterThanOrEqual(100);
      }
      const areas = [...m.tabs, ...m.tiles].map((a) => a.bounds);
      let covered = 0;
      for (const b of areas) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(RICH_MENU_SIZE.width);
        expect(b.y + b.height).toBeLessThanOrEqual(RICH_MENU_SIZE.height);
        covered += b.width * b.height;
      }
      // no overlaps and no gaps: the areas add up to the whole menu and pairwise don't intersect
      expect(covered).toBe(RICH_MENU_SIZE.width * RICH_MENU_SIZE.height);
      for (const [i, a] of areas.entries()) {
        for (const b of areas.slice(i + 1)) {
          const overlap =
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
          expect(overlap).toBe(false);
        }
      }
    }
  });

  it('keeps every label within 20 graphemes and gives every action a label', () => {
    for (const m of menus) {
      for (const a of [...m.tabs, ...m.tiles]) {
        expect(graphemeLength(a.label)).toBeLessThanOrEqual(20);
        expect(a.action.label).toBe(a.label);
      }
      // the image's label wraps only where it has a space, and is the label without them
      for (const t of m.tiles) if (t.imageLabel) expect(t.imageLabel.replaceAll(' ', '')).toBe(t.label);
    }
  });

  it('passes the fake platform checks for rich menu objects', () => {
    for (const m of menus) expect(checkRichMenu(toRichMenuRequest(m, richMenuName(m, png)))).toEqual([]);
  });

  it('gives staff the training path first (ask to go, report back), with message texts the bot understands', () => {
    expect(byKey('staff').tiles.map((t) => t.label)).toEqual([
      'ขอไปอบรม',
      'รายงานผลการอบรม',
      'แจ้งอบรมภายนอก',
      'ชั่วโมงอบรมของฉัน',
      'แผนพัฒนาของฉัน',
      'คลังความรู้',
      'แบบสำรวจ',
      'ช่วยเหลือ',
    ]);
    // each a start word of a registered chat feature (ช่วยเหลือ sends the menu word)
    expect(texts('staff')).toEqual(['ขอไปอบรม', 'รายงานผลการอบรม', 'แจ้งอบรมภายนอก', 'แบบสำรวจ', 'เมนู']);
    expect(uris('staff')).toEqual(
      ['/hours', '/idp', '/library'].map((p) => `https://liff.line.me/${LIFF}${p}`),
    );
  });

  it('gives supervisors the staff menu with ทีมของฉัน and งานรออนุมัติ for แบบสำรวจ and ช่วยเหลือ', () => {
    // supervisors are staff too: they ask to go on training and report back in the same places
    expect(byKey('supervisor').tiles.map((t) => t.label)).toEqual([
      'ขอไปอบรม',
      'รายงานผลการอบรม',
      'แจ้งอบรมภายนอก',
      'ชั่วโมงอบรมของฉัน',
      'แผนพัฒนาของฉัน',
      'คลังความรู้',
      'ทีมของฉัน',
      'งานรออนุมัติ',
    ]);
    expect(byKey('supervisor').tiles.map((t) => t.bounds)).toEqual(byKey('staff').tiles.map((t) => t.bounds));
    expect(texts('supervisor')).toEqual(['ขอไปอบรม', 'รายงานผลการอบรม', 'แจ้งอบรมภายนอก', 'งานรออนุมัติ']);
    expect(uris('supervisor')).toEqual(
      ['/hours', '/idp', '/library', '/team'].map((p) => `https://liff.line.me/${LIFF}${p}`),
    );
  });

  it('links the HR tabs through aliases that the HR menus own', () => {
    const aliasOwners = new Map(menus.flatMap((m) => (m.aliasId ? [[m.aliasId, m.key] as const] : [])));
    expect(aliasOwners).toEqual(
      new Map([
        [RICH_MENU_ALIASES.hrGeneral, 'hr-general'],
        [RICH_MENU_ALIASES.hrAdmin, 'hr-admin'],
      ]),
    );
    for (const key of ['hr-general', 'hr-admin']) {
      const m = byKey(key);
      expect(m.tabs.map((t) => t.label)).toEqual(['ทั่วไป', 'ฝ่ายบุคคล']);
      expect(m.tabs.filter((t) => t.active).map((t) => t.action.richMenuAliasId)).toEqual([m.aliasId]);
      for (const a of actionsOf(key)) {
        if (a.type === 'richmenuswitch') {
          expect(aliasOwners.has(a.richMenuAliasId ?? '')).toBe(true);
          expect(a.richMenuAliasId).toMatch(/^[a-z0-9_-]{1,32}$/);
        }
      }
    }
    expect(byKey('hr-general').tiles.map((t) => t.label)).toEqual(byKey('staff').tiles.map((t) => t.label));
    expect(byKey('hr-admin').tiles.map((t) => t.label)).toEqual([
      'แดชบอร์ด',
      'ผู้ค้างส่งรายงาน',
      'คำขอไปอบรม',
      'แฟ้มหลักฐาน',
      'จัดการการอบรม',
      'นำเข้าพนักงาน',
      'วันหยุด',
      'กลับเมนูทั่วไป',
    ]);
    // pages of liff/src/routes.ts (the reminder is sent from the late list; the travel order and the
    // advance are recorded on the requests page)
    expect(uris('hr-admin')).toEqual(
      ['/hr', '/hr/late', '/requests', '/hr/archive', '/hr/trainings', '/hr/employees', '/hr/holidays'].map(
        (p) => `https://liff.line.me/${LIFF}${p}`,
      ),
    );
    const back = byKey('hr-admin').tiles.at(-1)!.action;
    expect(back).toMatchObject({ type: 'richmenuswitch', richMenuAliasId: RICH_MENU_ALIASES.hrGeneral });
  });

  it('refuses a LIFF id that would break the URL', () => {
    expect(() => buildRichMenus('abc/../x')).toThrow(/LIFF/);
  });

  it('chooses hr > supervisor > staff, executives getting the supervisor menu', () => {
    expect(menuRoleFor(['staff'])).toBe('staff');
    expect(menuRoleFor([])).toBe('staff');
    expect(menuRoleFor(['staff', 'supervisor'])).toBe('supervisor');
    expect(menuRoleFor(['executive'])).toBe('supervisor');
    expect(menuRoleFor(['supervisor', 'hr'])).toBe('hr');
  });

  it('names menus by content: same definition and image, same name; another image, another name', () => {
    const staff = byKey('staff');
    expect(richMenuName(staff, png)).toMatch(/^phattana:staff:[0-9a-f]{8}$/);
    expect(richMenuName(buildRichMenus(LIFF)[0]!, png)).toBe(richMenuName(staff, png));
    expect(richMenuName(staff, Buffer.concat([png, Buffer.from([0])]))).not.toBe(richMenuName(staff, png));
    expect(richMenuName(buildRichMenus('1234567890-other')[0]!, png)).not.toBe(richMenuName(staff, png));
  });

  it('renders each menu as self-contained HTML with its labels', () => {
    for (const m of menus) {
      const html = renderMenuHtml(m);
      // the text a reader sees, the wrapping spans aside
      const shown = html.replace(/<[^>]+>/g, '');
      for (const a of [...m.tabs, ...m.tiles]) expect(shown).toContain(a.label);
      expect(html).not.toMatch(/(src|href)=|url\(|@import/);
    }
    expect(pngSize(png)).toEqual({ width: 2500, height: 1686 });
  });

  it('sets every subtitle large enough to read on a phone (the image is shown about 360 px wide)', () => {
    for (const m of menus) {
      const html = renderMenuHtml(m);
      const hints = [...html.matchAll(/class="hint" style="font-size:(\d+)px"/g)].map((x) => Number(x[1]));
      expect(hints.length).toBe(m.tiles.filter((t) => t.hint).length);
      // at 360/2500 of its size, a subtitle of 63 px or more is at least 9 px on the phone
      for (const px of hints) expect((px * 360) / m.size.width).toBeGreaterThanOrEqual(9);
    }
  });
});
