import { createHmacPostbackSigner, derivePostbackSecret } from '@phattana/bot';
import {
  answerSurveyAction,
  encodePostback,
  type SurveyDefinition,
  surveyFromTemplate,
  surveyPersonKey,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentData,
  type Firestore,
  Timestamp,
} from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { countedSurveyData } from '../../bot/src/surveys/survey-counters';
import { buildPostbackEvent } from '../../dev/src/simulator/webhook-events';
import { jpegImage, pngImage } from '../support/images';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { findAction, TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// Surveys answered in chat, end to end: signed webhooks, the real Firestore emulator, the fake LINE
// platform. A person answers with quick replies, leaves and comes back with every answer intact, sends
// an anonymous poll that leaves no path from the answers to them, cannot submit twice, is told
// politely when a survey has closed, and checks in to a 5ส day with photos.

let now = bangkokMorning('2026-12-02');
const sys = useSystem({ clock: () => now });
const signer = createHmacPostbackSigner(derivePostbackSecret(TEST_CHANNEL.secret));
const JPEG = jpegImage();

const open = (s: SurveyDefinition): SurveyDefinition => ({ ...s, status: 'open' });
const dates = { fiscalYear: 2570, opensOn: '2026-12-01', closesOn: '2026-12-25' };
const TN = open(surveyFromTemplate('trainingNeeds', { id: 'TN', ...dates }));
const SAT = open(surveyFromTemplate('satisfaction', { id: 'SAT', ...dates }));
const FIVE = open(
  surveyFromTemplate('fiveS', {
    id: 'FIVE',
    ...dates,
    audience: { divisionIds: ['finance'] },
    activity: { date: '2026-12-02', area: 'ห้องเก็บเอกสารกองคลัง' },
  }),
);
/** a one-question survey for the closing cases */
const short = (id: string, o: Partial<SurveyDefinition> = {}): SurveyDefinition => ({
  ...open(surveyFromTemplate('trainingNeeds', { id, ...dates })),
  title: `แบบสำรวจสั้น ${id}`,
  questions: [
    {
      id: 'q1',
      type: 'singleChoice',
      text: 'ท่านสะดวกอบรมช่วงใด',
      required: true,
      choices: [
        { id: 'am', label: 'ช่วงเช้า' },
        { id: 'pm', label: 'ช่วงบ่าย' },
      ],
    },
  ],
  ...o,
});

let users: Record<string, string> = {};
async function setUp() {
  if (Object.keys(users).length > 0) return;
  users = await seedChain(sys);
  const m = municipality(sys);
  for (const id of ['R010', 'R011'])
    await m
      .collection('employees')
      .doc(id)
      .update({ staffType: 'municipalEmployee', functionalCompetencyIds: ['accuracy', 'monitoring'] });
  for (const s of [TN, SAT, FIVE]) await m.collection('surveys').doc(s.id).set(s);
}

/** Taps the survey's start button, as an invitation or the list of open surveys offers it. */
async function startSurvey(user: string, surveyId: string) {
  const a = answerSurveyAction(surveyId);
  if (a.type !== 'postback') throw new Error('expected a postback');
  await sys.postback(user, encodePostback(a.data, signer, now));
}

type Item = { action: { type: string; label: string; data?: string; text?: string } };
/** Taps the quick reply of the bot's last message whose label starts with one of `prefixes`. */
async function tapQuick(user: string, ...prefixes: string[]) {
  const last = sys.botMessages(user).at(-1);
  const items = (last?.quickReply as { items?: Item[] } | undefined)?.items ?? [];
  const found = items.find((i) => prefixes.some((p) => i.action.label.startsWith(p)));
  if (!found)
    throw new Error(
      `no quick reply "${prefixes.join('/')}…" in ${items.map((i) => i.action.label).join(' | ')}`,
    );
  if (found.action.type === 'postback') return sys.postback(user, String(found.action.data));
  return sys.text(user, String(found.action.text));
}
const last = (user: string) => textsOf(sys.botMessages(user)).at(-1) ?? '';

const surveys = () => municipality(sys).collection('surveys');
// a survey's data with its response counters as HR's pages read them (the document plus its shards)
const counted = async (id: string) => countedSurveyData(await surveys().doc(id).get());
const responsesOf = async (id: string) => (await surveys().doc(id).collection('responses').get()).docs;
const completion = (id: string, employeeId: string) =>
  municipality(sys).collection('surveyCompletions').doc(surveyPersonKey(id, employeeId)).get();
const draft = (id: string, employeeId: string) =>
  municipality(sys).collection('surveyDrafts').doc(surveyPersonKey(id, employeeId)).get();

describe('surveys in chat', () => {
  it('answers the training-needs survey with quick replies, leaves twice and resumes with every answer intact', async () => {
    await setUp();
    const user = users.R010 as string;
    await startSurvey(user, 'TN');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain(TN.title);
    expect(last(user)).toContain('ข้อ 1/');

    // 1. areas (pick several, then เสร็จ)
    await tapQuick(user, '1.');
    await tapQuick(user, '4.');
    expect(last(user)).toContain('เลือกแล้ว 2 ข้อ: 1, 4');
    await tapQuick(user, 'เสร็จ');
    // 2. competencies: the five core ones, then the person's functional ones from the staff record
    expect(last(user)).toContain('สมรรถนะที่ท่านต้องการพัฒนามากที่สุด');
    expect(last(user)).toContain('6. ความถูกต้องของงาน');
    expect(last(user)).toContain('7. การกำกับติดตามอย่างสม่ำเสมอ');
    await tapQuick(user, '1.');
    await tapQuick(user, '7.');
    await tapQuick(user, 'เสร็จ');
    expect(last(user)).toContain('วิธีการพัฒนาที่ท่านต้องการ');

    // leaves halfway by starting something else; the draft holds both answers
    await sys.text(user, 'แจ้งอบรมภายนอก');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('หยุด "ตอบแบบสำรวจ" ไว้ก่อน');
    const saved = (await draft('TN', 'R010')).data();
    expect(saved?.answers).toEqual({
      categories: { type: 'choices', choiceIds: ['management', 'finance'] },
      competencies: { type: 'competencies', competencyIds: ['achievement', 'monitoring'] },
    });
    expect(saved?.currentQuestionId).toBe('methods');

    await startSurvey(user, 'TN');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ต่อจากข้อที่ค้างไว้ (ตอบแล้ว 2 ข้อ');
    expect(last(user)).toContain('วิธีการพัฒนาที่ท่านต้องการ');
    await tapQuick(user, 'ฝึกอบรม');
    await tapQuick(user, 'e-Learning');
    await tapQuick(user, 'เสร็จ');
    expect(last(user)).toContain('ช่วงเวลาที่ท่านสะดวก');

    // leaves again with ยกเลิก, comes back again
    await sys.text(user, 'ยกเลิก');
    expect(last(user)).toContain('ยกเลิก "ตอบแบบสำรวจ" แล้ว');
    expect(last(user)).toContain('คำตอบที่ตอบไว้บันทึกแล้ว');
    await startSurvey(user, 'TN');
    expect(last(user)).toContain('ช่วงเวลาที่ท่านสะดวก');
    await tapQuick(user, '4.', 'ออนไลน์'); // online, numbered when a label is too long for a button
    // optional suggestions, typed
    await sys.text(user, 'อยากให้มีหลักสูตรออนไลน์เรื่องระเบียบพัสดุ');
    // the summary shows every answer given across the three sittings
    const summary = JSON.stringify(sys.botMessages(user).at(-1));
    for (const shown of ['การบริหารจัดการ', 'การมุ่งผลสัมฤทธิ์', 'ฝึกอบรม, e-Learning', 'อยากให้มีหลักสูตรออนไลน์'])
      expect(summary).toContain(shown);

    await sys.tap(user, 'ส่งแบบสำรวจ');
    expect(last(user)).toContain(`ส่งแบบสำรวจ "${TN.title}" แล้ว`);
    const responses = await responsesOf('TN');
    expect(responses).toHaveLength(1);
    expect(responses[0]?.data()).toEqual({
      surveyId: 'TN',
      employeeId: 'R010',
      divisionId: 'finance',
      staffType: 'municipalEmployee',
      submittedOn: '2026-12-02',
      answers: {
        categories: { type: 'choices', choiceIds: ['management', 'finance'] },
        competencies: { type: 'competencies', competencyIds: ['achievement', 'monitoring'] },
        methods: { type: 'choices', choiceIds: ['training', 'eLearning'] },
        time: { type: 'choice', choiceId: 'online' },
        suggestions: { type: 'text', value: 'อยากให้มีหลักสูตรออนไลน์เรื่องระเบียบพัสดุ' },
      },
    });
    expect((await completion('TN', 'R010')).data()).toEqual({
      surveyId: 'TN',
      employeeId: 'R010',
      divisionId: 'finance',
      completedOn: '2026-12-02',
    });
    expect((await draft('TN', 'R010')).exists).toBe(false);
    expect(await counted('TN')).toMatchObject({
      responseCount: 1,
      responsesByDivision: { finance: 1 },
    });

    // the invitation's button again: already answered
    await startSurvey(user, 'TN');
    expect(last(user)).toContain('ท่านตอบแบบสำรวจนี้แล้ว');
  });

  it('stores the anonymous poll with no path from the answers to the person; a second tap or a replayed webhook stores nothing more', async () => {
    await setUp();
    const user = users.R011 as string;
    const before = await scan(sys.fs.db);
    await startSurvey(user, 'SAT');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ไม่ระบุตัวตน');
    for (const level of ['4', '5', '3', '4', '2', '4', '5', '4']) await tapQuick(user, `${level} `);
    const COMMENT = 'ห้องน้ำชั้นสองควรซ่อมก๊อกน้ำ';
    await sys.text(user, COMMENT);
    expect(JSON.stringify(sys.botMessages(user).at(-1))).toContain('ตรวจสอบคำตอบก่อนส่ง');

    // the send button, delivered by LINE twice (a redelivery has the same webhookEventId)
    const send = findAction(sys.botMessages(user), 'ส่งแบบสำรวจ');
    const { platform } = await sys.start();
    const event = buildPostbackEvent({
      userId: user,
      data: String(send.data),
      replyToken: platform.issueReplyToken(user),
    });
    expect((await sys.post(sys.envelope([event]))).status).toBe(200);
    expect(last(user)).toContain('ส่งแบบสำรวจ');
    expect(
      (await sys.post(sys.envelope([{ ...event, deliveryContext: { isRedelivery: true } }]))).status,
    ).toBe(200);
    // and the person taps the old send button once more
    await sys.postback(user, String(send.data));
    expect(
      textsOf(sys.botMessages(user)).filter((t) => t.startsWith(`ส่งแบบสำรวจ "${SAT.title}" แล้ว`)),
    ).toHaveLength(1);

    const responses = await responsesOf('SAT');
    expect(responses).toHaveLength(1);
    const response = responses[0]!;
    expect(response.data()).toEqual({
      surveyId: 'SAT',
      // no person, no date, no staff type: only the answers and the division they count for
      divisionId: 'finance',
      answers: {
        environment: { type: 'likert', value: 4 },
        tools: { type: 'likert', value: 5 },
        safety: { type: 'likert', value: 3 },
        welfare: { type: 'likert', value: 4 },
        communication: { type: 'likert', value: 2 },
        fairness: { type: 'likert', value: 4 },
        development: { type: 'likert', value: 5 },
        overall: { type: 'likert', value: 4 },
        comments: { type: 'text', value: COMMENT },
      },
    });
    // a random id, not made from anything about the person
    expect(response.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await completion('SAT', 'R011')).exists).toBe(true);
    expect(
      (await municipality(sys).collection('surveyCompletions').where('surveyId', '==', 'SAT').get()).size,
    ).toBe(1);
    expect((await counted('SAT')).responseCount).toBe(1);

    // Every document the answering wrote: only the response holds the answers, and it names nobody;
    // what names the person (their conversation, the completion) holds no answer.
    const after = await scan(sys.fs.db);
    const written = [...after].filter(([path, d]) => before.get(path)?.json !== d.json).map(([path]) => path);
    const removed = [...before.keys()].filter((path) => !after.has(path));
    expect(removed).toEqual([]); // the draft came and went within the answering
    const person = ['R011', user, 'นายอนุชา ทดสอบ'];
    const answersIn = (json: string) => json.includes(COMMENT) || json.includes('"answers"');
    for (const path of written) {
      const { json, data } = after.get(path)!;
      const names = person.some((p) => json.includes(p) || path.includes(p));
      if (path === response.ref.path) {
        expect(names).toBe(false);
        expect(hasTimestamp(data)).toBe(false);
        continue;
      }
      expect({ path, answers: answersIn(json) }).toEqual({ path, answers: false });
      if (names) {
        expect([`conversations/${user}`, (await completion('SAT', 'R011')).ref.path]).toContain(path);
      }
    }
    expect(written).toContain(response.ref.path);
    expect((await draft('SAT', 'R011')).exists).toBe(false);
    const conversation = after.get(`conversations/${user}`)!.data;
    expect(conversation.state.flow).toBeNull();
  });

  it('answers politely when a survey is closed, at the start and at submission, and stores nothing', async () => {
    await setUp();
    const user = users.R010 as string;
    await surveys()
      .doc('CLOSED')
      .set(short('CLOSED', { status: 'closed' }));
    await surveys()
      .doc('PAST')
      .set(short('PAST', { closesOn: '2026-11-30' }));
    await surveys()
      .doc('LATE')
      .set(short('LATE', { closesOn: '2026-12-03' }));
    await surveys().doc('HR').set(short('HR'));

    await startSurvey(user, 'CLOSED');
    expect(last(user)).toBe('แบบสำรวจนี้ปิดรับคำตอบแล้ว ขอบคุณค่ะ 🙏');
    await startSurvey(user, 'PAST');
    expect(last(user)).toContain('ปิดรับคำตอบแล้วเมื่อ 30 พฤศจิกายน 2569');

    // HR closes the survey while the person is at the summary
    await startSurvey(user, 'HR');
    await tapQuick(user, 'ช่วงเช้า');
    await surveys().doc('HR').update({ status: 'closed' });
    await sys.tap(user, 'ส่งแบบสำรวจ');
    expect(last(user)).toContain('ปิดรับคำตอบแล้ว');
    expect(last(user)).toContain('ยังไม่ถูกส่ง');

    // the closing date passes while the person is at the summary
    now = bangkokMorning('2026-12-03', 19);
    await startSurvey(user, 'LATE');
    await tapQuick(user, 'ช่วงบ่าย');
    now = bangkokMorning('2026-12-04');
    await sys.tap(user, 'ส่งแบบสำรวจ');
    expect(last(user)).toContain('ปิดรับคำตอบแล้วเมื่อ 3 ธันวาคม 2569');
    now = bangkokMorning('2026-12-02');

    for (const id of ['CLOSED', 'PAST', 'HR', 'LATE']) {
      expect(await responsesOf(id)).toEqual([]);
      expect((await completion(id, 'R010')).exists).toBe(false);
      expect((await counted(id)).responseCount).toBeUndefined();
    }
  });

  it('counts every submission when several people send at the same moment', async () => {
    await setUp();
    await surveys()
      .doc('RUSH')
      .set(short('RUSH', { audience: {} }));
    const people = ['R001', 'R002', 'R009', 'R010', 'R011', 'R004'];
    for (const p of people) {
      await startSurvey(users[p] as string, 'RUSH');
      await tapQuick(users[p] as string, 'ช่วงเช้า');
    }
    // one delivery with everybody's send tap: their turns run side by side
    const { platform } = await sys.start();
    const events = people.map((p) => {
      const user = users[p] as string;
      return buildPostbackEvent({
        userId: user,
        data: String(findAction(sys.botMessages(user), 'ส่งแบบสำรวจ').data),
        replyToken: platform.issueReplyToken(user),
      });
    });
    expect((await sys.post(sys.envelope(events))).status).toBe(200);
    expect(await responsesOf('RUSH')).toHaveLength(6);
    expect(await counted('RUSH')).toMatchObject({
      responseCount: 6,
      // seedChain puts everyone but the two finance staff in สำนักปลัด
      responsesByDivision: { finance: 2, palad: 4 },
    });
  });

  it('checks in to a 5ส day with photos: stored, in the response, counted for the division', async () => {
    await setUp();
    const user = users.R010 as string;
    await startSurvey(user, 'FIVE');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ห้องเก็บเอกสารกองคลัง');
    const before = await sys.image(user, JPEG);
    expect(last(user)).toContain('ได้รับรูปที่ 1 แล้ว');
    await tapQuick(user, 'เสร็จ');
    const after1 = await sys.image(user, JPEG);
    const after2 = await sys.image(user, pngImage(10, 10), 'image/png');
    expect(last(user)).toContain('ได้รับรูปที่ 2 แล้ว');
    await tapQuick(user, 'เสร็จ');
    await sys.text(user, 'ห้องเก็บเอกสารชั้น 2');
    await tapQuick(user, '5 ');
    await sys.tap(user, 'ส่งแบบสำรวจ');
    expect(last(user)).toContain('ส่งแบบสำรวจ');

    const [response] = await responsesOf('FIVE');
    expect(response?.id).toBe('R010');
    expect(response?.get('answers')).toEqual({
      photoBefore: { type: 'photos', photos: [{ messageId: before.messageId }] },
      photoAfter: {
        type: 'photos',
        photos: [{ messageId: after1.messageId }, { messageId: after2.messageId }],
      },
      area: { type: 'text', value: 'ห้องเก็บเอกสารชั้น 2' },
      satisfaction: { type: 'likert', value: 5 },
    });
    const photos = await surveys().doc('FIVE').collection('photos').get();
    expect(
      photos.docs.map((d) => [d.id, d.get('status'), d.get('questionId'), d.get('employeeId')]).sort(),
    ).toEqual(
      [
        [before.messageId, 'stored', 'photoBefore', 'R010'],
        [after1.messageId, 'stored', 'photoAfter', 'R010'],
        [after2.messageId, 'stored', 'photoAfter', 'R010'],
      ].sort(),
    );
    const stored = await sys.storage.media.get(
      String(photos.docs.find((d) => d.id === after2.messageId)?.get('storagePath')),
    );
    expect(stored?.contentType).toBe('image/png');
    expect(await counted('FIVE')).toMatchObject({
      responseCount: 1,
      responsesByDivision: { finance: 1 },
    });
  });
});

/** Every document in this test's project, by path: its data and a comparable JSON form. */
async function scan(db: Firestore): Promise<Map<string, { json: string; data: DocumentData }>> {
  const out = new Map<string, { json: string; data: DocumentData }>();
  const walk = async (collections: CollectionReference[]) => {
    for (const c of collections) {
      for (const d of (await c.get()).docs) {
        const data = d.data();
        out.set(d.ref.path, { data, json: JSON.stringify(data) });
        await walk(await d.ref.listCollections());
      }
      // documents that exist only as parents of subcollections
      for (const ref of await c.listDocuments())
        if (!out.has(ref.path)) await walk(await ref.listCollections());
    }
  };
  await walk(await db.listCollections());
  return out;
}

function hasTimestamp(v: unknown): boolean {
  if (v instanceof Timestamp || v instanceof Date) return true;
  if (Array.isArray(v)) return v.some(hasTimestamp);
  if (v && typeof v === 'object') return Object.values(v).some(hasTimestamp);
  return false;
}
