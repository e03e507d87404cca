import { EMPTY_REPORT_PARTS } from '@phattana/shared';
import { describe, expect, it } from 'vitest';
import { bangkokMorning, municipality, seedChain } from '../support/report-people';
import { textsOf, useSystem } from '../support/system';

// The daily scheduler against the real emulator and the fake LINE platform. Training ends Thu 3 Dec
// 2569 (2026). Working days after it: Fri 4 (1), [Sat 5 วันพ่อ, Sun 6, Mon 7 ชดเชย], Tue 8 (2), Wed 9 (3),
// [Thu 10 รัฐธรรมนูญ], Fri 11 (4), Mon 14 (5), Tue 15 (6), Wed 16 (7) → due Wed 16 Dec 2026.

const sys = useSystem();

async function runJobs(iso: string, hour = 9) {
  const { bot } = await sys.start();
  return bot.runDailyJobs(bangkokMorning(iso, hour));
}

describe('daily report jobs', () => {
  it('opens reports when a training ends, reminds on schedule once each, escalates, and tells HR', async () => {
    const users = await seedChain(sys);
    const m = municipality(sys);
    // someone who left before the training ended gets no report; someone who blocked the bot is skipped
    await m.collection('employees').doc('R011').update({ lineFollowing: false });
    await m
      .collection('employees')
      .doc('LEFT1')
      .set({ id: 'LEFT1', name: 'ลาออก แล้ว', roles: ['staff'], active: false });
    await m
      .collection('trainings')
      .doc('TR1')
      .set({
        title: 'การเขียนหนังสือราชการ',
        organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
        method: 'training',
        startDate: '2026-12-01',
        endDate: '2026-12-03',
        hours: 18,
        attendees: ['R010', 'R011', 'LEFT1'],
      });
    const mine = (id: string) => textsOf(sys.botMessages(users[id] as string));

    // on the last day of the training nothing happens yet
    expect((await runJobs('2026-12-03')).reportsOpened).toBe(0);

    const first = await runJobs('2026-12-04');
    expect(first).toMatchObject({ trainingsOpened: 1, reportsOpened: 2 });
    expect(first.messages).toMatchObject({ sent: 1, skipped: 1 });
    const report = await m.collection('reports').doc('TR1__R010').get();
    expect(report.get('dueDate')).toBe('2026-12-16');
    expect(report.get('status')).toBe('pending');
    expect((await m.collection('reports').doc('TR1__LEFT1').get()).exists).toBe(false);
    expect(mine('R010')).toEqual([expect.stringContaining('ภายใน 16 ธันวาคม 2569')]);
    expect(sys.botMessages(users.R011 as string)).toEqual([]);
    const blocked = await m.collection('notifications').doc('TR1__R011__opened').get();
    expect(blocked.get('status')).toBe('skipped');
    expect(blocked.get('reason')).toBe('blocked');

    // the scheduler runs again (a retry, a second trigger): nobody hears anything twice
    const again = await runJobs('2026-12-04', 10);
    expect(again).toMatchObject({ trainingsOpened: 0, reportsOpened: 0 });
    expect(again.messages.sent).toBe(0);
    expect(mine('R010')).toHaveLength(1);

    // weekend and holidays: quiet; outside 08:00–20:00: quiet
    expect((await runJobs('2026-12-05')).skipped).toBe('notWorkingDay');
    expect((await runJobs('2026-12-10')).skipped).toBe('notWorkingDay');
    expect((await runJobs('2026-12-11', 6)).skipped).toBe('quietHours');
    expect(mine('R010')).toHaveLength(1);

    // 3 working days before (Fri 11), 1 before (Tue 15), on the day (Wed 16); not on Mon 14
    await runJobs('2026-12-11');
    expect(mine('R010').at(-1)).toContain('อีก 3 วันทำการ');
    await runJobs('2026-12-14');
    expect(mine('R010')).toHaveLength(2);
    await runJobs('2026-12-15');
    expect(mine('R010').at(-1)).toContain('อีก 1 วันทำการ');
    await runJobs('2026-12-16');
    await runJobs('2026-12-16', 15);
    expect(mine('R010').at(-1)).toContain('วันนี้เป็นวันสุดท้าย');
    expect(mine('R010')).toHaveLength(4);

    // overdue: the person once; HR gets the late list; the supervisor only from 2 working days late
    const late = await runJobs('2026-12-17');
    expect(late.overdue).toBe(2);
    expect(mine('R010').at(-1)).toContain('เลยกำหนดส่ง');
    expect(mine('R004').at(-1)).toContain('รายงานผลการฝึกอบรมที่เลยกำหนด 2 รายการ');
    expect(mine('R009')).toEqual([]);
    await runJobs('2026-12-18');
    expect(mine('R010')).toHaveLength(5); // no second overdue notice
    // both late reports reach their supervisor, the blocked person's too; a second run adds nothing
    expect(mine('R009')).toHaveLength(2);
    expect(mine('R009')).toEqual(
      expect.arrayContaining([
        expect.stringContaining('นายอนุชา ทดสอบ ยังไม่ได้ส่งรายงาน'),
        expect.stringContaining('นางสาวจิราพร ทดสอบ ยังไม่ได้ส่งรายงาน'),
      ]),
    );
    await runJobs('2026-12-18', 11);
    expect(mine('R009')).toHaveLength(2);
    // the same late reports the next day: HR can open the list whenever they like, it is not pushed again
    expect(mine('R004')).toHaveLength(1);
    // a report newly late: the list comes again, with everything still late
    await m
      .collection('reports')
      .doc('TR9__R001')
      .set({
        trainingId: 'TR9',
        trainingTitle: 'การบริหารความเสี่ยง',
        method: 'training',
        hours: 6,
        startDate: '2026-12-08',
        endDate: '2026-12-08',
        returnDate: '2026-12-08',
        dueDate: '2026-12-18',
        employeeId: 'R001',
        employeeName: 'นายกเทศมนตรี ทดสอบ',
        ...EMPTY_REPORT_PARTS,
        status: 'pending',
        history: [{ action: 'opened', by: 'system', at: '2026-12-09T02:00:00.000Z' }],
      });
    await runJobs('2026-12-21');
    expect(mine('R004')).toHaveLength(2);
    expect(mine('R004').at(-1)).toContain('รายงานผลการฝึกอบรมที่เลยกำหนด 3 รายการ');
    await runJobs('2026-12-22');
    expect(mine('R004')).toHaveLength(2);
  });

  it('moves open due dates when HR adds a holiday, and never a filed report’s', async () => {
    await sys.fs.reset();
    await seedChain(sys);
    const m = municipality(sys);
    const base = {
      trainingId: 'TR2',
      trainingTitle: 'x',
      method: 'training',
      hours: 6,
      startDate: '2027-01-04',
      endDate: '2027-01-05',
      returnDate: '2027-01-05',
      dueDate: '2027-01-14',
      ...EMPTY_REPORT_PARTS,
    };
    await m
      .collection('reports')
      .doc('TR2__R010')
      .set({ ...base, employeeId: 'R010', status: 'pending' });
    await m
      .collection('reports')
      .doc('TR2__R011')
      .set({ ...base, employeeId: 'R011', status: 'submitted' });
    const { bot } = await sys.start();
    await m
      .collection('holidays')
      .doc('2027-01-08')
      .set({ date: '2027-01-08', name: 'วันหยุดพิเศษ', kind: 'special' });
    // with its own list, the municipality's list replaces the shipped one: only 8 Jan 2027 is off
    expect(await bot.recomputeDueDates()).toBe(1);
    expect((await m.collection('reports').doc('TR2__R010').get()).get('dueDate')).toBe('2027-01-15');
    expect((await m.collection('reports').doc('TR2__R011').get()).get('dueDate')).toBe('2027-01-14');
    await m.collection('holidays').doc('2027-01-08').set({ removed: true }, { merge: true });
    expect(await bot.recomputeDueDates()).toBe(1);
    expect((await m.collection('reports').doc('TR2__R010').get()).get('dueDate')).toBe('2027-01-14');
  });

  it('credits hours on attendance when a training asks for no report, once however often it runs', async () => {
    await sys.fs.reset();
    await seedChain(sys);
    const m = municipality(sys);
    await m
      .collection('trainings')
      .doc('TR3')
      .set({
        title: 'ปฐมนิเทศพนักงานใหม่',
        organiser: 'เทศบาลตำบลทดสอบ',
        method: 'orientation',
        curriculum: 'basic',
        startDate: '2026-12-01',
        endDate: '2026-12-02',
        hours: 6,
        attendees: ['R010'],
        reportRequired: false,
      });
    expect(await runJobs('2026-12-03')).toMatchObject({
      trainingsOpened: 1,
      reportsOpened: 0,
      hoursCreditedOnAttendance: 1,
    });
    await runJobs('2026-12-04');
    expect((await m.collection('reports').doc('TR3__R010').get()).exists).toBe(false);
    expect((await m.collection('hoursLedger').doc('TR3__R010').get()).get('source')).toBe('attendance');
    expect((await m.collection('hoursTotals').doc('R010__2570').get()).data()).toMatchObject({
      hours: 6,
      trainings: 1,
      byMethod: { orientation: 6 },
      byCurriculum: { basic: 6 },
    });
  });
});
