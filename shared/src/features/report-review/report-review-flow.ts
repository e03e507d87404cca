import { globalCommand } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type PostbackPayload, type Reply, say, text } from '../../conversation/reply';
import type { ReportEffect, ReportFacts, ReportLookup } from '../../reports/report-edge';
import {
  approveDecision,
  REVIEW_FLOW,
  type ReviewDecisionKind,
  returnDecision,
  reviewAction,
  reviewRequestReplies,
} from '../../reports/review-decision';
import {
  addPerformanceNote,
  ReportTransitionError,
  returnReport,
  type TrainingReport,
} from '../../reports/training-report';
import { graphemeLength } from '../../text/graphemes';

type TurnContext = KernelContext<ReportFacts>;

// A supervisor's side of the post-training report: approve, send back with a comment, or record how the
// person's work compares before and after the training. Started from the buttons of the push that
// asks them to review; every decision is checked against the report as stored now.

export interface ReportReviewState {
  readonly flow: 'reportReview';
  readonly reportId: string;
  readonly at: 'returnComment' | 'noteBefore' | 'noteAfter';
  readonly before?: string;
}

// the decision effects are shared with the LIFF team page; these names stay importable from here
export {
  dateRange,
  hoursEntryFor,
  hoursText,
  REVIEW_FLOW,
  reviewAction,
  reviewRequestReplies,
} from '../../reports/review-decision';

export const COMMENT_MIN = 5;
export const COMMENT_MAX = 500;

type Decision = ReviewDecisionKind;

const CANCEL: Action = say('ยกเลิก');

export const reportReviewFlow: Flow<ReportReviewState, ReportEffect, ReportLookup, ReportFacts> = {
  id: REVIEW_FLOW,
  title: 'พิจารณารายงานผลการฝึกอบรม',
  needsPerson: true,
  lookups(state, event) {
    const reportId = state?.reportId ?? (event.kind === 'postback' ? event.payload.r : undefined);
    return typeof reportId === 'string' ? [{ type: 'report', reportId }] : [];
  },
  start(now, ctx, payload) {
    return begin(payload, now, ctx);
  },
  step(state, event, now, ctx) {
    if (event.kind === 'text' && globalCommand(event.text) === 'back') {
      if (state.at === 'noteAfter') {
        const s: ReportReviewState = { ...state, at: 'noteBefore', before: undefined };
        return { state: s, replies: ask(s) };
      }
      return { state, replies: [text('นี่คือคำถามแรกแล้ว'), ...ask(state)] };
    }
    const report = ctx.facts?.report?.status === 'ok' ? ctx.facts.report.report : undefined;
    const me = ctx.person?.employeeId;
    if (!report || !me) return { state: null, replies: [text('ไม่พบรายงานนี้แล้ว อาจถูกลบหรือย้าย')] };
    if (event.kind !== 'text') return { state, replies: [text('กรุณาพิมพ์เป็นข้อความ'), ...ask(state)] };
    const typed = event.text.trim();
    if (graphemeLength(typed) < COMMENT_MIN)
      return { state, replies: [text(`สั้นเกินไป กรุณาพิมพ์อย่างน้อย ${COMMENT_MIN} ตัวอักษร`), ...ask(state)] };
    if (graphemeLength(typed) > COMMENT_MAX)
      return {
        state,
        replies: [
          text(`ยาวเกินไป (${graphemeLength(typed)} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${COMMENT_MAX} ตัวอักษร`),
          ...ask(state),
        ],
      };
    if (state.at === 'noteBefore') {
      const s: ReportReviewState = { ...state, at: 'noteAfter', before: typed };
      return { state: s, replies: ask(s) };
    }
    return guarded(() =>
      state.at === 'returnComment'
        ? sendBack(report, me, now, typed)
        : saveNote(report, me, now, { before: state.before ?? '-', after: typed }),
    );
  },
  prompt: (state) => ask(state),
};

function begin(
  payload: PostbackPayload | undefined,
  now: Date,
  ctx: TurnContext,
): FlowStep<ReportReviewState, ReportEffect> {
  const report = ctx.facts?.report?.status === 'ok' ? ctx.facts.report.report : undefined;
  const me = ctx.person?.employeeId;
  if (!report || !me) return { state: null, replies: [text('ไม่พบรายงานนี้แล้ว อาจถูกลบหรือย้าย')] };
  const decision = String(payload?.d ?? 'view') as Decision;
  return guarded(() => {
    switch (decision) {
      case 'approve':
        return approve(report, me, now);
      case 'return': {
        returnReport(report, me, now, 'check'); // throws when it is not theirs to return now
        const s: ReportReviewState = { flow: 'reportReview', reportId: report.id, at: 'returnComment' };
        return { state: s, replies: ask(s) };
      }
      case 'note': {
        addPerformanceNote(report, me, now, { before: '-', after: '-' }); // throws when not in the chain
        const s: ReportReviewState = { flow: 'reportReview', reportId: report.id, at: 'noteBefore' };
        return { state: s, replies: ask(s) };
      }
      default:
        return { state: null, replies: reviewRequestReplies(report) };
    }
  });
}

function guarded(
  run: () => FlowStep<ReportReviewState, ReportEffect>,
): FlowStep<ReportReviewState, ReportEffect> {
  try {
    return run();
  } catch (err) {
    if (err instanceof ReportTransitionError) return { state: null, replies: [text(err.message)] };
    throw err;
  }
}

function approve(report: TrainingReport, me: string, now: Date): FlowStep<ReportReviewState, ReportEffect> {
  const { report: updated, effects } = approveDecision(report, me, now);
  const done =
    updated.status === 'approved'
      ? `อนุมัติรายงานของ ${report.employeeName} แล้ว ✅ (อนุมัติครบทุกลำดับ)`
      : `อนุมัติรายงานของ ${report.employeeName} แล้ว ✅ ส่งต่อให้ผู้พิจารณาลำดับถัดไป`;
  return {
    state: null,
    replies: [
      text(`${done}\nหากต้องการเปรียบเทียบผลการปฏิบัติงานก่อนและหลังการอบรม กดปุ่มด้านล่างได้`, [
        reviewAction(report.id, 'note', 'บันทึกผลก่อน/หลัง'),
      ]),
    ],
    effects: [...effects],
  };
}

function sendBack(
  report: TrainingReport,
  me: string,
  now: Date,
  comment: string,
): FlowStep<ReportReviewState, ReportEffect> {
  const { effects } = returnDecision(report, me, now, comment);
  return {
    state: null,
    replies: [text(`ส่งรายงานของ ${report.employeeName} กลับไปแก้ไขแล้ว พร้อมความเห็นของท่าน`)],
    effects: [...effects],
  };
}

function saveNote(
  report: TrainingReport,
  me: string,
  now: Date,
  note: { before: string; after: string },
): FlowStep<ReportReviewState, ReportEffect> {
  const updated = addPerformanceNote(report, me, now, note);
  return {
    state: null,
    replies: [text(`บันทึกผลการปฏิบัติงานก่อน/หลังการอบรมของ ${report.employeeName} แล้ว ✅`)],
    effects: [{ type: 'reportSaved', report: updated, action: 'performanceNote' }],
  };
}

function ask(state: ReportReviewState): Reply[] {
  switch (state.at) {
    case 'returnComment':
      return [text('พิมพ์สิ่งที่ต้องการให้แก้ไขหรือเพิ่มเติม ผู้รายงานจะได้รับข้อความนี้', [CANCEL])];
    case 'noteBefore':
      return [text('(1/2) ผลการปฏิบัติงานของผู้รายงาน "ก่อน" การอบรมเป็นอย่างไร', [CANCEL])];
    case 'noteAfter':
      return [text('(2/2) หลังการอบรม ผลการปฏิบัติงานเปลี่ยนไปอย่างไร', [say('ย้อนกลับ'), CANCEL])];
  }
}
