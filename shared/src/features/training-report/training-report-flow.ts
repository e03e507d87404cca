import { REPORT_DUE_RULE, reportDueDate } from '../../calendar/working-days';
import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { liffUrl } from '../../conversation/liff-link';
import { type Action, type CardField, postback, type Reply, say, text } from '../../conversation/reply';
import { fileReportAction, mainActions } from '../../conversation/start-actions';
import type { ReportEffect, ReportFacts, ReportLookup } from '../../reports/report-edge';
import {
  checkAnswerText,
  isRating,
  NO_PROBLEMS,
  REPORT_QUESTIONS,
  sharingPlanOf,
} from '../../reports/report-questions';
import {
  ANSWER_FIELDS,
  ANSWER_LIMITS,
  isEditable,
  missingAnswers,
  RATING_LABELS,
  type Rating,
  REPORT_PHOTOS_MAX,
  type ReportAnswers,
  ReportTransitionError,
  SHARING_PLANS,
  type SharingPlanId,
  submitReport,
  type TextAnswerField,
  type TrainingReport,
} from '../../reports/training-report';
import { truncateGraphemes, truncateUtf16 } from '../../text/graphemes';
import {
  addDays,
  bangkokDate,
  buddhistYear,
  formatThaiDate,
  type IsoDate,
  parseThaiDate,
} from '../../text/thai-date';
import {
  dateRange,
  hoursEntryFor,
  hoursText,
  reviewRequestReplies,
} from '../report-review/report-review-flow';

type TurnContext = KernelContext<ReportFacts>;

// "รายงานผลการฝึกอบรม": whoever comes back from a training files this report within 7 working days; it
// then goes up the supervisor chain. The draft lives in the report document, not here, so the LIFF form
// and the chat edit the same answers: every turn reads the report as stored now, and every accepted
// answer writes the whole report back.

type Question = (typeof ANSWER_FIELDS)[number] | 'photos';
const ORDER: readonly Question[] = [...ANSWER_FIELDS, 'photos'];
/** the "(n/N)" people see: the typed sharing plan belongs to the sharing question */
const NUMBER: Record<Question, number> = {
  learned: 1,
  application: 2,
  sharing: 3,
  sharingDetail: 3,
  problems: 4,
  rating: 5,
  photos: 6,
};
const QUESTIONS = 6;

export type TrainingReportStep = 'chooseReport' | 'returnDate' | Question | 'confirm';

export interface TrainingReportState {
  readonly flow: 'trainingReport';
  /** undefined while the person picks which of their open reports to file */
  readonly reportId?: string;
  /** the report's owner, for the approval-chain lookup on submit (lookups cannot see the context) */
  readonly employeeId?: string;
  readonly at: TrainingReportStep;
  /** ask `at` even though it has an answer: an edit from the summary, or ย้อนกลับ */
  readonly revisit?: boolean;
  /** the (optional) photo step is behind the person, so a complete report goes to the summary */
  readonly photosDone?: boolean;
}

type State = TrainingReportState;
type Step = FlowStep<State, ReportEffect>;

/** The return-date picker offers at most this many days after the training's last day. */
export const RETURN_DATE_MAX_DAYS = 30;

const P = {
  returnOk: 'tr.rdOk',
  returnDate: 'tr.rd',
  sharing: 'tr.share',
  none: 'tr.none',
  rating: 'tr.rate',
  photosDone: 'tr.photosDone',
  submit: 'tr.submit',
  edit: 'tr.edit',
  library: 'tr.lib',
} as const;

const BACK: Action = say('ย้อนกลับ');
const CANCEL: Action = say('ยกเลิก');
const MAIN: Action[] = mainActions();
const YES_WORDS = new Set(['ใช่', 'ถูกต้อง', 'ตกลง', 'ok', 'yes']);
const DONE_WORDS = new Set(['ข้าม', 'เสร็จแล้ว', 'เสร็จ', 'ไม่มี', 'ไม่ส่ง', 'ไม่มีรูป']);
const SEND_WORDS = new Set(['ส่ง', 'ยืนยัน', 'ยืนยันส่ง', 'ตกลง']);

/** The button that opens one report: the same as the reminder's, so it works even after ยกเลิก. */
export const openReportAction = fileReportAction;

export const trainingReportFlow: Flow<TrainingReportState, ReportEffect, ReportLookup, ReportFacts> = {
  id: 'trainingReport',
  title: 'รายงานผลการฝึกอบรม',
  onCancel: 'คำตอบที่ตอบไว้ยังเก็บอยู่ในรายงานฉบับร่าง กด "รายงานผลการอบรม" ในเมนูเมื่อพร้อม แล้วทำต่อจากข้อที่ค้างไว้ได้เลย',
  needsPerson: true,
  lookups(state, event) {
    if (!state) {
      const r = event.kind === 'postback' ? event.payload.r : undefined;
      return typeof r === 'string' && r !== ''
        ? [{ type: 'report', reportId: r }]
        : [{ type: 'myOpenReports' }];
    }
    if (state.at === 'chooseReport' || !state.reportId) return [{ type: 'myOpenReports' }];
    const report: ReportLookup = { type: 'report', reportId: state.reportId };
    return isSubmit(state, event) && state.employeeId
      ? [report, { type: 'approvalChain', employeeId: state.employeeId }]
      : [report];
  },
  start(now, ctx, payload) {
    const r = payload?.r;
    if (typeof r === 'string' && r !== '') return openById(r, now, ctx);
    return choose(ctx, now);
  },
  step,
  prompt(state, now, ctx) {
    if (state.at === 'chooseReport' || !state.reportId) return choose(ctx, now).replies;
    const checked = check(state.reportId, ctx);
    if ('end' in checked) return checked.end.replies;
    return ask(resolve(state, checked.report), checked.report, now, ctx);
  },
};

function isSubmit(state: State, event: InboundEvent): boolean {
  if (event.kind === 'postback') return event.payload.a === P.submit;
  return event.kind === 'text' && state.at === 'confirm' && SEND_WORDS.has(normaliseInput(event.text));
}

// ── opening a report ──────────────────────────────────────────────────────────────────────────────

/** Several open reports (or one, typed): which one? Each button opens its report like a reminder does. */
function choose(ctx: TurnContext, now: Date): Step {
  const open = ctx.facts?.myOpenReports ?? [];
  // with only one to file, the edge reads it whole as well: open it straight away
  const single = ctx.facts?.report?.status === 'ok' ? ctx.facts.report.report : undefined;
  if (open.length === 1 && single && single.id === open[0]?.id) return openById(single.id, now, ctx);
  if (open.length === 0) {
    return {
      state: null,
      replies: [
        text(
          'ตอนนี้ท่านไม่มีรายงานผลการฝึกอบรมที่ต้องส่ง 🎉\nเมื่อกลับจากการอบรมตามแผน ระบบจะแจ้งเตือนพร้อมปุ่มสำหรับเขียนรายงาน',
          MAIN,
        ),
      ],
    };
  }
  const state: State = { flow: 'trainingReport', at: 'chooseReport' };
  if (open.length === 1) {
    const only = open[0]!;
    const returned = only.status === 'returned';
    return {
      state,
      replies: [
        text(
          `ท่านมีรายงานผลการฝึกอบรมที่ต้องส่ง 1 เรื่อง\n"${only.trainingTitle}"\nกำหนดส่ง ${formatThaiDate(only.dueDate)}${returned ? ' (ถูกส่งกลับให้แก้ไข)' : ''}`,
          [openReportAction(only.id, returned ? 'แก้ไขรายงาน' : 'เริ่มเขียนรายงาน'), CANCEL],
        ),
      ],
    };
  }
  // 12 reports and ยกเลิก fill LINE's 13 quick replies; the rest wait for the next time.
  const shown = open.slice(0, 12);
  const lines = shown.map(
    (r, i) =>
      `${i + 1}. ${r.trainingTitle}\n   กำหนดส่ง ${formatThaiDate(r.dueDate)}${r.status === 'returned' ? ' (ถูกส่งกลับให้แก้ไข)' : ''}`,
  );
  const more = open.length > shown.length ? `\nและอีก ${open.length - shown.length} เรื่อง ส่งเรื่องข้างบนก่อน` : '';
  return {
    state,
    replies: [
      text(
        `ท่านมีรายงานผลการฝึกอบรมที่ต้องส่ง ${open.length} เรื่อง เลือกเรื่องที่ต้องการรายงาน\n\n${lines.join('\n')}${more}`,
        [
          ...shown.map((r, i) =>
            openReportAction(r.id, truncateGraphemes(`${i + 1}. ${r.trainingTitle}`, 20)),
          ),
          CANCEL,
        ],
      ),
    ],
  };
}

/** The report as stored now, if the person may still edit it; otherwise the reply that ends the flow. */
function check(reportId: string, ctx: TurnContext): { report: TrainingReport } | { end: Step } {
  const fact = ctx.facts?.report;
  const report = fact?.status === 'ok' && fact.report.id === reportId ? fact.report : undefined;
  if (!report) {
    return { end: { state: null, replies: [text('ไม่พบรายงานนี้ อาจถูกลบหรือย้ายแล้ว กรุณาติดต่อฝ่ายบุคคล', MAIN)] } };
  }
  if (report.employeeId !== ctx.person?.employeeId) {
    return {
      end: {
        state: null,
        replies: [text('ขออภัย รายงานนี้ไม่ใช่ของท่าน ท่านเปิดและแก้ไขได้เฉพาะรายงานของท่านเอง', MAIN)],
      },
    };
  }
  if (!isEditable(report)) return { end: { state: null, replies: [text(statusText(report), MAIN)] } };
  return { report };
}

function statusText(r: TrainingReport): string {
  if (r.status === 'approved') {
    const when = r.approvedAt ? ` เมื่อ ${formatThaiDate(bangkokDate(new Date(r.approvedAt)))}` : '';
    return `รายงาน "${r.trainingTitle}" ได้รับการอนุมัติครบแล้ว${when} ✅\nไม่ต้องส่งอีก`;
  }
  const when = r.submittedAt ? ` เมื่อ ${formatThaiDate(bangkokDate(new Date(r.submittedAt)))}` : '';
  const position = r.approvers.indexOf(r.currentApproverId ?? '') + 1;
  const who =
    position > 0 ? `ผู้พิจารณาลำดับที่ ${position} จาก ${r.approvers.length}` : 'ผู้พิจารณาตามสายการบังคับบัญชา';
  return `รายงาน "${r.trainingTitle}" ส่งแล้ว${when} อยู่ระหว่างการพิจารณาของ${who}\nเมื่อมีผลการพิจารณา ระบบจะแจ้งให้ทราบทาง LINE`;
}

function openById(reportId: string, now: Date, ctx: TurnContext): Step {
  const checked = check(reportId, ctx);
  if ('end' in checked) return checked.end;
  const report = checked.report;
  const base = { flow: 'trainingReport', reportId: report.id, employeeId: report.employeeId } as const;
  const complete = missingAnswers(report.answers).length === 0;
  if (report.status === 'returned') {
    const state: State = { ...base, at: 'confirm', photosDone: true };
    return {
      state,
      replies: [
        text(
          `รายงาน "${report.trainingTitle}" ถูกส่งกลับให้แก้ไข\nความเห็นผู้พิจารณา: ${report.returnComment ?? '-'}\n\nแก้ไขข้อที่ต้องการจากสรุปด้านล่าง แล้วกด "ส่งรายงาน" อีกครั้ง`,
        ),
        ...ask(state, report, now, ctx),
      ],
    };
  }
  if (isFresh(report)) {
    const state: State = { ...base, at: 'returnDate' };
    return { state, replies: [intro(report, now), ...ask(state, report, now, ctx)] };
  }
  const state: State = { ...base, at: firstUnanswered(report, complete), photosDone: complete };
  return {
    state,
    replies: [
      text(
        `ทำรายงาน "${report.trainingTitle}" ต่อจากที่บันทึกไว้\nกำหนดส่ง ${formatThaiDate(report.dueDate)}${overdue(report, now)}`,
      ),
      ...ask(state, report, now, ctx),
    ],
  };
}

const isFresh = (r: TrainingReport) =>
  r.photos.length === 0 && Object.values(r.answers).every((v) => v === undefined || v === '');

const overdue = (r: TrainingReport, now: Date) =>
  bangkokDate(now) > r.dueDate ? ' (เลยกำหนดแล้ว กรุณาส่งโดยเร็ว)' : '';

function intro(r: TrainingReport, now: Date): Reply {
  return text(
    [
      'รายงานผลการฝึกอบรม 📝',
      `หลักสูตร "${r.trainingTitle}"`,
      `วันที่อบรม: ${dateRange(r.startDate, r.endDate)}`,
      `วันกลับมาปฏิบัติงาน: ${formatThaiDate(r.returnDate)}`,
      `กำหนดส่ง: ${formatThaiDate(r.dueDate)}${overdue(r, now)}`,
      `(${REPORT_DUE_RULE})`,
      '',
      `ตอบทีละข้อ ${QUESTIONS} ข้อ ระบบบันทึกให้ทุกข้อ ทำต่อภายหลังได้ พิมพ์ "ย้อนกลับ" เพื่อแก้ข้อก่อนหน้า`,
    ].join('\n'),
  );
}

// ── one turn ──────────────────────────────────────────────────────────────────────────────────────

function step(state: State, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (state.at === 'chooseReport' || !state.reportId) {
    const again = choose(ctx, now);
    const hint = text('กรุณาเลือกรายงานจากปุ่มด้านล่าง');
    return again.state ? { state: again.state, replies: [hint, ...again.replies] } : again;
  }
  const checked = check(state.reportId, ctx);
  if ('end' in checked) return checked.end;
  const report = checked.report;
  const s = resolve(state, report);
  if (event.kind === 'text' && globalCommand(event.text) === 'back') return back(s, report, now, ctx);
  if (event.kind === 'postback' && event.payload.a === P.edit)
    return edit(s, report, event.payload.q, now, ctx);
  if (event.kind === 'postback' && event.payload.a === P.submit) return submit(s, report, now, ctx);
  if (event.kind === 'postback' && event.payload.a === P.library)
    return chooseLibrary(s, report, event.payload.v, now, ctx);
  switch (s.at) {
    case 'returnDate':
      return onReturnDate(s, report, event, now, ctx);
    case 'photos':
      return onPhotos(s, report, event, now, ctx);
    case 'confirm':
      if (isSubmit(s, event)) return submit(s, report, now, ctx);
      return again(
        s,
        report,
        event.kind === 'image'
          ? 'หากต้องการแนบรูป กด "แก้รูปภาพ" แล้วส่งรูปอีกครั้ง'
          : (wrongKind(event) ?? 'กรุณากด "ส่งรายงาน" หรือเลือกข้อที่ต้องการแก้ไข'),
        now,
        ctx,
      );
    case 'chooseReport':
      return again(s, report, 'กรุณาเลือกรายงานจากปุ่มด้านล่าง', now, ctx);
    default:
      return onAnswer(s, report, s.at, event, now, ctx);
  }
}

/**
 * The step to ask now. An answer typed in the LIFF form since the last turn is not asked again: the
 * next question is the first unanswered one, unless the person chose to revisit this one.
 */
function resolve(state: State, report: TrainingReport): State {
  const at = state.at;
  if (at === 'sharingDetail' && report.answers.sharing !== 'other') {
    return { ...state, at: firstUnanswered(report, state.photosDone), revisit: false };
  }
  if (isAnswerQuestion(at) && !state.revisit && answered(report.answers, at)) {
    return { ...state, at: firstUnanswered(report, state.photosDone), revisit: false };
  }
  return state;
}

type AnswerQuestion = Exclude<Question, 'photos'>;
const isAnswerQuestion = (at: TrainingReportStep): at is AnswerQuestion =>
  (ORDER as readonly string[]).includes(at) && at !== 'photos';

function answered(a: ReportAnswers, q: AnswerQuestion): boolean {
  const v = a[q];
  return v !== undefined && v !== '';
}

function firstUnanswered(report: TrainingReport, photosDone: boolean | undefined): TrainingReportStep {
  return (missingAnswers(report.answers)[0] as Question | undefined) ?? (photosDone ? 'confirm' : 'photos');
}

const again = (s: State, report: TrainingReport, hint: string, now: Date, ctx: TurnContext): Step => ({
  state: s,
  replies: [text(hint), ...ask(s, report, now, ctx)],
});

function saved(
  report: TrainingReport,
  answers: ReportAnswers,
): { report: TrainingReport; effect: ReportEffect } {
  const updated: TrainingReport = { ...report, answers };
  return { report: updated, effect: { type: 'reportSaved', report: updated, action: 'draftSaved' } };
}

function back(s: State, report: TrainingReport, now: Date, ctx: TurnContext): Step {
  const at = s.at;
  if (at === 'returnDate' || at === 'chooseReport' || (at === 'learned' && !returnDateEditable(report))) {
    return again(s, report, 'นี่คือคำถามแรกแล้ว', now, ctx);
  }
  const index = at === 'confirm' ? ORDER.length : ORDER.indexOf(at);
  let previous: TrainingReportStep = 'returnDate';
  for (let i = index - 1; i >= 0; i--) {
    const q = ORDER[i] as Question;
    if (q === 'sharingDetail' && report.answers.sharing !== 'other') continue;
    previous = q;
    break;
  }
  const prev: State = { ...s, at: previous, revisit: true };
  return { state: prev, replies: ask(prev, report, now, ctx) };
}

const EDITABLE: readonly TrainingReportStep[] = [
  'returnDate',
  'learned',
  'application',
  'sharing',
  'problems',
  'rating',
  'photos',
];

/**
 * Once a report was submitted, its due date judges it (a report sent back keeps its first submission), so
 * moving the return date, and with it the due date, is for HR then.
 */
const returnDateEditable = (r: TrainingReport) => r.firstSubmittedAt === undefined;

function edit(s: State, report: TrainingReport, q: unknown, now: Date, ctx: TurnContext): Step {
  if (typeof q !== 'string' || !EDITABLE.includes(q as TrainingReportStep)) {
    return again(s, report, 'ไม่พบข้อที่ต้องการแก้ไข กรุณาเลือกใหม่', now, ctx);
  }
  if (q === 'returnDate' && !returnDateEditable(report)) {
    return again(
      s,
      report,
      'รายงานนี้เคยส่งแล้ว จึงแก้วันกลับมาปฏิบัติงานในแชตไม่ได้ หากไม่ถูกต้อง กรุณาติดต่อฝ่ายบุคคล',
      now,
      ctx,
    );
  }
  const editing: State = { ...s, at: q as TrainingReportStep, revisit: true, photosDone: true };
  return { state: editing, replies: ask(editing, report, now, ctx) };
}

/**
 * The choice at the end: once approved, the report is published in the knowledge library for colleagues
 * (the default) or kept internal. Saved on the report like an answer; the summary shows it again.
 */
function chooseLibrary(s: State, report: TrainingReport, v: unknown, now: Date, ctx: TurnContext): Step {
  if ((v !== 'share' && v !== 'internal') || !isEditable(report))
    return again(s, report, 'ปุ่มนี้ใช้ไม่ได้แล้ว กรุณาเลือกจากสรุปรายงานล่าสุด', now, ctx);
  const updated: TrainingReport = { ...report, libraryChoice: v };
  const atSummary: State = { ...s, at: 'confirm', revisit: false, photosDone: true };
  return {
    state: atSummary,
    replies: [
      text(
        v === 'internal'
          ? 'รับทราบ เมื่ออนุมัติแล้ว รายงานนี้จะเก็บเป็นเอกสารภายใน ไม่เผยแพร่ในคลังความรู้'
          : 'รับทราบ เมื่ออนุมัติแล้ว สิ่งที่ได้เรียนรู้และการนำไปใช้จะเผยแพร่ในคลังความรู้ให้เพื่อนร่วมงาน',
      ),
      summary(updated, ctx),
    ],
    effects: [{ type: 'reportSaved', report: updated, action: 'draftSaved' }],
  };
}

// ── the return date ───────────────────────────────────────────────────────────────────────────────

function onReturnDate(
  s: State,
  report: TrainingReport,
  event: InboundEvent,
  now: Date,
  ctx: TurnContext,
): Step {
  const next = (r: TrainingReport): State => ({ ...s, at: firstUnanswered(r, s.photosDone), revisit: false });
  const yes =
    (event.kind === 'postback' && event.payload.a === P.returnOk) ||
    (event.kind === 'text' && YES_WORDS.has(normaliseInput(event.text)));
  if (yes) {
    const n = next(report);
    return { state: n, replies: ask(n, report, now, ctx) };
  }
  const raw =
    event.kind === 'postback' && event.payload.a === P.returnDate
      ? event.params?.date
      : event.kind === 'text'
        ? event.text
        : undefined;
  if (raw === undefined) {
    return again(s, report, wrongKind(event) ?? 'กรุณากด "ใช่" หรือ "เลือกวันกลับ"', now, ctx);
  }
  const iso = parseThaiDate(raw);
  if (!iso) {
    return again(
      s,
      report,
      `"${raw.trim()}" ไม่ใช่วันที่ที่ถูกต้อง กรุณาพิมพ์แบบ วัน/เดือน/ปี พ.ศ. เช่น ${typedExample(report.endDate)} หรือกด "ใช่"`,
      now,
      ctx,
    );
  }
  const today = bangkokDate(now);
  if (iso < report.endDate) {
    return again(
      s,
      report,
      `วันกลับมาปฏิบัติงานต้องไม่ก่อนวันสุดท้ายของการอบรม (${formatThaiDate(report.endDate)})`,
      now,
      ctx,
    );
  }
  if (iso > today) {
    return again(s, report, 'วันกลับมาปฏิบัติงานต้องไม่เลยวันนี้ กรุณาเลือกวันที่กลับมาทำงานจริง', now, ctx);
  }
  if (iso > addDays(report.endDate, RETURN_DATE_MAX_DAYS)) {
    return again(
      s,
      report,
      `วันกลับมาปฏิบัติงานช้ากว่าวันสุดท้ายของการอบรมเกิน ${RETURN_DATE_MAX_DAYS} วัน กรุณาติดต่อฝ่ายบุคคลเพื่อแก้ไข`,
      now,
      ctx,
    );
  }
  if (iso === report.returnDate) {
    const n = next(report);
    return { state: n, replies: ask(n, report, now, ctx) };
  }
  const me = ctx.person?.employeeId ?? report.employeeId;
  const dueDate = ctx.calendar ? reportDueDate(ctx.calendar, iso) : report.dueDate;
  const updated: TrainingReport = {
    ...report,
    returnDate: iso,
    dueDate,
    history: [...report.history, { action: 'returnDateCorrected', by: me, at: now.toISOString() }],
  };
  const note = ctx.calendar
    ? `บันทึกวันกลับมาปฏิบัติงาน ${formatThaiDate(iso)} แล้ว\nกำหนดส่งใหม่: ${formatThaiDate(dueDate)}\n(${REPORT_DUE_RULE})`
    : `บันทึกวันกลับมาปฏิบัติงาน ${formatThaiDate(iso)} แล้ว\nกำหนดส่งยังเป็น ${formatThaiDate(dueDate)} ไว้ก่อน ฝ่ายบุคคลจะยืนยันกำหนดส่งใหม่อีกครั้ง`;
  const n = next(updated);
  return {
    state: n,
    replies: [text(note), ...ask(n, updated, now, ctx)],
    effects: [{ type: 'reportSaved', report: updated, action: 'returnDateCorrected' }],
  };
}

/** ISO dates compare as strings */
const earliest = (a: IsoDate, b: IsoDate) => (a <= b ? a : b);
const latest = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

function typedExample(iso: IsoDate): string {
  const [, m, d] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${buddhistYear(iso)}`;
}

// ── the answers ───────────────────────────────────────────────────────────────────────────────────

type Parsed<T> = { value: T } | { error: string };

function onAnswer(
  s: State,
  report: TrainingReport,
  q: AnswerQuestion,
  event: InboundEvent,
  now: Date,
  ctx: TurnContext,
): Step {
  const parsed = readAnswer(q, event);
  if ('error' in parsed) {
    // a plan typed in the person's own words at the choice question is "other" with that text, not an error
    const typed = q === 'sharing' && event.kind === 'text' ? readText(event, 'sharingDetail') : undefined;
    if (typed && 'value' in typed) {
      const answers: ReportAnswers = { ...report.answers, sharing: 'other', sharingDetail: typed.value };
      const { report: updated, effect } = saved(report, answers);
      const n: State = { ...s, at: firstUnanswered(updated, s.photosDone), revisit: false };
      return { state: n, replies: ask(n, updated, now, ctx), effects: [effect] };
    }
    return again(s, report, parsed.error, now, ctx);
  }
  const { report: updated, effect } = saved(report, withAnswer(report.answers, q, parsed.value));
  const n: State =
    q === 'sharing' && parsed.value === 'other'
      ? { ...s, at: 'sharingDetail', revisit: answered(updated.answers, 'sharingDetail') }
      : { ...s, at: firstUnanswered(updated, s.photosDone), revisit: false };
  return { state: n, replies: ask(n, updated, now, ctx), effects: [effect] };
}

function withAnswer(a: ReportAnswers, q: AnswerQuestion, value: string | number): ReportAnswers {
  if (q === 'sharing' && value !== 'other' && a.sharing === 'other') {
    // the typed plan described "other"; a listed plan replaces it
    const { sharingDetail: _dropped, ...rest } = a;
    return { ...rest, sharing: value as SharingPlanId };
  }
  return { ...a, [q]: value };
}

function readAnswer(q: AnswerQuestion, event: InboundEvent): Parsed<string | number> {
  switch (q) {
    case 'learned':
    case 'application':
    case 'sharingDetail':
    case 'problems':
      if (q === 'problems' && event.kind === 'postback' && event.payload.a === P.none)
        return { value: NO_PROBLEMS };
      return readText(event, q);
    case 'sharing':
      return readSharing(event);
    case 'rating':
      return readRating(event);
  }
}

/** A typed answer, checked as the LIFF form's is (report-questions.ts). */
function readText(event: InboundEvent, field: TextAnswerField): Parsed<string> {
  if (event.kind !== 'text') return { error: wrongKind(event) ?? 'กรุณาพิมพ์คำตอบเป็นข้อความ' };
  return checkAnswerText(field, event.text);
}

function readSharing(event: InboundEvent): Parsed<SharingPlanId> {
  if (event.kind === 'postback' && event.payload.a === P.sharing) {
    const plan = sharingPlanOf(event.payload.s);
    return plan ? { value: plan } : { error: 'กรุณาเลือกวิธีแบ่งปันความรู้จากปุ่มด้านล่าง' };
  }
  if (event.kind === 'text') {
    const plan = sharingPlanOf(event.text, true);
    if (plan) return { value: plan };
    return { error: 'กรุณาเลือกวิธีแบ่งปันความรู้จากปุ่มด้านล่าง หากเป็นวิธีอื่น กด "อื่น ๆ (พิมพ์เอง)" แล้วพิมพ์ได้' };
  }
  return { error: wrongKind(event) ?? 'กรุณาเลือกวิธีแบ่งปันความรู้จากปุ่มด้านล่าง' };
}

const RATING_HINT = 'กรุณาให้คะแนน 1 ถึง 5 (5 = เป็นประโยชน์มากที่สุด) กดปุ่มด้านล่าง หรือพิมพ์ตัวเลข';

function readRating(event: InboundEvent): Parsed<Rating> {
  if (event.kind === 'postback' && event.payload.a === P.rating) {
    const v = Number(event.payload.v);
    return isRating(v) ? { value: v } : { error: RATING_HINT };
  }
  if (event.kind === 'text') {
    const t = normaliseInput(event.text);
    const byLabel = (Object.entries(RATING_LABELS) as [string, string][]).find(([, label]) => label === t);
    if (byLabel) return { value: Number(byLabel[0]) as Rating };
    const m = /^(-?\d+(?:\.\d+)?)(?:\s*\/\s*5|\s+\S.*)?$/.exec(t);
    if (m) {
      const v = Number(m[1]);
      return isRating(v) ? { value: v } : { error: `"${m[1]}" อยู่นอกช่วงคะแนน ${RATING_HINT}` };
    }
    return { error: RATING_HINT };
  }
  return { error: wrongKind(event) ?? RATING_HINT };
}

// ── photos ────────────────────────────────────────────────────────────────────────────────────────

function onPhotos(s: State, report: TrainingReport, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (event.kind === 'image') {
    if (report.photos.some((p) => p.messageId === event.messageId)) {
      return { state: s, replies: ask(s, report, now, ctx) };
    }
    if (report.photos.length >= REPORT_PHOTOS_MAX) {
      return again(
        s,
        report,
        `ครบ ${REPORT_PHOTOS_MAX} รูปแล้ว รูปนี้จึงไม่ได้แนบ หากต้องการเปลี่ยนรูป กด "เปิดแบบฟอร์ม" ในหน้าสรุปรายงาน`,
        now,
        ctx,
      );
    }
    const updated: TrainingReport = {
      ...report,
      photos: [...report.photos, { messageId: event.messageId, receivedAt: now.toISOString() }],
    };
    return {
      state: s,
      replies: ask(s, updated, now, ctx, `ได้รับรูปที่ ${updated.photos.length} แล้ว ✅`),
      effects: [
        { type: 'reportSaved', report: updated, action: 'draftSaved' },
        { type: 'reportPhotoReceived', reportId: report.id, messageId: event.messageId },
      ],
    };
  }
  const done =
    (event.kind === 'postback' && event.payload.a === P.photosDone) ||
    (event.kind === 'text' && DONE_WORDS.has(normaliseInput(event.text)));
  if (done) {
    const n: State = { ...s, at: firstUnanswered(report, true), revisit: false, photosDone: true };
    return { state: n, replies: ask(n, report, now, ctx) };
  }
  return again(
    s,
    report,
    event.kind === 'text'
      ? 'ขั้นนี้รับเฉพาะรูปภาพ กรุณาส่งรูป หรือกด "ข้าม" / "เสร็จแล้ว" เพื่อไปต่อ'
      : (wrongKind(event) ?? 'กรุณาส่งรูป หรือกด "ข้าม" เพื่อไปต่อ'),
    now,
    ctx,
  );
}

// ── submitting ────────────────────────────────────────────────────────────────────────────────────

function submit(s: State, report: TrainingReport, now: Date, ctx: TurnContext): Step {
  const missing = missingAnswers(report.answers)[0];
  if (missing) {
    const n: State = { ...s, at: missing, revisit: false };
    return { state: n, replies: [text('ยังตอบไม่ครบทุกข้อ กรุณาตอบข้อนี้ก่อนส่ง'), ...ask(n, report, now, ctx)] };
  }
  const atSummary: State = { ...s, at: 'confirm', revisit: false, photosDone: true };
  const chain = ctx.facts?.approvalChain;
  if (chain?.status !== 'ok') {
    const why = chain?.status === 'error' ? chain.message : 'ยังตรวจสอบสายการบังคับบัญชาไม่ได้ในขณะนี้';
    return {
      state: atSummary,
      replies: [
        text(
          `ยังส่งรายงานไม่ได้: ${why}\nฝ่ายบุคคลต้องแก้ไขข้อมูลผู้บังคับบัญชาก่อน รายงานของท่านบันทึกไว้ครบแล้ว เมื่อแก้ไขแล้ว กด "ส่งรายงาน" อีกครั้งได้`,
          [submitAction, CANCEL],
        ),
      ],
    };
  }
  let updated: TrainingReport;
  try {
    updated = submitReport(
      report,
      ctx.person?.employeeId ?? '',
      now,
      chain.approvers.map((a) => a.id),
    );
  } catch (err) {
    if (err instanceof ReportTransitionError) return { state: null, replies: [text(err.message, MAIN)] };
    throw err;
  }
  const effects: ReportEffect[] = [{ type: 'reportSaved', report: updated, action: 'submitted' }];
  const timing = timeliness(updated, now, ctx);
  if (updated.currentApproverId) {
    effects.push({
      type: 'notifyEmployee',
      employeeId: updated.currentApproverId,
      replies: reviewRequestReplies(updated),
      key: `${updated.id}:submitted:${updated.history.length}`,
    });
    const name = chain.approvers.find((a) => a.id === updated.currentApproverId)?.name ?? 'ผู้บังคับบัญชาของท่าน';
    return {
      state: null,
      replies: [
        text(
          `ส่งรายงาน "${updated.trainingTitle}" ให้ ${name} พิจารณาแล้ว ✅\n${timing}\nเมื่อมีผลการพิจารณา ระบบจะแจ้งให้ทราบทาง LINE`,
          MAIN,
        ),
      ],
      effects,
    };
  }
  const entry = hoursEntryFor(updated, now);
  effects.push({ type: 'hoursCredited', entry });
  return {
    state: null,
    replies: [
      text(
        `บันทึกรายงาน "${updated.trainingTitle}" และอนุมัติแล้ว ✅ (ไม่มีผู้พิจารณาลำดับถัดไป)\nนับชั่วโมงอบรม ${hoursText(updated.hours)} ในปีงบประมาณ พ.ศ. ${entry.fiscalYear} แล้ว\n${timing}`,
        MAIN,
      ),
    ],
    effects,
  };
}

/** On time is judged by the first submission (a report sent back and sent again keeps its date). */
function timeliness(r: TrainingReport, now: Date, ctx: TurnContext): string {
  const filed = bangkokDate(r.firstSubmittedAt ? new Date(r.firstSubmittedAt) : now);
  const due = `กำหนดส่ง ${formatThaiDate(r.dueDate)}`;
  if (filed <= r.dueDate) return `ส่งภายในกำหนด (${due})`;
  const late = ctx.calendar?.workingDaysBetween(r.dueDate, filed) ?? 0;
  return late > 0 ? `ส่งหลังกำหนด ${late} วันทำการ (${due})` : `ส่งหลังกำหนด (${due})`;
}

// ── questions ─────────────────────────────────────────────────────────────────────────────────────

const submitAction: Action = postback('ส่งรายงาน', { a: P.submit });
const editAction = (q: TrainingReportStep, label: string): Action => postback(label, { a: P.edit, q });

/** Why this kind of event is not an answer here, for the events no question takes as text. */
function wrongKind(event: InboundEvent): string | undefined {
  switch (event.kind) {
    case 'image':
      return `ขั้นนี้ยังไม่รับรูปภาพ ส่งรูปได้ในข้อ ${NUMBER.photos} (ไม่บังคับ) กรุณาตอบคำถามด้านล่างก่อน`;
    case 'unsupported':
      return `ขออภัย ขั้นนี้ยังไม่รองรับ${WHAT[event.what] ?? 'ข้อความประเภทนี้'} กรุณาตอบคำถามด้านล่าง`;
    case 'postback':
      return 'ปุ่มนี้ไม่ใช่ของคำถามปัจจุบัน กรุณาตอบคำถามล่าสุดด้านล่าง';
    default:
      return undefined;
  }
}

const WHAT: Record<string, string> = {
  sticker: 'สติกเกอร์',
  location: 'การส่งตำแหน่งที่ตั้ง',
  file: 'ไฟล์',
  audio: 'ข้อความเสียง',
  video: 'วิดีโอ',
};

function ask(s: State, report: TrainingReport, now: Date, ctx: TurnContext, note?: string): readonly Reply[] {
  const at = s.at;
  if (at === 'confirm') return [summary(report, ctx)];
  if (at === 'chooseReport') return choose(ctx, now).replies;
  if (at === 'returnDate') return [askReturnDate(report, now)];
  const prefix = `(${NUMBER[at]}/${QUESTIONS}) `;
  const nav = [BACK, CANCEL];
  switch (at) {
    case 'learned':
      return [text(`${prefix}${REPORT_QUESTIONS.learned}\nพิมพ์อย่างน้อย ${ANSWER_LIMITS.min} ตัวอักษร`, nav)];
    case 'application':
      return [text(`${prefix}${REPORT_QUESTIONS.application}`, nav)];
    case 'sharing':
      return [
        text(`${prefix}${REPORT_QUESTIONS.sharing}`, [
          ...SHARING_PLANS.map((p) => postback(p.label, { a: P.sharing, s: p.id })),
          ...nav,
        ]),
      ];
    case 'sharingDetail':
      return [
        text(`${prefix}พิมพ์${REPORT_QUESTIONS.sharingDetail} (ไม่เกิน ${ANSWER_LIMITS.short} ตัวอักษร)`, nav),
      ];
    case 'problems':
      return [
        text(`${prefix}${REPORT_QUESTIONS.problems} (ถ้าไม่มี กด "ไม่มี")`, [
          postback('ไม่มี', { a: P.none }),
          ...nav,
        ]),
      ];
    case 'rating':
      return [
        text(`${prefix}${REPORT_QUESTIONS.rating}`, [
          ...([5, 4, 3, 2, 1] as const).map((v) => postback(`${v} ${RATING_LABELS[v]}`, { a: P.rating, v })),
          ...nav,
        ]),
      ];
    case 'photos': {
      const n = report.photos.length;
      const attached = n > 0 ? `\nแนบแล้ว ${n}/${REPORT_PHOTOS_MAX} รูป` : '';
      const head = note ? `${note}${attached}\nส่งเพิ่มได้ หรือกด "เสร็จแล้ว" เพื่อไปต่อ` : undefined;
      return [
        text(
          head ?? `${prefix}ส่งรูปภาพการอบรมหรือเกียรติบัตร (ไม่บังคับ) ได้สูงสุด ${REPORT_PHOTOS_MAX} รูป${attached}`,
          [
            ...(n < REPORT_PHOTOS_MAX
              ? [
                  { type: 'camera', label: 'ถ่ายรูป' } as const,
                  { type: 'cameraRoll', label: 'เลือกรูป' } as const,
                ]
              : []),
            postback(n > 0 ? 'เสร็จแล้ว' : 'ข้าม', { a: P.photosDone }),
            ...nav,
          ],
        ),
      ];
    }
  }
}

function askReturnDate(report: TrainingReport, now: Date): Reply {
  const today = bangkokDate(now);
  const min = report.endDate;
  const max = earliest(addDays(report.endDate, RETURN_DATE_MAX_DAYS), today);
  const initial = earliest(latest(min, report.returnDate), max);
  const picker: Action[] =
    max >= min
      ? [{ type: 'datetime', label: 'เลือกวันกลับ', mode: 'date', data: { a: P.returnDate }, min, max, initial }]
      : [];
  return text(
    `ท่านกลับมาปฏิบัติงานวันที่ ${formatThaiDate(report.returnDate)} ใช่หรือไม่\nถ้าไม่ใช่ กด "เลือกวันกลับ" หรือพิมพ์ วัน/เดือน/ปี พ.ศ. เช่น ${typedExample(report.endDate)}`,
    [postback('ใช่', { a: P.returnOk }), ...picker, CANCEL],
  );
}

/** answers shown on the summary card: the whole answer stays in the report */
const clip = (s: string | undefined, max = 200) => (!s ? '-' : truncateUtf16(s, max));

function summary(r: TrainingReport, ctx: TurnContext): Reply {
  const a = r.answers;
  const sharing = SHARING_PLANS.find((p) => p.id === a.sharing)?.name;
  const fields: CardField[] = [
    { label: 'วันที่อบรม', value: dateRange(r.startDate, r.endDate) },
    { label: 'กลับมาปฏิบัติงาน', value: formatThaiDate(r.returnDate) },
    { label: 'กำหนดส่ง', value: formatThaiDate(r.dueDate) },
    { label: 'ได้เรียนรู้', value: clip(a.learned) },
    { label: 'นำไปใช้', value: clip(a.application) },
    { label: 'แบ่งปันความรู้', value: clip([sharing, a.sharingDetail].filter(Boolean).join(': ')) },
    { label: 'ปัญหา/ข้อเสนอแนะ', value: clip(a.problems) },
    { label: 'ความเป็นประโยชน์', value: a.rating ? `${a.rating}/5 (${RATING_LABELS[a.rating]})` : '-' },
    { label: 'รูปภาพแนบ', value: r.photos.length > 0 ? `${r.photos.length} รูป` : 'ไม่มี' },
    {
      label: 'คลังความรู้',
      value: r.libraryChoice === 'internal' ? 'เก็บเป็นเอกสารภายใน' : 'เผยแพร่ให้เพื่อนร่วมงานเมื่ออนุมัติ',
    },
  ];
  const libraryToggle =
    r.libraryChoice === 'internal'
      ? postback('เผยแพร่ในคลังความรู้', { a: P.library, v: 'share' })
      : postback('ไม่เผยแพร่ (ภายใน)', { a: P.library, v: 'internal' });
  const liff: Action | undefined = ctx.liffId
    ? { type: 'uri', label: 'เปิดแบบฟอร์ม', uri: liffUrl(ctx.liffId, `/reports/${r.id}`) }
    : undefined;
  const sharingEdit = editAction('sharing', 'แก้การแบ่งปันความรู้');
  const lines = [`หลักสูตร "${clip(r.trainingTitle, 150)}"`];
  if (r.status === 'returned' && r.returnComment) lines.push(`ความเห็นผู้พิจารณา: ${clip(r.returnComment, 300)}`);
  const missing = missingAnswers(a).length;
  if (missing > 0) lines.push(`ยังไม่ได้ตอบ ${missing} ข้อ`);
  return {
    kind: 'card',
    title: 'ตรวจสอบรายงานก่อนส่ง',
    altText: `ตรวจสอบรายงานผลการฝึกอบรม: ${clip(r.trainingTitle, 100)}`,
    lines,
    fields,
    actions: [
      submitAction,
      editAction('learned', 'แก้สิ่งที่ได้เรียนรู้'),
      editAction('application', 'แก้การนำไปใช้'),
      liff ?? sharingEdit,
    ],
    quickReplies: [
      ...(liff ? [sharingEdit] : []),
      editAction('problems', 'แก้ปัญหา/ข้อเสนอแนะ'),
      editAction('rating', 'แก้คะแนน'),
      editAction('photos', 'แก้รูปภาพ'),
      ...(returnDateEditable(r) ? [editAction('returnDate', 'แก้วันกลับ')] : []),
      libraryToggle,
      BACK,
      CANCEL,
    ],
  };
}
