import { fiscalYearOfInstant, fiscalYearRange } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { daytimeClock } from '../support/daytime-clock';
import { CHAIN, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The IDP API against the real emulator and the real bot over HTTP, with ID tokens the fake LINE
// platform signs: the person drafts and sends their plan, the supervisor agrees or returns it from the
// team API, and each side hears about it by a LINE push through the fake platform.

// approvals push notices to the next person: daytime, whatever the hour the suite runs
const sys = useSystem({ clock: daytimeClock() });
const FY = fiscalYearOfInstant(new Date());
const { start, end } = fiscalYearRange(FY);

let people: Promise<Record<string, string>> | undefined;
/** the report chain plus a supervisor of another division with a team of their own */
const users = () =>
  (people ??= seedChain(sys, [
    ...CHAIN,
    { employeeId: 'R015', name: 'ผู้อำนวยการกองช่าง ทดสอบ', roles: ['supervisor'], supervisorId: 'R002' },
    { employeeId: 'R016', name: 'นายช่าง ทดสอบ', roles: ['staff'], supervisorId: 'R015' },
  ]));

const token = async (employeeId: string) =>
  sys.platform.issueIdToken((await users())[employeeId] as string, { aud: DEV_CHANNEL.loginChannelId });

async function call(employeeId: string, path: string, o: { method?: string; body?: unknown } = {}) {
  const { bot } = await sys.start();
  const headers: Record<string, string> = { authorization: `Bearer ${await token(employeeId)}` };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  await bot.drain(); // the pushes a write queued
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

const goal = (over: Record<string, unknown> = {}) => ({
  id: 'g1',
  competencyId: 'serviceExcellence',
  currentLevel: 2,
  targetLevel: 3,
  goal: 'ตอบคำถามผู้มาชำระภาษีได้ถูกต้องภายในครั้งเดียว',
  methods: ['training', 'coaching'],
  startDate: start,
  endDate: end,
  progress: 0,
  trainingIds: [],
  ...over,
});

const pushesTo = async (employeeId: string) =>
  textsOf(sys.botMessages((await users())[employeeId] as string));

describe('IDP API', () => {
  it('starts with an empty draft, saves with the version it read, and refuses a stale version', async () => {
    const mine = await call('R011', '/idp/mine');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      stored: false,
      editable: true,
      plan: { employeeId: 'R011', fiscalYear: FY, status: 'draft', version: 0, goals: [] },
      supervisor: { id: 'R009', name: 'ผู้อำนวยการกองคลัง ทดสอบ' },
      range: { start, end },
      levels: [0, 1, 2, 3, 4, 5],
    });
    // staff get the core and functional competencies, not the executive ones
    const ids = mine.body.competencies.map((c: { id: string }) => c.id);
    expect(ids).toContain('serviceExcellence');
    expect(ids).not.toContain('leadership');
    expect(mine.body.methods.map((m: { id: string }) => m.id)).toContain('eLearning');

    const saved = await call('R011', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 0, goals: [goal({ goal: '  ตอบคำถามผู้มาชำระภาษีได้ถูกต้อง  ' })] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.plan).toMatchObject({
      version: 1,
      status: 'draft',
      goals: [{ goal: 'ตอบคำถามผู้มาชำระภาษีได้ถูกต้อง' }],
    });
    const stored = (await municipality(sys).collection('idps').doc(`R011__${FY}`).get()).data();
    expect(stored).toMatchObject({ employeeId: 'R011', employeeName: 'นายอนุชา ทดสอบ', version: 1 });

    // another device still holding version 0 cannot overwrite it
    const stale = await call('R011', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 0, goals: [] },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'changed', current: { plan: { version: 1 } } });
    expect(stale.body.message).toContain('มีการเปลี่ยนแปลง');
    expect((await municipality(sys).collection('idps').doc(`R011__${FY}`).get()).get('goals')).toHaveLength(
      1,
    );
  });

  it('checks every field and answers in Thai, keyed by field', async () => {
    const bad = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: {
        fiscalYear: FY,
        version: 0,
        goals: [
          goal({
            competencyId: 'flying',
            currentLevel: 6,
            methods: ['magic'],
            startDate: `${Number(start.slice(0, 4)) - 1}-01-01`,
            progress: 120,
          }),
          goal({ id: 'g1', currentLevel: 4, targetLevel: 2, goal: 'สั้น' }),
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      'goals.0.competencyId': expect.stringContaining('สมรรถนะ'),
      'goals.0.currentLevel': expect.stringContaining('0 ถึง 5'),
      'goals.0.methods': expect.stringContaining('วิธีการพัฒนา'),
      'goals.0.startDate': expect.stringContaining(`ปีงบประมาณ พ.ศ. ${FY}`),
      'goals.0.progress': expect.stringContaining('0 ถึง 100'),
      'goals.1.id': expect.stringContaining('ซ้ำ'),
      'goals.1.targetLevel': expect.stringContaining('ไม่ต่ำกว่า'),
      'goals.1.goal': expect.stringContaining('อย่างน้อย 5'),
    });
    expect((await call('R010', '/idp/mine', { method: 'PUT', body: { goals: [] } })).status).toBe(400);
    expect((await call('R010', '/idp/mine?fy=abc')).status).toBe(400);
    expect((await municipality(sys).collection('idps').doc(`R010__${FY}`).get()).exists).toBe(false);
  });

  it('sends the plan to the supervisor, who is pushed; it is locked until they decide', async () => {
    const v1 = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 0, goals: [goal({ goal: '', methods: [] })] },
    });
    expect(v1.status).toBe(200);
    expect(v1.body.missing).toEqual([
      'เป้าหมายที่ 1: ยังไม่ได้เขียนเป้าหมายการพัฒนา',
      'เป้าหมายที่ 1: ยังไม่ได้เลือกวิธีการพัฒนา',
    ]);
    const early = await call('R010', '/idp/mine/submit', {
      method: 'POST',
      body: { fiscalYear: FY, version: 1 },
    });
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('ยังส่งไม่ได้');

    const v2 = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: {
        fiscalYear: FY,
        version: 1,
        goals: [goal(), goal({ id: 'g2', competencyId: 'analyticalThinking' })],
      },
    });
    expect(v2.body.missing).toEqual([]);
    const before = (await pushesTo('R009')).length;
    const sent = await call('R010', '/idp/mine/submit', {
      method: 'POST',
      body: { fiscalYear: FY, version: 2 },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      editable: false,
      plan: { status: 'submitted', supervisorId: 'R009', version: 3 },
    });
    const toSupervisor = (await pushesTo('R009')).slice(before);
    expect(toSupervisor).toEqual([expect.stringContaining('นางสาวจิราพร ทดสอบ ส่งแผนพัฒนารายบุคคล (IDP)')]);
    // its button opens that person's plan in LIFF
    const card = JSON.stringify(sys.botMessages((await users()).R009 as string).at(-1));
    expect(card).toContain(`https://liff.line.me/${DEV_CHANNEL.liffId}/team/R010/idp`);

    const locked = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 3, goals: [goal()] },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.message).toContain('รอความเห็นชอบ');
    // sending twice (a retried tap) does not push again
    const again = await call('R010', '/idp/mine/submit', {
      method: 'POST',
      body: { fiscalYear: FY, version: 3 },
    });
    expect(again.status).toBe(409);
    expect((await pushesTo('R009')).slice(before)).toHaveLength(1);
  });

  it('lets only the supervisor it was sent to agree; nobody outside the team even reads it', async () => {
    // someone else's IDP: staff have no team, a supervisor of another division is refused
    expect((await call('R011', '/team/R010/idp')).status).toBe(403);
    const outsider = await call('R015', '/team/R010/idp');
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toContain('สายบังคับบัญชาของท่าน');
    expect(
      (await call('R015', '/team/R010/idp/agree', { method: 'POST', body: { fiscalYear: FY } })).status,
    ).toBe(403);
    // the ปลัด sees it (further down the chain) but it is not theirs to agree to
    const palad = await call('R002', '/team/R010/idp');
    expect(palad.status).toBe(200);
    expect(palad.body).toMatchObject({ canDecide: false, plan: { status: 'submitted' } });
    expect(
      (await call('R002', '/team/R010/idp/agree', { method: 'POST', body: { fiscalYear: FY } })).status,
    ).toBe(403);

    const view = await call('R009', '/team/R010/idp');
    expect(view.body).toMatchObject({
      canDecide: true,
      plan: { version: 3, goals: [{ id: 'g1' }, { id: 'g2' }] },
    });
    const stale = await call('R009', '/team/R010/idp/agree', {
      method: 'POST',
      body: { fiscalYear: FY, version: 2 },
    });
    expect(stale.status).toBe(409);
    expect((await municipality(sys).collection('idps').doc(`R010__${FY}`).get()).get('status')).toBe(
      'submitted',
    );

    const shortComment = await call('R009', '/team/R010/idp/return', {
      method: 'POST',
      body: { fiscalYear: FY, version: 3, comment: 'ไม่' },
    });
    expect(shortComment.status).toBe(400);
    expect(shortComment.body.errors.comment).toContain('อย่างน้อย 5');

    const before = (await pushesTo('R010')).length;
    const returned = await call('R009', '/team/R010/idp/return', {
      method: 'POST',
      body: { fiscalYear: FY, version: 3, comment: 'ขอให้เพิ่มการเรียนรู้ด้วยตนเองผ่าน e-Learning' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.plan).toMatchObject({ status: 'returned', version: 4 });
    expect((await pushesTo('R010')).slice(before)).toEqual([
      expect.stringContaining('ความเห็นหัวหน้า: ขอให้เพิ่มการเรียนรู้ด้วยตนเองผ่าน e-Learning'),
    ]);

    // the person sees the comment, edits and sends again; the supervisor agrees and the person hears
    const mine = await call('R010', '/idp/mine');
    expect(mine.body).toMatchObject({
      editable: true,
      plan: { supervisorComment: expect.stringContaining('e-Learning') },
    });
    await call('R010', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 4, goals: [goal({ methods: ['training', 'eLearning'] })] },
    });
    expect(
      (await call('R010', '/idp/mine/submit', { method: 'POST', body: { fiscalYear: FY, version: 5 } }))
        .status,
    ).toBe(200);
    const agreed = await call('R009', '/team/R010/idp/agree', {
      method: 'POST',
      body: { fiscalYear: FY, version: 6, comment: ' ดีมาก ' },
    });
    expect(agreed.status).toBe(200);
    // a short note is fine with an agreement
    expect(agreed.body.plan).toMatchObject({
      status: 'agreed',
      agreedBy: 'R009',
      version: 7,
      supervisorComment: 'ดีมาก',
    });
    expect((await pushesTo('R010')).at(-1)).toContain('หัวหน้าเห็นชอบแผนพัฒนารายบุคคล (IDP)');
    // agreeing again (another tab) is a Thai 409
    const twice = await call('R009', '/team/R010/idp/agree', { method: 'POST', body: { fiscalYear: FY } });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('ได้รับความเห็นชอบแล้ว');

    // an agreed plan moves only its progress
    const progress = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: {
        fiscalYear: FY,
        version: 7,
        goals: [goal({ methods: ['training', 'eLearning'], progress: 40 })],
      },
    });
    expect(progress.status).toBe(200);
    expect(progress.body.plan).toMatchObject({ status: 'agreed', goals: [{ progress: 40 }] });
    const changed = await call('R010', '/idp/mine', {
      method: 'PUT',
      body: { fiscalYear: FY, version: 8, goals: [goal({ targetLevel: 5 })] },
    });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toContain('แก้ไขได้เฉพาะความก้าวหน้า');
    const history = (await municipality(sys).collection('idps').doc(`R010__${FY}`).get()).get('history');
    expect(history.map((h: { action: string; by: string }) => `${h.action}:${h.by}`)).toEqual([
      'saved:R010',
      'saved:R010',
      'submitted:R010',
      'returned:R009',
      'saved:R010',
      'submitted:R010',
      'agreed:R009',
      'saved:R010',
    ]);
  });

  it('tells the app who is asking: roles, division, and whether they have a team', async () => {
    await municipality(sys).set({ divisions: [{ id: 'finance', name: 'กองคลัง' }] }, { merge: true });
    expect((await call('R010', '/me')).body).toMatchObject({
      employeeId: 'R010',
      name: 'นางสาวจิราพร ทดสอบ',
      roles: ['staff'],
      divisionName: 'กองคลัง',
      hasTeam: false,
    });
    expect((await call('R009', '/me')).body).toMatchObject({ roles: ['supervisor'], hasTeam: true });
  });
});
