import type { Action, Reply } from '../conversation/reply';
import { startFlowAction } from '../conversation/start-actions';
import type { BroadcastFilter } from './broadcast-filter';

// The reminder itself. A multicast sends the same message to everyone, so it names no report: the
// button starts filing and, without a report id, lets each person choose among their open reports.

export const FILE_REPORT_ACTION: Action = startFlowAction(
  'trainingReport',
  'ส่งรายงานตอนนี้',
  {},
  'ส่งรายงานผลการฝึกอบรม',
);

export function broadcastReminderText(filter: BroadcastFilter): string {
  if (filter.kind === 'noEthicsTraining')
    return `บุคลากรทุกระดับต้องได้รับการอบรมด้านคุณธรรมและจริยธรรมทุกปี ท่านยังไม่มีรายการอบรมหลักสูตรนี้ในปีงบประมาณ พ.ศ. ${filter.fiscalYear} กรุณาลงทะเบียนอบรม (หรือแจ้งฝ่ายบุคคลหากอบรมแล้ว) ก่อนสิ้นปีงบประมาณ 🙏`;
  const why =
    filter.kind === 'overdue'
      ? 'ท่านมีรายงานผลการฝึกอบรมที่เลยกำหนดส่งแล้ว'
      : filter.kind === 'dueWithin'
        ? 'รายงานผลการฝึกอบรมของท่านใกล้ครบกำหนดส่ง'
        : 'ท่านยังมีรายงานผลการฝึกอบรมที่ยังไม่ได้ส่ง';
  // "within 7 working days" reads as a fresh deadline to someone already late
  const ask = filter.kind === 'overdue' ? 'กรุณาส่งโดยเร็วที่สุด' : 'รายงานต้องส่งภายใน 7 วันทำการหลังกลับจากการอบรม';
  return `${why} ${ask} กดปุ่มด้านล่างเพื่อส่งได้ทันที 🙏`;
}

/** The reminder as reply data; the bot's renderer turns it into one LINE message. */
export function broadcastReminderReplies(filter: BroadcastFilter): Reply[] {
  return [
    {
      kind: 'card',
      title: '📣 แจ้งเตือนจากฝ่ายบุคคล',
      altText: broadcastReminderText(filter),
      lines: [broadcastReminderText(filter)],
      // the ethics reminder asks for a training, not a report: nothing to file from the card
      actions: filter.kind === 'noEthicsTraining' ? [] : [FILE_REPORT_ACTION],
    },
  ];
}
