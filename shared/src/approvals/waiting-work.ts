import { fiscalYearLabel } from '../calendar/fiscal-year';
import { liffUrl } from '../conversation/liff-link';
import type { Action, Reply } from '../conversation/reply';
import { text } from '../conversation/reply';
import {
  answerSurveyAction,
  fileReportAction,
  startFlowAction as startAction,
} from '../conversation/start-actions';
import { reviewAction } from '../reports/review-decision';
import { REQUEST_REVIEW_FLOW } from '../requests/request-decision';
import { graphemeLength } from '../text/graphemes';
import { bangkokDate, formatThaiDateShort, type IsoDate } from '../text/thai-date';

// What waits for one person: reports and IDPs for them to sign, and their own surveys and reports.
// Read at the edge (who is asking, from stored data); said here, once, in two places: the reply to the
// turn that links their LINE account (nothing was lost while they were unreachable), and the
// "งานรออนุมัติ" list a supervisor or executive opens from the menu.

export interface WaitingApproval {
  readonly reportId: string;
  readonly employeeName: string;
  readonly trainingTitle: string;
  /** when it reached this approver (ISO instant) */
  readonly since: string;
}

/** A training request waiting for this approver; `step` makes its buttons (stale once it moves on). */
export interface WaitingRequest {
  readonly requestId: string;
  readonly employeeName: string;
  readonly title: string;
  readonly since: string;
  readonly step: string;
}

export interface WaitingIdp {
  readonly employeeId: string;
  readonly employeeName: string;
  readonly fiscalYear: number;
  readonly since: string;
}

export interface WaitingWork {
  /** reports waiting for this person's sign-off, oldest first */
  readonly approvals: readonly WaitingApproval[];
  /** training requests waiting for this person's approval, oldest first */
  readonly requests: readonly WaitingRequest[];
  /** IDPs sent to this person for agreement, oldest first */
  readonly idps: readonly WaitingIdp[];
  /** their own open surveys, closing soonest first */
  readonly surveys: readonly { readonly id: string; readonly title: string; readonly closesOn: IsoDate }[];
  /** their own reports to file (pending or returned), due soonest first */
  readonly reports: readonly {
    readonly id: string;
    readonly trainingTitle: string;
    readonly dueDate: IsoDate;
  }[];
}

export const NOTHING_WAITING: WaitingWork = {
  approvals: [],
  requests: [],
  idps: [],
  surveys: [],
  reports: [],
};

/** The word (and menu entry) that lists what waits for a supervisor or executive. */
export const WAITING_LIST_WORD = 'งานรออนุมัติ';

export const hasWaitingWork = (w: WaitingWork) =>
  w.approvals.length + w.requests.length + w.idps.length + w.surveys.length + w.reports.length > 0;

const sinceText = (iso: string, now: Date) => {
  const days = Math.floor((now.getTime() - Date.parse(iso)) / 86_400_000);
  const date = formatThaiDateShort(bangkokDate(new Date(iso)));
  return days >= 1 ? `ส่งมาเมื่อ ${date} (รอ ${days} วัน)` : `ส่งมาเมื่อ ${date}`;
};

const short = (s: string, max = 60) =>
  graphemeLength(s) > max ? `${[...s].slice(0, max - 1).join('')}…` : s;

/** One card per report waiting for sign-off, with the same buttons as the card that was sent. */
function approvalCard(a: WaitingApproval, now: Date): Reply {
  return {
    kind: 'card',
    title: 'รายงานผลการฝึกอบรม รอท่านพิจารณา',
    altText: `รายงานของ ${a.employeeName} รอท่านพิจารณา`,
    lines: [a.employeeName, `หลักสูตร "${short(a.trainingTitle, 100)}"`, sinceText(a.since, now)],
    actions: [
      reviewAction(a.reportId, 'approve', 'อนุมัติ'),
      reviewAction(a.reportId, 'return', 'ส่งกลับแก้ไข'),
      reviewAction(a.reportId, 'view', 'ดูรายงานฉบับเต็ม'),
    ],
  };
}

function requestCard(q: WaitingRequest, now: Date): Reply {
  const act = (d: string, label: string) =>
    startAction(REQUEST_REVIEW_FLOW, label, { q: q.requestId, d, s: q.step });
  return {
    kind: 'card',
    title: 'คำขออนุมัติไปอบรม รอท่านพิจารณา',
    altText: `คำขอไปอบรมของ ${q.employeeName} รอท่านพิจารณา`,
    lines: [q.employeeName, `หลักสูตร "${short(q.title, 100)}"`, sinceText(q.since, now)],
    actions: [
      act('approve', 'อนุมัติ'),
      act('return', 'ส่งกลับแก้ไข'),
      act('refuse', 'ไม่อนุมัติ'),
      act('view', 'ดูรายละเอียด'),
    ],
  };
}

function idpCard(p: WaitingIdp, now: Date, liffId: string | undefined): Reply {
  const lines = [p.employeeName, `แผนพัฒนารายบุคคล ${fiscalYearLabel(p.fiscalYear)}`, sinceText(p.since, now)];
  if (!liffId) return text(`${lines.join('\n')}\nเปิดเมนู "ทีมของฉัน" เพื่อเห็นชอบหรือส่งกลับพร้อมความเห็น`);
  const open: Action = {
    type: 'uri',
    label: 'เปิดแผนพัฒนา',
    uri: liffUrl(liffId, `/team/${encodeURIComponent(p.employeeId)}/idp`),
  };
  return {
    kind: 'card',
    title: 'แผนพัฒนา รอท่านเห็นชอบ',
    altText: `แผนพัฒนาของ ${p.employeeName} รอท่านเห็นชอบ`,
    lines,
    actions: [open],
  };
}

/** Numbered lines of everything, oldest (or most urgent) first. */
function listLines(w: WaitingWork, now: Date): string[] {
  const lines: string[] = [];
  let n = 0;
  if (w.approvals.length > 0) {
    lines.push(`รายงานผลการอบรมรอท่านอนุมัติ ${w.approvals.length} ฉบับ`);
    for (const a of w.approvals)
      lines.push(`${++n}. ${a.employeeName}: ${short(a.trainingTitle)} (${sinceText(a.since, now)})`);
  }
  if (w.requests.length > 0) {
    lines.push(`คำขอไปอบรมรอท่านอนุมัติ ${w.requests.length} เรื่อง`);
    for (const q of w.requests)
      lines.push(`${++n}. ${q.employeeName}: ${short(q.title)} (${sinceText(q.since, now)})`);
  }
  if (w.idps.length > 0) {
    lines.push(`แผนพัฒนารายบุคคลรอท่านเห็นชอบ ${w.idps.length} แผน`);
    for (const p of w.idps)
      lines.push(`${++n}. ${p.employeeName}: ${fiscalYearLabel(p.fiscalYear)} (${sinceText(p.since, now)})`);
  }
  if (w.reports.length > 0) {
    lines.push(`รายงานผลการอบรมที่ท่านต้องส่ง ${w.reports.length} เรื่อง`);
    for (const r of w.reports)
      lines.push(`• ${short(r.trainingTitle)} (กำหนดส่ง ${formatThaiDateShort(r.dueDate)})`);
  }
  if (w.surveys.length > 0) {
    lines.push(`แบบสำรวจที่รอท่านตอบ ${w.surveys.length} เรื่อง`);
    for (const s of w.surveys) lines.push(`• ${short(s.title)} (ตอบได้ถึง ${formatThaiDateShort(s.closesOn)})`);
  }
  return lines;
}

/**
 * LINE takes five messages per reply: the list, then cards for the oldest items (reports first, then
 * IDPs) up to `room`; the list says how to see the rest.
 */
function cards(w: WaitingWork, now: Date, liffId: string | undefined, room: number): Reply[] {
  const all = [
    ...w.approvals.map((a) => approvalCard(a, now)),
    ...w.requests.map((q) => requestCard(q, now)),
    ...w.idps.map((p) => idpCard(p, now, liffId)),
  ];
  return all.slice(0, Math.max(0, room));
}

/** Added to the reply of the turn that links a LINE account: what waited while they were unreachable. */
export function waitingOnLinkReplies(
  w: WaitingWork,
  now: Date,
  liffId: string | undefined,
  room: number,
): Reply[] {
  if (!hasWaitingWork(w) || room <= 0) return [];
  const own: Action[] = [
    ...w.reports.slice(0, 1).map((r) => fileReportAction(r.id, 'เขียนรายงาน')),
    ...w.surveys.slice(0, 1).map((s) => answerSurveyAction(s.id, 'ตอบแบบสำรวจ')),
  ];
  const signing = w.approvals.length + w.requests.length + w.idps.length;
  const shown = cards(w, now, liffId, room - 1);
  const more =
    signing > shown.length
      ? `\nดูทั้งหมดได้ทุกเมื่อ: พิมพ์ "${WAITING_LIST_WORD}" หรือกดเมนู "${WAITING_LIST_WORD}"`
      : '';
  return [text(`ระหว่างที่ยังไม่ได้ลงทะเบียน มีงานรอท่านอยู่\n\n${listLines(w, now).join('\n')}${more}`, own), ...shown];
}

/** "งานรออนุมัติ": everything waiting for this person's sign-off, oldest first, with its buttons. */
export function waitingListReplies(w: WaitingWork, now: Date, liffId: string | undefined): Reply[] {
  const signing = { ...NOTHING_WAITING, approvals: w.approvals, requests: w.requests, idps: w.idps };
  if (!hasWaitingWork(signing)) return [text('ตอนนี้ไม่มีรายงานหรือแผนพัฒนารอท่านพิจารณา 🙏')];
  const shown = cards(signing, now, liffId, 4);
  const total = w.approvals.length + w.requests.length + w.idps.length;
  const more =
    total > shown.length
      ? `\n\nด้านล่างคือ ${shown.length} รายการที่รอนานที่สุด เมื่อพิจารณาแล้ว พิมพ์ "${WAITING_LIST_WORD}" อีกครั้งเพื่อดูรายการถัดไป`
      : '';
  return [text(`${listLines(signing, now).join('\n')}${more}`), ...shown];
}
