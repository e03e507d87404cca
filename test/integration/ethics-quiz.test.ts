import type { EthicsQuiz, QuizAttempt } from '@phattana/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from '../../dev/src/seed/demo-municipality';
import { bangkokMorning } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The ethics quiz end to end: HR fills the bank and draws a 20% sample stratified by division through
// the real API (reproducible from its seed, a second draw only when confirmed, both kept), then the
// sampled people take the quiz in chat over signed webhooks on the real emulator and the fake LINE
// platform: someone outside the sample is refused, a quiz closed mid-way keeps the answers, the score
// comes with the right answers, a second attempt is refused, and the targets page shows the pass share.

const NOW = bangkokMorning('2026-12-16');
const sys = useSystem({ clock: () => NOW });
const municipality = () => sys.fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

async function call(path: string, o: { token: string; method?: string; body?: unknown }) {
  const { bot } = await sys.start();
  const res = await fetch(`${bot.url}/api${path}`, {
    method: o.method ?? 'GET',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const QUESTIONS = [
  ['การรับของขวัญจากผู้มาติดต่อราชการควรทำอย่างไร', ['ปฏิเสธอย่างสุภาพ', 'รับไว้ได้ทุกกรณี', 'ขอเป็นเงินสดแทน'], 1],
  ['เมื่อพบเพื่อนร่วมงานทุจริตควรทำอย่างไร', ['เพิกเฉย', 'รายงานผู้บังคับบัญชาตามช่องทาง'], 2],
  ['ผลประโยชน์ทับซ้อนหมายถึงข้อใด', ['ประโยชน์ส่วนตนขัดกับประโยชน์ส่วนรวม', 'การทำงานล่วงเวลา', 'การลาพักร้อน'], 1],
  ['การใช้รถราชการไปธุระส่วนตัวถูกต้องหรือไม่', ['ถูกต้อง', 'ไม่ถูกต้อง'], 2],
  ['หลักธรรมาภิบาลข้อใดเกี่ยวกับการเปิดเผยข้อมูล', ['หลักความโปร่งใส', 'หลักความคุ้มค่า', 'หลักนิติธรรม', 'หลักการมีส่วนร่วม'], 1],
  ['การให้บริการประชาชนที่ดีควรเป็นอย่างไร', ['เลือกปฏิบัติตามความสนิท', 'เท่าเทียมและเป็นธรรม'], 2],
] as const;

// ten active people: six in finance, four in the ปลัด's office (HR among them)
const PEOPLE = Array.from({ length: 10 }, (_, i) => ({
  employeeId: `Q${String(i).padStart(2, '0')}`,
  divisionId: i < 6 ? 'finance' : 'palad',
}));
const users: Record<string, string> = {};
let hr = '';

beforeAll(async () => {
  await sys.start();
  await sys.fs.reset();
  await municipality().set(demoMunicipality);
  for (const p of PEOPLE) {
    users[p.employeeId] = await sys.linkedUser({
      employeeId: p.employeeId,
      name: `บุคลากร ${p.employeeId}`,
      roles: p.employeeId === 'Q09' ? ['staff', 'hr'] : ['staff'],
    });
    await municipality().collection('employees').doc(p.employeeId).update({ divisionId: p.divisionId });
  }
  hr = tokenFor(users.Q09 as string);
});

const last = (user: string) => textsOf(sys.botMessages(user)).at(-1) ?? '';
const quizDoc = async () =>
  (await municipality().collection('ethicsQuizzes').doc('fy2570').get()).data() as EthicsQuiz;
const attempt = async (id: string) =>
  (
    await municipality().collection('ethicsQuizzes').doc('fy2570').collection('attempts').doc(id).get()
  ).data() as QuizAttempt | undefined;

/** Answers the question on screen: the right choice (by its number in this person's order) or a wrong one. */
async function answer(user: string, quiz: EthicsQuiz, right: boolean) {
  const shown = last(user);
  const q = quiz.questions.find((x) => shown.includes(x.text));
  if (!q) throw new Error(`no question in: ${shown}`);
  const rightLabel = q.choices.find((c) => c.id === q.answerId)?.label as string;
  const lines = shown.split('\n').filter((l) => /^\d+\. /.test(l));
  const pick = lines.find((l) => (l.slice(l.indexOf(' ') + 1) === rightLabel) === right) as string;
  await sys.text(user, pick.slice(0, pick.indexOf('.')));
}

describe('ethics quiz', () => {
  it('keeps a bank of Thai questions with a Thai message for each bad field', async () => {
    const bad = await call('/ethics/questions', {
      token: hr,
      method: 'POST',
      body: { text: 'ข้อ', choices: ['ก'], answer: 3 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({ text: 'กรุณาพิมพ์คำถาม', choices: 'ตัวเลือกต้องมี 2 ถึง 5 ข้อ' });
    // too few questions to draw from
    const early = await call('/ethics/2570/draw', {
      token: hr,
      method: 'POST',
      body: { size: { kind: 'share', percent: 20 } },
    });
    expect(early).toMatchObject({ status: 400, body: { message: expect.stringContaining('อย่างน้อย 5 ข้อ') } });
    for (const [text, choices, answer] of QUESTIONS) {
      const r = await call('/ethics/questions', {
        token: hr,
        method: 'POST',
        body: { text, choices, answer },
      });
      expect(r.status).toBe(200);
    }
    // one retired: kept in the bank, never drawn
    const page = await call('/ethics', { token: hr });
    const retired = page.body.questions.find((q: { text: string }) => q.text === QUESTIONS[5][0]);
    expect(
      (await call(`/ethics/questions/${retired.id}/retire`, { token: hr, method: 'POST', body: {} })).status,
    ).toBe(200);
    const after = await call('/ethics?fy=2570', { token: hr });
    expect(after.body).toMatchObject({ activeCount: 5, quiz: null });
    expect(after.body.questions).toHaveLength(6);
    // staff cannot reach it
    const staff = await call('/ethics', { token: tokenFor(users.Q00 as string) });
    expect(staff.status).toBe(403);
  });

  it('draws 20% stratified by division, reproducibly, and a second draw needs confirmation and keeps the first', async () => {
    const body = { size: { kind: 'share', percent: 20 }, seed: 'audit-2570' };
    const first = await call('/ethics/2570/draw', { token: hr, method: 'POST', body });
    expect(first.status).toBe(200);
    const draw = first.body.draw;
    // 10 people → 2; finance (6) and palad (4) one each by largest remainder
    expect(draw.drawn).toHaveLength(2);
    expect(draw.byDivision).toEqual({
      finance: { population: 6, drawn: 1 },
      palad: { population: 4, drawn: 1 },
    });
    expect(draw).toMatchObject({ seed: 'audit-2570', population: 10, drawnBy: { employeeId: 'Q09' } });
    expect(draw.staffVersion).toMatch(/^[0-9a-f]{16}$/);
    const quiz = await quizDoc();
    expect(quiz.questions).toHaveLength(5);
    expect(quiz.questions.map((q) => q.text)).not.toContain(QUESTIONS[5][0]);
    expect(quiz.passMark).toBe(3);

    const again = await call('/ethics/2570/draw', { token: hr, method: 'POST', body });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('กรุณายืนยัน');
    const confirmed = await call('/ethics/2570/draw', {
      token: hr,
      method: 'POST',
      body: { ...body, confirm: true },
    });
    expect(confirmed.status).toBe(200);
    // same seed, same staff list: the same people
    expect(confirmed.body.draw.drawn).toEqual(draw.drawn);
    expect(confirmed.body.draw.staffVersion).toBe(draw.staffVersion);
    expect(confirmed.body.draw.replaces).toBe('audit-2570');
    const page = await call('/ethics?fy=2570', { token: hr });
    expect(page.body.quiz.draws).toHaveLength(2);
    expect(page.body.quiz.drawn.map((p: { status: string }) => p.status)).toEqual([
      'notStarted',
      'notStarted',
    ]);
  });

  it('invites the sample only, once, in one multicast through the daily jobs', async () => {
    const { bot } = await sys.start();
    const quiz = await quizDoc();
    const run = await bot.runDailyJobs(NOW);
    expect(run.ethicsQuiz).toMatchObject({ invitations: { sent: 2 }, reminders: { sent: 0 } });
    // both got the same digest: one multicast for the two
    expect(run.digest).toMatchObject({ multicasts: 1, pushes: 0 });
    for (const id of quiz.draw.drawn)
      expect(last(users[id] as string)).toContain('ขอเชิญทำแบบทดสอบคุณธรรมจริยธรรม');
    const outside = PEOPLE.map((p) => p.employeeId).filter((id) => !quiz.draw.drawn.includes(id));
    for (const id of outside) expect(sys.botMessages(users[id] as string)).toEqual([]);
    // the same day again: nothing twice
    expect((await bot.runDailyJobs(NOW)).ethicsQuiz).toMatchObject({
      invitations: { sent: 0, alreadySent: 0 },
    });
    // in the evening quiet hours nothing is sent at all
    expect((await bot.runDailyJobs(bangkokMorning('2026-12-16', 21))).ethicsQuiz).toMatchObject({
      skipped: 'quietHours',
    });
  });

  it('refuses someone outside the sample, keeps answers when closed mid-way, scores with the right answers and refuses a second attempt', async () => {
    const quiz = await quizDoc();
    const [inA, inB] = quiz.draw.drawn as [string, string];
    const outside = PEOPLE.map((p) => p.employeeId).find((id) => !quiz.draw.drawn.includes(id)) as string;

    await sys.text(users[outside] as string, 'แบบทดสอบจริยธรรม');
    expect(last(users[outside] as string)).toContain('ท่านไม่ได้อยู่ในกลุ่มตัวอย่าง');
    expect(await attempt(outside)).toBeUndefined();

    const a = users[inA] as string;
    await sys.text(a, 'แบบทดสอบจริยธรรม');
    expect(textsOf(sys.botMessages(a)).join('\n')).toContain('มี 5 ข้อ ผ่านเมื่อตอบถูกอย่างน้อย 3 ข้อ');
    expect(last(a)).toContain('ข้อ 1/5');
    const quick =
      (sys.botMessages(a).at(-1)?.quickReply as { items: { action: { label: string } }[] } | undefined)
        ?.items ?? [];
    expect(quick.map((i) => i.action.label).slice(0, 2)).toEqual([
      expect.stringMatching(/^1\. /),
      expect.stringMatching(/^2\. /),
    ]);
    await sys.text(a, 'ไม่แน่ใจ');
    expect(last(a)).toContain('กรุณากดหมายเลขคำตอบ 1 ถึง');
    await answer(a, quiz, true);
    await answer(a, quiz, false);
    expect(last(a)).toContain('ข้อ 3/5');
    expect(Object.keys((await attempt(inA))?.answers ?? {})).toHaveLength(2);

    // HR closes the quiz while A is on question 3
    expect(
      (await call('/ethics/2570/status', { token: hr, method: 'PUT', body: { status: 'closed' } })).status,
    ).toBe(200);
    await answer(a, quiz, true);
    expect(last(a)).toContain('ปิดรับคำตอบแล้ว คำตอบที่ท่านตอบไว้ 2 ข้อบันทึกไว้แล้ว');
    expect(Object.keys((await attempt(inA))?.answers ?? {})).toHaveLength(2);

    // reopened: A goes on from question 3 and finishes with 4 right of 5
    await call('/ethics/2570/status', { token: hr, method: 'PUT', body: { status: 'open' } });
    await sys.text(a, 'แบบทดสอบจริยธรรม');
    expect(textsOf(sys.botMessages(a)).join('\n')).toContain('ตอบแล้ว 2 ข้อ');
    expect(last(a)).toContain('ข้อ 3/5');
    for (let i = 0; i < 3; i++) await answer(a, quiz, true);
    const end = textsOf(sys.botMessages(a)).slice(-2).join('\n');
    expect(end).toContain('ท่านได้ 4/5 คะแนน');
    expect(end).toContain('ผ่านเกณฑ์');
    expect(end).toContain('❌ ข้อ 2.');
    expect(end).toContain(
      `คำตอบที่ถูก: ${quiz.questions[0]?.choices.find((c) => c.id === quiz.questions[0]?.answerId)?.label}`,
    );
    expect(await attempt(inA)).toMatchObject({ completed: 1, score: 4, total: 5, passed: true, answers: {} });

    await sys.text(a, 'แบบทดสอบจริยธรรม');
    expect(last(a)).toContain('ท่านทำแบบทดสอบคุณธรรมจริยธรรมปีนี้แล้ว ได้ 4/5 คะแนน');

    // B fails with one right answer
    const b = users[inB] as string;
    await sys.text(b, 'แบบทดสอบจริยธรรม');
    await answer(b, quiz, true);
    for (let i = 0; i < 4; i++) await answer(b, quiz, false);
    expect(textsOf(sys.botMessages(b)).slice(-2).join('\n')).toContain('ยังไม่ถึงเกณฑ์ผ่าน');

    // one of two passed: 50%, not above the 60% target
    const targets = await call('/targets?fy=2570', { token: hr });
    const points = targets.body.indicators.find((i: { id: string }) => i.id === 'ethicsQuiz').points;
    expect(points.at(-1)).toMatchObject({ fiscalYear: 2570, result: 50, verdict: { met: false } });
    const page = await call('/ethics?fy=2570', { token: hr });
    expect(page.body.quiz.result).toMatchObject({ sampled: 2, answered: 2, passed: 1, passShare: 50 });
  });
});
