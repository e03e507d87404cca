import {
  addDays,
  agreeIdp,
  bangkokDate,
  EMPTY_REPORT_PARTS,
  emptyIdp,
  fiscalYearOfInstant,
  fiscalYearRange,
  type HoursEntry,
  hoursEntry,
  type IdpGoal,
  type IdpPlan,
  libraryEntryFor,
  reportIdFor,
  saveIdp,
  submitIdp,
  type TrainingReport,
  totalsFromEntries,
  totalsIdFor,
} from '@phattana/shared';
import { type DocumentReference, Timestamp } from 'firebase-admin/firestore';
import { demoEmployees, demoTrainings } from './demo-municipality';

// Staff development for the demo: approved trainings with their hours in the ledger (last fiscal year
// and this one), and IDPs — E010's draft, E011's plan sent to E009 and waiting, E027's agreed plan — so
// the LIFF pages "ชั่วโมงอบรมของฉัน", "แผนพัฒนาของฉัน" and "ทีมของฉัน" have something to show. The
// report chain of the course that ended yesterday (E010 → E009 → E002 → E001) is left to the chat.
// Fixed ids and whole-document writes: safe on every start.

interface DoneTraining {
  readonly id: string;
  readonly title: string;
  readonly organiser: string;
  readonly method: TrainingReport['method'];
  readonly curriculum?: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly hours: number;
  readonly attendees: readonly string[];
}

/** Courses this fiscal year that ended before the daily job's look-back, all reported and approved. */
function thisYearsTrainings(today: string): DoneTraining[] {
  return [
    {
      id: 'T-DEMO-ELEARN',
      title: 'ธรรมาภิบาลและการป้องกันการทุจริต (Local MOOC)',
      organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
      method: 'eLearning',
      curriculum: 'ethics',
      startDate: addDays(today, -55),
      endDate: addDays(today, -40),
      hours: 6,
      attendees: ['E010', 'E011', 'E027'],
    },
    {
      id: 'T-DEMO-SEMINAR',
      title: 'การบริหารงานการเงินการคลังท้องถิ่น',
      organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
      method: 'seminar',
      curriculum: 'duties',
      startDate: addDays(today, -62),
      endDate: addDays(today, -60),
      hours: 18,
      attendees: ['E010', 'E012', 'E027'],
    },
  ];
}

const GOALS: Record<string, IdpGoal[]> = {
  E010: [
    {
      id: 'g1',
      competencyId: 'analyticalThinking',
      currentLevel: 2,
      targetLevel: 3,
      goal: 'วิเคราะห์รายงานการเงินประจำเดือนและเสนอข้อสังเกตต่อผู้อำนวยการกองได้เอง',
      methods: ['training', 'coaching'],
      progress: 20,
      trainingIds: [],
    },
  ],
  E011: [
    {
      id: 'g1',
      competencyId: 'serviceExcellence',
      currentLevel: 2,
      targetLevel: 4,
      goal: 'ให้บริการชำระภาษีที่ดินและสิ่งปลูกสร้างได้ครบถ้วนถูกต้องภายในครั้งเดียว',
      methods: ['onTheJob', 'eLearning'],
      progress: 10,
      trainingIds: [],
    },
    {
      id: 'g2',
      competencyId: 'accuracy',
      currentLevel: 3,
      targetLevel: 4,
      goal: 'ตรวจสอบทะเบียนผู้ชำระภาษีให้ไม่มีข้อผิดพลาดก่อนออกใบแจ้งการประเมิน',
      methods: ['selfLearning'],
      progress: 0,
      trainingIds: [],
    },
  ],
  E027: [
    {
      id: 'g1',
      competencyId: 'teamwork',
      currentLevel: 3,
      targetLevel: 4,
      goal: 'ประสานงานกับ อสม. ในการรณรงค์ป้องกันไข้เลือดออกทุกชุมชน',
      methods: ['studyVisit', 'training'],
      progress: 50,
      trainingIds: ['T2570-01__E027'],
    },
  ],
};

export async function seedDemoDevelopment(m: DocumentReference, now: Date): Promise<void> {
  const today = bangkokDate(now);
  const people = new Map(demoEmployees.map((e) => [e.id, e]));
  const at = Timestamp.fromDate(now);
  const batch = m.firestore.batch();
  const entries: HoursEntry[] = [];

  const approved = (t: DoneTraining, employeeId: string) => {
    const e = people.get(employeeId);
    const supervisor = e?.supervisorId ?? null;
    const when = `${addDays(t.endDate, 3)}T03:00:00.000Z`;
    const report: TrainingReport = {
      id: reportIdFor(t.id, employeeId),
      trainingId: t.id,
      trainingTitle: t.title,
      method: t.method,
      ...(t.curriculum ? { curriculum: t.curriculum } : {}),
      hours: t.hours,
      startDate: t.startDate,
      endDate: t.endDate,
      employeeId,
      employeeName: e?.name ?? employeeId,
      ...(e ? { divisionId: e.divisionId } : {}),
      returnDate: t.endDate,
      dueDate: addDays(t.endDate, 9),
      ...EMPTY_REPORT_PARTS,
      status: 'approved',
      answers: {
        learned: 'ได้เรียนรู้หลักการและตัวอย่างการปฏิบัติงานจากวิทยากรและหน่วยงานอื่น',
        application: 'นำไปปรับขั้นตอนการทำงานของหน่วยงานให้รวดเร็วและถูกต้องขึ้น',
        sharing: 'staffMeeting',
        problems: '-',
        rating: 4,
      },
      approvers: supervisor ? [supervisor] : [],
      approvedBy: supervisor ? [supervisor] : [],
      firstSubmittedAt: when,
      submittedAt: when,
      approvedAt: when,
      history: [
        { action: 'submitted', by: employeeId, at: when },
        ...(supervisor ? [{ action: 'approved' as const, by: supervisor, at: when }] : []),
      ],
    };
    batch.set(m.collection('reports').doc(report.id), { ...report, updatedAt: at, lastAction: 'approved' });
    // as the last approval does: published in the knowledge library for colleagues
    batch.set(m.collection('library').doc(report.id), {
      ...libraryEntryFor(report, when),
      publishedAt: at,
      updatedAt: at,
    });
    const entry = hoursEntry(employeeId, { ...t, trainingId: t.id }, 'approvedReport', new Date(when));
    batch.set(m.collection('hoursLedger').doc(entry.id), { ...entry, createdAt: at });
    entries.push(entry);
  };

  for (const t of thisYearsTrainings(today)) {
    const { attendees, ...training } = t;
    batch.set(m.collection('trainings').doc(t.id), { ...training, attendees, reportsOpened: true });
    for (const a of attendees) approved(t, a);
  }
  // last year's courses, and from the study visit in November the two who have already reported
  for (const t of demoTrainings) {
    if (t.endDate >= addDays(today, -30)) continue; // the daily job opens these in the demo
    const done: DoneTraining = { ...t, method: t.method as TrainingReport['method'] };
    const who = t.id === 'T2570-01' ? ['E027', 'E028'] : t.attendees;
    for (const a of who) approved(done, a);
  }

  // the totals beside the entries, recomputed whole (not incremented), so a re-seed cannot double them
  const keys = new Set(entries.map((e) => totalsIdFor(e.employeeId, e.fiscalYear)));
  for (const key of keys) {
    const [employeeId, fy] = key.split('__') as [string, string];
    const t = totalsFromEntries(employeeId, Number(fy), entries);
    batch.set(m.collection('hoursTotals').doc(key), { ...t, updatedAt: at });
  }

  // IDPs of this fiscal year: a draft, one waiting for E009, one agreed by E026
  const fy = fiscalYearOfInstant(now);
  const { start, end } = fiscalYearRange(fy);
  const plan = (employeeId: string): IdpPlan => {
    const e = people.get(employeeId);
    const goals = (GOALS[employeeId] ?? []).map((g) => ({ ...g, startDate: start, endDate: end }));
    return saveIdp(emptyIdp(employeeId, e?.name ?? employeeId, fy), employeeId, now, goals);
  };
  const plans = [
    plan('E010'),
    submitIdp(plan('E011'), 'E011', now, 'E009'),
    agreeIdp(
      submitIdp(plan('E027'), 'E027', now, 'E026'),
      'E026',
      now,
      'เห็นชอบ ขอให้รายงานความก้าวหน้าทุกไตรมาส',
    ),
  ];
  for (const p of plans) batch.set(m.collection('idps').doc(p.id), { ...stripUndefined(p), updatedAt: at });
  await batch.commit();
}

/** Firestore refuses `undefined` fields; the domain objects leave optional ones out or undefined. */
function stripUndefined<T extends object>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
