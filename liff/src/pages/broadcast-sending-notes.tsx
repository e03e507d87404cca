import type { BroadcastSendingNotes } from '../../../shared/src/budget/broadcast-sending-notes';
import { thaiNumber } from './hr-form-parts';

// The reminder preview's sending notes (bot/src/budget/broadcast-sending-notes.ts): when it goes out,
// what it costs of this month's LINE messages, who was reminded in the last day. Worded as the chat
// preview card words them (shared sendingNoteLines).

export function SendingNotesRow({ notes }: { readonly notes: BroadcastSendingNotes }) {
  const short = notes.remaining !== null && notes.cost > notes.remaining;
  return (
    <div>
      <dt>การส่ง</dt>
      <dd>
        <ul class="sending-notes">
          {notes.sendsAt ? (
            <li class="sending-later">ขณะนี้อยู่นอกเวลาส่งข้อความ จะส่งเวลา {notes.sendsAt} น.</li>
          ) : null}
          <li>
            {notes.remaining === null
              ? `ใช้ ${thaiNumber(notes.cost)} ข้อความ LINE`
              : `ใช้ ${thaiNumber(notes.cost)} ข้อความ จากที่เหลือเดือนนี้ ${thaiNumber(notes.remaining)} ข้อความ`}
          </li>
          {short ? (
            <li class="sending-warning">⚠️ โควตาข้อความเดือนนี้ไม่พอ บางคนจะยังไม่ได้รับจนกว่าโควตาจะเปิดอีกครั้ง</li>
          ) : null}
          {notes.remindedWithinDay > 0 ? (
            <li class="sending-warning">
              ⚠️ {thaiNumber(notes.remindedWithinDay)} คนในกลุ่มนี้เพิ่งได้รับการแจ้งเตือนภายใน 24 ชั่วโมงที่ผ่านมา
            </li>
          ) : null}
        </ul>
      </dd>
    </div>
  );
}
