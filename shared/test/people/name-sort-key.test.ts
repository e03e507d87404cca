import { describe, expect, it } from 'vitest';
import { nameSortKey } from '../../src/people/name-sort-key';

// Firestore orders strings by code point; the paged lists order by nameSortKey so that a page walk
// gives Thai dictionary order. The judge is Intl.Collator('th'), on realistic municipal staff names.

const collator = new Intl.Collator('th');
const byKey = (a: string, b: string) => {
  const x = nameSortKey(a);
  const y = nameSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

const FIRST = [
  'กมล',
  'เกศินี',
  'ขวัญ',
  'แก้ว',
  'โกวิท',
  'ใจดี',
  'ไพโรจน์',
  'สมชาย',
  'สมศรี',
  'สมใจ',
  'เสาวนีย์',
  'แสงเดือน',
  'โสภา',
  'ไพศาล',
  'ปิยะนุช',
  'ปิ่นแก้ว',
  'ปัณณวัฒน์',
  'ปราณี',
  'ประเสริฐ',
  'ฤทัย',
  'ฤดี',
  'ลำดวน',
  'ละมัย',
  'วิไลวรรณ',
  'กาญจนา',
  'กำไล',
  'กัลยา',
  'ก้อย',
  'กิตติ',
  'กีรติ',
  'ธนพล',
  'ธนภัทร',
  'ธีรวัฒน์',
  'ทองใบ',
  'เทพ',
  'เทียน',
  'เทวา',
  'เฉลิม',
  'ฉัตรชัย',
  'ฉวีวรรณ',
  'ณัฐ',
  'ณัฐวุฒิ',
  'ณรงค์',
  'อำไพ',
  'อัมพร',
  'อารี',
  'เอื้อมพร',
  'อุไร',
  'อุษา',
  'จันทร์เพ็ญ',
  'จำเนียร',
  'จิราพร',
  'จุฑามาศ',
  'เจริญ',
  'แจ่มใส',
  'โชคดี',
  'ชูชาติ',
  'ชัยวัฒน์',
  'ศรีสุข',
  'ศักดิ์ชัย',
  'เศรษฐา',
  'สุดารัตน์',
  'สุนีย์',
  'หทัยรัตน์',
  'หอมหวน',
  'เหมือนฝัน',
  'ไหม',
  'นงลักษณ์',
  'นพดล',
  'เนตรนภา',
  'แน่งน้อย',
  'โน้ต',
  'พรทิพย์',
  'เพ็ญศรี',
  'แพรวา',
  'พิมพ์ใจ',
  'มานพ',
  'เมธี',
  'แม้นมาส',
  'ยุพิน',
  'เยาวลักษณ์',
  'รัตนา',
  'เรณู',
  'รุ่งนภา',
  'บุญมี',
  'เบญจมาศ',
  'ไพลิน',
  'ดวงใจ',
  'เดชา',
  'ดารุณี',
  'ตะวัน',
  'เตือนใจ',
  'ไตรรงค์',
  'ถนอม',
  'เถลิง',
  'ก่อ',
  'กอ',
  'ก้อ',
  'Somchai',
  'Anna',
];
const LAST = [
  'ใจดี',
  'ศรีสุข',
  'มีทรัพย์',
  'แก้วมณี',
  'เพชรรัตน์',
  'บุญมา',
  'ทองดี',
  'สายสุวรรณ',
  'วงศ์ไทย',
  'เจริญผล',
  'แสงทอง',
  'โพธิ์ศรี',
  'ไชยวงศ์',
  'ณ อยุธยา',
  'อินทร์แก้ว',
  'รักษาศรี',
];
const TITLES = ['', 'นาย', 'นาง', 'นางสาว', 'ว่าที่ร้อยตรี', 'ดร.', 'น.ส.'];

/** Every first name bare, and with each title and two of the family names. */
function names(): string[] {
  const out = new Set(FIRST);
  for (const [t, title] of TITLES.entries())
    for (const [i, first] of FIRST.entries())
      for (const k of [i, i * 7 + t]) out.add(`${title}${first} ${LAST[(k + t) % LAST.length]}`);
  return [...out];
}

describe('nameSortKey', () => {
  it('puts a name beginning with เ แ โ ใ ไ where the dictionary does, not last', () => {
    const sorted = ['ขวัญ', 'เกศินี', 'ไพศาล', 'กมล', 'โกวิท', 'แก้ว', 'บุญมี'].sort(byKey);
    expect(sorted).toEqual(['กมล', 'เกศินี', 'แก้ว', 'โกวิท', 'ขวัญ', 'บุญมี', 'ไพศาล']);
  });

  it('sorts realistic staff names (titles included) exactly as Intl.Collator("th") does', () => {
    const list = names();
    expect(list.length).toBeGreaterThan(800);
    expect([...list].sort(byKey)).toEqual([...list].sort(collator.compare));
  });

  it('agrees with the collator on every pair of a sample, equal names aside', () => {
    const list = names().slice(0, 160);
    for (const a of list)
      for (const b of list) expect([a, b, byKey(a, b)]).toEqual([a, b, Math.sign(collator.compare(a, b))]);
  });

  it('ignores tone marks at the first level and uses them to break the tie', () => {
    expect(['ก้อ', 'กอก', 'ก่อ', 'กอ'].sort(byKey)).toEqual(['กอ', 'ก่อ', 'ก้อ', 'กอก']);
  });

  it('is the same for Thai and Arabic digits at the first level, and differs by name', () => {
    expect(nameSortKey('ชุดที่ ๑').split('\u0001')[0]).toBe(nameSortKey('ชุดที่ 1').split('\u0001')[0]);
    expect(nameSortKey('ชุดที่ ๑')).not.toBe(nameSortKey('ชุดที่ 1'));
  });
});
