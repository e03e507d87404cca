import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type Reply, say, text } from '../../conversation/reply';
import { isEmployeeId } from '../../domain/document-ids';
import { employeeCodeKey } from '../../people/employee-import';
import { formatInviteCode, INVITE_PROBLEM_MESSAGES, normaliseInviteCode } from '../../people/invite-code';
import { politeName } from '../../people/polite-name';
import { consentRecord, needsConsent, PRIVACY_NOTICE, privacyNoticeText } from '../../people/privacy-notice';
import { formatThaiDateShort, parseThaiDate } from '../../text/thai-date';
import type { LinkAccountEffect, LinkAccountFacts, LinkAccountLookup } from './link-account-edge';

type TurnContext = KernelContext<LinkAccountFacts>;

// "ลงทะเบียน": the privacy notice and consent first, then linking the LINE account to a staff record
// with an invite code from HR, or with the employee code plus the birth date HR holds.

export interface LinkAccountState {
  readonly flow: 'linkAccount';
  readonly at: 'consent' | 'method' | 'inviteCode' | 'employeeCode' | 'birthDate';
  readonly employeeCode?: string;
  /** wrong answers in a row; after MAX_FAILURES the person must wait */
  readonly failures: number;
  /** ISO instant until which no further attempt is accepted */
  readonly lockedUntil?: string;
}

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

const P = { consent: 'la.consent', method: 'la.method' } as const;

const consentButtons: Action[] = [
  { type: 'postback', label: 'ยอมรับ', data: { a: P.consent, d: 'granted' }, displayText: 'ยอมรับ' },
  { type: 'postback', label: 'ไม่ยอมรับ', data: { a: P.consent, d: 'declined' }, displayText: 'ไม่ยอมรับ' },
];

const methodButtons: Action[] = [
  { type: 'postback', label: 'ใช้รหัสเชิญ', data: { a: P.method, m: 'invite' }, displayText: 'ใช้รหัสเชิญ' },
  { type: 'postback', label: 'ใช้รหัสพนักงาน', data: { a: P.method, m: 'code' }, displayText: 'ใช้รหัสพนักงาน' },
  say('ยกเลิก'),
];

type LinkStep = FlowStep<LinkAccountState, LinkAccountEffect>;

export const linkAccountFlow: Flow<LinkAccountState, LinkAccountEffect, LinkAccountLookup, LinkAccountFacts> =
  {
    id: 'linkAccount',
    title: 'ลงทะเบียนเชื่อมบัญชี',
    start: (_now, ctx) => startLinkAccount(ctx),
    step: (state, event, now, ctx) => stepLinkAccount(state, event, now, ctx),
    prompt: (state, _now, ctx) => prompt(state, ctx),
    lookups: (state, event) => (state ? linkAccountLookups(state, event) : []),
  };

function startLinkAccount(ctx: TurnContext): LinkStep {
  if (needsConsent(ctx.consent)) {
    const state: LinkAccountState = { flow: 'linkAccount', at: 'consent', failures: 0 };
    return { state, replies: prompt(state, ctx) };
  }
  const state: LinkAccountState = { flow: 'linkAccount', at: 'method', failures: 0 };
  return { state, replies: prompt(state, ctx) };
}

/** What the edge must look up for this event (inside the same transaction as the turn). */
function linkAccountLookups(state: LinkAccountState, event: InboundEvent): LinkAccountLookup[] {
  if (event.kind !== 'text' || globalCommand(event.text)) return [];
  if (state.at === 'inviteCode') {
    const code = normaliseInviteCode(event.text);
    return code ? [{ type: 'invite', code }] : [];
  }
  if (state.at === 'birthDate' && state.employeeCode) {
    const birthDate = parseThaiDate(event.text);
    return birthDate ? [{ type: 'employeeByCode', code: state.employeeCode, birthDate }] : [];
  }
  return [];
}

function stepLinkAccount(
  state: LinkAccountState,
  event: InboundEvent,
  now: Date,
  ctx: TurnContext,
): LinkStep {
  if (state.at === 'consent') return onConsent(state, event, now, ctx);
  if (state.lockedUntil && now.toISOString() < state.lockedUntil) {
    const minutes = Math.ceil((Date.parse(state.lockedUntil) - now.getTime()) / 60_000);
    return { state, replies: [text(`ลองผิดหลายครั้งเกินไป กรุณารออีก ${minutes} นาที แล้วลองใหม่ หรือติดต่อฝ่ายบุคคล`)] };
  }
  if (event.kind === 'text' && globalCommand(event.text) === 'back' && state.at !== 'method') {
    const back: LinkAccountState = { ...state, at: state.at === 'birthDate' ? 'employeeCode' : 'method' };
    return { state: back, replies: prompt(back, ctx) };
  }
  switch (state.at) {
    case 'method': {
      const m =
        event.kind === 'postback' && event.payload.a === P.method
          ? event.payload.m
          : event.kind === 'text'
            ? { ใช้รหัสเชิญ: 'invite', รหัสเชิญ: 'invite', ใช้รหัสพนักงาน: 'code', รหัสพนักงาน: 'code' }[
                normaliseInput(event.text)
              ]
            : undefined;
      if (m !== 'invite' && m !== 'code')
        return { state, replies: [text('กรุณาเลือกวิธีลงทะเบียน', methodButtons)] };
      const next: LinkAccountState = { ...state, at: m === 'invite' ? 'inviteCode' : 'employeeCode' };
      return { state: next, replies: prompt(next, ctx) };
    }
    case 'inviteCode': {
      if (event.kind !== 'text') return { state, replies: prompt(state, ctx) };
      if (!normaliseInviteCode(event.text)) {
        return fail(
          state,
          now,
          ctx,
          'รหัสเชิญมี 8 ตัว เช่น ABCD-EFGH (ไม่มีตัว O, I, L หรือเลข 0, 1) กรุณาตรวจสอบแล้วพิมพ์ใหม่',
        );
      }
      return onInvite(state, now, ctx, ctx.facts);
    }
    case 'employeeCode': {
      if (event.kind !== 'text') return { state, replies: prompt(state, ctx) };
      // the same canonical form the staff import keys records by (Thai digits, case, spaces)
      const code = employeeCodeKey(event.text);
      // a code no staff record can have (".", "__X__") is refused here, never looked up
      if (!isEmployeeId(code)) {
        return {
          state,
          replies: [text('รหัสพนักงานไม่ถูกต้อง กรุณาพิมพ์ตามที่ฝ่ายบุคคลแจ้ง เช่น E012'), ...prompt(state, ctx)],
        };
      }
      const next: LinkAccountState = { ...state, at: 'birthDate', employeeCode: code };
      return { state: next, replies: prompt(next, ctx) };
    }
    case 'birthDate': {
      if (event.kind !== 'text') return { state, replies: prompt(state, ctx) };
      if (!parseThaiDate(event.text)) {
        return {
          state,
          replies: [text('กรุณาพิมพ์วันเกิดแบบ วัน/เดือน/ปี พ.ศ. เช่น 5/3/2530'), ...prompt(state, ctx)],
        };
      }
      const found = ctx.facts?.employeeByCode;
      if (!found || found.status === 'noMatch') {
        return fail({ ...state, at: 'employeeCode' }, now, ctx, 'รหัสพนักงานหรือวันเกิดไม่ตรงกับข้อมูลของฝ่ายบุคคล');
      }
      if (found.status === 'ambiguous') {
        const next: LinkAccountState = { ...state, at: 'method' };
        return {
          state: next,
          replies: [
            text('พบรหัสพนักงานและวันเกิดนี้ในมากกว่าหนึ่งเทศบาล กรุณาลงทะเบียนด้วยรหัสเชิญที่ได้จากฝ่ายบุคคลของเทศบาลท่าน'),
            ...prompt(next, ctx),
          ],
        };
      }
      if (found.status !== 'ok') return inactive();
      return linked(found.employee, 'employeeCode', state, ctx);
    }
  }
}

function onConsent(state: LinkAccountState, event: InboundEvent, now: Date, ctx: TurnContext): LinkStep {
  const d =
    event.kind === 'postback' && event.payload.a === P.consent
      ? event.payload.d
      : event.kind === 'text'
        ? { ยอมรับ: 'granted', ไม่ยอมรับ: 'declined' }[normaliseInput(event.text)]
        : undefined;
  if (d === 'declined') {
    return {
      state: null,
      replies: [
        text(
          'รับทราบค่ะ ระบบจะไม่เชื่อมบัญชีและไม่เก็บข้อมูลส่วนบุคคลของท่านเพิ่มเติม ท่านยังติดต่อฝ่ายบุคคลได้ตามช่องทางเดิม\nหากเปลี่ยนใจ พิมพ์ "ลงทะเบียน" ได้ทุกเมื่อ',
        ),
      ],
      effects: [{ type: 'consentRecorded', consent: consentRecord('declined', now) }],
    };
  }
  if (d !== 'granted') return { state, replies: [text('กรุณากด "ยอมรับ" หรือ "ไม่ยอมรับ"', consentButtons)] };
  const next: LinkAccountState = { ...state, at: 'method' };
  return {
    state: next,
    replies: [text('ขอบคุณค่ะ ✅'), ...prompt(next, ctx)],
    effects: [{ type: 'consentRecorded', consent: consentRecord('granted', now) }],
  };
}

function onInvite(
  state: LinkAccountState,
  now: Date,
  ctx: TurnContext,
  facts: LinkAccountFacts | undefined,
): LinkStep {
  const invite = facts?.invite;
  if (!invite || invite.status === 'notFound')
    return fail(state, now, ctx, 'ไม่พบรหัสเชิญนี้ กรุณาตรวจสอบแล้วพิมพ์ใหม่');
  if (invite.status === 'employeeInactive') return inactive();
  if (invite.status !== 'ok')
    return { state, replies: [text(INVITE_PROBLEM_MESSAGES[invite.status]), ...prompt(state, ctx)] };
  return linked(invite.employee, 'invite', state, ctx);
}

function linked(
  employee: { employeeId: string; name: string; roles: readonly string[]; linkedToAnother: boolean },
  via: 'invite' | 'employeeCode',
  state: LinkAccountState,
  ctx: TurnContext,
): LinkStep {
  if (employee.linkedToAnother) {
    return {
      state: { ...state, at: 'method' },
      replies: [
        text('ข้อมูลพนักงานนี้เชื่อมกับบัญชี LINE อื่นอยู่แล้ว หากท่านเปลี่ยนโทรศัพท์หรือบัญชี กรุณาให้ฝ่ายบุคคลยกเลิกการเชื่อมเดิมก่อน'),
        ...prompt({ ...state, at: 'method' }, ctx),
      ],
    };
  }
  return {
    state: null,
    replies: [
      text(
        `ลงทะเบียนสำเร็จ ✅\nสวัสดีค่ะ ${politeName(employee.name)}\nใช้เมนูด้านล่างเพื่อดูชั่วโมงอบรม แผนพัฒนา และส่งรายงานได้เลย`,
        [say('เมนู')],
      ),
    ],
    effects: [{ type: 'accountLinked', employeeId: employee.employeeId, via }],
  };
}

function inactive(): LinkStep {
  return {
    state: null,
    replies: [text('ข้อมูลพนักงานนี้ไม่อยู่ในสถานะปฏิบัติงาน กรุณาติดต่อฝ่ายบุคคล')],
  };
}

function fail(state: LinkAccountState, now: Date, ctx: TurnContext, message: string): LinkStep {
  const failures = state.failures + 1;
  if (failures >= MAX_FAILURES) {
    const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
    return {
      state: { ...state, failures: 0, lockedUntil },
      replies: [
        text(`${message}\nลองผิดครบ ${MAX_FAILURES} ครั้ง กรุณารอ ${LOCK_MINUTES} นาทีแล้วลองใหม่ หรือติดต่อฝ่ายบุคคล`),
      ],
    };
  }
  return {
    state: { ...state, failures },
    replies: [text(`${message} (ครั้งที่ ${failures}/${MAX_FAILURES})`), ...prompt(state, ctx)],
  };
}

function prompt(state: LinkAccountState, ctx: TurnContext): Reply[] {
  switch (state.at) {
    case 'consent':
      return [
        text(privacyNoticeText(ctx.privacy)),
        text(
          `ท่านยอมรับให้${ctx.privacy.municipalityName}เก็บและใช้ข้อมูลตามประกาศนี้ (ฉบับ ${formatThaiDateShort(PRIVACY_NOTICE.version)}) หรือไม่`,
          consentButtons,
        ),
      ];
    case 'method':
      return [
        text(
          'เชื่อมบัญชี LINE กับข้อมูลพนักงานของท่าน เลือกวิธี:\n• รหัสเชิญ 8 ตัวจากฝ่ายบุคคล\n• รหัสพนักงานและวันเกิด',
          methodButtons,
        ),
      ];
    case 'inviteCode':
      return [
        text(`พิมพ์รหัสเชิญ 8 ตัวที่ได้รับจากฝ่ายบุคคล เช่น ${formatInviteCode('ABCDEFGH')}`, [
          say('ย้อนกลับ'),
          say('ยกเลิก'),
        ]),
      ];
    case 'employeeCode':
      return [text('พิมพ์รหัสพนักงานของท่าน (เช่น E012)', [say('ย้อนกลับ'), say('ยกเลิก')])];
    case 'birthDate':
      return [text('พิมพ์วันเกิดของท่าน แบบ วัน/เดือน/ปี พ.ศ. เช่น 5/3/2530', [say('ย้อนกลับ'), say('ยกเลิก')])];
  }
}
