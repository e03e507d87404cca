import {
  addDays,
  bangkokDate,
  COMPLEMENT_NOTE,
  fiscalYearOf,
  parseCsv,
  surveyPersonKey,
} from '@phattana/shared';
import { FieldPath, FieldValue } from 'firebase-admin/firestore';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { useSystem } from '../support/system';

// HR's survey API over real HTTP with ID tokens the fake LINE platform signs, against the real emulator:
// roles, create from a template and by copying last year's, opening (the audience counted per division),
// results with small anonymous groups hidden, and the CSV/XLSX exports.

const sys = useSystem();
const m = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

// biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
type Json = Record<string, any>;

async function call(path: string, o: { token?: string; method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api/surveys${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  return res;
}

async function json(path: string, o: { token?: string; method?: string; body?: unknown } = {}) {
  const res = await call(path, o);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
}

const DIVISIONS = [
  { id: 'palad', name: 'สำนักปลัดเทศบาล' },
  { id: 'finance', name: 'กองคลัง' },
  { id: 'works', name: 'กองช่าง' },
  { id: 'education', name: 'กองการศึกษา' },
  { id: 'health', name: 'กองสาธารณสุขและสิ่งแวดล้อม' },
];

const today = bangkokDate(new Date());
const fy = fiscalYearOf(today);
let hr = '';
let staff = '';
let executive = '';

/** Plain staff records (no LINE) for the audience count. */
async function employee(id: string, divisionId: string, o: { staffType?: string; active?: boolean } = {}) {
  await m()
    .collection('employees')
    .doc(id)
    .set({
      id,
      code: id,
      name: `พนักงาน ${id}`,
      divisionId,
      staffType: o.staffType ?? 'municipalEmployee',
      roles: ['staff'],
      active: o.active ?? true,
    });
}

beforeAll(async () => {
  await sys.start();
  await m().set({ id: DEMO_MUNICIPALITY_ID, name: 'เทศบาลตำบลทดสอบ', divisions: DIVISIONS }, { merge: true });
  hr = await sys.linkedUser({ employeeId: 'S001', roles: ['staff', 'hr'] });
  staff = await sys.linkedUser({ employeeId: 'S002' });
  executive = await sys.linkedUser({ employeeId: 'S003', roles: ['executive'] });
  const people = m().collection('employees');
  await people.doc('S001').update({ divisionId: 'palad', staffType: 'municipalEmployee' });
  await people.doc('S002').update({ divisionId: 'finance', staffType: 'municipalEmployee' });
  // the mayor is not staff of a division here: left out of the audience by staff type
  await people.doc('S003').update({ divisionId: 'palad', staffType: 'politician' });
  for (const i of [1, 2, 3, 4]) await employee(`F00${i}`, 'finance');
  for (const i of [1, 2, 3, 4, 5, 6]) await employee(`W00${i}`, 'works');
  await employee('H001', 'health');
  await employee('H002', 'health');
  await employee('T001', 'education', { staffType: 'teacher' });
  await employee('X001', 'finance', { active: false }); // has left: not asked
}, 60_000);

describe('survey API: who may do what', () => {
  it('refuses staff everything but their own open surveys, and lets executives read but not export', async () => {
    const t = tokenFor(staff);
    expect((await json('/', { token: t })).status).toBe(403);
    const post = await json('/', {
      token: t,
      method: 'POST',
      body: { template: 'satisfaction', opensOn: today, closesOn: addDays(today, 7) },
    });
    expect(post.status).toBe(403);
    expect(post.body.message).toMatch(/ไม่มีสิทธิ์/);
    expect((await json('/mine', { token: t })).status).toBe(200);
    expect((await call('/')).status).toBe(401);

    const made = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: { template: 'trainingNeeds', opensOn: today, closesOn: addDays(today, 7) },
    });
    expect(made.status).toBe(201);
    const id = made.body.survey.id as string;
    expect((await json(`/${id}/results`, { token: t })).status).toBe(403);
    expect((await json(`/${id}`, { token: t, method: 'PATCH', body: { status: 'open' } })).status).toBe(403);
    expect((await json(`/${id}/results`, { token: tokenFor(executive) })).status).toBe(200);
    const list = await json('/', { token: tokenFor(executive) });
    expect(list.status).toBe(200);
    // an audience names the municipality's divisions only, never the "no division" bucket of the figures
    expect((list.body.divisions as { id: string }[]).map((x) => x.id)).toEqual(DIVISIONS.map((x) => x.id));
    expect((await call(`/${id}/export.csv`, { token: tokenFor(executive) })).status).toBe(403);
    expect((await call(`/${id}/export.xlsx`, { token: t })).status).toBe(403);
  });

  it('explains every bad field of a new survey in Thai and stores nothing', async () => {
    const before = (await m().collection('surveys').get()).size;
    const bad = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: { template: 'lottery', opensOn: '2026-13-40', audience: { staffTypes: ['wizard'] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      'กรุณาระบุวันเปิดรับคำตอบ (รูปแบบ YYYY-MM-DD)',
      'กรุณาระบุวันปิดรับคำตอบ (รูปแบบ YYYY-MM-DD)',
      expect.stringContaining('กรุณาเลือกแบบสำรวจต้นแบบ'),
      'ประเภทบุคลากรไม่ถูกต้อง: wizard',
    ]);
    // well-formed but wrong: closing before opening, an unknown division, a 5ส day without its details
    const wrong = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: {
        template: 'fiveS',
        opensOn: addDays(today, 5),
        closesOn: today,
        audience: { divisionIds: ['moon'] },
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual(
      expect.arrayContaining([expect.stringContaining('"moon"'), expect.stringContaining('กิจกรรม 5ส')]),
    );
    const dates = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: { template: 'satisfaction', opensOn: addDays(today, 5), closesOn: today },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.errors.join(' ')).toMatch(/[\u0E00-\u0E7F]/);
    // a copy of something that cannot even be a survey id: the same Thai refusal as an unknown one
    for (const copyFrom of ['a/b', '..', 'nope'])
      expect(
        await json('/', {
          token: tokenFor(hr),
          method: 'POST',
          body: { copyFrom, opensOn: today, closesOn: addDays(today, 7) },
        }),
      ).toEqual({ status: 400, body: expect.objectContaining({ message: 'ไม่พบแบบสำรวจต้นฉบับที่จะคัดลอก' }) });
    expect((await m().collection('surveys').get()).size).toBe(before);
  });
});

describe('survey API: from template to results', () => {
  let id = '';

  it('announces a 5ส day for chosen divisions', async () => {
    const res = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: {
        template: 'fiveS',
        opensOn: today,
        closesOn: addDays(today, 3),
        activity: { date: addDays(today, 1), area: 'อาคารสำนักงานชั้น 1' },
        audience: { divisionIds: ['finance', 'works'] },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.survey).toMatchObject({
      kind: 'fiveS',
      status: 'draft',
      activity: { date: addDays(today, 1), area: 'อาคารสำนักงานชั้น 1' },
      audience: { divisionIds: ['finance', 'works'] },
      audienceCount: null,
    });
    const opened = await json(`/${res.body.survey.id}`, {
      token: tokenFor(hr),
      method: 'PATCH',
      body: { status: 'open' },
    });
    expect(opened.status).toBe(200);
    // the audience: active people of the two divisions (S002 + 4 in finance, 6 in works; X001 has left)
    expect(opened.body.survey).toMatchObject({ status: 'open', audienceCount: 11 });
    const stored = await m().collection('surveys').doc(res.body.survey.id).get();
    expect(stored.get('audienceByDivision')).toEqual({ finance: 5, works: 6 });
    // S002 (finance) started answering in chat: the LIFF home shows a draft to finish
    await m()
      .collection('surveyDrafts')
      .doc(surveyPersonKey(stored.id, 'S002'))
      .set({ surveyId: stored.id, employeeId: 'S002', answers: {}, currentQuestionId: null, updatedAt: '' });
    const mine = await json('/mine', { token: tokenFor(staff) });
    expect(mine.body.surveys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: stored.id,
          kind: 'fiveS',
          answered: false,
          hasDraft: true,
          activity: { date: addDays(today, 1), area: 'อาคารสำนักงานชั้น 1' },
        }),
      ]),
    );
  });

  it('gives a new anonymous survey the minimum group HR set in the settings', async () => {
    await m().set({ surveyDefaults: { minGroupSize: 8 } }, { merge: true });
    try {
      const made = await json('/', {
        token: tokenFor(hr),
        method: 'POST',
        body: { template: 'satisfaction', opensOn: today, closesOn: addDays(today, 14) },
      });
      expect(made.status).toBe(201);
      expect(made.body.survey).toMatchObject({ anonymous: true, minGroupSize: 8 });
      // a named survey keeps showing every division
      const named = await json('/', {
        token: tokenFor(hr),
        method: 'POST',
        body: { template: 'trainingNeeds', opensOn: today, closesOn: addDays(today, 14) },
      });
      expect(named.body.survey).toMatchObject({ anonymous: false, minGroupSize: 1 });
    } finally {
      await m().update({ surveyDefaults: FieldValue.delete() });
    }
  });

  it('creates the satisfaction survey from its template and opens it: audience counted, invitations queued', async () => {
    const made = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: {
        template: 'satisfaction',
        opensOn: today,
        closesOn: addDays(today, 14),
        audience: { staffTypes: ['municipalEmployee', 'teacher'] },
      },
    });
    expect(made.status).toBe(201);
    id = made.body.survey.id;
    expect(made.body.survey).toMatchObject({
      kind: 'satisfaction',
      status: 'draft',
      anonymous: true,
      fiscalYear: fy,
      responseCount: 0,
      ratePercent: null,
    });
    const opened = await json(`/${id}`, { token: tokenFor(hr), method: 'PATCH', body: { status: 'open' } });
    expect(opened.status).toBe(200);
    expect(opened.body.invitationsQueued).toBe(true);
    // the queued task ran the invitation job for this survey (it sends nothing in quiet hours or on a day off)
    await (await sys.start()).bot.drain();
    expect(sys.logs.some((l) => l.msg === 'survey_invitations.done' && l.surveyId === id)).toBe(true);
    expect(sys.logs.some((l) => l.msg === 'task.failed')).toBe(false);
    // HR (palad), finance 5, works 6, health 2, education 1; not the mayor (staff type), not X001 (left)
    expect(opened.body.survey).toMatchObject({ status: 'open', availability: 'open', audienceCount: 15 });
    const stored = await m().collection('surveys').doc(id).get();
    expect(stored.get('audienceByDivision')).toEqual({
      palad: 1,
      finance: 5,
      works: 6,
      health: 2,
      education: 1,
    });
    expect(stored.get('openedBy')).toBe('S001');

    // open: the audience and the opening day are fixed; a second "open" changes nothing
    const again = await json(`/${id}`, {
      token: tokenFor(hr),
      method: 'PATCH',
      body: { audience: { divisionIds: ['works'] } },
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('กลุ่มเป้าหมาย');

    // the staff member is asked, and has not answered yet
    const mine = await json('/mine', { token: tokenFor(staff) });
    expect(mine.body.surveys).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, answered: false, hasDraft: false, anonymous: true }),
      ]),
    );
  });

  it('aggregates the responses the chat stored and hides small anonymous groups', async () => {
    const def = (await json(`/${id}`, { token: tokenFor(hr) })).body.definition;
    const likertIds = (def.questions as Json[]).filter((q) => q.type === 'likert').map((q) => q.id as string);
    expect(likertIds.length).toBeGreaterThan(0);
    const first = likertIds[0] as string;
    // as the chat writes them (survey-turn-io): random ids, division and date only, counters incremented
    const seed = async (divisionId: string, value: number, employeeId: string) => {
      const answers = Object.fromEntries(likertIds.map((q) => [q, { type: 'likert', value }]));
      const survey = m().collection('surveys').doc(id);
      await survey.collection('responses').add({
        surveyId: id,
        answers,
        divisionId,
        staffType: 'municipalEmployee',
        submittedOn: today,
      });
      await m()
        .collection('surveyCompletions')
        .doc(surveyPersonKey(id, employeeId))
        .set({ surveyId: id, employeeId, divisionId, completedOn: today });
      await survey.update(
        'responseCount',
        FieldValue.increment(1),
        new FieldPath('responsesByDivision', divisionId),
        FieldValue.increment(1),
      );
    };
    await seed('health', 1, 'H001');
    // one answer so far: the "overall" figures would be that one person's, so none are shown or exported
    const early = await json(`/${id}/results`, { token: tokenFor(hr) });
    expect(early.body.results).toMatchObject({ responses: 1, questions: [], satisfactionPercent: null });
    expect(early.body.results.withheld).toContain('อย่างน้อย 5 คน');
    const refused = await json(`/${id}/export.csv`, { token: tokenFor(hr) });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('อย่างน้อย 5 คน');
    for (const [i, v] of [5, 4, 4, 3, 5].entries()) await seed('finance', v, i === 0 ? 'S002' : `F00${i}`);
    for (const [i, v] of [2, 3, 4, 4, 5, 3].entries()) await seed('works', v, `W00${i + 1}`);

    const res = await json(`/${id}/results`, { token: tokenFor(hr) });
    expect(res.status).toBe(200);
    const { results, survey, completions } = res.body;
    expect(completions).toBe(12);
    expect(survey).toMatchObject({ responseCount: 12, audienceCount: 15, ratePercent: 80 });
    expect(results).toMatchObject({ responses: 12, audience: 15, ratePercent: 80, minGroupSize: 5 });
    const q = (results.questions as Json[]).find((x) => x.questionId === first);
    // 5+4+4+3+5 + 2+3+4+4+5+3 + 1 = 43 over 12
    expect(q).toMatchObject({
      type: 'likert',
      answered: 12,
      mean: 3.58,
      satisfactionPercent: 71.7,
      topTwoPercent: 58.3,
    });
    expect(q?.distribution.map((x: Json) => x.count)).toEqual([1, 1, 3, 4, 3]);
    const byDivision = Object.fromEntries((results.divisions as Json[]).map((x) => [x.divisionId, x]));
    // กองสาธารณสุข's one answer beside two divisions nobody answered in would be found by subtraction
    // (43 − กองคลัง's 21 − กองช่าง's 21 = that person's 1), so the smallest shown division is hidden too
    expect(byDivision.finance).toMatchObject({
      name: 'กองคลัง',
      audience: 5,
      responses: null,
      ratePercent: null,
      suppressed: COMPLEMENT_NOTE,
    });
    expect(byDivision.works).toMatchObject({ audience: 6, responses: 6, ratePercent: 100 });
    for (const small of ['health', 'palad', 'education'])
      expect(byDivision[small]).toMatchObject({
        responses: null,
        ratePercent: null,
        suppressed: 'กลุ่มน้อยกว่า 5 คน',
      });
    // the list shows the same from the maintained counters
    const list = await json(`/?fiscalYear=${fy}`, { token: tokenFor(hr) });
    const listed = (list.body.surveys as Json[]).find((s) => s.id === id);
    expect(listed).toMatchObject({ responseCount: 12, ratePercent: 80 });
    expect(
      Object.fromEntries(((listed?.divisions ?? []) as Json[]).map((x) => [x.divisionId, x.responses])),
    ).toEqual({
      finance: null,
      works: 6,
      health: null,
      palad: null,
      education: null,
    });
    expect((await json('/mine', { token: tokenFor(staff) })).body.surveys).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, answered: true })]),
    );
  });

  it('exports CSV with a BOM and Thai headers, and XLSX that reads back to the same rows', async () => {
    const csvRes = await call(`/${id}/export.csv`, { token: tokenFor(hr) });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toMatch(/^attachment; filename="survey-.+\.csv"$/);
    const bytes = Buffer.from(await csvRes.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain('"ลำดับ","1. ');
    expect(csv).toContain('\r\n');
    expect(csv).not.toMatch(/S002|F001|รหัสพนักงาน|ชื่อ-สกุล/);
    const parsed = parseCsv(csv);
    expect(parsed.records).toHaveLength(12);
    // an anonymous export names no division at all (the results page shows them, small groups hidden)
    expect(parsed.header).not.toContain('หน่วยงาน');
    expect(csv).not.toMatch(/กองคลัง|กองช่าง|กองสาธารณสุข/);

    const xlsxRes = await call(`/${id}/export.xlsx`, { token: tokenFor(hr) });
    expect(xlsxRes.status).toBe(200);
    const rows = (await readSheet(Buffer.from(await xlsxRes.arrayBuffer()))) as unknown[][];
    expect(rows[0]).toEqual(parsed.header);
    expect(rows.slice(1).map((r) => r.map((c) => (c === null ? '' : String(c))))).toEqual(
      parsed.records.map((r) => r.cells),
    );
    // Likert answers are numbers in the workbook, not text
    expect(typeof rows[1]?.[2]).toBe('number');
  });

  it('copies last year’s survey into this fiscal year as a draft with new dates', async () => {
    const last = m()
      .collection('surveys')
      .doc(`satisfaction-${fy - 1}-old`);
    const def = (await json(`/${id}`, { token: tokenFor(hr) })).body.definition;
    await last.set({
      ...def,
      id: last.id,
      title: `แบบสำรวจความพึงพอใจในการปฏิบัติงาน ปีงบประมาณ พ.ศ. ${fy - 1}`,
      fiscalYear: fy - 1,
      opensOn: addDays(today, -365),
      closesOn: addDays(today, -350),
      status: 'closed',
      responseCount: 40,
      responsesByDivision: { finance: 40 },
      audienceCount: 50,
    });
    const lastYear = await json(`/?fiscalYear=${fy - 1}`, { token: tokenFor(hr) });
    expect((lastYear.body.surveys as Json[]).map((s) => s.id)).toContain(last.id);

    const res = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: { copyFrom: last.id, opensOn: addDays(today, 30), closesOn: addDays(today, 44) },
    });
    expect(res.status).toBe(201);
    expect(res.body.survey).toMatchObject({
      kind: 'satisfaction',
      status: 'draft',
      copiedFrom: last.id,
      fiscalYear: fiscalYearOf(addDays(today, 30)),
      title: `แบบสำรวจความพึงพอใจในการปฏิบัติงาน ปีงบประมาณ พ.ศ. ${fiscalYearOf(addDays(today, 30))}`,
      opensOn: addDays(today, 30),
      responseCount: 0,
      audienceCount: null,
      questionCount: def.questions.length,
    });
    const missing = await json('/', {
      token: tokenFor(hr),
      method: 'POST',
      body: { copyFrom: 'no-such-survey', opensOn: today, closesOn: addDays(today, 3) },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('ไม่พบแบบสำรวจต้นฉบับ');
  });

  it('closes the survey; a closed survey cannot be changed or reopened', async () => {
    const closed = await json(`/${id}`, { token: tokenFor(hr), method: 'PATCH', body: { status: 'closed' } });
    expect(closed.status).toBe(200);
    expect(closed.body.survey).toMatchObject({ status: 'closed', availability: 'closed' });
    const reopen = await json(`/${id}`, { token: tokenFor(hr), method: 'PATCH', body: { status: 'open' } });
    expect(reopen.status).toBe(409);
    expect(reopen.body.message).toContain('ปิดแล้ว');
    expect(
      (await json('/mine', { token: tokenFor(staff) })).body.surveys.map((s: Json) => s.id),
    ).not.toContain(id);
    expect((await json('/nothing-here', { token: tokenFor(hr) })).status).toBe(404);
  });
});
