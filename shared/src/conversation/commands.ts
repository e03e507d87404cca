import { normaliseDigits } from '../text/thai-date';

/** Words that work anywhere in a conversation, whatever flow is active. */
const CANCEL = new Set(['ยกเลิก', 'cancel', 'เลิก', 'หยุด']);
const MENU = new Set(['เมนู', 'menu', 'ช่วยเหลือ', 'help', 'วิธีใช้', '?']);
const RESUME = new Set(['ทำต่อ', 'ต่อ', 'resume']);
const BACK = new Set(['ย้อนกลับ', 'กลับ', 'back']);

export type GlobalCommand = 'cancel' | 'menu' | 'resume' | 'back';

export function normaliseInput(text: string): string {
  return normaliseDigits(text).trim().replace(/\s+/g, ' ').toLowerCase();
}

export function globalCommand(text: string): GlobalCommand | undefined {
  const t = normaliseInput(text);
  if (CANCEL.has(t)) return 'cancel';
  if (MENU.has(t)) return 'menu';
  if (RESUME.has(t)) return 'resume';
  if (BACK.has(t)) return 'back';
  return undefined;
}
