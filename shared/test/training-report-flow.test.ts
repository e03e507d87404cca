import { beforeEach, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, reportDueDate } from '../src/calendar/working-days';
import type { InboundEvent } from '../src/conversation/event';
import type { Action, Reply } from '../src/conversation/reply';
import { START_FLOW } from '../src/conversation/start-actions';
import {
  type ConversationState,
  type Effect,
  type Facts,
  type Lookup,
  lookupsFor,
  step,
  type TurnContext,
  type TurnResult,
} from '../src/features/registry';
import { hoursEntryFor, reviewRequestReplies } from '../src/features/report-review/report-review-flow';
import type { TrainingReportState } from '../src/features/training-report/training-report-flow';
import {
  ANSWER_LIMITS,
  EMPTY_REPORT_PARTS,
  type ReportAnswers,
  type TrainingReport,
} from '../src/reports/training-report';
import { graphemeLength } from '../src/text/graphemes';

// The edge, simulated: a stored report per id, lookups answered from the store inside the "turn", and
// reportSaved effects written back, so the flow is driven exactly as the webhook drives it.

const NOW = new Date('2026-12-03T03:00:00Z'); // Thu 3 Dec 2569, 10:00 in Bangkok
// 5 Dec 2569 (วันพ่อ) is a Saturday: its substitution day is Mon 7 Dec; 10 Dec is วันรัฐธรรมนูญ.
const calendar = createWorkingDayCalendar(['2026-12-05', '2026-12-07', '2026-12-10']);
const ME = { employeeId: 'E010', name: 'นางสาวจิราพร สายทอง', roles: ['staff'] as const };
const SUPERVISOR = { id: 'E005', name: 'นายสมชาย ใจดี' };
const MAYOR = { id: 'E001', name: 'นายวิชัย รักเมือง' };
const baseCtx: TurnContext = {
  person: { ...ME, roles: [...ME.roles] },
  privacy: { municipalityName: 'เทศบาลตำบลบ้านสาธิต', retentionYears: 10, contact: 'งานการเจ้าหน้าที่' },
  calendar,
};

function makeReport(over: Partial<TrainingReport> = {}): TrainingReport {
  const trainingId = over.trainingId ?? 'T2570-003';
  const employeeId = over.employeeId ?? ME.employeeId;
  return {
    id: `${trainingId}__${employeeId}`,
    trainingId,
    trainingTitle: 'การเขียนหนังสือราชการและงานสารบรรณ',
    method: 'training',
    hours: 18,
    startDate: '2026-11-25',
    endDate: '2026-11-27', // a Friday
    employeeId,
    employeeName: ME.name,
    returnDate: '2026-11-27',
    dueDate: '2026-12-09',
    ...EMPTY_REPORT_PARTS,
    ...over,
  };
}

const FULL: ReportAnswers = {
  learned: 'หลักการเขียนหนังสือราชการ 6 ชนิด และการใช้ภาษาให้กระชับ',
  application: 'ใช้ตรวจร่างหนังสือของกองก่อนเสนอปลัด ลดการแก้ไขซ้ำ',
  sharing: 'staffMeeting',
  problems: '-',
  rating: 5,
};

type Sent = TurnResult & { lookups: readonly Lookup[] };

class Edge {
  readonly reports = new Map<string, TrainingReport>();
  chain: Facts['approvalChain'] = { status: 'ok', approvers: [SUPERVISOR, MAYOR] };
  state: ConversationState = { flow: null, turn: 0 };
  ctx: TurnContext = baseCtx;
  readonly effects: Effect[] = [];

  constructor(...reports: TrainingReport[]) {
    for (const r of reports) this.reports.set(r.id, r);
  }

  send(event: InboundEvent, now = NOW): Sent {
    const lookups = lookupsFor(this.state, event);
    const facts: Facts = Object.assign({}, ...lookups.map((l) => this.answer(l)));
    const result = step(this.state, event, now, { ...this.ctx, facts });
    checkLineLimits(result.replies);
    for (const e of result.effects) {
      this.effects.push(e);
      if (e.type === 'reportSaved') this.reports.set(e.report.id, e.report);
    }
    this.state = result.state;
    return { ...result, lookups };
  }

  run(events: InboundEvent[]): Sent {
    let last: Sent | undefined;
    for (const e of events) last = this.send(e);
    return last as Sent;
  }

  report(id = makeReport().id): TrainingReport {
    return this.reports.get(id) as TrainingReport;
  }

  get flow() {
    return this.state.flow as TrainingReportState | null;
  }

  private answer(l: Lookup): Facts {
    switch (l.type) {
      case 'report': {
        const r = this.reports.get(l.reportId);
        return { report: r ? { status: 'ok', report: r } : { status: 'notFound' } };
      }
      case 'myOpenReports': {
        const open = [...this.reports.values()]
          .filter((r) => r.employeeId === this.ctx.person?.employeeId)
          .filter((r) => r.status === 'pending' || r.status === 'returned')
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
        return {
          myOpenReports: open.map(({ id, trainingTitle, dueDate, status, endDate }) => ({
            id,
            trainingTitle,
            dueDate,
            status,
            endDate,
          })),
          // as the edge does: with only one to file, the whole report comes too
          ...(open.length === 1 && open[0] ? { report: { status: 'ok' as const, report: open[0] } } : {}),
        };
      }
      case 'approvalChain':
        expect(l.employeeId).toBe(ME.employeeId);
        return this.chain ? { approvalChain: this.chain } : {};
      default:
        throw new Error(`unexpected lookup ${l.type}`);
    }
  }
}

/** What LINE allows; the renderer enforces it too, but a flow should never rely on cutting. */
function checkLineLimits(replies: readonly Reply[]) {
  const label = (a: Action) => expect(graphemeLength(a.label), a.label).toBeLessThanOrEqual(20);
  for (const r of replies) {
    if (r.kind === 'text') expect(r.text.length).toBeLessThanOrEqual(5000);
    if (r.kind === 'card') {
      expect(r.actions.length).toBeLessThanOrEqual(4);
      r.actions.forEach(label);
    }
    if (r.kind !== 'image') {
      expect(r.quickReplies?.length ?? 0).toBeLessThanOrEqual(13);
      r.quickReplies?.forEach(label);
    }
  }
}

const say = (t: string): InboundEvent => ({ kind: 'text', text: t });
const tap = (a: string, extra: Record<string, string | number> = {}): InboundEvent => ({
  kind: 'postback',
  payload: { a, ...extra },
});
const pickDate = (date: string): InboundEvent => ({
  kind: 'postback',
  payload: { a: 'tr.rd' },
  params: { date },
});
const image = (messageId: string): InboundEvent => ({ kind: 'image', messageId });
const sticker: InboundEvent = { kind: 'unsupported', what: 'sticker' };
const reminder = (r = makeReport().id) => tap(START_FLOW, { f: 'trainingReport', r });

const all = (r: TurnResult) => JSON.stringify(r.replies);
const last = (r: TurnResult) => r.replies.at(-1) as Reply;
const lastText = (r: TurnResult) => {
  const l = last(r);
  return l.kind === 'text' ? l.text : l.kind === 'card' ? l.title : '';
};
const quick = (r: TurnResult) => {
  const l = last(r);
  return l.kind === 'image' ? [] : (l.quickReplies ?? []);
};
const quickLabels = (r: TurnResult) => quick(r).map((a) => a.label);
/** the postback a quick reply or card button carries, as LINE would send it back */
const press = (r: TurnResult, label: string): InboundEvent => {
  const l = last(r);
  const actions = [...(l.kind === 'card' ? l.actions : []), ...quick(r)];
  const a = actions.find((x) => x.label === label);
  if (a?.type !== 'postback') throw new Error(`no postback button "${label}" in ${JSON.stringify(actions)}`);
  return { kind: 'postback', payload: a.data };
};

const LEARNED = 'หลักการเขียนหนังสือราชการ 6 ชนิด และการใช้ภาษาให้กระชับ ถูกต้องตามระเบียบ';
const APPLICATION = 'ใช้ตรวจร่างหนังสือของกองก่อนเสนอปลัด ลดการแก้ไขซ้ำ';

/** From the reminder's button to the first question. */
function atQuestion(edge: Edge, q: string): Sent {
  const steps: Record<string, InboundEvent[]> = {
    learned: [reminder(), say('ใช่')],
    application: [reminder(), say('ใช่'), say(LEARNED)],
    sharing: [reminder(), say('ใช่'), say(LEARNED), say(APPLICATION)],
    problems: [reminder(), say('ใช่'), say(LEARNED), say(APPLICATION), tap('tr.share', { s: 'onTheJob' })],
    rating: [
      reminder(),
      say('ใช่'),
      say(LEARNED),
      say(APPLICATION),
      tap('tr.share', { s: 'onTheJob' }),
      say('ห้องอบรมร้อน ควรจัดช่วงเช้า'),
    ],
  };
  return edge.run(steps[q] as InboundEvent[]);
}

describe('training report: from the reminder to the approver', () => {
  let edge: Edge;
  beforeEach(() => {
    edge = new Edge(makeReport());
  });

  it('walks the happy path with photos and notifies the first approver', () => {
    const opened = edge.send(reminder());
    expect(opened.lookups).toEqual([{ type: 'report', reportId: makeReport().id }]);
    expect(edge.flow).toMatchObject({ flow: 'trainingReport', reportId: makeReport().id, at: 'returnDate' });
    const intro = all(opened);
    expect(intro).toContain('การเขียนหนังสือราชการและงานสารบรรณ');
    expect(intro).toContain('25 พฤศจิกายน 2569 – 27 พฤศจิกายน 2569');
    expect(intro).toContain('วันกลับมาปฏิบัติงาน: 27 พฤศจิกายน 2569');
    expect(intro).toContain('กำหนดส่ง: 9 ธันวาคม 2569');
    expect(intro).toContain('7 วันทำการ นับจากวันถัดจากวันที่กลับมาปฏิบัติงาน ไม่นับวันเสาร์ อาทิตย์ และวันหยุดราชการ');
    expect(quickLabels(opened)).toEqual(['ใช่', 'เลือกวันกลับ', 'ยกเลิก']);
    expect(quick(opened)[1]).toMatchObject({
      type: 'datetime',
      mode: 'date',
      min: '2026-11-27',
      max: '2026-12-03',
    });
    expect(opened.effects).toEqual([]);

    const q1 = edge.send(press(opened, 'ใช่'));
    expect(lastText(q1)).toMatch(/^\(1\/6\) /);
    expect(q1.effects).toEqual([]);

    const q2 = edge.send(say(`  ${LEARNED}  `));
    expect(lastText(q2)).toMatch(/^\(2\/6\) /);
    expect(q2.effects).toEqual([
      {
        type: 'reportSaved',
        action: 'draftSaved',
        report: { ...makeReport(), answers: { learned: LEARNED } },
      },
    ]);

    const q3 = edge.send(say(APPLICATION));
    expect(lastText(q3)).toMatch(/^\(3\/6\) /);
    expect(quickLabels(q3)).toEqual([
      'เล่าในประชุมประจำเดือน',
      'ทำเอกสารเวียนกอง',
      'สอนงานเพื่อนร่วมงาน',
      'อื่น ๆ (พิมพ์เอง)',
      'ย้อนกลับ',
      'ยกเลิก',
    ]);
    const q4 = edge.send(press(q3, 'เล่าในประชุมประจำเดือน'));
    expect(lastText(q4)).toMatch(/^\(4\/6\) /);
    const q5 = edge.send(press(q4, 'ไม่มี'));
    expect(lastText(q5)).toMatch(/^\(5\/6\) /);
    expect(quickLabels(q5).slice(0, 5)).toEqual(['5 มากที่สุด', '4 มาก', '3 ปานกลาง', '2 น้อย', '1 น้อยที่สุด']);
    const q6 = edge.send(press(q5, '4 มาก'));
    expect(lastText(q6)).toContain('(6/6) ส่งรูปภาพการอบรมหรือเกียรติบัตร (ไม่บังคับ)');
    expect(quick(q6).map((a) => a.type)).toEqual(['camera', 'cameraRoll', 'postback', 'message', 'message']);
    expect(quickLabels(q6)).toContain('ข้าม');

    const photo1 = edge.send(image('m-1'));
    expect(photo1.effects).toEqual([
      {
        type: 'reportSaved',
        action: 'draftSaved',
        report: expect.objectContaining({ photos: [{ messageId: 'm-1', receivedAt: NOW.toISOString() }] }),
      },
      { type: 'reportPhotoReceived', reportId: makeReport().id, messageId: 'm-1' },
    ]);
    expect(lastText(photo1)).toContain('แนบแล้ว 1/5 รูป');
    expect(edge.flow?.at).toBe('photos');
    const photo2 = edge.send(image('m-2'));
    expect(lastText(photo2)).toContain('แนบแล้ว 2/5 รูป');
    expect(quickLabels(photo2)).toContain('เสร็จแล้ว');

    const card = edge.send(press(photo2, 'เสร็จแล้ว'));
    expect(edge.flow?.at).toBe('confirm');
    const summary = last(card);
    expect(summary.kind).toBe('card');
    const shown = JSON.stringify(summary);
    for (const s of [
      LEARNED,
      APPLICATION,
      'นำเสนอในการประชุมพนักงานประจำเดือน',
      '4/5 (มาก)',
      '2 รูป',
      '27 พฤศจิกายน 2569',
      '9 ธันวาคม 2569',
    ]) {
      expect(shown).toContain(s);
    }
    expect(shown).not.toContain('liff.line.me'); // no LIFF id in this context

    const stored = edge.report();
    expect(stored.answers).toEqual({
      learned: LEARNED,
      application: APPLICATION,
      sharing: 'staffMeeting',
      problems: '-',
      rating: 4,
    });
    expect(stored.history).toEqual([]); // drafts never add history

    const sent = edge.send(press(card, 'ส่งรายงาน'));
    expect(sent.lookups).toEqual([
      { type: 'report', reportId: stored.id },
      { type: 'approvalChain', employeeId: 'E010' },
    ]);
    const updated = edge.report();
    expect(updated).toMatchObject({
      status: 'submitted',
      approvers: ['E005', 'E001'],
      currentApproverId: 'E005',
      firstSubmittedAt: NOW.toISOString(),
    });
    expect(updated.history).toEqual([{ action: 'submitted', by: 'E010', at: NOW.toISOString() }]);
    expect(sent.effects).toEqual([
      { type: 'reportSaved', report: updated, action: 'submitted' },
      {
        type: 'notifyEmployee',
        employeeId: 'E005',
        replies: reviewRequestReplies(updated),
        key: `${updated.id}:submitted:1`,
      },
    ]);
    expect(lastText(sent)).toContain('ให้ นายสมชาย ใจดี พิจารณาแล้ว');
    expect(lastText(sent)).toContain('ส่งภายในกำหนด');
    expect(edge.flow).toBeNull();
  });

  it('says how late a report is, in working days', () => {
    edge.reports.set(makeReport().id, makeReport({ answers: FULL }));
    const card = edge.send(reminder());
    expect(last(card).kind).toBe('card');
    // due Wed 9 Dec; Thu 10 Dec is a holiday, so Fri 11 and Mon 14 are the 2 working days late
    const sent = edge.send(press(card, 'ส่งรายงาน'), new Date('2026-12-14T03:00:00Z'));
    expect(lastText(sent)).toContain('ส่งหลังกำหนด 2 วันทำการ');
  });

  it('offers the form (LIFF) on the summary when there is one, in plain Thai', () => {
    edge.ctx = { ...baseCtx, liffId: '2001234567-AbCdEfGh' };
    edge.reports.set(makeReport().id, makeReport({ answers: FULL }));
    const card = last(edge.send(reminder()));
    expect(card.kind === 'card' && card.actions).toContainEqual({
      type: 'uri',
      label: 'เปิดแบบฟอร์ม',
      uri: `https://liff.line.me/2001234567-AbCdEfGh/reports/${makeReport().id}`,
    });
  });

  it('the mayor (no one above) is approved at once and the hours count', () => {
    edge.chain = { status: 'ok', approvers: [] };
    edge.reports.set(makeReport().id, makeReport({ answers: FULL }));
    const card = edge.send(reminder());
    const sent = edge.send(press(card, 'ส่งรายงาน'));
    const updated = edge.report();
    expect(updated).toMatchObject({
      status: 'approved',
      currentApproverId: null,
      approvedAt: NOW.toISOString(),
    });
    expect(sent.effects).toEqual([
      { type: 'reportSaved', report: updated, action: 'submitted' },
      { type: 'hoursCredited', entry: hoursEntryFor(updated, NOW) },
    ]);
    expect(hoursEntryFor(updated, NOW).fiscalYear).toBe(2570);
    expect(lastText(sent)).toContain('อนุมัติแล้ว');
    expect(lastText(sent)).toContain('18 ชั่วโมง');
    expect(edge.flow).toBeNull();
  });

  it('keeps the draft at the summary when the approval chain is broken, and sends once HR fixes it', () => {
    edge.chain = { status: 'error', message: 'สายการบังคับบัญชาวนซ้ำ: E005 → E007 → E005' };
    edge.reports.set(makeReport().id, makeReport({ answers: FULL }));
    const card = edge.send(reminder());
    const refused = edge.send(press(card, 'ส่งรายงาน'));
    expect(lastText(refused)).toContain('สายการบังคับบัญชาวนซ้ำ: E005 → E007 → E005');
    expect(lastText(refused)).toContain('ฝ่ายบุคคล');
    expect(refused.effects).toEqual([]);
    expect(edge.flow?.at).toBe('confirm');
    expect(edge.report()).toEqual(makeReport({ answers: FULL }));

    edge.chain = { status: 'ok', approvers: [SUPERVISOR] };
    const sent = edge.send(press(refused, 'ส่งรายงาน'));
    expect(edge.report().status).toBe('submitted');
    expect(sent.effects.map((e) => e.type)).toEqual(['reportSaved', 'notifyEmployee']);
  });
});

describe('training report: starting', () => {
  it('typed, with no open report: says so and ends', () => {
    const edge = new Edge(makeReport({ status: 'approved' }));
    const r = edge.send(say('รายงานผลการอบรม'));
    expect(r.lookups).toEqual([{ type: 'myOpenReports' }]);
    expect(lastText(r)).toContain('ไม่มีรายงานผลการฝึกอบรมที่ต้องส่ง');
    expect(quickLabels(r)).toContain('แจ้งอบรมภายนอก');
    expect(edge.flow).toBeNull();
  });

  it('typed, with one open report: opens it at once', () => {
    const edge = new Edge(makeReport());
    const opened = edge.send(say('รายงานผลการอบรม'));
    expect(edge.flow).toMatchObject({ at: 'returnDate', reportId: makeReport().id });
    expect(all(opened)).toContain('การเขียนหนังสือราชการและงานสารบรรณ');
    expect(all(opened)).toContain('ใช่หรือไม่');
  });

  it('typed, with two open reports: lists them nearest due first and opens the one picked', () => {
    const later = makeReport({
      trainingId: 'T2570-009',
      trainingTitle: 'การจัดทำแผนพัฒนาท้องถิ่นและการติดตามประเมินผลแผนพัฒนา',
      dueDate: '2026-12-15',
      status: 'returned',
      returnComment: 'กรุณาระบุตัวอย่างการนำไปใช้',
      answers: FULL,
    });
    const edge = new Edge(later, makeReport());
    const r = edge.send(say('รายงานผลการฝึกอบรม'));
    expect(edge.flow?.at).toBe('chooseReport');
    const text = lastText(r);
    expect(text.indexOf('การเขียนหนังสือราชการ')).toBeLessThan(text.indexOf('การจัดทำแผนพัฒนาท้องถิ่น'));
    expect(text).toContain('15 ธันวาคม 2569 (ถูกส่งกลับให้แก้ไข)');
    expect(quickLabels(r)).toHaveLength(3);
    expect(quickLabels(r)[1]).toBe('2. การจัดทำแผนพัฒนาท้อง…');

    const wrong = edge.send(say('เรื่องที่สอง'));
    expect(lastText(wrong)).toContain('เลือกเรื่องที่ต้องการรายงาน');
    expect(edge.flow?.at).toBe('chooseReport');

    const opened = edge.send(press(wrong, '2. การจัดทำแผนพัฒนาท้อง…'));
    expect(opened.lookups).toEqual([{ type: 'report', reportId: later.id }]);
    expect(edge.flow).toMatchObject({ reportId: later.id, at: 'confirm' });
  });

  it('refuses a report that is not the person’s own', () => {
    const theirs = makeReport({ employeeId: 'E099' });
    const edge = new Edge(theirs);
    const r = edge.send(reminder(theirs.id));
    expect(lastText(r)).toContain('ไม่ใช่ของท่าน');
    expect(r.effects).toEqual([]);
    expect(edge.flow).toBeNull();
    expect(JSON.stringify(r.replies)).not.toContain(theirs.trainingTitle);
  });

  it('a report that no longer exists', () => {
    const edge = new Edge();
    const r = edge.send(reminder('T0__E010'));
    expect(lastText(r)).toContain('ไม่พบรายงานนี้');
    expect(edge.flow).toBeNull();
  });

  it('an already submitted report: says who is reviewing it; an approved one: says so', () => {
    const submitted = makeReport({
      status: 'submitted',
      answers: FULL,
      approvers: ['E005', 'E001'],
      currentApproverId: 'E001',
      approvedBy: ['E005'],
      submittedAt: '2026-12-01T02:00:00Z',
    });
    const edge = new Edge(submitted);
    const r = edge.send(reminder());
    expect(lastText(r)).toContain('ส่งแล้ว เมื่อ 1 ธันวาคม 2569');
    expect(lastText(r)).toContain('ผู้พิจารณาลำดับที่ 2 จาก 2');
    expect(edge.flow).toBeNull();

    edge.reports.set(submitted.id, { ...submitted, status: 'approved', approvedAt: '2026-12-02T02:00:00Z' });
    const approved = edge.send(reminder());
    expect(lastText(approved)).toContain('อนุมัติครบแล้ว เมื่อ 2 ธันวาคม 2569');
    expect(edge.flow).toBeNull();
  });

  it('a report submitted in LIFF meanwhile ends the chat flow instead of overwriting it', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'application');
    edge.reports.set(makeReport().id, {
      ...edge.report(),
      answers: FULL,
      status: 'submitted',
      approvers: ['E005'],
      currentApproverId: 'E005',
    });
    const r = edge.send(say(APPLICATION));
    expect(r.effects).toEqual([]);
    expect(lastText(r)).toContain('ส่งแล้ว');
    expect(edge.flow).toBeNull();
  });

  it('a returned report shows the comment, goes to the summary, and is sent again', () => {
    const returned = makeReport({
      status: 'returned',
      answers: FULL,
      approvers: ['E005', 'E001'],
      returnComment: 'กรุณาระบุตัวอย่างการนำไปใช้ให้ชัดเจน',
      firstSubmittedAt: '2026-12-01T02:00:00Z',
      submittedAt: '2026-12-01T02:00:00Z',
      history: [
        { action: 'submitted', by: 'E010', at: '2026-12-01T02:00:00Z' },
        { action: 'returned', by: 'E005', at: '2026-12-02T02:00:00Z', comment: 'กรุณาระบุตัวอย่าง' },
      ],
    });
    const edge = new Edge(returned);
    const opened = edge.send(reminder());
    expect(all(opened)).toContain('ความเห็นผู้พิจารณา: กรุณาระบุตัวอย่างการนำไปใช้ให้ชัดเจน');
    expect(last(opened).kind).toBe('card');
    expect(edge.flow?.at).toBe('confirm');

    const editing = edge.send(press(opened, 'แก้การนำไปใช้'));
    expect(lastText(editing)).toMatch(/^\(2\/6\) /);
    const better = 'ใช้ตรวจร่างหนังสือของกองคลังก่อนเสนอปลัด เช่น หนังสือขออนุมัติจัดซื้อ';
    const back = edge.send(say(better));
    expect(edge.flow?.at).toBe('confirm'); // an edit from the summary returns to it
    expect(last(back).kind).toBe('card');

    const sent = edge.send(press(back, 'ส่งรายงาน'));
    const updated = edge.report();
    expect(updated.answers.application).toBe(better);
    expect(updated).toMatchObject({
      status: 'submitted',
      currentApproverId: 'E005',
      firstSubmittedAt: '2026-12-01T02:00:00Z', // on time is judged by the first submission
      submittedAt: NOW.toISOString(),
    });
    expect(updated.returnComment).toBeUndefined();
    expect(updated.history.map((h) => h.action)).toEqual(['submitted', 'returned', 'submitted']);
    expect(sent.effects).toContainEqual(
      expect.objectContaining({
        type: 'notifyEmployee',
        employeeId: 'E005',
        key: `${updated.id}:submitted:3`,
      }),
    );
    expect(lastText(sent)).toContain('ส่งภายในกำหนด');
  });

  it('a returned report keeps its return date: the due date already judged it', () => {
    const returned = makeReport({
      status: 'returned',
      answers: FULL,
      returnComment: 'เพิ่มรายละเอียด',
      firstSubmittedAt: '2026-12-01T02:00:00Z',
    });
    const edge = new Edge(returned);
    const card = edge.send(reminder());
    expect(quickLabels(card)).not.toContain('แก้วันกลับ');
    const refused = edge.send(tap('tr.edit', { q: 'returnDate' }));
    expect(all(refused)).toContain('ติดต่อฝ่ายบุคคล');
    expect(edge.flow?.at).toBe('confirm');
    edge.send(tap('tr.edit', { q: 'learned' }));
    expect(all(edge.send(say('ย้อนกลับ')))).toContain('นี่คือคำถามแรกแล้ว');
    expect(edge.report()).toEqual(returned);
  });
});

describe('training report: the return date', () => {
  it('a corrected return date recomputes the due date across a weekend and holidays', () => {
    const edge = new Edge(makeReport());
    expect(reportDueDate(calendar, '2026-11-27')).toBe('2026-12-09'); // the fixture's due date
    edge.send(reminder());
    const r = edge.send(pickDate('2026-11-30'));
    // back Mon 30 Nov: 1–4 Dec, (5–7 weekend + substitution day), 8, 9, (10 holiday), 11 Dec
    const corrected = edge.report();
    expect(corrected).toMatchObject({ returnDate: '2026-11-30', dueDate: '2026-12-11' });
    expect(corrected.history).toEqual([{ action: 'returnDateCorrected', by: 'E010', at: NOW.toISOString() }]);
    expect(r.effects).toEqual([{ type: 'reportSaved', report: corrected, action: 'returnDateCorrected' }]);
    expect(all(r)).toContain('กำหนดส่งใหม่: 11 ธันวาคม 2569');
    expect(lastText(r)).toMatch(/^\(1\/6\) /);
  });

  it('accepts a typed date, with Thai digits too', () => {
    const edge = new Edge(makeReport());
    edge.run([reminder(), say('๑/๑๒/๒๕๖๙')]);
    // back Tue 1 Dec: 2, 3, 4, 8, 9, 11, 14 Dec
    expect(edge.report()).toMatchObject({ returnDate: '2026-12-01', dueDate: '2026-12-14' });
  });

  it('without the calendar keeps the stored due date and says HR will confirm it', () => {
    const edge = new Edge(makeReport());
    edge.ctx = { ...baseCtx, calendar: undefined };
    edge.send(reminder());
    const r = edge.send(pickDate('2026-11-30'));
    expect(edge.report()).toMatchObject({ returnDate: '2026-11-30', dueDate: '2026-12-09' });
    expect(all(r)).toContain('ฝ่ายบุคคลจะยืนยัน');
  });

  it('rejects dates before the last day, in the future, or not dates at all', () => {
    const edge = new Edge(makeReport());
    edge.send(reminder());
    const cases: [InboundEvent, string][] = [
      [pickDate('2026-11-26'), 'ต้องไม่ก่อนวันสุดท้ายของการอบรม (27 พฤศจิกายน 2569)'],
      [say('4/12/2569'), 'ต้องไม่เลยวันนี้'],
      [say('31/11/2569'), 'ไม่ใช่วันที่ที่ถูกต้อง'],
      [say('เมื่อวานซืน'), 'ไม่ใช่วันที่ที่ถูกต้อง'],
      [sticker, 'สติกเกอร์'],
      [image('x'), 'ยังไม่รับรูปภาพ'],
      [tap('tr.rate', { v: 5 }), 'ปุ่มนี้ไม่ใช่ของคำถามปัจจุบัน'],
    ];
    for (const [event, hint] of cases) {
      const r = edge.send(event);
      expect(all(r)).toContain(hint);
      expect(lastText(r)).toContain('ใช่หรือไม่');
      expect(r.effects).toEqual([]);
      expect(edge.flow?.at).toBe('returnDate');
    }
    expect(edge.report()).toEqual(makeReport());
  });
});

describe('training report: bad answers keep everything and ask again', () => {
  function expectRejected(edge: Edge, event: InboundEvent, hint: string, question: RegExp) {
    const before = { flow: edge.flow, report: edge.report() };
    const r = edge.send(event);
    expect(all(r)).toContain(hint);
    expect(lastText(r)).toMatch(question);
    expect(r.effects).toEqual([]);
    expect(edge.flow).toEqual(before.flow);
    expect(edge.report()).toEqual(before.report);
  }

  it('learned and application: too short, too long, not text', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'learned');
    const q1 = /^\(1\/6\) /;
    expectRejected(edge, say('ดีมาก'), 'สั้นเกินไป', q1);
    // counted as a person counts: an emoji is one character, a letter with its marks is one
    expectRejected(edge, say('👍👍👍'), 'สั้นเกินไป (3 ตัวอักษร)', q1);
    expectRejected(edge, say('ได้ความรู้ 👍'), 'สั้นเกินไป (9 ตัวอักษร)', q1);
    expectRejected(edge, say('ก'.repeat(ANSWER_LIMITS.long + 1)), `ไม่เกิน ${ANSWER_LIMITS.long} ตัวอักษร`, q1);
    expectRejected(edge, image('early'), 'ส่งรูปได้ในข้อ 6', q1);
    expectRejected(edge, sticker, 'สติกเกอร์', q1);
    expectRejected(edge, tap('tr.share', { s: 'leaflet' }), 'ปุ่มนี้ไม่ใช่ของคำถามปัจจุบัน', q1);
    // exactly at the limits is fine
    edge.send(say('ก'.repeat(ANSWER_LIMITS.long)));
    expect(edge.report().answers.learned).toHaveLength(ANSWER_LIMITS.long);
    expectRejected(edge, say('ใช้ได้'), 'สั้นเกินไป', /^\(2\/6\) /);
    edge.send(say('ก'.repeat(ANSWER_LIMITS.min)));
    expect(edge.flow?.at).toBe('sharing');
  });

  it('sharing: a plan typed in one’s own words is "other" with that text; "other" asks for the plan, which has a limit', () => {
    const typed = new Edge(makeReport());
    atQuestion(typed, 'sharing');
    // nothing typed is lost: the sentence becomes the plan, and the next question follows
    typed.send(say('เล่าให้ทีมฟังตอนประชุมเช้า'));
    expect(typed.report().answers).toMatchObject({ sharing: 'other', sharingDetail: 'เล่าให้ทีมฟังตอนประชุมเช้า' });
    expect(typed.flow?.at).toBe('problems');
    const edge = new Edge(makeReport());
    atQuestion(edge, 'sharing');
    // too short to be a plan: still the hint to choose
    expectRejected(edge, say('ก'), 'กรุณาเลือกวิธีแบ่งปันความรู้', /^\(3\/6\) /);
    expectRejected(edge, tap('tr.share', { s: 'podcast' }), 'เลือกวิธีแบ่งปันความรู้', /^\(3\/6\) /);
    expectRejected(edge, tap('tr.rate', { v: 3 }), 'ปุ่มนี้ไม่ใช่ของคำถามปัจจุบัน', /^\(3\/6\) /);
    const detail = edge.send(tap('tr.share', { s: 'other' }));
    expect(edge.report().answers.sharing).toBe('other');
    expect(lastText(detail)).toContain('(3/6) พิมพ์วิธีแบ่งปันความรู้ของท่าน');
    expectRejected(
      edge,
      say('ก'.repeat(ANSWER_LIMITS.short + 1)),
      `ไม่เกิน ${ANSWER_LIMITS.short}`,
      /^\(3\/6\) /,
    );
    expectRejected(edge, sticker, 'สติกเกอร์', /^\(3\/6\) /);
    edge.send(say('ทำคลิปสั้นลงกลุ่ม LINE ของกอง'));
    expect(edge.report().answers).toMatchObject({
      sharing: 'other',
      sharingDetail: 'ทำคลิปสั้นลงกลุ่ม LINE ของกอง',
    });
    expect(edge.flow?.at).toBe('problems');
    // a typed label is a choice too
    const edge2 = new Edge(makeReport());
    atQuestion(edge2, 'sharing');
    edge2.send(say('สอนงานเพื่อนร่วมงาน'));
    expect(edge2.report().answers.sharing).toBe('onTheJob');
  });

  it('problems: "ไม่มี" typed or pressed stores "-"; images are refused', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'problems');
    expectRejected(edge, image('p'), 'ยังไม่รับรูปภาพ', /^\(4\/6\) /);
    expectRejected(edge, say('ok'), 'สั้นเกินไป', /^\(4\/6\) /);
    edge.send(say('ไม่มี'));
    expect(edge.report().answers.problems).toBe('-');
    expect(edge.flow?.at).toBe('rating');
  });

  it('rating: out of range, words, stickers; Thai digits and labels work', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'rating');
    const q5 = /^\(5\/6\) /;
    expectRejected(edge, say('6'), 'นอกช่วงคะแนน', q5);
    expectRejected(edge, say('0'), 'นอกช่วงคะแนน', q5);
    expectRejected(edge, say('4.5'), 'นอกช่วงคะแนน', q5);
    expectRejected(edge, say('ดีเลิศ'), 'กรุณาให้คะแนน 1 ถึง 5', q5);
    expectRejected(edge, tap('tr.rate', { v: 6 }), 'กรุณาให้คะแนน 1 ถึง 5', q5);
    expectRejected(edge, sticker, 'สติกเกอร์', q5);
    edge.send(say('๕'));
    expect(edge.report().answers.rating).toBe(5);
    const again = new Edge(makeReport());
    atQuestion(again, 'rating');
    again.send(say('น้อยที่สุด'));
    expect(again.report().answers.rating).toBe(1);
  });

  it('photos: at most 5, text is not a photo, and skipping needs no photo', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'rating');
    edge.send(say('5'));
    expectRejected(edge, say('รูปอยู่ในเครื่อง'), 'ขั้นนี้รับเฉพาะรูปภาพ', /^\(6\/6\) /);
    expectRejected(edge, sticker, 'สติกเกอร์', /^\(6\/6\) /);
    for (let i = 1; i <= 5; i++) {
      const r = edge.send(image(`m-${i}`));
      expect(r.effects.map((e) => e.type)).toEqual(['reportSaved', 'reportPhotoReceived']);
    }
    expect(edge.report().photos).toHaveLength(5);
    const sixth = edge.send(image('m-6'));
    expect(all(sixth)).toContain('ครบ 5 รูปแล้ว');
    expect(sixth.effects).toEqual([]);
    expect(edge.report().photos.map((p) => p.messageId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    expect(quick(sixth).map((a) => a.type)).not.toContain('camera');
    edge.send(say('เสร็จแล้ว'));
    expect(edge.flow?.at).toBe('confirm');

    const skipper = new Edge(makeReport());
    atQuestion(skipper, 'rating');
    const photos = skipper.send(say('5'));
    const card = skipper.send(press(photos, 'ข้าม'));
    expect(JSON.stringify(card.replies)).toContain('ไม่มี');
    expect(skipper.flow?.at).toBe('confirm');
  });

  it('at the summary, other text and images are not a submission', () => {
    const edge = new Edge(makeReport({ answers: FULL }));
    edge.send(reminder());
    expect(all(edge.send(image('late')))).toContain('แก้รูปภาพ');
    for (const e of [say('โอเค'), image('late'), sticker]) {
      const r = edge.send(e);
      expect(last(r).kind).toBe('card');
      expect(r.effects).toEqual([]);
      expect(edge.report().status).toBe('pending');
    }
  });
});

describe('training report: moving around', () => {
  it('ย้อนกลับ goes back one question, keeps the answers, and then returns to where it was', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'problems');
    const back = edge.send(say('ย้อนกลับ'));
    expect(lastText(back)).toMatch(/^\(3\/6\) /);
    expect(edge.report().answers).toMatchObject({
      learned: LEARNED,
      application: APPLICATION,
      sharing: 'onTheJob',
    });
    const back2 = edge.send(say('ย้อนกลับ'));
    expect(lastText(back2)).toMatch(/^\(2\/6\) /);
    edge.send(say('นำไปปรับแบบฟอร์มหนังสือของกองให้ถูกต้อง'));
    // the next unanswered question, not the one after the revisited one
    expect(edge.flow?.at).toBe('problems');
    expect(edge.report().answers.application).toBe('นำไปปรับแบบฟอร์มหนังสือของกองให้ถูกต้อง');
    expect(edge.report().answers.sharing).toBe('onTheJob');

    const first = new Edge(makeReport());
    atQuestion(first, 'learned');
    const toDate = first.send(say('ย้อนกลับ'));
    expect(first.flow?.at).toBe('returnDate');
    expect(lastText(toDate)).toContain('ใช่หรือไม่');
    expect(lastText(first.send(say('ย้อนกลับ')))).toContain('ใช่หรือไม่');
    expect(all(first.send(say('ย้อนกลับ')))).toContain('นี่คือคำถามแรกแล้ว');
  });

  it('ย้อนกลับ from the summary goes to the photos', () => {
    const edge = new Edge(makeReport({ answers: FULL }));
    edge.send(reminder());
    const r = edge.send(say('ย้อนกลับ'));
    expect(lastText(r)).toContain('(6/6)');
  });

  it('edits one answer from the summary and comes back to the summary', () => {
    const edge = new Edge(makeReport({ answers: FULL }));
    const card = edge.send(reminder());
    const rating = edge.send(press(card, 'แก้คะแนน'));
    expect(lastText(rating)).toMatch(/^\(5\/6\) /);
    const back = edge.send(say('3'));
    expect(edge.flow?.at).toBe('confirm');
    expect(JSON.stringify(last(back))).toContain('3/5 (ปานกลาง)');
    // changing the plan to "other" asks for the typed plan, then the summary
    const sharing = edge.send(press(back, 'แก้การแบ่งปันความรู้'));
    edge.send(press(sharing, 'อื่น ๆ (พิมพ์เอง)'));
    expect(edge.flow?.at).toBe('sharingDetail');
    edge.send(say('จัดกิจกรรมเล่าสู่กันฟังทุกวันศุกร์'));
    expect(edge.flow?.at).toBe('confirm');
    // and back to a listed plan drops the typed one
    const again = edge.send(tap('tr.edit', { q: 'sharing' }));
    edge.send(press(again, 'ทำเอกสารเวียนกอง'));
    expect(edge.report().answers).toEqual({ ...FULL, rating: 3, sharing: 'leaflet' });
  });

  it('resumes with ทำต่อ after the menu, asking from the stored report', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'application');
    const menu = edge.send(say('เมนู'));
    expect(edge.flow?.at).toBe('application');
    expect(lastText(menu)).toContain('ทำต่อ');
    const resumed = edge.send(say('ทำต่อ'));
    expect(resumed.lookups).toEqual([{ type: 'report', reportId: makeReport().id }]);
    expect(lastText(resumed)).toMatch(/^\(2\/6\) /);
    edge.send(say(APPLICATION));
    expect(edge.report().answers).toMatchObject({ learned: LEARNED, application: APPLICATION });
  });

  it('after ยกเลิก the draft stays, and the reminder button continues where it stopped', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'sharing');
    const cancelled = edge.send(say('ยกเลิก'));
    expect(edge.flow).toBeNull();
    // the person hears that nothing was lost, and where to pick it up
    expect(lastText(cancelled)).toContain('คำตอบที่ตอบไว้ยังเก็บอยู่ในรายงานฉบับร่าง');
    expect(cancelled.effects).toEqual([]);
    const back = edge.send(reminder());
    expect(all(back)).toContain('ต่อจากที่บันทึกไว้');
    expect(lastText(back)).toMatch(/^\(3\/6\) /);
    expect(edge.flow?.at).toBe('sharing');
  });

  it('skips an answer typed in the LIFF form between turns', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'learned');
    // meanwhile, in LIFF: the application
    edge.reports.set(makeReport().id, {
      ...edge.report(),
      answers: { application: 'กรอกในแบบฟอร์ม LIFF: ใช้ตรวจร่างหนังสือ' },
    });
    const r = edge.send(say(LEARNED));
    expect(edge.report().answers).toEqual({
      learned: LEARNED,
      application: 'กรอกในแบบฟอร์ม LIFF: ใช้ตรวจร่างหนังสือ',
    });
    expect(lastText(r)).toMatch(/^\(3\/6\) /);

    // and the question being asked was answered there: ทำต่อ asks the next unanswered one
    edge.reports.set(makeReport().id, {
      ...edge.report(),
      answers: { ...edge.report().answers, sharing: 'leaflet', problems: 'ไม่มีเอกสารประกอบ' },
    });
    expect(lastText(edge.send(say('ทำต่อ')))).toMatch(/^\(5\/6\) /);
    edge.send(say('4'));
    expect(edge.report().answers).toMatchObject({
      sharing: 'leaflet',
      problems: 'ไม่มีเอกสารประกอบ',
      rating: 4,
    });
    expect(edge.flow?.at).toBe('photos');
  });

  it('a stale button re-asks the current question', () => {
    const edge = new Edge(makeReport());
    atQuestion(edge, 'rating');
    const r = edge.send({ kind: 'stalePostback', reason: 'expired' });
    expect(all(r)).toContain('หมดอายุ');
    expect(lastText(r)).toMatch(/^\(5\/6\) /);
    expect(edge.flow?.at).toBe('rating');
  });
});

describe('training report: the knowledge-library choice at the end', () => {
  it('shows "published when approved" by default; a tap keeps it internal, another publishes it again', () => {
    const edge = new Edge(makeReport({ answers: FULL }));
    const summary = edge.send(reminder());
    expect(all(summary)).toContain('เผยแพร่ให้เพื่อนร่วมงานเมื่ออนุมัติ');
    const internal = edge.send(press(summary, 'ไม่เผยแพร่ (ภายใน)'));
    expect(edge.report().libraryChoice).toBe('internal');
    expect(internal.effects).toEqual([{ type: 'reportSaved', report: edge.report(), action: 'draftSaved' }]);
    expect(all(internal)).toContain('เก็บเป็นเอกสารภายใน');
    expect(edge.flow?.at).toBe('confirm');
    edge.send(press(internal, 'เผยแพร่ในคลังความรู้'));
    expect(edge.report().libraryChoice).toBe('share');
    // and it is sent with the choice it carries
    const sent = edge.send(tap('tr.submit'));
    expect(sent.effects[0]).toMatchObject({
      type: 'reportSaved',
      report: { libraryChoice: 'share', status: 'submitted' },
    });
  });

  it('refuses a choice that is not one, and a stale choice on a report already sent', () => {
    const edge = new Edge(makeReport({ answers: FULL }));
    edge.send(reminder());
    const odd = edge.send(tap('tr.lib', { v: 'everyone' }));
    expect(all(odd)).toContain('ปุ่มนี้ใช้ไม่ได้แล้ว');
    expect(odd.effects).toEqual([]);
    expect(edge.report().libraryChoice).toBeUndefined();
  });
});
