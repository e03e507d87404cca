import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type Reply, say, text } from '../../conversation/reply';
import { DEVELOPMENT_METHODS, developmentMethod } from '../../domain/development-methods';
import { graphemeLength } from '../../text/graphemes';
import { addDays, bangkokDate, formatThaiDate, normaliseDigits, parseThaiDate } from '../../text/thai-date';
import type { ExternalTrainingDraft, ExternalTrainingEffect } from './external-training-edge';

// "แจ้งผลการอบรมภายนอก": staff report a training they attended outside the municipality's own plan
// (e.g. a DLA course or a Local MOOC); HR verifies it before the hours count.

export type { ExternalTrainingDraft } from './external-training-edge';

type Question = 'title' | 'organiser' | 'method' | 'startDate' | 'endDate' | 'hours';
const ORDER: readonly Question[] = ['title', 'organiser', 'method', 'startDate', 'endDate', 'hours'];

export interface ExternalTrainingState {
  readonly flow: 'externalTraining';
  readonly at: Question | 'confirm';
  readonly draft: ExternalTrainingDraft;
}

export const TITLE_MAX = 200;
export const ORGANISER_MAX = 150;
export const HOURS_MAX = 300;
/** Reports older than this are for HR to enter, not for chat. */
export const LOOKBACK_DAYS = 400;

const BACK: Action = say('ย้อนกลับ');
const CANCEL: Action = say('ยกเลิก');

const P = {
  method: 'xt.method',
  confirm: 'xt.confirm',
  edit: 'xt.edit',
  date: 'xt.date',
} as const;

export const externalTrainingFlow: Flow<ExternalTrainingState, ExternalTrainingEffect> = {
  id: 'externalTraining',
  title: 'แจ้งผลการอบรมภายนอก',
  onCancel: 'ข้อมูลที่กรอกไว้ยังไม่ได้ส่งและไม่ได้เก็บไว้ เริ่มใหม่ได้จากเมนูทุกเมื่อ',
  needsPerson: true,
  start(now) {
    const state: ExternalTrainingState = { flow: 'externalTraining', at: 'title', draft: {} };
    return {
      state,
      replies: [
        text('แจ้งผลการอบรมภายนอก 📝\nตอบทีละข้อ ระบบบันทึกให้ทุกข้อ พิมพ์ "ย้อนกลับ" เพื่อแก้ข้อก่อนหน้า หรือ "ยกเลิก" เพื่อเลิก'),
        ...ask(state, now),
      ],
    };
  },
  step,
  prompt: (state, now) => ask(state, now),
};

function step(
  state: ExternalTrainingState,
  event: InboundEvent,
  now: Date,
): FlowStep<ExternalTrainingState, ExternalTrainingEffect> {
  if (event.kind === 'text' && globalCommand(event.text) === 'back') return back(state, now);
  if (state.at === 'confirm') return onConfirm(state, event, now);
  const parsed = readAnswer(state.at, state.draft, event, now);
  if ('error' in parsed) return { state, replies: [text(parsed.error), ...ask(state, now)] };
  const draft = { ...state.draft, [state.at]: parsed.value };
  // A changed start date can invalidate an end date that was fine before.
  if (state.at === 'startDate' && draft.endDate && draft.endDate < (draft.startDate as string)) {
    draft.endDate = undefined;
  }
  // The next unanswered question; after an edit from the summary that is the summary itself.
  const next = ORDER.find((q) => draft[q] === undefined) ?? 'confirm';
  const nextState: ExternalTrainingState = { flow: 'externalTraining', at: next, draft };
  return { state: nextState, replies: ask(nextState, now) };
}

function back(
  state: ExternalTrainingState,
  now: Date,
): FlowStep<ExternalTrainingState, ExternalTrainingEffect> {
  const index = state.at === 'confirm' ? ORDER.length : ORDER.indexOf(state.at);
  if (index <= 0) return { state, replies: [text('นี่คือคำถามแรกแล้ว'), ...ask(state, now)] };
  const previous = ORDER[index - 1] as Question;
  const prevState: ExternalTrainingState = { flow: 'externalTraining', at: previous, draft: state.draft };
  return { state: prevState, replies: ask(prevState, now) };
}

function onConfirm(
  state: ExternalTrainingState,
  event: InboundEvent,
  now: Date,
): FlowStep<ExternalTrainingState, ExternalTrainingEffect> {
  const choice =
    event.kind === 'postback' && event.payload.a === P.confirm
      ? 'send'
      : event.kind === 'postback' && event.payload.a === P.edit
        ? String(event.payload.q)
        : event.kind === 'text' && ['ยืนยัน', 'ส่ง', 'ตกลง'].includes(normaliseInput(event.text))
          ? 'send'
          : undefined;
  if (choice === 'send') {
    const d = state.draft;
    if (!isComplete(d)) {
      const at = ORDER.find((q) => d[q] === undefined) as Question;
      const again: ExternalTrainingState = { flow: 'externalTraining', at, draft: d };
      return { state: again, replies: ask(again, now) };
    }
    return {
      state: null,
      replies: [
        text(
          `ส่งเรื่อง "${d.title}" ให้ฝ่ายบุคคลตรวจสอบแล้ว ✅\nชั่วโมงอบรม ${formatHours(d.hours)} จะนับในแผนพัฒนาของคุณเมื่อฝ่ายบุคคลยืนยัน`,
        ),
      ],
      effects: [{ type: 'externalTrainingSubmitted', training: d }],
    };
  }
  if (choice && (ORDER as readonly string[]).includes(choice)) {
    // Changing the dates means both: an old end date may no longer fit the new start.
    const draft =
      choice === 'startDate' ? { ...state.draft, startDate: undefined, endDate: undefined } : state.draft;
    const editState: ExternalTrainingState = { flow: 'externalTraining', at: choice as Question, draft };
    return { state: editState, replies: ask(editState, now) };
  }
  return { state, replies: [text('กรุณากด "ส่งให้ฝ่ายบุคคล" หรือเลือกข้อที่ต้องการแก้ไข'), ...ask(state, now)] };
}

function isComplete(d: ExternalTrainingDraft): d is Required<ExternalTrainingDraft> {
  return ORDER.every((q) => d[q] !== undefined);
}

type Parsed = { value: string | number } | { error: string };

function readAnswer(q: Question, draft: ExternalTrainingDraft, event: InboundEvent, now: Date): Parsed {
  if (q === 'method') {
    if (event.kind === 'postback' && event.payload.a === P.method) {
      const m = developmentMethod(String(event.payload.m));
      if (m) return { value: m.id };
    }
    if (event.kind === 'text') {
      const t = normaliseInput(event.text);
      const m = DEVELOPMENT_METHODS.find((x) => x.label.toLowerCase() === t || x.name.toLowerCase() === t);
      if (m) return { value: m.id };
    }
    return { error: 'กรุณาเลือกรูปแบบการพัฒนาจากปุ่มด้านล่าง' };
  }
  if (q === 'startDate' || q === 'endDate') {
    const raw =
      event.kind === 'postback' && event.payload.a === P.date
        ? event.params?.date
        : event.kind === 'text'
          ? event.text
          : undefined;
    if (raw === undefined) return { error: 'กรุณาพิมพ์วันที่ เช่น 15/1/2569 หรือกดปุ่ม "เลือกวันที่"' };
    const iso = parseThaiDate(raw);
    if (!iso) return { error: `"${raw}" ไม่ใช่วันที่ที่ถูกต้อง กรุณาพิมพ์แบบ วัน/เดือน/ปี พ.ศ. เช่น 15/1/2569` };
    const today = bangkokDate(now);
    if (iso > today) return { error: 'วันที่ต้องไม่เลยวันนี้ แจ้งได้เมื่ออบรมเสร็จแล้ว' };
    if (iso < addDays(today, -LOOKBACK_DAYS)) {
      return { error: 'วันที่นี้นานเกินกว่าจะแจ้งทางแชต กรุณาติดต่อฝ่ายบุคคลโดยตรง' };
    }
    if (q === 'endDate' && draft.startDate && iso < draft.startDate) {
      return { error: `วันสิ้นสุดต้องไม่ก่อนวันเริ่ม (${formatThaiDate(draft.startDate)})` };
    }
    return { value: iso };
  }
  if (event.kind !== 'text') return { error: 'กรุณาพิมพ์คำตอบเป็นข้อความ' };
  const t = event.text.trim().replace(/\s+/g, ' ');
  if (q === 'hours') {
    const n = Number(normaliseDigits(t).replace(/\s*(ชม\.?|ชั่วโมง|hours?|h)$/i, ''));
    if (!Number.isFinite(n) || t === '') return { error: 'กรุณาพิมพ์จำนวนชั่วโมงเป็นตัวเลข เช่น 6 หรือ 12.5' };
    if (n <= 0 || n > HOURS_MAX) return { error: `จำนวนชั่วโมงต้องมากกว่า 0 และไม่เกิน ${HOURS_MAX}` };
    if (Math.round(n * 2) !== n * 2) return { error: 'กรุณาระบุชั่วโมงเป็นจำนวนเต็มหรือครึ่งชั่วโมง เช่น 6 หรือ 6.5' };
    return { value: n };
  }
  const max = q === 'title' ? TITLE_MAX : ORGANISER_MAX;
  const n = graphemeLength(t);
  if (n < 3) return { error: 'คำตอบสั้นเกินไป กรุณาพิมพ์ให้ครบถ้วน' };
  if (n > max) return { error: `ยาวเกินไป (${n} ตัวอักษร) กรุณาพิมพ์ไม่เกิน ${max} ตัวอักษร` };
  return { value: t };
}

function ask(state: ExternalTrainingState, now: Date): Reply[] {
  const today = bangkokDate(now);
  const nav = ORDER.indexOf(state.at as Question) > 0 ? [BACK, CANCEL] : [CANCEL];
  const n = ORDER.indexOf(state.at as Question) + 1;
  const prefix = `(${n}/${ORDER.length}) `;
  switch (state.at) {
    case 'title':
      return [text(`${prefix}ชื่อหลักสูตรหรือหัวข้อการอบรมคืออะไร`, nav)];
    case 'organiser':
      return [text(`${prefix}หน่วยงานที่จัด (เช่น กรมส่งเสริมการปกครองท้องถิ่น, จังหวัด, มหาวิทยาลัย)`, nav)];
    case 'method':
      return [
        text(`${prefix}รูปแบบการพัฒนา`, [
          ...DEVELOPMENT_METHODS.map(
            (m): Action => ({
              type: 'postback',
              label: m.label,
              data: { a: P.method, m: m.id },
              displayText: m.label,
            }),
          ),
          BACK,
        ]),
      ];
    case 'startDate':
    case 'endDate': {
      const which = state.at === 'startDate' ? 'วันที่เริ่มอบรม' : 'วันที่อบรมวันสุดท้าย';
      const min =
        state.at === 'endDate' && state.draft.startDate
          ? state.draft.startDate
          : addDays(today, -LOOKBACK_DAYS);
      return [
        text(`${prefix}${which} พิมพ์ วัน/เดือน/ปี พ.ศ. (เช่น 15/1/2569) หรือกดเลือกวันที่`, [
          {
            type: 'datetime',
            label: 'เลือกวันที่',
            mode: 'date',
            data: { a: P.date },
            max: today,
            min,
            initial: min > today ? today : (state.draft[state.at] ?? today),
          },
          ...nav,
        ]),
      ];
    }
    case 'hours':
      return [
        text(`${prefix}รวมกี่ชั่วโมง (เช่น 6 หรือ 12.5)`, [say('3'), say('6'), say('12'), say('18'), ...nav]),
      ];
    case 'confirm':
      return [summary(state.draft)];
  }
}

function summary(d: ExternalTrainingDraft): Reply {
  const method = d.method ? developmentMethod(d.method)?.name : undefined;
  const dates =
    d.startDate && d.endDate
      ? d.startDate === d.endDate
        ? formatThaiDate(d.startDate)
        : `${formatThaiDate(d.startDate)} – ${formatThaiDate(d.endDate)}`
      : '-';
  return {
    kind: 'card',
    title: 'ตรวจสอบก่อนส่ง',
    altText: `ตรวจสอบการแจ้งอบรม: ${d.title ?? ''}`,
    fields: [
      { label: 'หลักสูตร', value: d.title ?? '-' },
      { label: 'ผู้จัด', value: d.organiser ?? '-' },
      { label: 'รูปแบบ', value: method ?? '-' },
      { label: 'วันที่', value: dates },
      { label: 'ชั่วโมง', value: d.hours !== undefined ? formatHours(d.hours) : '-' },
    ],
    actions: [
      { type: 'postback', label: 'ส่งให้ฝ่ายบุคคล', data: { a: P.confirm }, displayText: 'ส่งให้ฝ่ายบุคคล' },
      { type: 'postback', label: 'แก้ชื่อหลักสูตร', data: { a: P.edit, q: 'title' }, displayText: 'แก้ชื่อหลักสูตร' },
      { type: 'postback', label: 'แก้วันที่', data: { a: P.edit, q: 'startDate' }, displayText: 'แก้วันที่' },
      {
        type: 'postback',
        label: 'แก้จำนวนชั่วโมง',
        data: { a: P.edit, q: 'hours' },
        displayText: 'แก้จำนวนชั่วโมง',
      },
    ],
    quickReplies: [
      { type: 'postback', label: 'แก้ผู้จัด', data: { a: P.edit, q: 'organiser' }, displayText: 'แก้ผู้จัด' },
      { type: 'postback', label: 'แก้รูปแบบ', data: { a: P.edit, q: 'method' }, displayText: 'แก้รูปแบบ' },
      BACK,
      CANCEL,
    ],
  };
}

// made once: building an Intl formatter costs more than the rest of a turn's wording
const HOURS_FORMAT = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 1 });

export function formatHours(h: number): string {
  return `${HOURS_FORMAT.format(h)} ชั่วโมง`;
}
