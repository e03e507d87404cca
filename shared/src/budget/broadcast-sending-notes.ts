import { openingTimeText, type QuietHours } from '../calendar/quiet-hours';

// What HR reads before confirming a reminder: when it will actually go out, what it costs of this
// month's LINE messages, and whether the same people were reminded in the last day. Shared by the chat
// preview card and the LIFF page.

export interface BroadcastSendingNotes {
  /** "08:00" when confirming now (outside hours) would hold it until the morning */
  readonly sendsAt: string | null;
  /** LINE messages it uses: one per recipient */
  readonly cost: number;
  /** left this month before it is sent; null: no limit set */
  readonly remaining: number | null;
  /** recipients already reminded (by HR or the morning reminders) within the last 24 hours */
  readonly remindedWithinDay: number;
}

const n = (x: number) => new Intl.NumberFormat('th-TH').format(x);

export function sendingNoteLines(s: BroadcastSendingNotes): string[] {
  const lines: string[] = [];
  if (s.sendsAt) lines.push(`ขณะนี้อยู่นอกเวลาส่งข้อความ จะส่งเวลา ${s.sendsAt} น.`);
  lines.push(
    s.remaining === null
      ? `ใช้ ${n(s.cost)} ข้อความ LINE`
      : `ใช้ ${n(s.cost)} ข้อความ จากที่เหลือเดือนนี้ ${n(s.remaining)} ข้อความ`,
  );
  if (s.remaining !== null && s.cost > s.remaining)
    lines.push('⚠️ โควตาข้อความเดือนนี้ไม่พอ บางคนจะยังไม่ได้รับจนกว่าโควตาจะเปิดอีกครั้ง');
  if (s.remindedWithinDay > 0)
    lines.push(`⚠️ ${n(s.remindedWithinDay)} คนในกลุ่มนี้เพิ่งได้รับการแจ้งเตือนภายใน 24 ชั่วโมงที่ผ่านมา`);
  return lines;
}

export const sendsAtFor = (outsideHours: boolean, quiet?: QuietHours) =>
  outsideHours ? openingTimeText(quiet) : null;
