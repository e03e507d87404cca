import { addDays, bangkokDate } from '@phattana/shared';
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { applyReportEffect, reportFromDoc } from '../../bot/src/reports/report-turn-io';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { reportsOf, seedReport } from '../support/report-docs';
import { useSystem } from '../support/system';

// The LIFF form's report API against the real emulator and the real bot over HTTP, with ID tokens the
// fake LINE platform signs as LINE Login does.

const sys = useSystem();

const tokenFor = (userId: string, o: { expiresInSec?: number; iat?: number } = {}) =>
  sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId, ...o });

async function call(path: string, o: { token?: string; method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

const save = (id: string, token: string, body: unknown) =>
  call(`/reports/${id}/answers`, { token, method: 'PUT', body });

const LEARNED = 'ได้เรียนรู้รูปแบบหนังสือราชการหกชนิดและการใช้ภาษาให้ถูกต้อง';
const APPLICATION = 'นำไปตรวจทานหนังสือออกของกองคลังก่อนเสนอผู้บริหาร';

describe('report API for the LIFF form', () => {
  it('gives the owner their report with what is missing, and refuses anyone else', async () => {
    const owner = await sys.linkedUser({ employeeId: 'P001' });
    const other = await sys.linkedUser({ employeeId: 'P002', roles: ['staff', 'hr'] });
    const r = await seedReport(sys.fs.db, 'P001', { answers: { learned: LEARNED } });

    const mine = await call(`/reports/${r.id}`, { token: tokenFor(owner) });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      report: { id: r.id, trainingTitle: r.trainingTitle, dueDate: r.dueDate, status: 'pending' },
      editable: true,
      missing: ['application', 'sharing', 'problems', 'rating'],
      form: { learned: { min: 10, max: 2000 }, sharingDetail: { max: 500 } },
    });
    expect(mine.body.report.answers).toEqual({ learned: LEARNED });
    expect(mine.body.updateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(mine.body.report).not.toHaveProperty('employeeId');

    // someone else (even HR) gets neither the report nor a save
    const theirs = await call(`/reports/${r.id}`, { token: tokenFor(other) });
    expect(theirs.status).toBe(403);
    expect(theirs.body.message).toContain('ไม่ใช่ของท่าน');
    expect((await save(r.id, tokenFor(other), { answers: { application: APPLICATION } })).status).toBe(403);
    expect((await reportsOf(sys.fs.db).doc(r.id).get()).get('answers')).toEqual({ learned: LEARNED });

    expect((await call('/reports/no-such-report__P001', { token: tokenFor(owner) })).status).toBe(404);
  });

  it('refuses a missing, forged or expired token, and an unregistered account', async () => {
    const owner = await sys.linkedUser({ employeeId: 'P010' });
    const r = await seedReport(sys.fs.db, 'P010');
    expect((await call(`/reports/${r.id}`)).status).toBe(401);
    expect((await call(`/reports/${r.id}/answers`, { method: 'PUT', body: { answers: {} } })).status).toBe(
      401,
    );
    const [h, p, s] = tokenFor(owner).split('.');
    const claims = JSON.parse(Buffer.from(p as string, 'base64url').toString());
    const intruder = await sys.linkedUser({ employeeId: 'P011' });
    // a token re-signed for nobody: the payload names the owner's LINE id, the signature is the intruder's
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: owner })).toString('base64url')}.${tokenFor(intruder).split('.')[2]}`;
    expect((await call(`/reports/${r.id}`, { token: forged })).status).toBe(401);
    expect(
      (await save(r.id, `${h}.${p}.${s?.slice(0, -4)}AAAA`, { answers: { learned: LEARNED } })).status,
    ).toBe(401);
    const expired = tokenFor(owner, { iat: Math.floor(Date.now() / 1000) - 7200, expiresInSec: 3600 });
    const late = await call(`/reports/${r.id}`, { token: expired });
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ reason: 'expired' });
    expect((await call('/reports/mine', { token: tokenFor(sys.newUserId()) })).status).toBe(403);
  });

  it('lists the person’s reports: open ones first by due date, then the rest of this fiscal year', async () => {
    const user = await sys.linkedUser({ employeeId: 'P020' });
    const today = bangkokDate(new Date());
    const later = await seedReport(sys.fs.db, 'P020', { trainingTitle: 'ช้ากว่า', dueDate: addDays(today, 9) });
    const sooner = await seedReport(sys.fs.db, 'P020', {
      trainingTitle: 'เร็วกว่า',
      dueDate: addDays(today, 2),
      status: 'returned',
    });
    const done = await seedReport(sys.fs.db, 'P020', { trainingTitle: 'ส่งแล้ว', status: 'approved' });
    await seedReport(sys.fs.db, 'P020', {
      trainingTitle: 'ปีก่อน',
      status: 'approved',
      startDate: addDays(today, -800),
      endDate: addDays(today, -799),
    });
    await seedReport(sys.fs.db, 'P021', { trainingTitle: 'ของคนอื่น' });

    const res = await call('/reports/mine', { token: tokenFor(user) });
    expect(res.status).toBe(200);
    expect(res.body.reports.map((r: { id: string }) => r.id)).toEqual([sooner.id, later.id, done.id]);
    expect(res.body.reports[0]).toMatchObject({
      trainingTitle: 'เร็วกว่า',
      status: 'returned',
      dueDate: sooner.dueDate,
      editable: true,
    });
    expect(res.body.reports[2]).toMatchObject({ status: 'approved', editable: false });
  });

  it('checks every field with the chat’s limits and answers in Thai, field by field', async () => {
    const user = await sys.linkedUser({ employeeId: 'P030' });
    const r = await seedReport(sys.fs.db, 'P030');
    const bad = await save(r.id, tokenFor(user), {
      answers: {
        learned: 'สั้นไป',
        application: 'ก'.repeat(2001),
        sharing: 'radio',
        sharingDetail: 'ข'.repeat(501),
        problems: 42,
        rating: 4.5,
        approvers: ['R001'],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      learned: expect.stringContaining('อย่างน้อย 10 ตัวอักษร'),
      application: expect.stringContaining('ไม่เกิน 2000 ตัวอักษร'),
      sharing: expect.stringContaining('วิธีแบ่งปันความรู้'),
      sharingDetail: expect.stringContaining('ไม่เกิน 500 ตัวอักษร'),
      problems: expect.stringContaining('ข้อความ'),
      rating: expect.stringContaining('1 ถึง 5'),
      answers: expect.stringContaining('approvers'),
    });
    for (const rating of [0, 6, '5']) {
      const res = await save(r.id, tokenFor(user), { answers: { rating } });
      expect(res.status).toBe(400);
      expect(res.body.errors.rating).toMatch(/[\u0E00-\u0E7F]/);
    }
    expect((await save(r.id, tokenFor(user), { nothing: true })).status).toBe(400);
    // nothing was written by any refused save
    expect((await reportsOf(sys.fs.db).doc(r.id).get()).get('lastAction')).toBe('opened');
  });

  it('saves only the answers (trimmed), keeping status, history and photos as they were', async () => {
    const user = await sys.linkedUser({ employeeId: 'P040' });
    const r = await seedReport(sys.fs.db, 'P040', {
      answers: { sharing: 'other', sharingDetail: 'ทำคลิปสั้นลงกลุ่มไลน์กอง' },
      photos: [{ messageId: 'm1', receivedAt: new Date().toISOString() }],
    });
    const ref = reportsOf(sys.fs.db).doc(r.id);
    const before = (await ref.get()).data() ?? {};
    const loaded = await call(`/reports/${r.id}`, { token: tokenFor(user) });

    const res = await save(r.id, tokenFor(user), {
      answers: { learned: `  ${LEARNED}\n`, problems: '-', rating: 4, sharing: 'staffMeeting' },
      expectedUpdateTime: loaded.body.updateTime,
    });
    expect(res.status).toBe(200);
    expect(res.body.report.answers).toEqual({
      learned: LEARNED,
      problems: '-',
      rating: 4,
      sharing: 'staffMeeting',
    });
    expect(res.body.missing).toEqual(['application']);
    expect(res.body.updateTime).not.toBe(loaded.body.updateTime);

    const after = (await ref.get()).data() ?? {};
    const { answers, updatedAt, lastAction, ...rest } = after;
    const { answers: _a, updatedAt: _u, lastAction: _l, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(lastAction).toBe('draftSaved');
    expect((updatedAt as Timestamp).toMillis()).toBeGreaterThan(
      (before.updatedAt as Timestamp).toMillis() - 1,
    );
    // the typed plan described 'other': a listed plan replaces it, as in chat
    expect(answers).not.toHaveProperty('sharingDetail');

    // blank clears an answer; an absent field stays
    const cleared = await save(r.id, tokenFor(user), { answers: { problems: '  ' } });
    expect(cleared.body.report.answers).toEqual({ learned: LEARNED, rating: 4, sharing: 'staffMeeting' });
  });

  it('refuses to change a submitted or approved report', async () => {
    const user = await sys.linkedUser({ employeeId: 'P050' });
    const answers = {
      learned: LEARNED,
      application: APPLICATION,
      sharing: 'onTheJob',
      problems: '-',
      rating: 5,
    };
    const r = await seedReport(sys.fs.db, 'P050', {
      status: 'submitted',
      answers: answers as never,
      approvers: ['R009'],
      currentApproverId: 'R009',
      submittedAt: new Date().toISOString(),
    });
    const view = await call(`/reports/${r.id}`, { token: tokenFor(user) });
    expect(view.body).toMatchObject({ editable: false, missing: [] });
    const res = await save(r.id, tokenFor(user), { answers: { rating: 1 } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'notEditable', message: expect.stringContaining('ส่งแล้ว') });
    expect((await reportsOf(sys.fs.db).doc(r.id).get()).get('answers')).toEqual(answers);
  });

  it('tells the form when chat changed the draft since it was loaded, with the current answers', async () => {
    const user = await sys.linkedUser({ employeeId: 'P060' });
    const r = await seedReport(sys.fs.db, 'P060');
    const loaded = await call(`/reports/${r.id}`, { token: tokenFor(user) });
    await chatLikeTurn(r.id, { application: APPLICATION });
    const res = await save(r.id, tokenFor(user), {
      answers: { learned: LEARNED },
      expectedUpdateTime: loaded.body.updateTime,
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'changed',
      message: expect.stringContaining('มีการแก้ไขจากแชต'),
      current: { report: { answers: { application: APPLICATION } } },
    });
    // saving again from the version it now has works
    const again = await save(r.id, tokenFor(user), {
      answers: { learned: LEARNED },
      expectedUpdateTime: res.body.current.updateTime,
    });
    expect(again.status).toBe(200);
    expect(again.body.report.answers).toEqual({ learned: LEARNED, application: APPLICATION });
  });

  it('loses nothing when a form save and a chat turn write the same draft at once', async () => {
    const user = await sys.linkedUser({ employeeId: 'P070' });
    const token = tokenFor(user);
    // the form saves while the turn has read the report and not yet written it
    const r1 = await seedReport(sys.fs.db, 'P070');
    let saving: ReturnType<typeof save> | undefined;
    await chatLikeTurn(r1.id, { application: APPLICATION }, async () => {
      saving ??= save(r1.id, token, { answers: { learned: LEARNED, rating: 3 } });
      await new Promise((done) => setTimeout(done, 300));
    });
    expect((await saving)?.status).toBe(200);
    // and both start together, whichever gets the document first
    const r2 = await seedReport(sys.fs.db, 'P070');
    const [res] = await Promise.all([
      save(r2.id, token, { answers: { learned: LEARNED, rating: 3 } }),
      chatLikeTurn(r2.id, { application: APPLICATION }, () => new Promise((done) => setTimeout(done, 30))),
    ]);
    expect(res.status).toBe(200);
    for (const id of [r1.id, r2.id]) {
      const stored = (await reportsOf(sys.fs.db).doc(id).get()).get('answers');
      expect(stored).toEqual({ learned: LEARNED, rating: 3, application: APPLICATION });
    }
  });
});

/**
 * What a chat turn does to a report: read it in a transaction, then write the whole report back with
 * one more answer (the turn store's `reportSaved`); `between` runs after the read, before the write.
 */
async function chatLikeTurn(
  reportId: string,
  answer: Record<string, unknown>,
  between?: () => Promise<void>,
) {
  const db = sys.fs.db;
  const m = db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
  const c = {
    municipality: m,
    employees: m.collection('employees'),
    reports: m.collection('reports'),
    hoursLedger: m.collection('hoursLedger'),
    hoursTotals: m.collection('hoursTotals'),
  };
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(c.reports.doc(reportId));
    await between?.();
    const report = reportFromDoc(snap);
    const updated = { ...report, answers: { ...report.answers, ...answer } };
    applyReportEffect(
      { type: 'reportSaved', report: updated, action: 'draftSaved' },
      tx,
      c,
      Timestamp.now(),
      new Map([[reportId, report]]),
    );
  });
}
