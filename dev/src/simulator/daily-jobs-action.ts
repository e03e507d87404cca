import { bangkokDate, type IsoDate } from '@phattana/shared';
import type { LocalBot } from '../local-bot';

/**
 * The simulator's "⏰ งานเช้า 09:00" button: runs what the morning scheduler runs in production (report
 * reminders, survey invitations and reminders) as of 09:00 Thai time today, whatever the hour now.
 * `today` is for tests that need a fixed working day.
 */
export function dailyJobsAction(
  bot: () => LocalBot | undefined,
  today: () => IsoDate = () => bangkokDate(new Date()),
) {
  return {
    id: 'daily-jobs',
    label: '⏰ งานเช้า 09:00',
    run: async () => {
      const b = bot();
      if (!b) throw new Error('บอทยังไม่พร้อม');
      const r = await b.runDailyJobs(new Date(`${today()}T09:00:00+07:00`));
      const s = r.surveys;
      return `เปิดรายงาน ${r.reportsOpened} ฉบับ · ส่งข้อความ ${r.messages.sent} · ทำไปแล้วก่อนหน้า ${r.messages.alreadySent} · ข้าม ${r.messages.skipped} · เลยกำหนด ${r.overdue} · แบบสำรวจ ${s.surveys} ชุด: เชิญ ${s.invitations.sent} คน เตือน ${s.reminders.sent} คน${r.skipped === 'notWorkingDay' ? ' (วันนี้เป็นวันหยุด ไม่ส่งเตือน)' : ''}`;
    },
  };
}
