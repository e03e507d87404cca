import { birthDateHash, createHmacPostbackSigner, derivePostbackSecret, issueInvite } from '@phattana/bot';
import {
  answerSurveyAction,
  consentRecord,
  encodePostback,
  FEATURES,
  fileReportAction,
  type Role,
  reportIdFor,
  reviewAction,
  surveyFromTemplate,
} from '@phattana/shared';
import type { CollectionReference, DocumentReference } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { DEV_BIRTH_DATE_PEPPER, DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { type MountedRoute, mountedRoutes, routerStackAt } from '../support/mounted-routes';
import { bangkokMorning } from '../support/report-people';
import { TEST_CHANNEL, textsOf, useSystem } from '../support/system';

// One deployment, two municipalities. A (the demo id, the deployment's default) and B share the LINE
// Official Account, the webhook, the LIFF app and the API; employee ids repeat across them as they do in
// life. A person of A — staff, or HR who is also supervisor and executive — calls every API route and
// every chat action with ids of B's records: each is refused or answers with A's own data, no answer
// carries anything of B's, and B's documents are byte-for-byte what they were. People are linked to the
// municipality their invite code or their employee code + birth date belongs to; the regional officer
// sees each member municipality's figures and the totals, never a person.

let now = bangkokMorning('2026-12-08');
const sys = useSystem({ platform: true, clock: () => now });
const signer = createHmacPostbackSigner(derivePostbackSecret(TEST_CHANNEL.secret));
const B_ID = 'tenantb';
const db = () => sys.fs.db;
const municipalityRef = (id: string) => db().collection('municipalities').doc(id);
const collections = (id: string) => ({
  employees: municipalityRef(id).collection('employees'),
  invites: municipalityRef(id).collection('invites'),
});

/** Marks only B's records carry: an answer with any of them leaked B's data. */
const B_MARK = 'หนองบี';
const B_NAME = `เทศบาลตำบล${B_MARK}`;

async function staffRecord(
  municipalityId: string,
  id: string,
  o: { name: string; roles?: Role[]; supervisorId?: string | null; birthDate?: string; userId?: string },
) {
  await collections(municipalityId)
    .employees.doc(id)
    .set({
      id,
      municipalityId,
      code: id,
      name: o.name,
      divisionId: 'palad',
      staffType: 'municipalEmployee',
      position: 'เจ้าหน้าที่',
      jobLine: 'บริหารงานทั่วไป',
      supervisorId: o.supervisorId ?? null,
      roles: o.roles ?? ['staff'],
      active: true,
      ...(o.birthDate ? { birthDateHash: birthDateHash(DEV_BIRTH_DATE_PEPPER, id, o.birthDate) } : {}),
      ...(o.userId ? { lineUserId: o.userId, lineFollowing: true } : {}),
    });
}

/** A LINE user linked in municipality `municipalityId`, as the link turn leaves them (index included). */
async function linkedIn(municipalityId: string, employeeId: string, name: string, roles: Role[]) {
  const userId = sys.newUserId();
  await staffRecord(municipalityId, employeeId, { name, roles, userId });
  await db()
    .collection('conversations')
    .doc(userId)
    .set({ person: { employeeId, name, roles }, consent: consentRecord('granted', now) });
  await db().collection('lineUsers').doc(userId).set({ municipalityId, employeeId });
  sys.platform.setFollowing(userId, true);
  return userId;
}

interface World {
  a: { staff: string; hr: string };
  b: { staff: string; hr: string; supervisor: string };
  bReport: string;
  bSurvey: string;
}
let world: World | undefined;

/** B: a municipality with a supervisor chain, an open report, an open survey, a training, holidays. */
async function setUp(): Promise<World> {
  if (world) return world;
  await sys.start();
  await municipalityRef(DEMO_MUNICIPALITY_ID).set(
    { id: DEMO_MUNICIPALITY_ID, name: 'เทศบาลตำบลเอทดสอบ', divisions: [], yearlyHoursTarget: 40 },
    { merge: true },
  );
  await municipalityRef(B_ID).set({
    id: B_ID,
    name: B_NAME,
    province: 'ขอนแก่น',
    divisions: [{ id: 'palad', name: `สำนักปลัด${B_MARK}` }],
    yearlyHoursTarget: 24,
  });
  const a = {
    staff: await linkedIn(DEMO_MUNICIPALITY_ID, 'AT01', 'นายเอ พนักงาน', ['staff']),
    hr: await linkedIn(DEMO_MUNICIPALITY_ID, 'AT02', 'นางเอ ฝ่ายบุคคล', [
      'staff',
      'hr',
      'supervisor',
      'executive',
    ]),
  };
  const b = {
    supervisor: await linkedIn(B_ID, 'BT09', `นายหัวหน้า ${B_MARK}`, ['supervisor', 'executive']),
    staff: await linkedIn(B_ID, 'BT01', `นางสาวพนักงาน ${B_MARK}`, ['staff']),
    hr: await linkedIn(B_ID, 'BT02', `นางฝ่ายบุคคล ${B_MARK}`, ['staff', 'hr']),
  };
  await collections(B_ID).employees.doc('BT01').update({ supervisorId: 'BT09' });
  const training = {
    id: 'TRB1',
    title: `อบรม${B_MARK}`,
    organiser: B_NAME,
    method: 'training',
    startDate: '2026-12-01',
    endDate: '2026-12-02',
    hours: 12,
    attendees: ['BT01'],
  };
  await municipalityRef(B_ID).collection('trainings').doc(training.id).set(training);
  const survey = {
    ...surveyFromTemplate('trainingNeeds', {
      id: 'SVB1',
      fiscalYear: 2570,
      opensOn: '2026-12-01',
      closesOn: '2026-12-25',
    }),
    title: `แบบสำรวจ${B_MARK}`,
    status: 'open' as const,
  };
  await municipalityRef(B_ID).collection('surveys').doc(survey.id).set(survey);
  await municipalityRef(B_ID)
    .collection('holidays')
    .doc('2026-12-18')
    .set({ date: '2026-12-18', name: `วันบุญ${B_MARK}`, kind: 'special' });
  // B's morning opens BT01's report (the scheduled job runs every municipality)
  await sys.start().then(({ bot }) => bot.platform?.runDailyJobs(now));
  await sys.start().then(({ bot }) => bot.drain());
  const bReport = reportIdFor('TRB1', 'BT01');
  expect((await municipalityRef(B_ID).collection('reports').doc(bReport).get()).exists).toBe(true);
  world = { a, b, bReport, bSurvey: survey.id };
  return world;
}

/** Every document under municipality B, by path, as comparable JSON. */
async function snapshotOf(root: DocumentReference): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const own = await root.get();
  if (own.exists) out.set(root.path, JSON.stringify(own.data()));
  const walk = async (cols: CollectionReference[]) => {
    for (const c of cols)
      for (const ref of await c.listDocuments()) {
        const d = await ref.get();
        if (d.exists) out.set(ref.path, JSON.stringify(d.data()));
        await walk(await ref.listCollections());
      }
  };
  await walk(await root.listCollections());
  return out;
}

async function apiBase() {
  const { bot } = await sys.start();
  return bot.webhookUrl.replace(/\/webhook$/, '/api');
}
const tokenOf = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

async function call(method: string, path: string, userId: string, body?: unknown) {
  const res = await fetch(`${await apiBase()}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokenOf(userId)}`, 'content-type': 'application/json' },
    body: method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  return { status: res.status, text };
}

/** B's ids for each kind of route parameter. */
function bIdsFor(param: string, w: World): string[] {
  switch (param) {
    case 'employeeId':
      return ['BT01', 'BT09'];
    case 'id':
      return [w.bReport, w.bSurvey, 'TRB1', 'BT01'];
    case 'date':
      return ['2026-12-18'];
    case 'fy':
      return ['2570'];
    case 'indicatorId':
      return ['developed'];
    case 'decision':
      return ['approve', 'agree'];
    default:
      return ['BT01'];
  }
}

function expand(r: MountedRoute, w: World): string[] {
  const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  let paths = [r.path];
  for (const p of params)
    paths = paths.flatMap((path) => bIdsFor(p, w).map((id) => path.replace(`:${p}`, id)));
  return paths;
}

/** A body naming B's records wherever a route might take an id from it. */
const bBody = (w: World) => ({
  employeeId: 'BT01',
  employeeIds: ['BT01', 'BT09'],
  reportId: w.bReport,
  surveyId: w.bSurvey,
  trainingId: 'TRB1',
  date: '2026-12-18',
  filter: { employeeIds: ['BT01'] },
});

describe('one deployment, many municipalities', () => {
  it('refuses every API route to a person of A asking for B: nothing of B answered, nothing of B changed', async () => {
    const w = await setUp();
    const { bot } = await sys.start();
    const a = await bot.platform?.botFor(DEMO_MUNICIPALITY_ID);
    const routes = mountedRoutes(routerStackAt(a?.app as never, '/api'));
    expect(routes.length).toBeGreaterThan(20);
    // a control: B's own people reach these records through the same API
    expect((await call('GET', `/reports/${w.bReport}`, w.b.staff)).status).toBe(200);
    expect((await call('GET', '/manage/employees', w.b.hr)).text).toContain(B_MARK);

    const before = await snapshotOf(municipalityRef(B_ID));
    const leaks: string[] = [];
    let calls = 0;
    for (const user of [w.a.hr, w.a.staff])
      for (const r of routes)
        for (const path of expand(r, w)) {
          const res = await call(r.method, path, user, bBody(w));
          calls += 1;
          // a refusal may repeat the id it was asked for; an answer must hold nothing of B's
          const ok = res.status >= 200 && res.status < 300;
          const leaked =
            res.text.includes(B_MARK) ||
            (ok && (res.text.includes(w.bReport) || res.text.includes(B_ID) || /BT0\d/.test(res.text)));
          if (leaked || res.status >= 500)
            leaks.push(`${r.method} ${path} → ${res.status} ${res.text.slice(0, 120)}`);
        }
    await sys.start().then(({ bot }) => bot.drain());
    expect(leaks).toEqual([]);
    expect(await snapshotOf(municipalityRef(B_ID))).toEqual(before);
    console.info(`tenancy audit: ${routes.length} routes, ${calls} calls with B's ids by A's staff and HR`);
  }, 300_000);

  it("refuses every chat action of a person of A on B's records (signed postbacks included)", async () => {
    const w = await setUp();
    const before = await snapshotOf(municipalityRef(B_ID));
    const bData = (a: ReturnType<typeof fileReportAction>) => {
      if (a.type !== 'postback') throw new Error('expected a postback');
      return encodePostback(a.data, signer, now);
    };
    const postbacks = [
      bData(fileReportAction(w.bReport)),
      bData(answerSurveyAction(w.bSurvey)),
      ...(['approve', 'return', 'note', 'view'] as const).map((d) => bData(reviewAction(w.bReport, d, 'x'))),
    ];
    const words = FEATURES.flatMap((f) => ('startWords' in f ? [...(f.startWords ?? [])] : []));
    expect(words.length).toBeGreaterThan(5);
    for (const user of [w.a.hr, w.a.staff]) {
      for (const data of postbacks) {
        await sys.postback(user, data);
        await sys.text(user, 'อนุมัติ');
        await sys.text(user, 'ยกเลิก');
      }
      for (const word of [...words, 'เมนู', 'งานรออนุมัติ']) {
        await sys.text(user, word);
        await sys.text(user, 'ยกเลิก');
      }
    }
    for (const user of [w.a.hr, w.a.staff]) {
      const said = textsOf(sys.botMessages(user)).join('\n');
      expect(said).not.toContain(B_MARK);
      expect(said).not.toContain(w.bReport);
    }
    expect(await snapshotOf(municipalityRef(B_ID))).toEqual(before);
    // B's own staff still file from the same button: the postback was real
    await sys.postback(w.b.staff, postbacks[0] as string);
    expect(textsOf(sys.botMessages(w.b.staff)).join('\n')).toContain(`อบรม${B_MARK}`);
  }, 120_000);

  it('links a person to the municipality of their invite code, and routes their chat and LIFF there', async () => {
    await setUp();
    // the same employee id in both municipalities, two different people
    await staffRecord(DEMO_MUNICIPALITY_ID, 'E777', { name: 'นายเอ เจ็ดเจ็ดเจ็ด' });
    await staffRecord(B_ID, 'E777', { name: `นายบี ${B_MARK}` });
    const { code } = await issueInvite(db(), collections(B_ID), { employeeId: 'E777', now, issuedBy: 'hr' });
    expect((await db().collection('inviteCodes').doc(code).get()).get('municipalityId')).toBe(B_ID);

    const user = sys.newUserId();
    await sys.follow(user);
    await sys.tap(user, 'ยอมรับ');
    await sys.tap(user, 'ใช้รหัสเชิญ');
    await sys.text(user, code);
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ลงทะเบียนสำเร็จ');
    expect((await collections(B_ID).employees.doc('E777').get()).get('lineUserId')).toBe(user);
    expect(
      (await collections(DEMO_MUNICIPALITY_ID).employees.doc('E777').get()).get('lineUserId'),
    ).toBeUndefined();
    expect((await db().collection('lineUsers').doc(user).get()).data()).toMatchObject({
      municipalityId: B_ID,
      employeeId: 'E777',
    });
    // LIFF: the API answers from B's records
    const me = await call('GET', '/me/data', user);
    expect(me.status).toBe(200);
    expect(me.text).toContain(`นายบี ${B_MARK}`);
    expect(me.text).not.toContain('นายเอ เจ็ดเจ็ดเจ็ด');
  });

  it('links by employee code + birth date in the municipality that holds both, and asks for an invite when two do', async () => {
    await setUp();
    await staffRecord(DEMO_MUNICIPALITY_ID, 'E888', { name: 'นายเอ แปดแปดแปด', birthDate: '1985-02-03' });
    await staffRecord(B_ID, 'E888', { name: `นายบี แปด ${B_MARK}`, birthDate: '1990-07-09' });
    const user = sys.newUserId();
    await sys.follow(user);
    await sys.tap(user, 'ยอมรับ');
    await sys.tap(user, 'ใช้รหัสพนักงาน');
    await sys.text(user, 'E888');
    await sys.text(user, '9/7/2533');
    expect(textsOf(sys.botMessages(user)).join('\n')).toContain('ลงทะเบียนสำเร็จ');
    expect((await collections(B_ID).employees.doc('E888').get()).get('lineUserId')).toBe(user);
    expect((await db().collection('lineUsers').doc(user).get()).get('municipalityId')).toBe(B_ID);

    // the same code and birth date in both: only an invite can tell them apart
    await staffRecord(DEMO_MUNICIPALITY_ID, 'E999', { name: 'นายเอ เก้า', birthDate: '1979-01-02' });
    await staffRecord(B_ID, 'E999', { name: `นายบี เก้า ${B_MARK}`, birthDate: '1979-01-02' });
    const twin = sys.newUserId();
    await sys.follow(twin);
    await sys.tap(twin, 'ยอมรับ');
    await sys.tap(twin, 'ใช้รหัสพนักงาน');
    await sys.text(twin, 'E999');
    await sys.text(twin, '2/1/2522');
    const said = textsOf(sys.botMessages(twin)).join('\n');
    expect(said).toContain('พบรหัสพนักงานและวันเกิดนี้ในมากกว่าหนึ่งเทศบาล');
    expect(said).not.toContain('ลงทะเบียนสำเร็จ');
    for (const id of [DEMO_MUNICIPALITY_ID, B_ID])
      expect((await collections(id).employees.doc('E999').get()).get('lineUserId')).toBeUndefined();
    expect((await db().collection('lineUsers').doc(twin).get()).exists).toBe(false);
  });

  it("shows the regional officer each member municipality's figures and the totals, never a person", async () => {
    const w = await setUp();
    const officer = sys.newUserId();
    await db()
      .collection('regions')
      .doc('province')
      .set({
        name: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดทดสอบ',
        municipalityIds: [DEMO_MUNICIPALITY_ID, B_ID],
        staffLineUserIds: [officer],
      });
    await db().collection('lineUsers').doc(officer).set({ regionId: 'province' });
    const res = await call('GET', '/region', officer);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as {
      municipalities: { municipalityId: string; name: string; staff: number }[];
      totals: {
        staff: number;
        municipalities: number;
        indicators: { numerator: number; denominator: number }[];
      };
    };
    expect(body.municipalities.map((m) => m.municipalityId)).toEqual([DEMO_MUNICIPALITY_ID, B_ID]);
    expect(body.totals.municipalities).toBe(2);
    expect(body.totals.staff).toBe(body.municipalities.reduce((n, m) => n + m.staff, 0));
    // no person: no employee id, name, LINE id or report of anyone in either municipality
    const people = await Promise.all(
      [DEMO_MUNICIPALITY_ID, B_ID].map(async (id) => (await collections(id).employees.get()).docs),
    );
    for (const e of people.flat()) {
      expect(res.text).not.toContain(`"${e.id}"`);
      expect(res.text).not.toContain(String(e.get('name')));
      if (e.get('lineUserId')) expect(res.text).not.toContain(String(e.get('lineUserId')));
    }
    expect(res.text).not.toContain(w.bReport);
    expect(Object.keys(body).sort()).toEqual(['fiscalYear', 'municipalities', 'region', 'totals']);

    // and the regional officer reaches no municipality's API; no staff member reaches the region's
    expect((await call('GET', '/dashboard', officer)).status).toBe(403);
    expect((await call('GET', '/me/data', officer)).status).toBe(403);
    expect((await call('GET', '/region', w.a.hr)).status).toBe(403);
    expect((await call('GET', '/region', w.b.hr)).status).toBe(403);
    // nor the platform administrator's (onboarding municipalities)
    for (const user of [w.a.hr, w.b.hr, officer]) {
      expect((await call('GET', '/platform/municipalities', user)).status).toBe(403);
      expect(
        (await call('POST', `/platform/municipalities/${B_ID}/admins`, user, { employeeIds: ['BT01'] }))
          .status,
      ).toBe(403);
    }
  });

  it("runs each municipality's morning with its own calendar: B's own holiday sends nothing in B only", async () => {
    const w = await setUp();
    now = bangkokMorning('2026-12-18'); // B's holiday, a working day in A
    const { bot } = await sys.start();
    const r = (await bot.platform?.runDailyJobs(now)) as Record<string, { skipped?: string }>;
    expect(r[B_ID]?.skipped).toBe('notWorkingDay');
    expect(r[DEMO_MUNICIPALITY_ID]?.skipped).toBeUndefined();
    now = bangkokMorning('2026-12-21');
    void w;
  });
});
