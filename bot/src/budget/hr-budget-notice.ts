import {
  type BudgetReading,
  type HeldBackReason,
  lineReach,
  type PostbackSigner,
  type Reply,
  text,
} from '@phattana/shared';
import type { LineClient } from '../line/line-client';
import { renderMessages } from '../line/render-messages';
import type { StaffRecords } from '../people/staff-record-repository';
import { retryKeyFor } from '../webhook/retry-key';

// HR hears once a month that messages are being held back: in LINE while the quota still carries it,
// otherwise the dashboard shows the banner (the ledger records which).

const n = (x: number) => x.toLocaleString('th-TH');

export function budgetNoticeReplies(r: BudgetReading, reason: HeldBackReason): Reply[] {
  const figures =
    r.limit === null ? `ใช้ไป ${n(r.used)} ข้อความ` : `ใช้ไป ${n(r.used)} จาก ${n(r.limit)} ข้อความ`;
  const why =
    reason === 'monthlyLimit' ? 'โควตาข้อความ LINE ของเดือนนี้หมดแล้ว' : 'โควตาข้อความ LINE ของเดือนนี้ใกล้หมด';
  return [
    text(
      `⚠️ ${why} (${figures})\nระบบงดส่งข้อความที่ไม่เร่งด่วน (เตือนล่วงหน้า แบบสำรวจ ข้อความเตือนจากฝ่ายบุคคล) และบันทึกไว้ว่ายังไม่ได้ส่ง ` +
        'ส่วนงานรออนุมัติและรายงานที่ครบกำหนดยังส่งตามปกติ\nการส่งจะกลับมาเองเมื่อขึ้นเดือนใหม่หรือเมื่อเพิ่มแพ็กเกจ ดูรายละเอียดที่แดชบอร์ด HR',
    ),
  ];
}

export function createHrBudgetNotice(d: {
  line: Pick<LineClient, 'push'>;
  staff: StaffRecords;
  signer: PostbackSigner;
  clock: () => Date;
}) {
  return async (r: BudgetReading, reason: HeldBackReason): Promise<'line' | 'dashboard'> => {
    if (r.limit !== null && r.used >= r.limit) return 'dashboard';
    const hr = (await d.staff.withRole('hr', { fields: ['active', 'lineUserId', 'lineFollowing'] }))
      .map((p) => lineReach(p))
      .flatMap((reach) => (reach.reachable ? [reach.lineUserId] : []));
    if (hr.length === 0) return 'dashboard';
    const messages = renderMessages(budgetNoticeReplies(r, reason), { signer: d.signer, now: d.clock() });
    let told = 0;
    for (const to of hr) {
      try {
        const key = `budgetNotice:${r.month}:${to}`;
        await d.line.push(to, messages, retryKeyFor(key, 0), {
          priority: 'essential',
          purpose: 'budgetNotice',
          key,
        });
        told++;
      } catch {
        // the quota closed under us, or this person cannot be reached: the dashboard still shows it
      }
    }
    return told > 0 ? 'line' : 'dashboard';
  };
}
