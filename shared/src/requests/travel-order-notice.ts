import { liffUrl } from '../conversation/liff-link';
import { type Reply, text } from '../conversation/reply';
import { dateRange } from '../reports/review-decision';
import type { IsoDate } from '../text/thai-date';
import { bahtText, type TrainingRequest } from './training-request';

// HR hears of an approved request that still has no travel order (คำสั่งไปราชการ): the order is HR's
// step, and nothing else would tell them the chain has finished. Said once per request, in the morning
// job, until the course starts.

/** An approved request whose course has not started and whose travel order HR has not recorded. */
export const needsTravelOrder = (
  r: Pick<TrainingRequest, 'status' | 'travelOrder' | 'course'>,
  today: IsoDate,
): boolean => r.status === 'approved' && !r.travelOrder && r.course.startDate >= today;

export function travelOrderNeededReplies(r: TrainingRequest, liffId?: string): Reply[] {
  const cost = r.course.cost > 0 ? `ค่าใช้จ่าย ${bahtText(r.course.cost)}` : 'ไม่มีค่าใช้จ่าย';
  return [
    text(
      `คำขอไปอบรมอนุมัติครบแล้ว รอฝ่ายบุคคลบันทึกคำสั่งไปราชการ\n• ${r.employeeName}: "${r.course.title}" (${dateRange(r.course.startDate, r.course.endDate)}) ${cost}\nบันทึกเลขที่คำสั่งและเงินยืมได้ที่หน้า "คำขอไปอบรม"`,
      liffId ? [{ type: 'uri', label: 'บันทึกคำสั่งไปราชการ', uri: liffUrl(liffId, '/requests') }] : undefined,
    ),
  ];
}
