import type { TurnContext as KernelContext } from '../../conversation/context';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type PostbackPayload, type Reply, say, text } from '../../conversation/reply';
import {
  approveRequestDecision,
  REQUEST_REVIEW_FLOW,
  type RequestDecisionKind,
  refuseRequestDecision,
  requestReviewReplies,
  requestStepOf,
  returnRequestDecision,
} from '../../requests/request-decision';
import type { RequestEffect, RequestFacts, RequestLookup } from '../../requests/request-edge';
import { type Actor, RequestTransitionError, type TrainingRequest } from '../../requests/training-request';
import { graphemeLength } from '../../text/graphemes';

// An approver's side of a training request: approve, send back with a comment, or refuse with a
// reason, from the card's buttons. Every decision is checked against the request as stored now, and a
// button made for an earlier step of the request is refused as stale.

type TurnContext = KernelContext<RequestFacts>;

export interface RequestReviewState {
  readonly flow: 'requestReview';
  readonly requestId: string;
  readonly at: 'returnComment' | 'refuseReason';
  /** the request's step when the button was pressed: a decision on a later step is not this one */
  readonly step: string;
}

export const REQUEST_COMMENT = { min: 5, max: 500 } as const;
const CANCEL: Action = say('ยกเลิก');
const GONE = 'ไม่พบคำขอนี้แล้ว อาจถูกลบหรือย้าย';
const STALE = 'ปุ่มนี้เป็นของขั้นตอนก่อนหน้าของคำขอนี้ ซึ่งมีการดำเนินการต่อไปแล้ว';

export const requestReviewFlow: Flow<RequestReviewState, RequestEffect, RequestLookup, RequestFacts> = {
  id: REQUEST_REVIEW_FLOW,
  title: 'พิจารณาคำขอไปอบรม',
  needsPerson: true,
  lookups(state, event) {
    const id = state?.requestId ?? (event.kind === 'postback' ? event.payload.q : undefined);
    return typeof id === 'string' ? [{ type: 'trainingRequest', requestId: id }] : [];
  },
  start(now, ctx, payload) {
    return begin(payload, now, ctx);
  },
  step(state, event, now, ctx) {
    const r = found(ctx);
    const me = actor(ctx);
    if (!r || !me) return { state: null, replies: [text(GONE)] };
    if (requestStepOf(r) !== state.step) return { state: null, replies: [text(STALE)] };
    if (event.kind !== 'text') return { state, replies: [text('กรุณาพิมพ์เป็นข้อความ'), ...ask(state)] };
    const typed = event.text.trim();
    const n = graphemeLength(typed);
    if (n < REQUEST_COMMENT.min)
      return {
        state,
        replies: [text(`สั้นเกินไป กรุณาพิมพ์อย่างน้อย ${REQUEST_COMMENT.min} ตัวอักษร`), ...ask(state)],
      };
    if (n > REQUEST_COMMENT.max)
      return {
        state,
        replies: [text(`ยาวเกินไป (${n} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${REQUEST_COMMENT.max} ตัวอักษร`), ...ask(state)],
      };
    return guarded(() => {
      const decided =
        state.at === 'returnComment'
          ? returnRequestDecision(r, me, now, typed)
          : refuseRequestDecision(r, me, now, typed);
      const said =
        state.at === 'returnComment'
          ? `ส่งคำขอของ ${r.employeeName} กลับไปแก้ไขแล้ว พร้อมความเห็นของท่าน`
          : `บันทึกว่าไม่อนุมัติคำขอของ ${r.employeeName} แล้ว ผู้ขอจะได้รับเหตุผลของท่าน`;
      return { state: null, replies: [text(said)], effects: [...decided.effects] };
    });
  },
  prompt: (state) => ask(state),
};

const found = (ctx: TurnContext) =>
  ctx.facts?.trainingRequest?.status === 'ok' ? ctx.facts.trainingRequest.request : undefined;
const actor = (ctx: TurnContext): Actor | undefined =>
  ctx.person ? { id: ctx.person.employeeId, name: ctx.person.name } : undefined;

function begin(
  payload: PostbackPayload | undefined,
  now: Date,
  ctx: TurnContext,
): FlowStep<RequestReviewState, RequestEffect> {
  const r = found(ctx);
  const me = actor(ctx);
  if (!r || !me) return { state: null, replies: [text(GONE)] };
  const decision = String(payload?.d ?? 'view') as RequestDecisionKind;
  if (decision === 'view') return { state: null, replies: requestReviewReplies(r) };
  return guarded(() => {
    // foreign first (not theirs to decide), then stale (theirs once, but the request moved on)
    checkTurn(r, me);
    if (payload?.s !== undefined && String(payload.s) !== requestStepOf(r))
      return { state: null, replies: [text(STALE)] };
    if (decision === 'approve') {
      const { request, effects } = approveRequestDecision(r, me, now);
      const done =
        request.status === 'approved'
          ? `อนุมัติคำขอไปอบรมของ ${r.employeeName} แล้ว ✅ (อนุมัติครบทุกลำดับ)`
          : `อนุมัติคำขอไปอบรมของ ${r.employeeName} แล้ว ✅ ส่งต่อให้ผู้พิจารณาลำดับถัดไป`;
      return { state: null, replies: [text(done)], effects: [...effects] };
    }
    const s: RequestReviewState = {
      flow: 'requestReview',
      requestId: r.id,
      at: decision === 'refuse' ? 'refuseReason' : 'returnComment',
      step: requestStepOf(r),
    };
    return { state: s, replies: ask(s) };
  });
}

/** Throws the Thai refusal when the request is not waiting for this person. */
function checkTurn(r: TrainingRequest, me: Actor) {
  if (r.status === 'submitted' && r.currentApproverId === me.id) return;
  approveRequestDecision(r, me, new Date(0)); // throws RequestTransitionError with the reason
}

function guarded(
  run: () => FlowStep<RequestReviewState, RequestEffect>,
): FlowStep<RequestReviewState, RequestEffect> {
  try {
    return run();
  } catch (err) {
    if (err instanceof RequestTransitionError) return { state: null, replies: [text(err.message)] };
    throw err;
  }
}

function ask(s: RequestReviewState): Reply[] {
  return s.at === 'returnComment'
    ? [text('พิมพ์สิ่งที่ต้องการให้แก้ไขหรือเพิ่มเติม ผู้ขอจะได้รับข้อความนี้', [CANCEL])]
    : [text('พิมพ์เหตุผลที่ไม่อนุมัติ ผู้ขอจะได้รับข้อความนี้', [CANCEL])];
}
