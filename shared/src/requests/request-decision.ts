import { type Action, type Reply, text } from '../conversation/reply';
import { startFlowAction } from '../conversation/start-actions';
import { dateRange } from '../reports/review-decision';
import { formatThaiDate } from '../text/thai-date';
import type { RequestEffect } from './request-edge';
import {
  type Actor,
  approveRequest,
  bahtText,
  REQUEST_STATUS_LABELS,
  refuseRequest,
  returnRequest,
  type TrainingRequest,
} from './training-request';

// What an approver's decision on a training request does, wherever it is taken (the chat's review
// flow, the LIFF approvals list): the same effects, applied in one transaction. Buttons carry the
// request id and the step it was sent at, so a button from an earlier step is refused as stale.

export const REQUEST_REVIEW_FLOW = 'requestReview';

export type RequestDecisionKind = 'approve' | 'return' | 'refuse' | 'view';

/** Which step of the request a button belongs to: the trail's length when the card was made. */
export const requestStepOf = (r: Pick<TrainingRequest, 'trail'>) => String(r.trail.length);

export function requestReviewAction(r: TrainingRequest, d: RequestDecisionKind, label: string): Action {
  return startFlowAction(REQUEST_REVIEW_FLOW, label, { q: r.id, d, s: requestStepOf(r) });
}

/** The card an approver gets: the course, the cost, why, and the three buttons. */
export function requestReviewReplies(r: TrainingRequest, goalText?: string): Reply[] {
  const step = r.approvers.indexOf(r.currentApproverId ?? '') + 1;
  const c = r.course;
  return [
    {
      kind: 'card',
      title: 'คำขออนุมัติไปอบรม รอท่านพิจารณา',
      altText: `คำขอไปอบรมของ ${r.employeeName} รอท่านพิจารณา`,
      lines: [
        r.employeeName,
        `หลักสูตร "${c.title}"`,
        step > 0 ? `ผู้พิจารณาลำดับที่ ${step} จาก ${r.approvers.length}` : '',
      ].filter(Boolean),
      fields: [
        { label: 'ผู้จัด', value: c.organiser },
        { label: 'วันที่อบรม', value: dateRange(c.startDate, c.endDate) },
        { label: 'สถานที่', value: c.place ?? '-' },
        { label: 'ค่าใช้จ่าย', value: c.cost > 0 ? bahtText(c.cost) : 'ไม่มีค่าใช้จ่าย' },
        { label: 'งบประมาณ', value: c.budgetLine ?? '-' },
        { label: 'เหตุผล', value: r.reason.length > 300 ? `${r.reason.slice(0, 299)}…` : r.reason },
        { label: 'ตามแผนพัฒนา', value: goalText ?? (r.idpGoalId ? 'มี' : 'ไม่ได้ระบุ') },
      ],
      actions: [
        requestReviewAction(r, 'approve', 'อนุมัติ'),
        requestReviewAction(r, 'return', 'ส่งกลับแก้ไข'),
        requestReviewAction(r, 'refuse', 'ไม่อนุมัติ'),
      ],
    },
  ];
}

export interface RequestDecision {
  readonly request: TrainingRequest;
  readonly effects: readonly RequestEffect[];
}

/** Sends a new request on: the first approver's card, or (nobody above) straight to attendance. */
export function sentEffects(r: TrainingRequest): RequestEffect[] {
  const effects: RequestEffect[] = [{ type: 'trainingRequestSaved', request: r, action: 'requested' }];
  if (r.status === 'approved') effects.push({ type: 'attendanceFromRequest', request: r });
  else if (r.currentApproverId)
    effects.push({
      type: 'notifyEmployee',
      employeeId: r.currentApproverId,
      key: `${r.id}:requested`,
      replies: requestReviewReplies(r),
    });
  return effects;
}

export function approveRequestDecision(r: TrainingRequest, by: Actor, now: Date): RequestDecision {
  const updated = approveRequest(r, by, now);
  const key = `${r.id}:approved:${updated.trail.length}`;
  const effects: RequestEffect[] = [{ type: 'trainingRequestSaved', request: updated, action: 'approved' }];
  if (updated.status === 'approved') {
    effects.push({ type: 'attendanceFromRequest', request: updated });
    effects.push({
      type: 'notifyEmployee',
      employeeId: r.employeeId,
      key,
      replies: [
        text(
          `คำขอไปอบรม "${r.course.title}" ได้รับอนุมัติครบแล้ว ✅\nฝ่ายบุคคลจะบันทึกคำสั่งไปราชการ${r.course.cost > 0 ? 'และเงินยืม' : ''} เมื่ออบรมเสร็จระบบจะเปิดรายงานผลการอบรมให้เอง (กลับมาปฏิบัติงาน ${formatThaiDate(r.returnDate)})`,
        ),
      ],
    });
  } else if (updated.currentApproverId) {
    effects.push({
      type: 'notifyEmployee',
      employeeId: updated.currentApproverId,
      key: `${key}:next`,
      replies: requestReviewReplies(updated),
    });
  }
  return { request: updated, effects };
}

export function returnRequestDecision(
  r: TrainingRequest,
  by: Actor,
  now: Date,
  comment: string,
): RequestDecision {
  const updated = returnRequest(r, by, now, comment);
  return {
    request: updated,
    effects: [
      { type: 'trainingRequestSaved', request: updated, action: 'returned' },
      {
        type: 'notifyEmployee',
        employeeId: r.employeeId,
        key: `${r.id}:returned:${updated.trail.length}`,
        replies: [
          text(
            `คำขอไปอบรม "${r.course.title}" ถูกส่งกลับให้แก้ไข\nความเห็นของ ${by.name}: ${comment}\nแก้ไขแล้วยื่นคำขอใหม่ได้ (พิมพ์ "ขอไปอบรม")`,
          ),
        ],
      },
    ],
  };
}

export function refuseRequestDecision(
  r: TrainingRequest,
  by: Actor,
  now: Date,
  reason: string,
): RequestDecision {
  const updated = refuseRequest(r, by, now, reason);
  return {
    request: updated,
    effects: [
      { type: 'trainingRequestSaved', request: updated, action: 'refused' },
      {
        type: 'notifyEmployee',
        employeeId: r.employeeId,
        key: `${r.id}:refused:${updated.trail.length}`,
        replies: [text(`คำขอไปอบรม "${r.course.title}" ไม่ได้รับอนุมัติ\nเหตุผลของ ${by.name}: ${reason}`)],
      },
    ],
  };
}

/** One line about a request for lists: title, dates, status. */
export const requestLine = (r: TrainingRequest) =>
  `${r.course.title} (${dateRange(r.course.startDate, r.course.endDate)}) ${REQUEST_STATUS_LABELS[r.status]}`;
