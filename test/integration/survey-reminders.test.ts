import { type SurveyDefinition, surveyFromTemplate, surveyPersonKey } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { findAction, textsOf, useSystem } from '../support/system';

// Survey invitations and reminders from the daily scheduler, against the real emulator and the fake
// LINE platform. December 2569 (2026): Sat 5 วันพ่อ, Mon 7 its substitution day and Thu 10 วันรัฐธรรมนูญ
// are not working days. The survey opens Tue 1 Dec and closes Fri 18 Dec; reminders: at most 2, every
// 3 working days: Tue 1 (invitation) → Fri 4 (1st) → [Mon 7, Thu 10 off] Fri 11 (2nd) → none more.

let now = bangkokMorning('2026-12-01');
const sys = useSystem({ clock: () => now });

function survey(id: string, o: Partial<SurveyDefinition> = {}): SurveyDefinition {
  return {
    ...surveyFromTemplate('trainingNeeds', {
      id,
      fiscalYear: 2570,
      opensOn: '2026-12-01',
      closesOn: '2026-12-18',
      audience: { divisionIds: ['finance'] },
    }),
    status: 'open',
    reminders: { maxReminders: 2, everyWorkingDays: 3 },
    ...o,
  };
}

async function runJobs(iso: string, hour = 9) {
  now = bangkokMorning(iso, hour);
  const { bot } = await sys.start();
  return (await bot.runDailyJobs(now)).surveys;
}

describe('survey invitations and reminders', () => {
  it('invites once, reminds only people who have not answered, capped, on working days in office hours, never after closing', async () => {
    const users = await seedChain(sys);
    const m = municipality(sys);
    const employees = m.collection('employees');
    // in finance: R010, R011, someone not registered on LINE yet, someone who left
    await employees.doc('NEW1').set({
      id: 'NEW1',
      name: 'นายใหม่ ยังไม่ลงทะเบียน',
      roles: ['staff'],
      active: true,
      divisionId: 'finance',
    });
    await employees.doc('LEFT1').set({
      id: 'LEFT1',
      name: 'ลาออก แล้ว',
      roles: ['staff'],
      active: false,
      divisionId: 'finance',
      lineUserId: sys.newUserId(),
    });
    const surveys = m.collection('surveys');
    await surveys.doc('TN').set(survey('TN'));
    // a closed survey, and one that opens later: nobody hears about them
    await surveys.doc('OLD').set(survey('OLD', { status: 'closed', audience: {} }));
    await surveys.doc('LATER').set(survey('LATER', { opensOn: '2027-01-04', closesOn: '2027-01-15' }));
    const mine = (id: string) => textsOf(sys.botMessages(users[id] as string));
    const title = survey('TN').title;

    // before 08:00 Bangkok time: nothing
    expect(await runJobs('2026-12-01', 6)).toMatchObject({ skipped: 'quietHours' });
    expect(mine('R010')).toEqual([]);

    const first = await runJobs('2026-12-01');
    expect(first.surveys).toBe(1);
    expect(first.invitations).toMatchObject({ sent: 2, skipped: 1, failed: 0 });
    expect(mine('R010')).toEqual([`ขอเชิญตอบแบบสำรวจ "${title}" ภายใน 18 ธันวาคม 2569`]);
    expect(mine('R011')).toHaveLength(1);
    // outside the audience (another division) and the closed and future surveys: nothing
    for (const id of ['R001', 'R002', 'R009', 'R004']) expect(mine(id)).toEqual([]);
    // the invitation's button starts the survey in the chat
    expect(findAction(sys.botMessages(users.R010 as string), 'เริ่มตอบแบบสำรวจ').type).toBe('postback');
    const invite = await m.collection('notifications').doc('survey:TN:invite:R010').get();
    expect(invite.data()).toMatchObject({ status: 'sent', surveyId: 'TN', date: '2026-12-01' });
    // someone who cannot be reached is not recorded, so they are invited once they register
    expect((await m.collection('notifications').doc('survey:TN:invite:NEW1').get()).exists).toBe(false);
    expect((await m.collection('notifications').doc('survey:TN:invite:LEFT1').get()).exists).toBe(false);

    // the scheduler runs again the same day: nobody hears twice
    const again = await runJobs('2026-12-01', 15);
    expect(again.invitations.sent).toBe(0);
    expect(again.reminders.sent).toBe(0);
    expect(mine('R010')).toHaveLength(1);

    // R011 answers (here as the LIFF app records it): no reminders for them from now on
    await m
      .collection('surveyCompletions')
      .doc(surveyPersonKey('TN', 'R011'))
      .set({ surveyId: 'TN', employeeId: 'R011', divisionId: 'finance', completedOn: '2026-12-02' });

    await runJobs('2026-12-03');
    expect(mine('R010')).toHaveLength(1); // 2 working days after: not yet
    const r1 = await runJobs('2026-12-04');
    expect(r1.reminders.sent).toBe(1);
    expect(mine('R010').at(-1)).toBe(`เตือน: ท่านยังไม่ได้ตอบแบบสำรวจ "${title}" (ตอบได้ถึง 18 ธันวาคม 2569)`);
    await runJobs('2026-12-04', 16);
    expect(mine('R010')).toHaveLength(2);
    expect(mine('R011')).toHaveLength(1);

    // weekend and holidays: quiet
    expect((await runJobs('2026-12-05')).skipped).toBe('notWorkingDay');
    expect((await runJobs('2026-12-07')).skipped).toBe('notWorkingDay');
    expect((await runJobs('2026-12-10')).skipped).toBe('notWorkingDay');
    await runJobs('2026-12-09');
    expect(mine('R010')).toHaveLength(2);
    // the second reminder's day, but in the evening: quiet until the morning
    expect((await runJobs('2026-12-11', 21)).skipped).toBe('quietHours');
    expect(mine('R010')).toHaveLength(2);
    expect((await runJobs('2026-12-11')).reminders.sent).toBe(1);
    expect(mine('R010')).toHaveLength(3);

    // capped at two reminders, however long the survey stays open
    for (const day of ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'])
      expect((await runJobs(day)).reminders.sent).toBe(0);
    expect(mine('R010')).toHaveLength(3);
    expect(mine('R011')).toHaveLength(1);

    // NEW1 registers late: invited at the next run; the first reminder would fall after closing
    const newUser = sys.newUserId();
    sys.platform.setFollowing(newUser, true);
    await employees.doc('NEW1').update({ lineUserId: newUser, lineFollowing: true });
    now = bangkokMorning('2026-12-16');
    const late = await (await sys.start()).bot.runDailyJobs(now);
    expect(late.surveys.invitations.sent).toBe(1);
    const newMine = () => textsOf(sys.botMessages(newUser));
    expect(newMine()).toEqual([expect.stringContaining('ขอเชิญตอบแบบสำรวจ')]);
    for (const day of ['2026-12-17', '2026-12-18', '2026-12-21', '2026-12-22', '2026-12-23']) {
      const r = await runJobs(day);
      expect(r.reminders.sent + r.invitations.sent).toBe(0);
    }
    expect(newMine()).toHaveLength(1);
    expect(mine('R010')).toHaveLength(3);
  });

  it('HR’s "open now" task invites that survey’s audience, does nothing at night, and the morning run does not repeat it', async () => {
    await sys.fs.reset();
    const users = await seedChain(sys);
    const m = municipality(sys);
    await m
      .collection('surveys')
      .doc('SAT')
      .set(
        survey('SAT', {
          ...surveyFromTemplate('satisfaction', {
            id: 'SAT',
            fiscalYear: 2570,
            opensOn: '2026-12-08',
            closesOn: '2026-12-22',
          }),
          status: 'open',
        }),
      );
    // another open survey the task must leave alone
    await m
      .collection('surveys')
      .doc('TN2')
      .set(survey('TN2', { audience: {} }));
    const { bot } = await sys.start();
    const mine = (id: string) => textsOf(sys.botMessages(users[id] as string));

    now = bangkokMorning('2026-12-08', 22);
    await bot.runTask({ type: 'surveyInvitations', surveyId: 'SAT' });
    await bot.drain();
    expect(mine('R001')).toEqual([]);

    now = bangkokMorning('2026-12-09', 11);
    await bot.runTask({ type: 'surveyInvitations', surveyId: 'SAT' });
    await bot.drain();
    for (const p of ['R001', 'R002', 'R009', 'R010', 'R011', 'R004']) {
      expect(mine(p)).toEqual([expect.stringContaining('แบบสำรวจความพึงพอใจ')]);
    }
    // the invitation says the answers are anonymous
    expect(JSON.stringify(sys.botMessages(users.R010 as string).at(-1))).toContain('ไม่ระบุตัวตน');

    // the next morning's run invites to TN2, and never again to SAT
    const r = await runJobs('2026-12-11');
    expect(r.invitations.sent).toBe(6);
    for (const p of ['R001', 'R010']) {
      expect(mine(p)).toHaveLength(2);
      expect(mine(p).at(-1)).toContain(survey('TN2').title);
    }
  });

  it('deletes unsent drafts once their survey has closed (they are the only link of answers to a person)', async () => {
    await sys.fs.reset();
    const m = municipality(sys);
    const surveys = m.collection('surveys');
    const drafts = m.collection('surveyDrafts');
    await surveys.doc('SAT').set({
      ...surveyFromTemplate('satisfaction', {
        id: 'SAT',
        fiscalYear: 2570,
        opensOn: '2026-12-01',
        closesOn: '2026-12-18',
      }),
      status: 'open',
    });
    await surveys.doc('EARLY').set(survey('EARLY', { status: 'closed' }));
    const draft = (surveyId: string, employeeId: string) =>
      drafts.doc(surveyPersonKey(surveyId, employeeId)).set({
        surveyId,
        employeeId,
        answers: { environment: { type: 'likert', value: 2 } },
        currentQuestionId: 'tools',
        updatedAt: '2026-12-02T03:00:00.000Z',
      });
    await draft('SAT', 'R010');
    await draft('EARLY', 'R010');
    await draft('GONE', 'R011'); // its survey was deleted

    // on a Saturday night too: deleting is not a message
    const first = await runJobs('2026-12-05', 22);
    expect(first.draftsDiscarded).toBe(2);
    expect((await drafts.get()).docs.map((d) => d.id)).toEqual([surveyPersonKey('SAT', 'R010')]);

    // the open survey's draft stays while it is open, and goes the day after it closes
    expect((await runJobs('2026-12-18')).draftsDiscarded).toBe(0);
    expect((await runJobs('2026-12-21')).draftsDiscarded).toBe(1);
    expect((await drafts.get()).empty).toBe(true);
  });
});
