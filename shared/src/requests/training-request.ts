import { formatThaiDate, type IsoDate } from '../text/thai-date';

// A training request (ขออนุมัติไปอบรม): the first steps of the individual training path in the
// municipal plans — choose a course, say why, up the supervisor chain, the travel order
// (คำสั่งไปราชการ), the advance (ยืมเงิน). Once approved it becomes the attendance: the report opens
// by itself when the course ends and the advance's clearing deadline is tracked. Every step is kept
// on the document (`trail`) with who and when, for the audit archive.

export type RequestStatus =
  /** waiting for `currentApproverId` */
  | 'submitted'
  /** sent back with a comment: the person sends a corrected request */
  | 'returned'
  /** refused by an approver; final */
  | 'refused'
  /** every approver signed */
  | 'approved';

export type RequestAction =
  | 'requested'
  | 'approved'
  | 'returned'
  | 'refused'
  | 'travelOrder'
  | 'advance'
  | 'reportOpened'
  | 'advanceCleared';

export interface RequestStep {
  readonly action: RequestAction;
  /** employee id, or 'system' for the morning job */
  readonly by: string;
  readonly byName: string;
  /** ISO instant */
  readonly at: string;
  /** a comment, an order number, an amount… in Thai, as the trail shows it */
  readonly detail?: string;
}

/** The course: one from HR's catalogue (`trainings`), or an external one the person describes. */
export interface RequestedCourse {
  readonly source: 'catalogue' | 'external';
  /** the catalogue training's id (source 'catalogue') */
  readonly trainingId?: string;
  readonly title: string;
  readonly organiser: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly hours: number;
  readonly place?: string;
  /** baht, what the person expects it to cost the municipality (0 when free) */
  readonly cost: number;
  /** the budget line it is paid from (แผนงาน/งบรายจ่าย), typed */
  readonly budgetLine?: string;
}

export interface TravelOrder {
  readonly number: string;
  readonly date: IsoDate;
}

export interface Advance {
  /** baht */
  readonly amount: number;
  /** the last day to clear it: the setting's working days after the return date */
  readonly clearBy: IsoDate;
  /** ISO instant when HR marked it cleared */
  readonly clearedAt?: string;
}

export interface TrainingRequest {
  readonly id: string;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly divisionId?: string;
  readonly course: RequestedCourse;
  /** the day the person expects to be back at work (the course's last day unless said otherwise) */
  readonly returnDate: IsoDate;
  readonly reason: string;
  /** the IDP goal it serves, when the person has a plan */
  readonly idpGoalId?: string;
  readonly competencyId?: string;
  readonly status: RequestStatus;
  /** employee ids in signing order, fixed when sent */
  readonly approvers: readonly string[];
  readonly approvedBy: readonly string[];
  readonly currentApproverId: string | null;
  readonly returnComment?: string;
  readonly refuseReason?: string;
  readonly travelOrder?: TravelOrder;
  readonly advance?: Advance;
  /** the post-training report opened from this request */
  readonly reportId?: string;
  readonly trail: readonly RequestStep[];
}

export type RequestErrorKind = 'notYourTurn' | 'wrongStatus' | 'notHr';

/** A step that is not allowed now; `message` is Thai and safe to show. */
export class RequestTransitionError extends Error {
  override readonly name = 'RequestTransitionError';
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Requests that hold a place in the person's calendar and count as "already requested". */
export const LIVE_REQUEST_STATUSES = ['submitted', 'approved'] as const satisfies readonly RequestStatus[];
export const isLiveRequest = (r: Pick<TrainingRequest, 'status'>) =>
  (LIVE_REQUEST_STATUSES as readonly string[]).includes(r.status);

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: 'รออนุมัติ',
  returned: 'ส่งกลับแก้ไข',
  refused: 'ไม่อนุมัติ',
  approved: 'อนุมัติแล้ว',
};

export interface Actor {
  readonly id: string;
  readonly name: string;
}

const step = (action: RequestAction, by: Actor, at: Date, detail?: string): RequestStep => ({
  action,
  by: by.id,
  byName: by.name,
  at: at.toISOString(),
  ...(detail ? { detail } : {}),
});

/** A new request sent up the chain; with nobody above the person it is approved at once. */
export function newRequest(
  o: Omit<
    TrainingRequest,
    'status' | 'approvers' | 'approvedBy' | 'currentApproverId' | 'trail' | 'employeeName'
  > & { readonly approvers: readonly string[] },
  by: Actor,
  at: Date,
): TrainingRequest {
  const first = o.approvers[0] ?? null;
  return {
    ...o,
    employeeName: by.name,
    status: first ? 'submitted' : 'approved',
    approvers: [...o.approvers],
    approvedBy: [],
    currentApproverId: first,
    trail: [step('requested', by, at, o.course.title)],
  };
}

function mustWaitFor(r: TrainingRequest, by: Actor) {
  if (r.status !== 'submitted')
    throw new RequestTransitionError(
      'wrongStatus',
      `คำขอนี้${REQUEST_STATUS_LABELS[r.status]}แล้ว ไม่ได้รอการพิจารณา`,
    );
  if (r.currentApproverId !== by.id)
    throw new RequestTransitionError('notYourTurn', 'คำขอนี้ไม่ได้รอการพิจารณาจากท่านในขณะนี้');
}

/** The current approver signs: on to the next one, or approved when none is left. */
export function approveRequest(r: TrainingRequest, by: Actor, at: Date): TrainingRequest {
  mustWaitFor(r, by);
  const approvedBy = [...r.approvedBy, by.id];
  const next = r.approvers.find((a) => !approvedBy.includes(a)) ?? null;
  return {
    ...r,
    approvedBy,
    currentApproverId: next,
    status: next ? 'submitted' : 'approved',
    trail: [...r.trail, step('approved', by, at, `ลำดับที่ ${approvedBy.length} จาก ${r.approvers.length}`)],
  };
}

export function returnRequest(r: TrainingRequest, by: Actor, at: Date, comment: string): TrainingRequest {
  mustWaitFor(r, by);
  return {
    ...r,
    status: 'returned',
    currentApproverId: null,
    returnComment: comment,
    trail: [...r.trail, step('returned', by, at, comment)],
  };
}

export function refuseRequest(r: TrainingRequest, by: Actor, at: Date, reason: string): TrainingRequest {
  mustWaitFor(r, by);
  return {
    ...r,
    status: 'refused',
    currentApproverId: null,
    refuseReason: reason,
    trail: [...r.trail, step('refused', by, at, reason)],
  };
}

function mustBeApproved(r: TrainingRequest) {
  if (r.status !== 'approved')
    throw new RequestTransitionError('wrongStatus', 'บันทึกได้เมื่อคำขออนุมัติครบทุกลำดับแล้วเท่านั้น');
}

/** HR records the travel order (คำสั่งไปราชการ); a correction is a new step in the trail. */
export function recordTravelOrder(
  r: TrainingRequest,
  order: TravelOrder,
  by: Actor,
  at: Date,
): TrainingRequest {
  mustBeApproved(r);
  return {
    ...r,
    travelOrder: order,
    trail: [
      ...r.trail,
      step('travelOrder', by, at, `คำสั่งเลขที่ ${order.number} ลงวันที่ ${formatThaiDate(order.date)}`),
    ],
  };
}

/** HR records the advance (ยืมเงิน) and when it must be cleared. */
export function recordAdvance(
  r: TrainingRequest,
  amount: number,
  clearBy: IsoDate,
  by: Actor,
  at: Date,
): TrainingRequest {
  mustBeApproved(r);
  if (r.advance?.clearedAt)
    throw new RequestTransitionError('wrongStatus', 'เงินยืมของคำขอนี้ส่งใช้แล้ว แก้ไขจำนวนไม่ได้');
  return {
    ...r,
    advance: { amount, clearBy },
    trail: [...r.trail, step('advance', by, at, `${bahtText(amount)} ส่งใช้ภายใน ${formatThaiDate(clearBy)}`)],
  };
}

/** HR marks the advance cleared (ส่งใช้เงินยืม); reminders stop. */
export function clearAdvance(r: TrainingRequest, by: Actor, at: Date): TrainingRequest {
  if (!r.advance) throw new RequestTransitionError('wrongStatus', 'คำขอนี้ไม่มีเงินยืม');
  if (r.advance.clearedAt) throw new RequestTransitionError('wrongStatus', 'เงินยืมนี้ส่งใช้แล้ว');
  return {
    ...r,
    advance: { ...r.advance, clearedAt: at.toISOString() },
    trail: [...r.trail, step('advanceCleared', by, at, bahtText(r.advance.amount))],
  };
}

/** The report as the request's trail describes it when it opens (its id is for the records only). */
export interface OpenedReport {
  readonly id: string;
  readonly returnDate: IsoDate;
  readonly dueDate: IsoDate;
}

/** "รายงานผลการอบรม "…" กลับมาปฏิบัติงาน … ส่งภายใน …": what an assessor reads at the report's opening. */
export const reportOpenedDetail = (title: string, returnDate: IsoDate, dueDate?: IsoDate) =>
  `รายงานผลการอบรม "${title}" กลับมาปฏิบัติงาน ${formatThaiDate(returnDate)}${
    dueDate ? ` ส่งภายใน ${formatThaiDate(dueDate)}` : ''
  }`;

/** The morning job opened the post-training report from this request. */
export function markReportOpened(r: TrainingRequest, report: OpenedReport, at: Date): TrainingRequest {
  return {
    ...r,
    reportId: report.id,
    trail: [
      ...r.trail,
      step(
        'reportOpened',
        { id: 'system', name: 'ระบบ' },
        at,
        reportOpenedDetail(r.course.title, report.returnDate, report.dueDate),
      ),
    ],
  };
}

export const bahtText = (n: number) =>
  `${new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 }).format(n)} บาท`;

/**
 * A request's own id: the person, when it was sent and the course's first day (two live requests of
 * one person never share a first day: their dates may not overlap), readable in logs.
 */
export const requestIdFor = (employeeId: string, at: Date, startDate: IsoDate) =>
  `${employeeId}__${at
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14)}__${startDate.replace(/-/g, '')}`;
