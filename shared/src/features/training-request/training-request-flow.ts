import { globalCommand, normaliseInput } from '../../conversation/commands';
import type { TurnContext as KernelContext } from '../../conversation/context';
import type { InboundEvent } from '../../conversation/event';
import type { Flow, FlowStep } from '../../conversation/flow';
import { type Action, type Reply, say, text } from '../../conversation/reply';
import { competency } from '../../domain/competencies';
import type { ReportFacts, ReportLookup } from '../../reports/report-edge';
import { dateRange } from '../../reports/review-decision';
import { sentEffects } from '../../requests/request-decision';
import type { RequestEffect, RequestFacts, RequestLookup } from '../../requests/request-edge';
import { checkRequest, type RequestInput } from '../../requests/request-input';
import { bahtText, newRequest, requestIdFor } from '../../requests/training-request';
import { addDays, bangkokDate, formatThaiDate, normaliseDigits, parseThaiDate } from '../../text/thai-date';

// "ขอไปอบรม": a training request in chat. Pick a course from HR's catalogue or describe an external one,
// the cost and its budget line, why (linked to an IDP goal when the person has a plan), check and send;
// it goes up the same supervisor chain as reports. Every answer is checked by the one checker the LIFF
// form uses too (requests/request-input.ts), against the person's calendar read in each turn.

type Facts = RequestFacts & Pick<ReportFacts, 'approvalChain'>;
type TurnContext = KernelContext<Facts>;
type Lookup = RequestLookup | Extract<ReportLookup, { type: 'approvalChain' }>;

type Question =
  | 'course'
  | 'title'
  | 'organiser'
  | 'startDate'
  | 'endDate'
  | 'hours'
  | 'place'
  | 'returnDate'
  | 'cost'
  | 'budgetLine'
  | 'reason'
  | 'goal';

type Draft = { -readonly [K in keyof RequestInput]?: string };

export interface TrainingRequestState {
  readonly flow: 'trainingRequest';
  readonly employeeId: string;
  readonly at: Question | 'confirm';
  readonly draft: Draft;
  /** the catalogue as offered at the start (id and title), so a typed number picks the same course */
  readonly offered: readonly { readonly id: string; readonly title: string }[];
  /** the goal question was answered (with a goal or "none") */
  readonly goalAnswered?: boolean;
}

type State = TrainingRequestState;
type Step = FlowStep<State, RequestEffect>;

export const REQUEST_WORD = 'ขอไปอบรม';
export const CATALOGUE_OFFERED_MAX = 9;

const P = {
  course: 'rq.course',
  date: 'rq.date',
  goal: 'rq.goal',
  send: 'rq.send',
  edit: 'rq.edit',
} as const;
const EXTERNAL = '__external';
const NO_GOAL = '__none';
const CANCEL: Action = say('ยกเลิก');
const BACK: Action = say('ย้อนกลับ');

const isExternal = (d: Draft) => d.trainingId === EXTERNAL;
const inputOf = (d: Draft): RequestInput => ({
  ...d,
  trainingId: isExternal(d) ? undefined : d.trainingId,
});

/** The questions of this draft, in order (external courses are described; a free one needs no budget line). */
function order(s: Pick<State, 'draft'>, ctx: TurnContext): Question[] {
  const q: Question[] = ['course'];
  if (isExternal(s.draft)) q.push('title', 'organiser', 'startDate', 'endDate', 'hours', 'place');
  q.push('returnDate', 'cost');
  const cost = Number((s.draft.cost ?? '').replace(/,/g, ''));
  if (!(s.draft.cost !== undefined && cost === 0)) q.push('budgetLine');
  q.push('reason');
  if ((ctx.facts?.requestContext?.goals.length ?? 0) > 0) q.push('goal');
  return q;
}

const answered = (s: State, q: Question) =>
  q === 'goal' ? s.goalAnswered === true : s.draft[field(q)] !== undefined;
const field = (q: Question): keyof Draft => (q === 'course' ? 'trainingId' : q === 'goal' ? 'idpGoalId' : q);

export const trainingRequestFlow: Flow<State, RequestEffect, Lookup, Facts> = {
  id: 'trainingRequest',
  title: 'ขออนุมัติไปอบรม',
  onCancel: 'คำขอที่กรอกไว้ยังไม่ได้ส่ง เริ่มใหม่ได้ทุกเมื่อ: พิมพ์ "ขอไปอบรม"',
  needsPerson: true,
  lookups(state, event) {
    const sending = state?.at === 'confirm' && isSend(event);
    return sending && state
      ? [{ type: 'requestContext' }, { type: 'approvalChain', employeeId: state.employeeId }]
      : [{ type: 'requestContext' }];
  },
  start(now, ctx) {
    const catalogue = ctx.facts?.requestContext?.catalogue ?? [];
    const s: State = {
      flow: 'trainingRequest',
      employeeId: ctx.person?.employeeId ?? '',
      at: 'course',
      draft: {},
      offered: catalogue.slice(0, CATALOGUE_OFFERED_MAX).map((t) => ({ id: t.id, title: t.title })),
    };
    return {
      state: s,
      replies: [
        text('ขออนุมัติไปอบรม 📝\nตอบทีละข้อ พิมพ์ "ย้อนกลับ" เพื่อแก้ข้อก่อนหน้า หรือ "ยกเลิก" เพื่อเลิก'),
        ...ask(s, now, ctx),
      ],
    };
  },
  step,
  prompt: (s, now, ctx) => ask(s, now, ctx),
};

function isSend(e: InboundEvent) {
  return (
    (e.kind === 'postback' && e.payload.a === P.send) ||
    (e.kind === 'text' && ['ส่ง', 'ส่งคำขอ', 'ยืนยัน'].includes(normaliseInput(e.text)))
  );
}

function step(s: State, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (event.kind === 'text' && globalCommand(event.text) === 'back') {
    const q = order(s, ctx);
    const i = s.at === 'confirm' ? q.length : q.indexOf(s.at);
    if (i <= 0) return { state: s, replies: [text('นี่คือคำถามแรกแล้ว'), ...ask(s, now, ctx)] };
    const prev: State = { ...s, at: q[i - 1] as Question };
    return { state: prev, replies: ask(prev, now, ctx) };
  }
  if (s.at === 'confirm') return confirm(s, event, now, ctx);
  const value = read(s, event);
  if (value === undefined) return { state: s, replies: [text(hint(s.at)), ...ask(s, now, ctx)] };
  const draft: Draft = { ...s.draft, [field(s.at)]: value };
  // a new course or start date can make later dates wrong: ask them again
  if (s.at === 'course') {
    for (const k of ['title', 'organiser', 'startDate', 'endDate', 'hours', 'place', 'returnDate'] as const)
      delete draft[k];
  }
  if (s.at === 'startDate' || s.at === 'endDate') delete draft.returnDate;
  const next: State = { ...s, draft, goalAnswered: s.at === 'goal' ? true : s.goalAnswered };
  return advance(next, now, ctx);
}

/** Checks what is answered so far; asks again the first answer the checker refuses, else the next question. */
function advance(s: State, now: Date, ctx: TurnContext): Step {
  const q = order(s, ctx);
  const problem = firstProblem(s, q, now, ctx);
  if (problem) {
    const draft = { ...s.draft };
    delete draft[field(problem.at)];
    if (problem.at === 'startDate') delete draft.endDate;
    const again: State = { ...s, draft, at: problem.at };
    return { state: again, replies: [text(problem.message), ...ask(again, now, ctx)] };
  }
  const at = q.find((x) => !answered(s, x)) ?? 'confirm';
  const next: State = { ...s, at };
  return { state: next, replies: ask(next, now, ctx) };
}

function firstProblem(
  s: State,
  q: readonly Question[],
  now: Date,
  ctx: TurnContext,
): { at: Question; message: string } | undefined {
  const facts = ctx.facts?.requestContext;
  const result = checkRequest(inputOf(s.draft), {
    today: bangkokDate(now),
    catalogue: new Map((facts?.catalogue ?? []).map((t) => [t.id, t])),
    busy: facts?.busy ?? [],
    goals: facts?.goals ?? [],
  });
  if (!('errors' in result)) return undefined;
  const e = result.errors;
  for (const x of q) {
    if (!answered(s, x)) continue;
    const message = x === 'course' ? e.trainingId : e[field(x) as keyof typeof e];
    if (message) return { at: x, message };
    // a clash is known once the course's dates are: ask for the course (or its start) again
    const datesKnown = isExternal(s.draft) ? x === 'endDate' : x === 'course';
    if (datesKnown && e.request)
      return { at: isExternal(s.draft) ? 'startDate' : 'course', message: e.request };
  }
  return undefined;
}

function read(s: State, event: InboundEvent): string | undefined {
  switch (s.at) {
    case 'course': {
      if (event.kind === 'postback' && event.payload.a === P.course) return String(event.payload.t ?? '');
      if (event.kind !== 'text') return undefined;
      const n = Number(normaliseDigits(event.text.trim()));
      if (Number.isInteger(n) && n >= 1 && n <= s.offered.length) return s.offered[n - 1]?.id;
      if (normaliseInput(event.text) === 'หลักสูตรภายนอก' || n === s.offered.length + 1) return EXTERNAL;
      return undefined;
    }
    case 'startDate':
    case 'endDate':
    case 'returnDate': {
      if (event.kind === 'postback' && event.payload.a === P.date) return event.params?.date;
      if (event.kind !== 'text') return undefined;
      if (s.at === 'returnDate' && normaliseInput(event.text) === 'วันสุดท้ายของการอบรม')
        return s.draft.endDate ?? undefined;
      return parseThaiDate(event.text);
    }
    case 'goal': {
      if (event.kind === 'postback' && event.payload.a === P.goal) {
        const g = String(event.payload.g ?? '');
        return g === NO_GOAL ? '' : g;
      }
      if (event.kind === 'text' && normaliseInput(event.text) === 'ไม่เกี่ยวกับแผนพัฒนา') return '';
      return undefined;
    }
    default:
      return event.kind === 'text' ? event.text.trim() : undefined;
  }
}

function hint(q: Question): string {
  switch (q) {
    case 'course':
      return 'กรุณาเลือกหลักสูตรจากปุ่ม หรือพิมพ์หมายเลขหน้าหลักสูตร';
    case 'startDate':
    case 'endDate':
    case 'returnDate':
      return 'กรุณาพิมพ์วันที่แบบ วัน/เดือน/ปี พ.ศ. เช่น 15/1/2570 หรือกดปุ่ม "เลือกวันที่"';
    case 'goal':
      return 'กรุณาเลือกเป้าหมายในแผนพัฒนาจากปุ่ม หรือ "ไม่เกี่ยวกับแผนพัฒนา"';
    default:
      return 'กรุณาพิมพ์คำตอบเป็นข้อความ';
  }
}

function confirm(s: State, event: InboundEvent, now: Date, ctx: TurnContext): Step {
  if (event.kind === 'postback' && event.payload.a === P.edit) {
    const q = String(event.payload.q) as Question;
    if (order(s, ctx).includes(q)) {
      const edit: State = { ...s, at: q };
      return { state: edit, replies: ask(edit, now, ctx) };
    }
  }
  if (!isSend(event))
    return { state: s, replies: [text('กรุณากด "ส่งคำขอ" หรือเลือกข้อที่ต้องการแก้ไข'), ...ask(s, now, ctx)] };
  const facts = ctx.facts?.requestContext;
  const checked = checkRequest(inputOf(s.draft), {
    today: bangkokDate(now),
    catalogue: new Map((facts?.catalogue ?? []).map((t) => [t.id, t])),
    busy: facts?.busy ?? [],
    goals: facts?.goals ?? [],
  });
  // something changed since (another request sent meanwhile, the course started): say what, ask again
  if ('errors' in checked) return advance(s, now, ctx);
  const chain = ctx.facts?.approvalChain;
  const person = ctx.person;
  if (chain?.status !== 'ok' || !person) {
    const why = chain?.status === 'error' ? chain.message : 'ยังตรวจสอบสายการบังคับบัญชาไม่ได้ในขณะนี้';
    return {
      state: s,
      replies: [text(`ยังส่งคำขอไม่ได้: ${why}\nฝ่ายบุคคลต้องแก้ไขข้อมูลผู้บังคับบัญชาก่อน`, [sendAction, CANCEL])],
    };
  }
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
  const first = chain.approvers[0];
  return {
    state: null,
    replies: [
      text(
        first
          ? `ส่งคำขอไปอบรม "${request.course.title}" ให้ ${first.name} พิจารณาแล้ว ✅\nติดตามสถานะได้ที่หน้า "คำขอไปอบรม" ใน LIFF หรือพิมพ์ "${REQUEST_WORD}" เพื่อยื่นคำขอใหม่`
          : `คำขอไปอบรม "${request.course.title}" อนุมัติแล้ว ✅ (ไม่มีผู้บังคับบัญชาที่ต้องพิจารณา)`,
      ),
    ],
    effects: sentEffects(request),
  };
}

const sendAction: Action = { type: 'postback', label: 'ส่งคำขอ', data: { a: P.send }, displayText: 'ส่งคำขอ' };
const edit = (q: Question, label: string): Action => ({
  type: 'postback',
  label,
  data: { a: P.edit, q },
  displayText: label,
});

function datePicker(min: string, initial?: string): Action {
  return {
    type: 'datetime',
    label: 'เลือกวันที่',
    mode: 'date',
    data: { a: P.date },
    min,
    initial: initial ?? min,
  };
}

function ask(s: State, now: Date, ctx: TurnContext): Reply[] {
  const q = order(s, ctx);
  const n = q.indexOf(s.at as Question) + 1;
  const prefix = n > 0 ? `(${n}/${q.length}) ` : '';
  const nav = n > 1 ? [BACK, CANCEL] : [CANCEL];
  const tomorrow = addDays(bangkokDate(now), 1);
  const d = s.draft;
  switch (s.at) {
    case 'course': {
      const list = s.offered.map((t, i) => `${i + 1}. ${t.title}`);
      const catalogue = ctx.facts?.requestContext?.catalogue ?? [];
      const lines = s.offered.map((o, i) => {
        const t = catalogue.find((c) => c.id === o.id);
        return t ? `${list[i]} (${dateRange(t.startDate, t.endDate)})` : (list[i] as string);
      });
      const body =
        s.offered.length > 0
          ? `${prefix}เลือกหลักสูตรที่ต้องการไปอบรม\n${lines.join('\n')}\n${s.offered.length + 1}. หลักสูตรภายนอก (กรอกรายละเอียดเอง)`
          : `${prefix}ตอนนี้ยังไม่มีหลักสูตรที่ฝ่ายบุคคลเปิดให้ขอ กด "หลักสูตรภายนอก" เพื่อกรอกรายละเอียดเอง`;
      return [
        text(body, [
          ...s.offered.map(
            (t, i): Action => ({
              type: 'postback',
              label: `${i + 1}. ${[...t.title].slice(0, 16).join('')}`,
              data: { a: P.course, t: t.id },
              displayText: t.title.slice(0, 300),
            }),
          ),
          {
            type: 'postback',
            label: 'หลักสูตรภายนอก',
            data: { a: P.course, t: EXTERNAL },
            displayText: 'หลักสูตรภายนอก',
          },
          CANCEL,
        ]),
      ];
    }
    case 'title':
      return [text(`${prefix}ชื่อหลักสูตรหรือหัวข้อการอบรม`, nav)];
    case 'organiser':
      return [text(`${prefix}หน่วยงานผู้จัด (เช่น กรมส่งเสริมการปกครองท้องถิ่น, มหาวิทยาลัย)`, nav)];
    case 'startDate':
      return [
        text(`${prefix}วันเริ่มอบรม พิมพ์ วัน/เดือน/ปี พ.ศ. (เช่น 15/1/2570) หรือกดเลือกวันที่`, [
          datePicker(tomorrow),
          ...nav,
        ]),
      ];
    case 'endDate':
      return [text(`${prefix}วันสุดท้ายของการอบรม`, [datePicker(d.startDate ?? tomorrow), ...nav])];
    case 'hours':
      return [text(`${prefix}รวมกี่ชั่วโมง (เช่น 6 หรือ 12.5)`, [say('6'), say('12'), say('18'), ...nav])];
    case 'place':
      return [text(`${prefix}สถานที่อบรม (เช่น โรงแรม…, จังหวัด… หรือ ออนไลน์)`, nav)];
    case 'returnDate': {
      const end = endOf(s, ctx);
      return [
        text(
          `${prefix}วันที่จะกลับมาปฏิบัติงาน (ใช้นับกำหนดส่งรายงานและส่งใช้เงินยืม)${end ? `\nอบรมวันสุดท้าย ${formatThaiDate(end)}` : ''}`,
          [say('วันสุดท้ายของการอบรม'), datePicker(end ?? tomorrow), ...nav],
        ),
      ];
    }
    case 'cost':
      return [
        text(`${prefix}ค่าใช้จ่ายที่ขอเบิก (บาท) เช่น ค่าลงทะเบียน ค่าเดินทาง ค่าที่พัก รวมกัน พิมพ์ 0 ถ้าไม่มี`, [
          say('0'),
          ...nav,
        ]),
      ];
    case 'budgetLine':
      return [text(`${prefix}เบิกจากงบประมาณใด (แผนงาน/งาน/รายการ เช่น "ค่าใช้จ่ายในการฝึกอบรม สำนักปลัด")`, nav)];
    case 'reason':
      return [text(`${prefix}เหตุผลที่ขอไปอบรม และจะนำความรู้มาใช้กับงานอย่างไร`, nav)];
    case 'goal': {
      const goals = ctx.facts?.requestContext?.goals ?? [];
      return [
        text(
          `${prefix}การอบรมนี้ตรงกับเป้าหมายใดในแผนพัฒนารายบุคคลของท่าน\n${goals
            .map((g, i) => `${i + 1}. ${competency(g.competencyId)?.name ?? g.competencyId}: ${g.goal}`)
            .join('\n')}`,
          [
            ...goals.slice(0, 9).map(
              (g, i): Action => ({
                type: 'postback',
                label: `${i + 1}. ${[...(competency(g.competencyId)?.name ?? g.competencyId)].slice(0, 16).join('')}`,
                data: { a: P.goal, g: g.id },
                displayText: competency(g.competencyId)?.name ?? g.competencyId,
              }),
            ),
            {
              type: 'postback',
              label: 'ไม่เกี่ยวกับแผนพัฒนา',
              data: { a: P.goal, g: NO_GOAL },
              displayText: 'ไม่เกี่ยวกับแผนพัฒนา',
            },
            BACK,
          ],
        ),
      ];
    }
    case 'confirm':
      return [summary(s, ctx)];
  }
}

function endOf(s: State, ctx: TurnContext): string | undefined {
  if (isExternal(s.draft)) return s.draft.endDate;
  return ctx.facts?.requestContext?.catalogue.find((t) => t.id === s.draft.trainingId)?.endDate;
}

function summary(s: State, ctx: TurnContext): Reply {
  const d = s.draft;
  const t = isExternal(d)
    ? undefined
    : ctx.facts?.requestContext?.catalogue.find((c) => c.id === d.trainingId);
  const title = t?.title ?? d.title ?? '-';
  const start = t?.startDate ?? d.startDate;
  const end = t?.endDate ?? d.endDate;
  const goal = ctx.facts?.requestContext?.goals.find((g) => g.id === d.idpGoalId);
  const cost = Number((d.cost ?? '0').replace(/,/g, ''));
  return {
    kind: 'card',
    title: 'ตรวจสอบคำขอก่อนส่ง',
    altText: `ตรวจสอบคำขอไปอบรม: ${title}`,
    fields: [
      { label: 'หลักสูตร', value: title },
      { label: 'ผู้จัด', value: t?.organiser ?? d.organiser ?? '-' },
      { label: 'วันที่', value: start && end ? dateRange(start, end) : '-' },
      { label: 'กลับมาปฏิบัติงาน', value: d.returnDate ? formatThaiDate(d.returnDate) : '-' },
      { label: 'สถานที่', value: d.place ?? '-' },
      { label: 'ค่าใช้จ่าย', value: Number.isFinite(cost) && cost > 0 ? bahtText(cost) : 'ไม่มี' },
      { label: 'งบประมาณ', value: d.budgetLine ?? '-' },
      { label: 'เหตุผล', value: d.reason ?? '-' },
      {
        label: 'ตามแผนพัฒนา',
        value: goal ? `${competency(goal.competencyId)?.name ?? goal.competencyId}: ${goal.goal}` : 'ไม่ได้ระบุ',
      },
    ],
    actions: [
      sendAction,
      edit('course', 'เปลี่ยนหลักสูตร'),
      edit('cost', 'แก้ค่าใช้จ่าย'),
      edit('reason', 'แก้เหตุผล'),
    ],
    quickReplies: [edit('returnDate', 'แก้วันกลับ'), BACK, CANCEL],
  };
}
