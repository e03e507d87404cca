import {
  addDays,
  bangkokDate,
  fiscalYearOf,
  fiscalYearOfInstant,
  nameSortKey,
  type TrainingReport,
} from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { daytimeClock } from '../support/daytime-clock';
import { seedReport } from '../support/report-docs';
import { CHAIN, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The team API: a supervisor's people and the post-training reports waiting for them, decided from
// LIFF. A decision there must do exactly what the chat's "อนุมัติ" does: the same transitions, the next
// approver pushed (with buttons that work in chat), the person told, the hours credited once.

// approvals push notices to the next person: daytime, whatever the hour the suite runs
const sys = useSystem({ clock: daytimeClock() });
const FY = fiscalYearOfInstant(new Date());

let people: Promise<Record<string, string>> | undefined;
const users = () =>
  (people ??= seedChain(sys, [
    ...CHAIN,
    { employeeId: 'R015', name: 'ผู้อำนวยการกองช่าง ทดสอบ', roles: ['supervisor'], supervisorId: 'R002' },
    { employeeId: 'R016', name: 'นายช่าง ทดสอบ', roles: ['staff'], supervisorId: 'R015' },
    { employeeId: 'R012', name: 'นางสาวพิมพ์ชนก ทดสอบ', roles: ['staff'], supervisorId: 'R009' },
  ]));
const lineOf = async (employeeId: string) => (await users())[employeeId] as string;

async function call(employeeId: string, path: string, o: { method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken(await lineOf(employeeId), { aud: DEV_CHANNEL.loginChannelId });
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'POST',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  await bot.drain();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}
const get = (employeeId: string, path: string) => call(employeeId, path, { method: 'GET' });

const ANSWERS = {
  learned: 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด',
  application: 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ',
  sharing: 'staffMeeting',
  problems: '-',
  rating: 5,
} as const;

/** A report the person has sent up the chain R009 → R002 → R001, as the chat's submission leaves it. */
const submitted = (employeeId: string, o: Partial<TrainingReport> = {}) =>
  seedReport(sys.fs.db, employeeId, {
    employeeName: employeeId === 'R010' ? 'นางสาวจิราพร ทดสอบ' : 'นายอนุชา ทดสอบ',
    status: 'submitted',
    answers: ANSWERS,
    approvers: ['R009', 'R002', 'R001'],
    currentApproverId: 'R009',
    curriculum: 'duties',
    hours: 18,
    firstSubmittedAt: new Date().toISOString(),
    submittedAt: new Date().toISOString(),
    ...o,
  });

const reports = () => municipality(sys).collection('reports');
const chat = async (employeeId: string) => textsOf(sys.botMessages(await lineOf(employeeId)));

describe('team API', () => {
  it('lists the supervisor’s own people; the ปลัด sees down the chain; staff are refused', async () => {
    await users();
    const today = bangkokDate(new Date());
    await seedReport(sys.fs.db, 'R011', { dueDate: addDays(today, -2) }); // overdue
    await seedReport(sys.fs.db, 'R011', { dueDate: addDays(today, 5) });
    await municipality(sys)
      .collection('hoursTotals')
      .doc(`R010__${FY}`)
      .set({ employeeId: 'R010', fiscalYear: FY, hours: 12, trainings: 1, byMethod: {}, byCurriculum: {} });

    const team = await get('R009', '/team');
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ fiscalYear: FY, scope: 'direct' });
    const row = (id: string) => team.body.members.find((m: { employeeId: string }) => m.employeeId === id);
    expect(team.body.members.map((m: { employeeId: string }) => m.employeeId).sort()).toEqual([
      'R010',
      'R011',
      'R012',
    ]);
    expect(row('R010')).toEqual(
      expect.objectContaining({
        employeeId: 'R010',
        direct: true,
        idp: { status: 'none', waitingForMe: false },
        hours: 12,
        target: 40,
        percent: 30,
        pendingReports: 0,
      }),
    );
    expect(row('R011')).toMatchObject({ pendingReports: 2, overdueReports: 1, hours: 0 });
    const palad = await get('R002', '/team');
    expect(palad.body.scope).toBe('chain');
    expect(palad.body.members.map((m: { employeeId: string }) => m.employeeId).sort()).toEqual(
      ['R004', 'R009', 'R010', 'R011', 'R012', 'R015', 'R016'].sort(),
    );
    expect(palad.body.members.find((m: { employeeId: string }) => m.employeeId === 'R010')).toMatchObject({
      direct: false,
      supervisorName: 'ผู้อำนวยการกองคลัง ทดสอบ',
    });
    const staff = await get('R010', '/team');
    expect(staff.status).toBe(403);
    expect(staff.body.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(
      (await get('R015', '/team')).body.members.map((m: { employeeId: string }) => m.employeeId),
    ).toEqual(['R016']);
  });

  it('opens a member whose staff code has a dot or Thai letters (as the import allows them)', async () => {
    await users();
    for (const id of ['E.017', 'พ018'])
      await municipality(sys)
        .collection('employees')
        .doc(id)
        .set({
          id,
          code: id,
          name: `สมาชิก ${id}`,
          nameSortKey: nameSortKey(`สมาชิก ${id}`),
          roles: ['staff'],
          active: true,
          supervisorId: 'R009',
        });
    for (const id of ['E.017', 'พ018']) {
      const view = await get('R009', `/team/${encodeURIComponent(id)}/idp`);
      expect(view.status).toBe(200);
      expect(view.body.plan).toMatchObject({ employeeId: id });
    }
    // a path-like id is no member: Thai 404, not a document path
    for (const bad of ['..', 'R010%2F..', '__R010__']) {
      const res = await get('R009', `/team/${bad}/idp`);
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/[\u0E00-\u0E7F]/);
    }
  });

  it('approves from LIFF like chat: the chain continues, and the last approval credits the hours once', async () => {
    await users();
    const liffReport = await submitted('R010');
    // the other one is sent in chat by its author, so R009 gets the chat's own review card
    const chatReport = await seedReport(sys.fs.db, 'R012', {
      employeeName: 'นางสาวพิมพ์ชนก ทดสอบ',
      answers: ANSWERS,
      curriculum: 'duties',
      hours: 18,
    });
    const author = await lineOf('R012');
    await sys.text(author, 'รายงานผลการอบรม');
    await sys.tap(author, 'เริ่มเขียนรายงาน'); // every answer is in: straight to the summary
    await sys.tap(author, 'ส่งรายงาน');
    expect((await reports().doc(chatReport.id).get()).get('currentApproverId')).toBe('R009');

    const waiting = await get('R009', '/team/reports/waiting');
    expect(waiting.body.reports.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([liffReport.id, chatReport.id]),
    );
    expect(waiting.body.reports.find((r: { id: string }) => r.id === liffReport.id)).toMatchObject({
      employeeName: 'นางสาวจิราพร ทดสอบ',
      step: 1,
      steps: 3,
      answers: ANSWERS,
      sharingName: 'นำเสนอในการประชุมพนักงานประจำเดือน',
      late: false,
    });
    expect((await get('R002', '/team/reports/waiting')).body.reports).toEqual([]);

    // someone outside the chain, and an approver whose step it is not yet, are refused
    expect((await call('R015', `/team/reports/${liffReport.id}/approve`)).status).toBe(403);
    const early = await call('R002', `/team/reports/${liffReport.id}/approve`);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('ไม่ได้รอการอนุมัติจากท่าน');
    expect((await reports().doc(liffReport.id).get()).get('currentApproverId')).toBe('R009');

    // R009 signs the first in LIFF and the second in chat (from the push card's button)
    const paladBefore = (await chat('R002')).length;
    const first = await call('R009', `/team/reports/${liffReport.id}/approve`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      report: { status: 'submitted', currentApproverId: 'R002' },
      message: expect.stringContaining('ส่งต่อให้ผู้พิจารณาลำดับถัดไป'),
    });
    expect((await chat('R002')).slice(paladBefore)).toEqual([
      'รายงานผลการฝึกอบรมของ นางสาวจิราพร ทดสอบ รอท่านพิจารณา',
    ]);
    // a stale second tap in another tab
    const twice = await call('R009', `/team/reports/${liffReport.id}/approve`);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/[\u0E00-\u0E7F]/);
    expect((await chat('R002')).slice(paladBefore)).toHaveLength(1);

    // the ปลัด approves the LIFF-approved report in chat, from the card the LIFF decision pushed
    await sys.tap(await lineOf('R002'), 'อนุมัติ');
    expect((await reports().doc(liffReport.id).get()).get('currentApproverId')).toBe('R001');
    // and the mayor signs the last step in LIFF
    const staffBefore = (await chat('R010')).length;
    const last = await call('R001', `/team/reports/${liffReport.id}/approve`);
    expect(last.status).toBe(200);
    expect(last.body.report).toEqual({ id: liffReport.id, status: 'approved', currentApproverId: null });
    expect((await chat('R010')).slice(staffBefore)).toEqual([
      expect.stringContaining(
        `ได้รับการอนุมัติครบแล้ว ✅\nนับชั่วโมงอบรม 18 ชั่วโมง ในปีงบประมาณ พ.ศ. ${fiscalYearOf(liffReport.endDate)}`,
      ),
    ]);
    expect((await call('R001', `/team/reports/${liffReport.id}/approve`)).status).toBe(409);

    // the other report goes all the way in chat
    await approveInChat('R009', chatReport.id);
    await approveInChat('R002', chatReport.id);
    await approveInChat('R001', chatReport.id);
    expect((await reports().doc(chatReport.id).get()).get('status')).toBe('approved');

    // same ledger entry and totals shape either way, credited once
    const fy = fiscalYearOf(liffReport.endDate);
    const ledger = municipality(sys).collection('hoursLedger');
    const viaLiff = (await ledger.doc(liffReport.id).get()).data() ?? {};
    const viaChat = (await ledger.doc(chatReport.id).get()).data() ?? {};
    const comparable = ({
      id: _i,
      employeeId: _e,
      trainingId: _t,
      creditedAt: _c,
      createdAt: _k,
      ...rest
    }: Record<string, unknown>) => rest;
    expect(comparable(viaLiff)).toEqual(comparable(viaChat));
    expect(viaLiff).toMatchObject({
      source: 'approvedReport',
      hours: 18,
      fiscalYear: fy,
      curriculum: 'duties',
    });
    const totals = (await municipality(sys).collection('hoursTotals').doc(`R010__${fy}`).get()).data();
    expect(totals).toMatchObject({ hours: (fy === FY ? 12 : 0) + 18, byCurriculum: { duties: 18 } });
    const chatTotals = (await municipality(sys).collection('hoursTotals').doc(`R012__${fy}`).get()).data();
    expect(chatTotals).toMatchObject({
      hours: 18,
      trainings: 1,
      byMethod: { training: 18 },
      byCurriculum: { duties: 18 },
    });
    // both reports' sign-offs read the same (the LIFF one was seeded as submitted, without that step)
    const steps = async (id: string) =>
      ((await reports().doc(id).get()).get('history') as { action: string; by: string }[])
        .filter((h) => h.action === 'approved')
        .map((h) => `${h.action}:${h.by}`);
    expect(await steps(liffReport.id)).toEqual(['approved:R009', 'approved:R002', 'approved:R001']);
    expect(await steps(liffReport.id)).toEqual(await steps(chatReport.id));
  });

  it('returns a report with a comment: the person is told with a button to edit it', async () => {
    await users();
    const r = await submitted('R010');
    const noComment = await call('R009', `/team/reports/${r.id}/return`, { body: { comment: ' ' } });
    expect(noComment.status).toBe(400);
    expect(noComment.body.errors.comment).toContain('อย่างน้อย 5');
    const before = (await chat('R010')).length;
    const res = await call('R009', `/team/reports/${r.id}/return`, {
      body: { comment: 'กรุณาเพิ่มรายละเอียดการนำไปใช้กับงานจัดเก็บรายได้' },
    });
    expect(res.status).toBe(200);
    const stored = (await reports().doc(r.id).get()).data();
    expect(stored).toMatchObject({
      status: 'returned',
      currentApproverId: null,
      returnComment: 'กรุณาเพิ่มรายละเอียดการนำไปใช้กับงานจัดเก็บรายได้',
      lastAction: 'returned',
    });
    expect((await chat('R010')).slice(before)).toEqual([
      expect.stringContaining('ความเห็นผู้พิจารณา: กรุณาเพิ่มรายละเอียดการนำไปใช้กับงานจัดเก็บรายได้'),
    ]);
    // approving the returned report is stale now
    expect((await call('R009', `/team/reports/${r.id}/approve`)).status).toBe(409);
  });
});

/** The approver taps "อนุมัติ" on the review card for this report in their own chat. */
async function approveInChat(employeeId: string, reportId: string, author = 'นางสาวพิมพ์ชนก ทดสอบ') {
  const line = (await users())[employeeId] as string;
  const card = [...sys.botMessages(line)]
    .reverse()
    .find((m) => m.type === 'flex' && String(m.altText).includes(`ของ ${author} รอท่านพิจารณา`));
  if (!card) throw new Error(`no review card for ${reportId} in ${employeeId}'s chat`);
  const button = JSON.stringify(card).match(/"label":"อนุมัติ","data":"([^"]+)"/);
  if (!button?.[1]) throw new Error('no approve button');
  await sys.postback(line, button[1]);
}
