import {
  type Actor,
  advanceClearBy,
  approveRequestDecision,
  bangkokDate,
  checkRequest,
  clearAdvance,
  DEFAULT_ADVANCE_CLEARING_DAYS,
  type Effect,
  newRequest,
  type PersonContext,
  type ReportFacts,
  type RequestEffect,
  type RequestErrors,
  type RequestInput,
  RequestTransitionError,
  recordAdvance,
  recordTravelOrder,
  refuseRequestDecision,
  requestIdFor,
  requestStepOf,
  returnRequestDecision,
  sentEffects,
  type TrainingRequest,
  type TravelOrder,
  type WorkingDayCalendar,
} from '@phattana/shared';
import { type DocumentSnapshot, type Firestore, Timestamp, type Transaction } from 'firebase-admin/firestore';
import type { MunicipalityCollections } from '../municipality-collections';
import type { CommittedWork } from '../outbox/after-commit';
import { type Notification, resolveNotifications, resolveReportLookup } from '../reports/report-turn-io';
import {
  readRequest,
  readRequestContext,
  requestFromDoc,
  writeAttendance,
  writeRequest,
} from './request-records';

// Training requests taken outside chat (the LIFF page): sending one, an approver's decision, and HR's
// records (travel order, advance, cleared). Each is one transaction that writes the chat's own effects
// the way a chat turn writes them, so chat and LIFF can never disagree about a request.

export type RequestOutcome =
  | {
      readonly kind: 'done';
      readonly request: TrainingRequest;
      readonly notifications: readonly Notification[];
      /** the pushes, recorded in the same transaction (the API's outbox) */
      readonly work?: CommittedWork;
    }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'invalid'; readonly message: string; readonly errors?: RequestErrors }
  | { readonly kind: 'refused'; readonly status: 403 | 409; readonly message: string };

type C = MunicipalityCollections;
/** records the pushes in the write's own transaction (api/push-notifications.ts) */
export type RecordPushes = (
  tx: Transaction,
  notifications: readonly Notification[],
) => CommittedWork | undefined;

/** Every read the effects need, then the writes: the chat turn's order. */
async function apply(
  tx: Transaction,
  c: C,
  effects: readonly RequestEffect[],
  read: DocumentSnapshot | undefined,
  now: Date,
  record: RecordPushes | undefined,
): Promise<{ notifications: Notification[]; work?: CommittedWork }> {
  const notices = await resolveNotifications(tx, effects as readonly Effect[], c);
  const trainings = new Map<string, DocumentSnapshot>();
  for (const e of effects)
    if (e.type === 'attendanceFromRequest' && e.request.course.trainingId)
      trainings.set(e.request.course.trainingId, await tx.get(c.trainings.doc(e.request.course.trainingId)));
  const at = Timestamp.fromDate(now);
  for (const e of effects) {
    if (e.type === 'trainingRequestSaved') writeRequest(tx, c, e.request, e.action, at, read);
    if (e.type === 'attendanceFromRequest')
      writeAttendance(tx, c, e.request, trainings.get(e.request.course.trainingId ?? ''), at);
  }
  return { notifications: notices.send, work: record?.(tx, notices.send) };
}

export async function sendRequest(
  db: Firestore,
  c: C,
  person: PersonContext,
  input: RequestInput,
  now: Date,
  record?: RecordPushes,
): Promise<RequestOutcome> {
  const ctx = await readRequestContext(c, person.employeeId, now);
  const checked = checkRequest(input, {
    today: bangkokDate(now),
    catalogue: new Map(ctx.catalogue.map((t) => [t.id, t])),
    busy: ctx.busy,
    goals: ctx.goals,
  });
  if ('errors' in checked)
    return {
      kind: 'invalid',
      message: checked.errors.request ?? 'กรุณาแก้ไขข้อมูลที่ระบุก่อนส่งคำขอ',
      errors: checked.errors,
    };
  return db.runTransaction(async (tx): Promise<RequestOutcome> => {
    const facts: { -readonly [K in keyof ReportFacts]: ReportFacts[K] } = {};
    await resolveReportLookup(tx, { type: 'approvalChain', employeeId: person.employeeId }, person, c, facts);
    const chain = facts.approvalChain;
    if (chain?.status !== 'ok')
      return {
        kind: 'invalid',
        message: `ยังส่งคำขอไม่ได้: ${chain?.status === 'error' ? chain.message : 'ตรวจสอบสายการบังคับบัญชาไม่ได้'} ฝ่ายบุคคลต้องแก้ไขข้อมูลผู้บังคับบัญชาก่อน`,
      };
    const request = newRequest(
      {
        id: requestIdFor(person.employeeId, now, checked.ok.course.startDate),
        employeeId: person.employeeId,
        ...checked.ok,
        approvers: chain.approvers.map((a) => a.id),
      },
      { id: person.employeeId, name: person.name },
      now,
    );
    const written = await apply(tx, c, sentEffects(request), undefined, now, record);
    return { kind: 'done', request, ...written };
  });
}

/** Reads the request, runs `change` on it (a RequestTransitionError is refused in Thai), writes it back. */
async function change(
  db: Firestore,
  c: C,
  id: string,
  now: Date,
  by: string,
  record: RecordPushes | undefined,
  run: (r: TrainingRequest, tx: Transaction) => Promise<readonly RequestEffect[]> | readonly RequestEffect[],
): Promise<RequestOutcome> {
  return db.runTransaction(async (tx): Promise<RequestOutcome> => {
    const snap = await readRequest(tx, c, id);
    if (!snap) return { kind: 'notFound' };
    const r = requestFromDoc(snap);
    let effects: readonly RequestEffect[];
    try {
      effects = await run(r, tx);
    } catch (err) {
      if (err instanceof RequestTransitionError)
        return {
          kind: 'refused',
          // someone the request never waited for is refused; someone in the chain whose step it is not (any
          // more) was too late
          status: err.kind === 'notYourTurn' && !r.approvers.includes(by) ? 403 : 409,
          message: err.message,
        };
      throw err;
    }
    const written = await apply(tx, c, effects, snap, now, record);
    const saved = effects.find((e) => e.type === 'trainingRequestSaved');
    return { kind: 'done', request: saved?.type === 'trainingRequestSaved' ? saved.request : r, ...written };
  });
}

export function decideRequest(
  db: Firestore,
  c: C,
  o: {
    readonly id: string;
    readonly by: Actor;
    readonly decision: 'approve' | 'return' | 'refuse';
    readonly comment?: string;
    readonly step: string;
    readonly now: Date;
    /** required: a decision always tells someone (the next approver or the person) */
    readonly record: RecordPushes;
  },
): Promise<RequestOutcome> {
  return change(db, c, o.id, o.now, o.by.id, o.record, (r) => {
    if (r.status === 'submitted' && r.currentApproverId === o.by.id && requestStepOf(r) !== o.step)
      throw new RequestTransitionError('wrongStatus', 'คำขอนี้มีการดำเนินการต่อไปแล้ว กรุณาเปิดหน้านี้ใหม่');
    const decided =
      o.decision === 'approve'
        ? approveRequestDecision(r, o.by, o.now)
        : o.decision === 'return'
          ? returnRequestDecision(r, o.by, o.now, o.comment ?? '')
          : refuseRequestDecision(r, o.by, o.now, o.comment ?? '');
    return decided.effects;
  });
}

/** HR's records on an approved request. */
export type HrRecord =
  | { readonly kind: 'travelOrder'; readonly order: TravelOrder }
  | { readonly kind: 'advance'; readonly amount: number }
  | { readonly kind: 'advanceCleared' };

export function recordForRequest(
  db: Firestore,
  c: C,
  o: { readonly id: string; readonly by: Actor; readonly record: HrRecord; readonly now: Date },
  calendar: WorkingDayCalendar,
): Promise<RequestOutcome> {
  return change(db, c, o.id, o.now, o.by.id, undefined, async (r, tx) => {
    const rec = o.record;
    if (rec.kind === 'travelOrder')
      return [
        {
          type: 'trainingRequestSaved',
          request: recordTravelOrder(r, rec.order, o.by, o.now),
          action: 'travelOrder',
        },
      ];
    if (rec.kind === 'advanceCleared')
      return [
        { type: 'trainingRequestSaved', request: clearAdvance(r, o.by, o.now), action: 'advanceCleared' },
      ];
    const days = Number(
      (await tx.get(c.municipality)).get('advanceClearingDays') ?? DEFAULT_ADVANCE_CLEARING_DAYS,
    );
    const clearBy = advanceClearBy(calendar, r.returnDate, days);
    return [
      {
        type: 'trainingRequestSaved',
        request: recordAdvance(r, rec.amount, clearBy, o.by, o.now),
        action: 'advance',
      },
    ];
  });
}
