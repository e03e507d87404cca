import type { messagingApi } from '@line/bot-sdk';
import { liffUrl, REQUEST_WORD, type Role, WAITING_LIST_WORD } from '@phattana/shared';

// The rich menus per role: staff, supervisor, and HR's two tabbed menus linked by aliases. The same
// geometry drives the tap areas sent to LINE and the images (bot/assets/rich-menus/<key>.png, made by
// `npm run richmenu:images`), so a tile's picture always sits on its tap area.

export type MenuKey = 'staff' | 'supervisor' | 'hr-general' | 'hr-admin';
/** The menus a user is linked to; HR starts on its general tab. */
export type MenuRole = 'staff' | 'supervisor' | 'hr';

export type IconName =
  | 'request'
  | 'library'
  | 'report-external'
  | 'clock'
  | 'plan'
  | 'document'
  | 'survey'
  | 'help'
  | 'team'
  | 'inbox'
  | 'dashboard'
  | 'late'
  | 'archive'
  | 'import'
  | 'calendar'
  | 'back';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MenuTile {
  /** shown on the image and sent as the action label (≤ 20 graphemes) */
  readonly label: string;
  /**
   * The label on the image with a space where it may wrap (Thai writes no spaces between words, and a
   * break inside a word reads badly); joined without spaces it is the label. Absent: never wraps.
   */
  readonly imageLabel?: string;
  /** a short second line on the image only; it may wrap only at its spaces */
  readonly hint?: string;
  readonly icon: IconName;
  readonly bounds: Bounds;
  readonly action: messagingApi.Action;
}

export interface MenuTab {
  readonly label: string;
  readonly active: boolean;
  readonly bounds: Bounds;
  readonly action: messagingApi.RichMenuSwitchAction;
}

export interface RichMenuDefinition {
  readonly key: MenuKey;
  /** the alias other menus switch to (HR tabs); absent for menus linked per user only */
  readonly aliasId?: string;
  readonly size: { readonly width: number; readonly height: number };
  readonly chatBarText: string;
  readonly tabs: readonly MenuTab[];
  readonly tiles: readonly MenuTile[];
}

export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
export const CHAT_BAR_TEXT = 'เมนูพัฒนา';
/** Prefix of every rich menu name this project owns: `phattana:<key>:<hash8>`. */
export const RICH_MENU_NAME_PREFIX = 'phattana:';
/** Prefix of the richmenuswitch postback data, so the webhook can recognise (and ignore) a tab tap. */
export const RICH_MENU_SWITCH_DATA_PREFIX = 'richmenu-switch:';
export const HR_TAB_BAR_HEIGHT = 200;
/** Every menu is 4 × 2 tiles: eight things a person does often, each tap area about 90 px wide on a phone. */
export const MENU_GRID = { columns: 4, rows: 2 } as const;

export const RICH_MENU_ALIASES = {
  hrGeneral: 'phattana-hr-general',
  hrAdmin: 'phattana-hr-admin',
} as const;

export const MENU_KEYS: readonly MenuKey[] = ['staff', 'supervisor', 'hr-general', 'hr-admin'];
export const MENU_KEY_BY_ROLE: Readonly<Record<MenuRole, MenuKey>> = {
  staff: 'staff',
  supervisor: 'supervisor',
  hr: 'hr-general',
};

/** `columns` × `rows` cells filling `area`; the last column/row takes the rounding remainder. */
export function gridBounds(area: Bounds, columns: number, rows: number): Bounds[] {
  const w = Math.floor(area.width / columns);
  const h = Math.floor(area.height / rows);
  const out: Bounds[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      out.push({
        x: area.x + c * w,
        y: area.y + r * h,
        width: c === columns - 1 ? area.width - c * w : w,
        height: r === rows - 1 ? area.height - r * h : h,
      });
    }
  }
  return out;
}

type TileSpec = Omit<MenuTile, 'bounds'>;

const message = (label: string, text = label): messagingApi.MessageAction => ({
  type: 'message',
  label,
  text,
});
const uri = (label: string, href: string): messagingApi.URIAction => ({ type: 'uri', label, uri: href });
const switchTo = (label: string, aliasId: string): messagingApi.RichMenuSwitchAction => ({
  type: 'richmenuswitch',
  label,
  richMenuAliasId: aliasId,
  data: `${RICH_MENU_SWITCH_DATA_PREFIX}${aliasId}`,
});

function staffTiles(liffId: string): TileSpec[] {
  // The training path in reading order: ask to go, report back, record one nobody asked for; then what
  // a person looks up (hours, plan, colleagues' reports), surveys and help.
  return [
    {
      label: REQUEST_WORD,
      hint: 'ขออนุมัติ ก่อนไปอบรม',
      icon: 'request',
      action: message(REQUEST_WORD),
    },
    {
      label: 'รายงานผลการอบรม',
      imageLabel: 'รายงานผล การอบรม',
      hint: 'ส่งภายใน 7\u00a0วันทำการ',
      icon: 'document',
      action: message('รายงานผลการอบรม'),
    },
    {
      label: 'แจ้งอบรมภายนอก',
      imageLabel: 'แจ้งอบรม ภายนอก',
      hint: 'บันทึกการอบรม ที่ไปมา',
      icon: 'report-external',
      action: message('แจ้งอบรมภายนอก'),
    },
    {
      label: 'ชั่วโมงอบรมของฉัน',
      imageLabel: 'ชั่วโมงอบรม ของฉัน',
      hint: 'ชั่วโมงสะสมปีนี้',
      icon: 'clock',
      action: uri('ชั่วโมงอบรมของฉัน', liffUrl(liffId, '/hours')),
    },
    {
      label: 'แผนพัฒนาของฉัน',
      imageLabel: 'แผนพัฒนา ของฉัน',
      hint: 'แผนพัฒนา รายบุคคล',
      icon: 'plan',
      action: uri('แผนพัฒนาของฉัน', liffUrl(liffId, '/idp')),
    },
    {
      label: 'คลังความรู้',
      hint: 'เพื่อนร่วมงาน เรียนอะไรมา',
      icon: 'library',
      action: uri('คลังความรู้', liffUrl(liffId, '/library')),
    },
    { label: 'แบบสำรวจ', hint: 'ความต้องการ ความพึงพอใจ', icon: 'survey', action: message('แบบสำรวจ') },
    { label: 'ช่วยเหลือ', hint: 'เมนูและวิธีใช้', icon: 'help', action: message('ช่วยเหลือ', 'เมนู') },
  ];
}

function supervisorTiles(liffId: string): TileSpec[] {
  // Supervisors are staff too (they ask to go and report back), in the same places as on the staff menu.
  // ทีมของฉัน takes แบบสำรวจ's place: surveys still reach supervisors by push and through เมนู.
  // งานรออนุมัติ takes ช่วยเหลือ's: typing "เมนู" still shows the help.
  return staffTiles(liffId).map((t): TileSpec => {
    if (t.icon === 'survey')
      return {
        label: 'ทีมของฉัน',
        hint: 'อนุมัติ ติดตามลูกทีม',
        icon: 'team',
        action: uri('ทีมของฉัน', liffUrl(liffId, '/team')),
      };
    if (t.icon === 'help')
      return {
        label: WAITING_LIST_WORD,
        hint: 'คำขอ รายงาน รอท่านพิจารณา',
        icon: 'inbox',
        action: message(WAITING_LIST_WORD),
      };
    return t;
  });
}

function hrAdminTiles(liffId: string): TileSpec[] {
  return [
    {
      label: 'แดชบอร์ด',
      hint: 'ตัวชี้วัด แผนพัฒนาบุคลากร',
      icon: 'dashboard',
      action: uri('แดชบอร์ด', liffUrl(liffId, '/hr')),
    },
    {
      label: 'ผู้ค้างส่งรายงาน',
      imageLabel: 'ผู้ค้างส่ง รายงาน',
      hint: 'ดูรายชื่อ ส่งข้อความเตือน',
      icon: 'late',
      // the late list is where HR picks a group, previews and sends the reminder
      action: uri('ผู้ค้างส่งรายงาน', liffUrl(liffId, '/hr/late')),
    },
    {
      label: 'คำขอไปอบรม',
      hint: 'คำสั่งไปราชการ เงินยืม',
      icon: 'request',
      // where HR records the travel order and the advance of an approved request
      action: uri('คำขอไปอบรม', liffUrl(liffId, '/requests')),
    },
    {
      label: 'แฟ้มหลักฐาน',
      hint: 'เส้นทางการพัฒนา สำหรับผู้ประเมิน',
      icon: 'archive',
      action: uri('แฟ้มหลักฐาน', liffUrl(liffId, '/hr/archive')),
    },
    {
      label: 'จัดการการอบรม',
      imageLabel: 'จัดการ การอบรม',
      hint: 'หลักสูตร ผู้เข้าอบรม',
      icon: 'report-external',
      action: uri('จัดการการอบรม', liffUrl(liffId, '/hr/trainings')),
    },
    {
      label: 'นำเข้าพนักงาน',
      imageLabel: 'นำเข้า พนักงาน',
      hint: 'ไฟล์ CSV/Excel',
      icon: 'import',
      action: uri('นำเข้าพนักงาน', liffUrl(liffId, '/hr/employees')),
    },
    {
      label: 'วันหยุด',
      hint: 'ปฏิทินวันทำการ',
      icon: 'calendar',
      action: uri('วันหยุด', liffUrl(liffId, '/hr/holidays')),
    },
    {
      label: 'กลับเมนูทั่วไป',
      imageLabel: 'กลับ เมนูทั่วไป',
      hint: 'ขอไปอบรม รายงานผล',
      icon: 'back',
      action: switchTo('กลับเมนูทั่วไป', RICH_MENU_ALIASES.hrGeneral),
    },
  ];
}

const FULL: Bounds = { x: 0, y: 0, ...RICH_MENU_SIZE };
const BELOW_TABS: Bounds = {
  x: 0,
  y: HR_TAB_BAR_HEIGHT,
  width: RICH_MENU_SIZE.width,
  height: RICH_MENU_SIZE.height - HR_TAB_BAR_HEIGHT,
};

function placed(tiles: TileSpec[], area: Bounds): MenuTile[] {
  const cells = gridBounds(area, MENU_GRID.columns, MENU_GRID.rows);
  if (tiles.length !== cells.length) throw new Error(`expected ${cells.length} tiles, got ${tiles.length}`);
  return tiles.map((t, i) => ({ ...t, bounds: cells[i]! }));
}

function hrTabs(active: 'general' | 'admin'): MenuTab[] {
  const [general, admin] = gridBounds(
    { x: 0, y: 0, width: RICH_MENU_SIZE.width, height: HR_TAB_BAR_HEIGHT },
    2,
    1,
  );
  return [
    {
      label: 'ทั่วไป',
      active: active === 'general',
      bounds: general!,
      action: switchTo('ทั่วไป', RICH_MENU_ALIASES.hrGeneral),
    },
    {
      label: 'ฝ่ายบุคคล',
      active: active === 'admin',
      bounds: admin!,
      action: switchTo('ฝ่ายบุคคล', RICH_MENU_ALIASES.hrAdmin),
    },
  ];
}

/** Every menu, built for one LIFF app. The order is the creation order. */
export function buildRichMenus(liffId: string): RichMenuDefinition[] {
  const base = { size: RICH_MENU_SIZE, chatBarText: CHAT_BAR_TEXT };
  return [
    { ...base, key: 'staff', tabs: [], tiles: placed(staffTiles(liffId), FULL) },
    { ...base, key: 'supervisor', tabs: [], tiles: placed(supervisorTiles(liffId), FULL) },
    {
      ...base,
      key: 'hr-general',
      aliasId: RICH_MENU_ALIASES.hrGeneral,
      tabs: hrTabs('general'),
      tiles: placed(staffTiles(liffId), BELOW_TABS),
    },
    {
      ...base,
      key: 'hr-admin',
      aliasId: RICH_MENU_ALIASES.hrAdmin,
      tabs: hrTabs('admin'),
      tiles: placed(hrAdminTiles(liffId), BELOW_TABS),
    },
  ];
}

/** The body of POST /v2/bot/richmenu for a definition; `name` carries the content hash. */
export function toRichMenuRequest(def: RichMenuDefinition, name: string): messagingApi.RichMenuRequest {
  return {
    size: { ...def.size },
    selected: true,
    name,
    chatBarText: def.chatBarText,
    areas: [...def.tabs, ...def.tiles].map((a) => ({ bounds: { ...a.bounds }, action: a.action })),
  };
}

/** hr > supervisor (executives get it too) > staff. */
export function menuRoleFor(roles: readonly Role[]): MenuRole {
  if (roles.includes('hr')) return 'hr';
  if (roles.includes('supervisor') || roles.includes('executive')) return 'supervisor';
  return 'staff';
}
