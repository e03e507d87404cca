import { fiscalYearOf } from '../calendar/fiscal-year';
import { globalCommand } from '../conversation/commands';
import type { TurnContext } from '../conversation/context';
import type { Effect } from '../conversation/effect';
import type { Flow, FlowStep } from '../conversation/flow';
import { type Action, type PostbackPayload, type Reply, say, text } from '../conversation/reply';
import { fileReportAction, startFlowAction } from '../conversation/start-actions';
import { type HoursEntry, hoursEntry } from '../ledger/hours-ledger';
import {
  addPerformanceNote,
  approveReport,
  filedOnTime,
  RATING_LABELS,
  ReportTransitionError,
  returnReport,
  SHARING_PLANS,
  type TrainingReport,
} from '../reports/training-report';
import { bangkokDate, formatThaiDate } from '../text/thai-date';

// A supervisor's side of the post-training report: approve, send back with a comment, or record how the
// person's work compares before and after the training. Started from the buttons of the push that
// asks them to review; every decision is checked against the report as stored now.

export interface ReportReviewState {
  readonly flow: 'reportReview';
  readonly reportId: string;
  readonly at: 'returnComment' | 'noteBefore' | 'noteAfter';
  readonly before?: string;
}

export const REVIEW_FLOW = 'reportReview';
export const COMMENT_MIN = 5;
export const COMMENT_MAX = 500;

type Decision = 'approve' | 'return' | 'note' | 'view';

const CANCEL: Action = say('ยกเลิก');

/** The button that starts a review step for one report. */
export function reviewAction(reportId: string, d: Decision, label: string): Action {
  return startFlowAction(REVIEW_FLOW, label, { r: reportId, d });
}

/** What an approver receives when a report reaches them: the answers and the decision buttons. */
export function reviewRequestReplies(r: TrainingReport): Reply[] {
  const sharing = SHARING_PLANS.find((p) => p.id === r.answers.sharing)?.name;
  const late = r.firstSubmittedAt !== undefined && !filedOnTime(r, bangkokDate);
  const step = r.approvers.indexOf(r.currentApproverId ?? '') + 1;
  return [
    {
      kind: 'card',
      title: 'รายงานผลการฝึกอบรม รอท่านพิจารณา',
      altText: `รายงานผลการฝึกอบรมของ ${r.employeeName} รอท่านพิจารณา`,
      lines: [
        `${r.employeeName}`,
        `หลักสูตร "${r.trainingTitle}"`,
        step > 0 ? `ผู้พิจารณาลำดับที่ ${step} จาก ${r.approvers.length}` : '',
      ].filter(Boolean),
      fields: [
        { label: 'วันที่อบรม', value: dateRange(r.startDate, r.endDate) },
        { label: 'กำหนดส่ง', value: `${formatThaiDate(r.dueDate)}${late ? ' (ส่งช้า)' : ''}` },
        { label: 'ได้เรียนรู้', value: clip(r.answers.learned) },
        { label: 'นำไปใช้', value: clip(r.answers.application) },
        {
          label: 'แบ่งปันความรู้',
          value: clip([sharing, r.answers.sharingDetail].filter(Boolean).join(': ')),
        },
        { label: 'ปัญหา/ข้อเสนอแนะ', value: clip(r.answers.problems) },
        {
          label: 'ความเป็นประโยชน์',
          value: r.answers.rating ? `${r.answers.rating}/5 (${RATING_LABELS[r.answers.rating]})` : '-',
        },
        { label: 'รูปภาพแนบ', value: r.photos.length > 0 ? `${r.photos.length} รูป` : 'ไม่มี' },
      ],
      actions: [reviewAction(r.id, 'approve', 'อนุมัติ'), reviewAction(r.id, 'return', 'ส่งกลับแก้ไข')],
      quickReplies: [reviewAction(r.id, 'note', 'บันทึกผลก่อน/หลัง')],
    },
  ];
}

export const reportReviewFlow: Flow<ReportReviewState> = {
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
    if (typed.length < COMMENT_MIN)
      return { state, replies: [text(`สั้นเกินไป กรุณาพิมพ์อย่างน้อย ${COMMENT_MIN} ตัวอักษร`), ...ask(state)] };
    if (typed.length > COMMENT_MAX)
      return {
        state,
        replies: [
          text(`ยาวเกินไป (${typed.length} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${COMMENT_MAX} ตัวอักษร`),
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
): FlowStep<ReportReviewState> {
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

function guarded(run: () => FlowStep<ReportReviewState>): FlowStep<ReportReviewState> {
  try {
    return run();
  } catch (err) {
    if (err instanceof ReportTransitionError) return { state: null, replies: [text(err.message)] };
    throw err;
  }
}

function approve(report: TrainingReport, me: string, now: Date): FlowStep<ReportReviewState> {
  const updated = approveReport(report, me, now);
  const effects: Effect[] = [{ type: 'reportSaved', report: updated, action: 'approved' }];
  const key = `${report.id}:approved:${updated.history.length}`;
  if (updated.status === 'approved') {
    effects.push({ type: 'hoursCredited', entry: hoursEntryFor(updated, now) });
    effects.push({
      type: 'notifyEmployee',
      employeeId: report.employeeId,
      key,
      replies: [
        text(
          `รายงานผลการฝึกอบรม "${report.trainingTitle}" ได้รับการอนุมัติครบแล้ว ✅\nนับชั่วโมงอบรม ${hoursText(report.hours)} ในปีงบประมาณ พ.ศ. ${fiscalYearOf(report.endDate)} แล้ว`,
        ),
      ],
    });
  } else if (updated.currentApproverId) {
    effects.push({
      type: 'notifyEmployee',
      employeeId: updated.currentApproverId,
      key: `${key}:next`,
      replies: reviewRequestReplies(updated),
    });
  }
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
    effects,
  };
}

function sendBack(
  report: TrainingReport,
  me: string,
  now: Date,
  comment: string,
): FlowStep<ReportReviewState> {
  const updated = returnReport(report, me, now, comment);
  return {
    state: null,
    replies: [text(`ส่งรายงานของ ${report.employeeName} กลับไปแก้ไขแล้ว พร้อมความเห็นของท่าน`)],
    effects: [
      { type: 'reportSaved', report: updated, action: 'returned' },
      {
        type: 'notifyEmployee',
        employeeId: report.employeeId,
        key: `${report.id}:returned:${updated.history.length}`,
        replies: [
          text(`รายงานผลการฝึกอบรม "${report.trainingTitle}" ถูกส่งกลับให้แก้ไข\nความเห็นผู้พิจารณา: ${comment}`, [
            fileReportAction(report.id, 'แก้ไขรายงาน'),
          ]),
        ],
      },
    ],
  };
}

function saveNote(
  report: TrainingReport,
  me: string,
  now: Date,
  note: { before: string; after: string },
): FlowStep<ReportReviewState> {
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

/** The ledger entry an approved report earns: its hours in the fiscal year of the training's last day. */
export function hoursEntryFor(r: TrainingReport, now: Date): HoursEntry {
  return hoursEntry(r.employeeId, { ...r, title: r.trainingTitle }, 'approvedReport', now);
}

const clip = (s: string | undefined, max = 300) =>
  !s ? '-' : s.length > max ? `${s.slice(0, max - 1)}…` : s;

export const hoursText = (h: number) =>
  `${new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 }).format(h)} ชั่วโมง`;

export function dateRange(start: string, end: string): string {
  return start === end ? formatThaiDate(start) : `${formatThaiDate(start)} – ${formatThaiDate(end)}`;
}
