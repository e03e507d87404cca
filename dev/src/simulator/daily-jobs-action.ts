import { bangkokDate, formatThaiDateShort, type IsoDate, isIsoDate, isoToUtcDate } from '@phattana/shared';
import type { LocalBot } from '../local-bot';
import type { DevAction, DevActionDate } from './index';

const WEEKDAY = new Intl.DateTimeFormat('th-TH', { weekday: 'long', timeZone: 'UTC' });

/**
 * The simulator's "⏰ งานเช้า 09:00" button: runs what the morning scheduler runs in production (report
 * reminders, survey invitations and reminders, the training requests' notices) as of 09:00 Thai time on
 * a chosen day (today unless the person picks another; on a holiday or weekend the next working day is
 * offered), and says in Thai why nothing was sent when nothing was. `today` is for tests that need a fixed day.
 */
export function dailyJobsAction(
  bot: () => LocalBot | undefined,
  today: () => IsoDate = () => bangkokDate(new Date()),
): DevAction {
  const ready = () => {
    const b = bot();
    if (!b) throw new Error('บอทยังไม่พร้อม');
    return b;
  };
  /** "วันจันทร์ 7 ธ.ค. 2569 · วันหยุด: …" */
  const describe = async (b: LocalBot, date: IsoDate) => {
    const calendar = await b.calendar();
    const day = `${WEEKDAY.format(isoToUtcDate(date))} ${formatThaiDateShort(date)}`;
    if (calendar.isWorkingDay(date)) return { day, working: true, why: '' };
    const dow = isoToUtcDate(date).getUTCDay();
    const name = dow === 0 || dow === 6 ? undefined : await b.holidayName(date);
    return { day, working: false, why: name ? `วันหยุด: ${name}` : 'วันหยุดสุดสัปดาห์' };
  };
  const nextWorkingDay = async (b: LocalBot, date: IsoDate) => (await b.calendar()).addWorkingDays(date, 1);

  return {
    id: 'daily-jobs',
    label: '⏰ งานเช้า 09:00',
    date: async (asked?: IsoDate): Promise<DevActionDate> => {
      const b = ready();
      const value = asked && isIsoDate(asked) ? asked : today();
      const d = await describe(b, value);
      if (d.working) return { value, note: `${d.day} · วันทำการ` };
      const next = await nextWorkingDay(b, value);
      return {
        value,
        note: `${d.day} · ${d.why} งานเช้าไม่ส่งข้อความในวันหยุด`,
        suggest: { value: next, label: `วันทำการถัดไป: ${(await describe(b, next)).day}` },
      };
    },
    run: async (input) => {
      const b = ready();
      const date = input?.date && isIsoDate(input.date) ? input.date : today();
      const r = await b.runDailyJobs(new Date(`${date}T09:00:00+07:00`));
      const s = r.surveys;
      const d = await describe(b, date);
      const asOf = `งานเช้าของ${d.day}`;
      if (r.skipped === 'notWorkingDay') {
        const next = await nextWorkingDay(b, date);
        return `${asOf}: ${d.why} จึงไม่ส่งข้อความเตือนหรือคำเชิญ (ส่งเฉพาะวันทำการ)${r.reportsOpened ? ` · เปิดรายงานใหม่ ${r.reportsOpened} ฉบับ` : ''} · ลองวันทำการถัดไป ${formatThaiDateShort(next)}`;
      }
      // the training requests' messages: HR's "record the travel order" and the advance reminders
      const q = {
        sent: r.travelOrders.sent + r.advances.sent,
        alreadySent: r.travelOrders.alreadySent + r.advances.alreadySent,
      };
      const sent = r.messages.sent + s.invitations.sent + s.reminders.sent + q.sent;
      const counts = `เปิดรายงาน ${r.reportsOpened} ฉบับ · ส่งข้อความ ${r.messages.sent} · ทำไปแล้วก่อนหน้า ${r.messages.alreadySent} · ข้าม ${r.messages.skipped} · เลยกำหนด ${r.overdue} · แบบสำรวจ ${s.surveys} ชุด: เชิญ ${s.invitations.sent} คน เตือน ${s.reminders.sent} คน · คำขอไปอบรม: แจ้งฝ่ายบุคคลบันทึกคำสั่ง ${r.travelOrders.sent} เตือนส่งใช้เงินยืม ${r.advances.sent}`;
      if (sent > 0) return `${asOf}: ${counts}`;
      const why =
        r.messages.alreadySent + s.invitations.alreadySent + s.reminders.alreadySent + q.alreadySent > 0
          ? 'ทุกข้อความของวันนี้ส่งไปแล้วก่อนหน้า (ไม่ส่งซ้ำ)'
          : r.messages.skipped + s.invitations.skipped > 0
            ? 'ผู้ที่ถึงกำหนดยังไม่ได้ลงทะเบียน LINE หรือบล็อกบอทอยู่'
            : 'ไม่มีรายงานถึงกำหนดเตือนและไม่มีแบบสำรวจที่ต้องเชิญในวันนี้';
      return `${asOf}: ไม่มีข้อความต้องส่ง (${why}) · ${counts}`;
    },
  };
}
