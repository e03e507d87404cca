import { bangkokDate } from '@phattana/shared';
import type { LocalBot } from '../local-bot';
import type { DevAction } from './index';

/**
 * The simulator's "📚 สรุปคลังความรู้" button: what the weekly schedule runs in production (Monday 09:00),
 * as of 09:00 Thai time today: the week's new library entries to colleagues of the same division.
 */
export function libraryDigestAction(bot: () => LocalBot | undefined): DevAction {
  return {
    id: 'library-digest',
    label: '📚 สรุปคลังความรู้รายสัปดาห์',
    run: async () => {
      const b = bot();
      if (!b) throw new Error('บอทยังไม่พร้อม');
      const r = await b.runLibraryDigest(new Date(`${bangkokDate(new Date())}T09:00:00+07:00`));
      if (r.entries === 0) return 'ไม่มีเรื่องใหม่ในคลังความรู้ในรอบ 7 วัน จึงไม่ส่งสรุป';
      return `สรุปคลังความรู้: เรื่องใหม่ ${r.entries} เรื่อง · ส่ง ${r.messages.sent} คน · ส่งไปแล้วก่อนหน้า ${r.messages.alreadySent} · ไม่รับสรุป ${r.optedOut} คน · ข้าม ${r.messages.skipped}`;
    },
  };
}
