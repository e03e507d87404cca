import { normaliseInput } from '../../conversation/commands';
import type { TurnContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { liffUrl } from '../../conversation/liff-link';
import { type Action, say, text } from '../../conversation/reply';
import { addDays, bangkokDate, formatThaiDate, formatThaiDateShort, isIsoDate } from '../../text/thai-date';
import type { DataRequestEffect } from './data-request-edge';

// A person's PDPA requests from chat: see what is held about them, or ask for deletion. Both are logged
// with the date by which the municipality must answer; deletion waits for HR, because training records
// are official documents that the law may require the municipality to keep.

/** PDPA section 30: answer an access request within 30 days. The same deadline is used for deletion. */
export const DATA_REQUEST_DAYS = 30;

export interface DataRequestState {
  readonly flow: 'dataRequest';
  readonly at: 'confirmDeletion';
}

const P = { confirm: 'dr.confirm' } as const;

export const ACCESS_WORDS = new Set(['ข้อมูลของฉัน', 'ขอข้อมูลของฉัน', 'ขอดูข้อมูล', 'my data']);

/** One turn: the summary in chat, and the request logged for HR's records. */
export function accessRequest(now: Date, ctx: TurnContext) {
  const dueBy = addDays(bangkokDate(now), DATA_REQUEST_DAYS);
  const consent = ctx.consent;
  const lines = [
    'ข้อมูลของท่านที่ระบบ "พัฒนา" เก็บไว้',
    ctx.person
      ? `• ชื่อ: ${ctx.person.name}\n• รหัสพนักงาน: ${ctx.person.employeeId}\n• บทบาท: ${ctx.person.roles.join(', ')}`
      : '• ยังไม่ได้เชื่อมบัญชีกับข้อมูลพนักงาน',
    consent
      ? `• ความยินยอม: ${consent.decision === 'granted' ? 'ยอมรับ' : 'ไม่ยอมรับ'} ประกาศฉบับ ${isIsoDate(consent.version) ? formatThaiDateShort(consent.version) : consent.version} เมื่อ ${formatThaiDate(bangkokDate(new Date(consent.at)))}`
      : '• ยังไม่มีการบันทึกความยินยอม',
    '• รหัสผู้ใช้ LINE และประวัติการสนทนากับระบบเพื่อทำรายการที่ค้างอยู่',
    `\nบันทึกคำขอของท่านแล้ว ฝ่ายบุคคลจะส่งสำเนาข้อมูลทั้งหมดให้ภายใน ${formatThaiDate(dueBy)}`,
  ];
  return {
    replies: [
      text(lines.join('\n'), [
        ...(ctx.liffId
          ? [
              {
                type: 'uri',
                label: 'ดาวน์โหลดไฟล์ข้อมูล',
                uri: liffUrl(ctx.liffId, '/my-data'),
              } as const,
            ]
          : []),
        say('ขอลบข้อมูล'),
        say('เมนู'),
      ]),
    ],
    effects: [{ type: 'dataRequestLogged', kind: 'access', dueBy } as const],
  };
}

export const dataRequestFlow: Flow<DataRequestState, DataRequestEffect> = {
  id: 'dataRequest',
  title: 'คำขอลบข้อมูล',
  start(now) {
    const state: DataRequestState = { flow: 'dataRequest', at: 'confirmDeletion' };
    return { state, replies: ask(now) };
  },
  step(state, event: InboundEvent, now): FlowStep<DataRequestState, DataRequestEffect> {
    const confirmed =
      (event.kind === 'postback' && event.payload.a === P.confirm) ||
      (event.kind === 'text' && normaliseInput(event.text) === 'ยืนยันลบข้อมูล');
    if (!confirmed) return { state, replies: [text('กรุณากด "ยืนยันขอลบข้อมูล" หรือ "ยกเลิก"'), ...ask(now)] };
    const dueBy = addDays(bangkokDate(now), DATA_REQUEST_DAYS);
    return {
      state: null,
      replies: [
        text(
          `บันทึกคำขอลบข้อมูลแล้ว ✅\nฝ่ายบุคคลจะตรวจสอบและแจ้งผลภายใน ${formatThaiDate(dueBy)}\nระหว่างนี้ท่านยังใช้งานได้ตามปกติ`,
        ),
      ],
      effects: [{ type: 'dataRequestLogged', kind: 'deletion', dueBy }],
    };
  },
  prompt: (_state, now) => ask(now),
};

function ask(now: Date) {
  const dueBy = formatThaiDate(addDays(bangkokDate(now), DATA_REQUEST_DAYS));
  const buttons: Action[] = [
    { type: 'postback', label: 'ยืนยันขอลบข้อมูล', data: { a: P.confirm }, displayText: 'ยืนยันขอลบข้อมูล' },
    say('ยกเลิก'),
  ];
  return [
    text(
      `ขอลบข้อมูลส่วนบุคคลของท่านในระบบ "พัฒนา"?\n• ฝ่ายบุคคลจะยกเลิกการเชื่อมบัญชี LINE และลบข้อมูลการสนทนา\n• ประวัติการฝึกอบรมที่เป็นเอกสารราชการอาจต้องเก็บไว้ตามระเบียบ ฝ่ายบุคคลจะแจ้งให้ทราบ\n• ดำเนินการภายใน ${dueBy}`,
      buttons,
    ),
  ];
}
