// How to address a person by name in Thai: a name that already carries a title (นาย, นางสาว, ดร., a rank…)
// is used as it is; only a bare name gets "คุณ" ("สวัสดี คุณนางสาว…" doubles the honorific).

const TITLES = [
  'คุณ',
  'นางสาว',
  'นาง',
  'นาย',
  'น.ส.',
  'ด.ช.',
  'ด.ญ.',
  'ดร.',
  'ว่าที่',
  'ผศ.',
  'รศ.',
  'ศ.',
  'พล.',
  'พ.ต.',
  'พ.ท.',
  'พ.อ.',
  'ร.ต.',
  'ร.ท.',
  'ร.อ.',
  'จ.ส.',
  'ส.อ.',
  'ส.ต.',
  'พระ',
  'หม่อม',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
];

export function hasThaiTitle(name: string): boolean {
  const n = name.trim();
  return TITLES.some((t) => n.startsWith(t));
}

/** "นางสาวจิราพร สายทอง" → unchanged; "Jiraporn" → "คุณJiraporn" */
export function politeName(name: string): string {
  const n = name.trim();
  return hasThaiTitle(n) ? n : `คุณ${n}`;
}
