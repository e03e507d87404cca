import { fiscalYearOf } from '../calendar/fiscal-year';
import { type Action, type Reply, text } from '../conversation/reply';
import { fileReportAction, startFlowAction } from '../conversation/start-actions';
import { type HoursEntry, hoursEntry } from '../ledger/hours-ledger';
import { bangkokDate, formatThaiDate } from '../text/thai-date';
import type { ReportEffect as Effect } from './report-edge';
import {
  approveReport,
  filedOnTime,
  RATING_LABELS,
  returnReport,
  SHARING_PLANS,
  type TrainingReport,
} from './training-report';

// What an approver's decision on a post-training report does, for every place it can be taken from:
// the chat's review flow and the LIFF team page. Both apply these effects in one transaction, so the
// next approver's push, the person's notice and the hours credit are the same wherever one signs.

export const REVIEW_FLOW = 'reportReview';

export type ReviewDecisionKind = 'approve' | 'return' | 'note' | 'view';

/** The button that starts a review step for one report (in the chat's review flow). */
export function reviewAction(reportId: string, d: ReviewDecisionKind, label: string): Action {
  return startFlowAction(REVIEW_FLOW, label, { r: reportId, d });
}

/** LINE shows JPEG and PNG in a card; a few are enough to judge, the rest are in LIFF at full size. */
const THUMBNAIL_TYPES = new Set(['image/jpeg', 'image/png']);
const THUMBNAILS_MAX = 4;

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
      thumbnails: r.photos
        .filter((p) => p.storagePath && !p.error && THUMBNAIL_TYPES.has(p.contentType ?? ''))
        .slice(0, THUMBNAILS_MAX)
        .map((p) => ({ reportId: r.id, messageId: p.messageId })),
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

export interface ReviewDecision {
  readonly report: TrainingReport;
  readonly effects: readonly Effect[];
}

/**
 * The current approver signs: the report moves on (the next approver is asked) or is approved (the
 * hours count and the person hears). Throws ReportTransitionError when it is not theirs to sign now.
 */
export function approveDecision(report: TrainingReport, by: string, now: Date): ReviewDecision {
  const updated = approveReport(report, by, now);
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
          `รายงานผลการฝึกอบรม "${report.trainingTitle}" ได้รับการอนุมัติครบแล้ว ✅\nนับชั่วโมงอบรม ${hoursText(report.hours)} ในปีงบประมาณ พ.ศ. ${fiscalYearOf(report.endDate)} แล้ว\n${
            // the same approval publishes it (library-entry.ts): the person knows colleagues can read it
            report.libraryChoice === 'internal'
              ? 'เก็บเป็นข้อมูลภายใน ไม่เผยแพร่ในคลังความรู้ตามที่ท่านเลือก'
              : 'เผยแพร่ในคลังความรู้ให้เพื่อนร่วมงานอ่านแล้ว (เปลี่ยนเป็นภายในได้ที่หน้าคลังความรู้)'
          }`,
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
  return { report: updated, effects };
}

/** The current approver sends it back with a comment; the person hears it with a button to edit. */
export function returnDecision(
  report: TrainingReport,
  by: string,
  now: Date,
  comment: string,
): ReviewDecision {
  const updated = returnReport(report, by, now, comment);
  return {
    report: updated,
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

/** The ledger entry an approved report earns: its hours in the fiscal year of the training's last day. */
export function hoursEntryFor(r: TrainingReport, now: Date): HoursEntry {
  return hoursEntry(r.employeeId, { ...r, title: r.trainingTitle }, 'approvedReport', now);
}

// made once: building an Intl formatter costs far more than formatting with it
const HOURS_FORMAT = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

export const hoursText = (h: number) => `${HOURS_FORMAT.format(h)} ชั่วโมง`;

const clip = (s: string | undefined, max = 300) =>
  !s ? '-' : s.length > max ? `${s.slice(0, max - 1)}…` : s;

export function dateRange(start: string, end: string): string {
  return start === end ? formatThaiDate(start) : `${formatThaiDate(start)} – ${formatThaiDate(end)}`;
}
