import type { DevelopmentMethodId } from '../domain/development-methods';
import type { IsoDate } from '../text/thai-date';

// The post-training report (รายงานผลการฝึกอบรม): one per attendee per training, due the 7th working day
// after the person returned, signed off up the supervisor chain. The document is the single source of
// truth for its draft too, so chat and the LIFF form edit the same answers.

/** How the person will pass on what they learned (municipal plans name these two; anything else is typed). */
export const SHARING_PLANS = [
  { id: 'staffMeeting', label: 'เล่าในประชุมประจำเดือน', name: 'นำเสนอในการประชุมพนักงานประจำเดือน' },
  { id: 'leaflet', label: 'ทำเอกสารเวียนกอง', name: 'จัดทำเอกสาร/แผ่นพับเวียนให้กองต่าง ๆ' },
  { id: 'onTheJob', label: 'สอนงานเพื่อนร่วมงาน', name: 'สอนงาน/แนะนำเพื่อนร่วมงานในหน่วยงาน' },
  { id: 'other', label: 'อื่น ๆ (พิมพ์เอง)', name: 'อื่น ๆ' },
] as const;
export type SharingPlanId = (typeof SHARING_PLANS)[number]['id'];

export const RATING_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: 'มากที่สุด',
  4: 'มาก',
  3: 'ปานกลาง',
  2: 'น้อย',
  1: 'น้อยที่สุด',
};
export type Rating = 1 | 2 | 3 | 4 | 5;

/** The answers a person writes; every field is optional while drafting. */
export interface ReportAnswers {
  /** what was learned (สาระสำคัญที่ได้รับ) */
  readonly learned?: string;
  /** how it will be applied to the job */
  readonly application?: string;
  readonly sharing?: SharingPlanId;
  /** the plan in the person's words when `sharing` is 'other' (or extra detail) */
  readonly sharingDetail?: string;
  /** problems and suggestions; '-' when there are none */
  readonly problems?: string;
  /** how useful the training was, 1–5 */
  readonly rating?: Rating;
}

/** The answers in the order the chat asks them (the form shows them in the same order). */
export const ANSWER_FIELDS = [
  'learned',
  'application',
  'sharing',
  'sharingDetail',
  'problems',
  'rating',
] as const satisfies readonly (keyof ReportAnswers)[];

export const ANSWER_LIMITS = {
  /** long answers: a LINE text can be 5000 chars, but a report field beyond this is for the LIFF form */
  long: 2000,
  short: 500,
  min: 10,
} as const;

/**
 * How long each typed answer must be, in graphemes after trimming (what a person counts as one
 * character: an emoji, or a Thai letter with its vowel and tone marks): the chat and the LIFF form check
 * the same table. A typed sharing plan or "problems" may be short ("ห้องร้อน"), but not one letter.
 */
export const ANSWER_TEXT_RULES = {
  learned: { min: ANSWER_LIMITS.min, max: ANSWER_LIMITS.long },
  application: { min: ANSWER_LIMITS.min, max: ANSWER_LIMITS.long },
  problems: { min: 3, max: ANSWER_LIMITS.long },
  sharingDetail: { min: 3, max: ANSWER_LIMITS.short },
} as const satisfies Partial<Record<keyof ReportAnswers, { min: number; max: number }>>;

export type TextAnswerField = keyof typeof ANSWER_TEXT_RULES;

export interface ReportPhoto {
  /** LINE message id of the image; the stored copy is keyed by it */
  readonly messageId: string;
  readonly receivedAt: string;
  /** set once the image has been copied to storage (off the webhook's path) */
  readonly storagePath?: string;
  readonly contentType?: string;
  readonly bytes?: number;
  /** set instead of `storagePath` when the content could not be kept (see REPORT_PHOTO_ERRORS) */
  readonly error?: ReportPhotoError;
}

/**
 * Why a photo was not kept: not an image, over LINE's 10 MB image limit, or LINE no longer had it
 * (content expires some time after sending).
 */
export const REPORT_PHOTO_ERRORS = ['notAnImage', 'tooLarge', 'expired'] as const;
export type ReportPhotoError = (typeof REPORT_PHOTO_ERRORS)[number];

/** At most this many photos (certificate, group photo…) per report. */
export const REPORT_PHOTOS_MAX = 5;

export type ReportStatus =
  /** not submitted yet (a draft may exist) */
  | 'pending'
  /** waiting for `currentApproverId` */
  | 'submitted'
  /** sent back by an approver with a comment; the person edits and submits again */
  | 'returned'
  /** every approver in the chain signed it off */
  | 'approved';

export type ReportAction =
  | 'opened'
  | 'draftSaved'
  | 'returnDateCorrected'
  | 'submitted'
  | 'approved'
  | 'returned'
  | 'performanceNote';

export interface ReportTransition {
  readonly action: ReportAction;
  /** employee id of who did it; 'system' for the scheduler */
  readonly by: string;
  /** ISO instant */
  readonly at: string;
  readonly comment?: string;
}

/** The supervisor's before/after comparison of the person's performance. */
export interface PerformanceNote {
  readonly by: string;
  readonly at: string;
  readonly before: string;
  readonly after: string;
}

export interface TrainingReport {
  /** `${trainingId}__${employeeId}` */
  readonly id: string;
  readonly trainingId: string;
  readonly trainingTitle: string;
  readonly method: DevelopmentMethodId;
  readonly curriculum?: string;
  readonly hours: number;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly divisionId?: string;
  /** the day the person came back to work; the training's last day unless they corrected it */
  readonly returnDate: IsoDate;
  /** 7th working day after `returnDate` */
  readonly dueDate: IsoDate;
  readonly status: ReportStatus;
  readonly answers: ReportAnswers;
  readonly photos: readonly ReportPhoto[];
  /** employee ids in signing order, fixed when the report is submitted */
  readonly approvers: readonly string[];
  readonly approvedBy: readonly string[];
  readonly currentApproverId: string | null;
  /** the latest approver's comment when returned */
  readonly returnComment?: string;
  /** ISO instant of the first submission: on time is judged by it */
  readonly firstSubmittedAt?: string;
  readonly submittedAt?: string;
  readonly approvedAt?: string;
  readonly performanceNotes: readonly PerformanceNote[];
  readonly history: readonly ReportTransition[];
  /**
   * whether the approved report goes to the knowledge library for colleagues (default) or stays
   * internal; the person chooses on the summary (chat) or the form (LIFF)
   */
  readonly libraryChoice?: 'share' | 'internal';
}

/** What a report holds before anyone has written or signed anything. */
export const EMPTY_REPORT_PARTS = {
  status: 'pending',
  answers: {},
  photos: [],
  approvers: [],
  approvedBy: [],
  currentApproverId: null,
  performanceNotes: [],
  history: [],
} as const satisfies Partial<TrainingReport>;

export const reportIdFor = (trainingId: string, employeeId: string) => `${trainingId}__${employeeId}`;

export type ReportErrorKind = 'notYours' | 'notYourTurn' | 'wrongStatus' | 'incomplete';

/** A transition that is not allowed; `message` is Thai and safe to show the person. */
export class ReportTransitionError extends Error {
  override readonly name = 'ReportTransitionError';
  constructor(
    readonly kind: ReportErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Which answers are still missing before the report can be submitted. */
export function missingAnswers(a: ReportAnswers): Array<keyof ReportAnswers> {
  const missing: Array<keyof ReportAnswers> = [];
  if (!a.learned) missing.push('learned');
  if (!a.application) missing.push('application');
  if (!a.sharing) missing.push('sharing');
  if (a.sharing === 'other' && !a.sharingDetail) missing.push('sharingDetail');
  if (!a.problems) missing.push('problems');
  if (!a.rating) missing.push('rating');
  return missing;
}

export const isEditable = (r: Pick<TrainingReport, 'status'>) =>
  r.status === 'pending' || r.status === 'returned';

/**
 * Sends the report up the chain. `approvers` comes from the approval chain at this moment (the edge
 * resolves it from the staff list); with nobody above the person (e.g. the mayor) it is approved at once.
 */
export function submitReport(
  r: TrainingReport,
  by: string,
  at: Date,
  approvers: readonly string[],
): TrainingReport {
  if (by !== r.employeeId) throw new ReportTransitionError('notYours', 'รายงานนี้ไม่ใช่ของท่าน');
  if (!isEditable(r)) throw new ReportTransitionError('wrongStatus', 'รายงานนี้ส่งไปแล้ว');
  if (missingAnswers(r.answers).length > 0) throw new ReportTransitionError('incomplete', 'ยังตอบไม่ครบทุกข้อ');
  const iso = at.toISOString();
  const first = approvers[0] ?? null;
  return {
    ...r,
    status: first ? 'submitted' : 'approved',
    approvers: [...approvers],
    approvedBy: [],
    currentApproverId: first,
    returnComment: undefined,
    firstSubmittedAt: r.firstSubmittedAt ?? iso,
    submittedAt: iso,
    approvedAt: first ? undefined : iso,
    history: [...r.history, { action: 'submitted', by, at: iso }],
  };
}

/** The current approver signs; the report moves to the next one, or is approved when none is left. */
export function approveReport(r: TrainingReport, by: string, at: Date, comment?: string): TrainingReport {
  if (r.status !== 'submitted')
    throw new ReportTransitionError(
      'wrongStatus',
      r.status === 'approved' ? 'รายงานนี้อนุมัติครบแล้ว' : 'รายงานนี้ยังไม่อยู่ในขั้นรออนุมัติ',
    );
  if (r.currentApproverId !== by)
    throw new ReportTransitionError('notYourTurn', 'รายงานนี้ไม่ได้รอการอนุมัติจากท่านในขณะนี้');
  const iso = at.toISOString();
  const approvedBy = [...r.approvedBy, by];
  const next = r.approvers.find((a) => !approvedBy.includes(a)) ?? null;
  return {
    ...r,
    approvedBy,
    currentApproverId: next,
    status: next ? 'submitted' : 'approved',
    approvedAt: next ? undefined : iso,
    history: [...r.history, { action: 'approved', by, at: iso, ...(comment ? { comment } : {}) }],
  };
}

/** The current approver sends it back with a comment; the person edits and submits again. */
export function returnReport(r: TrainingReport, by: string, at: Date, comment: string): TrainingReport {
  if (r.status !== 'submitted') throw new ReportTransitionError('wrongStatus', 'รายงานนี้ไม่ได้อยู่ในขั้นรออนุมัติ');
  if (r.currentApproverId !== by)
    throw new ReportTransitionError('notYourTurn', 'รายงานนี้ไม่ได้รอการพิจารณาจากท่านในขณะนี้');
  const iso = at.toISOString();
  return {
    ...r,
    status: 'returned',
    currentApproverId: null,
    approvedBy: [],
    returnComment: comment,
    history: [...r.history, { action: 'returned', by, at: iso, comment }],
  };
}

/** A supervisor in the chain records the before/after comparison (any time after submission). */
export function addPerformanceNote(
  r: TrainingReport,
  by: string,
  at: Date,
  note: { before: string; after: string },
): TrainingReport {
  if (!r.approvers.includes(by))
    throw new ReportTransitionError('notYours', 'ท่านไม่ได้อยู่ในสายการอนุมัติของรายงานนี้');
  const iso = at.toISOString();
  return {
    ...r,
    performanceNotes: [...r.performanceNotes, { by, at: iso, ...note }],
    history: [...r.history, { action: 'performanceNote', by, at: iso }],
  };
}

/** Submitted (first time) on or before the due date, judged by the civil date in Thailand. */
export function filedOnTime(
  r: Pick<TrainingReport, 'firstSubmittedAt' | 'dueDate'>,
  bangkokDateOf: (d: Date) => IsoDate,
) {
  return r.firstSubmittedAt !== undefined && bangkokDateOf(new Date(r.firstSubmittedAt)) <= r.dueDate;
}
