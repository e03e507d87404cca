import { consentRecord, type Role, type TrainingReport } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { seedReport } from '../support/report-docs';
import { bangkokMorning } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// Two municipalities on one LINE Official Account, the same employee ids in each (as in life), the same
// training id and so the same report id. LINE accepts an X-Line-Retry-Key once per channel and answers
// 409 to a reused one (the fake platform does too), which the client counts as sent: a key derived only
// from ids would silently drop the second municipality's push. Both people must hear.

// a working morning: notices are held in quiet hours (20:00–08:00)
const sys = useSystem({ platform: true, clock: () => bangkokMorning('2026-12-08') });
const B_ID = 'tenantretry';
const municipalityRef = (id: string) => sys.fs.db.collection('municipalities').doc(id);

/** A LINE user linked in a municipality, as the link turn leaves them (index included). */
async function linkedIn(
  municipalityId: string,
  employeeId: string,
  roles: Role[],
  supervisorId: string | null,
) {
  await sys.start();
  const userId = sys.newUserId();
  const name = `${roles.includes('supervisor') ? 'นายหัวหน้า' : 'นางสาวผู้รายงาน'} ${municipalityId}`;
  await municipalityRef(municipalityId).collection('employees').doc(employeeId).set({
    id: employeeId,
    code: employeeId,
    name,
    divisionId: 'palad',
    roles,
    supervisorId,
    active: true,
    lineUserId: userId,
    lineFollowing: true,
  });
  await sys.fs.db
    .collection('conversations')
    .doc(userId)
    .set({ person: { employeeId, name, roles }, consent: consentRecord('granted', new Date()) });
  await sys.fs.db.collection('lineUsers').doc(userId).set({ municipalityId, employeeId });
  sys.platform.setFollowing(userId, true);
  return userId;
}

interface Pair {
  staff: string;
  /** reports only in chat */
  writer: string;
  supervisor: string;
}
let world: Promise<Record<string, Pair>> | undefined;
const people = () =>
  (world ??= (async () => {
    for (const [id, name] of [
      [DEMO_MUNICIPALITY_ID, 'เทศบาลตำบลเอทดสอบ'],
      [B_ID, 'เทศบาลตำบลบีทดสอบ'],
    ] as const)
      await municipalityRef(id).set({ id, name, divisions: [], yearlyHoursTarget: 40 }, { merge: true });
    const out: Record<string, Pair> = {};
    for (const id of [DEMO_MUNICIPALITY_ID, B_ID])
      out[id] = {
        supervisor: await linkedIn(id, 'K009', ['supervisor'], null),
        staff: await linkedIn(id, 'K010', ['staff'], 'K009'),
        writer: await linkedIn(id, 'K011', ['staff'], 'K009'),
      };
    return out;
  })());

const ANSWERS = {
  learned: 'ได้เรียนรู้การเขียนหนังสือราชการทั้ง 6 ชนิด และระเบียบงานสารบรรณฉบับล่าสุด',
  application: 'นำไปปรับแบบฟอร์มหนังสือภายนอกของกองคลังให้ถูกต้องตามระเบียบ',
  sharing: 'staffMeeting',
  problems: '-',
  rating: 5,
} as const;

/** The same report (same id) in both municipalities: seeded in A, copied byte for byte into B. */
async function sameReportInBoth(employeeId: string, o: Partial<TrainingReport>): Promise<string> {
  const r = await seedReport(sys.fs.db, employeeId, { employeeName: 'นางสาวผู้รายงาน', ...o });
  const a = await municipalityRef(DEMO_MUNICIPALITY_ID).collection('reports').doc(r.id).get();
  await municipalityRef(B_ID)
    .collection('reports')
    .doc(r.id)
    .set(a.data() ?? {});
  return r.id;
}

async function apiCall(userId: string, path: string, body: unknown) {
  const { bot } = await sys.start();
  const token = sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });
  const res = await fetch(`${bot.webhookUrl.replace(/\/webhook$/, '/api')}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  await bot.drain();
  return res.status;
}

const pushesTo = (userId: string) =>
  sys.platform
    .requests({ path: '/v2/bot/message/push', method: 'POST' })
    .filter((r) => (r.body as { to?: string }).to === userId);

describe('retry keys on a shared Official Account', () => {
  it('a report sent back from LIFF in A and in B (same employee, same report id): both people are told', async () => {
    const w = await people();
    const id = await sameReportInBoth('K010', {
      status: 'submitted',
      answers: ANSWERS,
      approvers: ['K009'],
      currentApproverId: 'K009',
      firstSubmittedAt: new Date().toISOString(),
      submittedAt: new Date().toISOString(),
    });
    const comment = 'กรุณาเพิ่มรายละเอียดการนำไปใช้';
    for (const m of [DEMO_MUNICIPALITY_ID, B_ID])
      expect(await apiCall(w[m]?.supervisor as string, `/team/reports/${id}/return`, { comment })).toBe(200);

    for (const m of [DEMO_MUNICIPALITY_ID, B_ID]) {
      const said = textsOf(sys.botMessages(w[m]?.staff as string)).join('\n');
      expect(said, `the person in ${m}`).toContain(comment);
    }
    // two pushes, two different keys, neither answered 409
    const keys = [DEMO_MUNICIPALITY_ID, B_ID].flatMap((m) =>
      pushesTo(w[m]?.staff as string).map((r) => r.retryKey),
    );
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(2);
  });

  it('a report sent in chat in A and in B (same employee, same report id): both supervisors get it', async () => {
    const w = await people();
    await sameReportInBoth('K011', {
      answers: ANSWERS,
      curriculum: 'duties',
      trainingTitle: 'การเขียนหนังสือราชการ',
    });
    for (const m of [DEMO_MUNICIPALITY_ID, B_ID]) {
      const staff = w[m]?.writer as string;
      await sys.text(staff, 'รายงานผลการอบรม');
      await sys.tap(staff, 'เริ่มเขียนรายงาน'); // every answer is in: straight to the summary
      await sys.tap(staff, 'ส่งรายงาน');
    }
    for (const m of [DEMO_MUNICIPALITY_ID, B_ID]) {
      const said = textsOf(sys.botMessages(w[m]?.supervisor as string)).join('\n');
      expect(said, `the supervisor in ${m}`).toMatch(/รายงานผลการฝึกอบรมของ .+ รอท่านพิจารณา/);
    }
  });
});
