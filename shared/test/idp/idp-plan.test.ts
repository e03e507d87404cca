import { describe, expect, it } from 'vitest';
import { parseIdpGoals } from '../../src/idp/idp-input';
import { idpNotice } from '../../src/idp/idp-notices';
import {
  agreeIdp,
  emptyIdp,
  type IdpGoal,
  IdpTransitionError,
  idpMissing,
  returnIdp,
  saveIdp,
  submitIdp,
} from '../../src/idp/idp-plan';

const NOW = new Date('2026-12-01T03:00:00Z');
const GOAL: IdpGoal = {
  id: 'g1',
  competencyId: 'serviceExcellence',
  currentLevel: 2,
  targetLevel: 3,
  goal: 'ตอบคำถามผู้มาชำระภาษีได้ถูกต้องภายในครั้งเดียว',
  methods: ['training', 'coaching'],
  startDate: '2026-10-01',
  endDate: '2027-09-30',
  progress: 0,
  trainingIds: [],
};

const draft = () => saveIdp(emptyIdp('E010', 'นางสาวจิราพร สายทอง', 2570), 'E010', NOW, [GOAL]);

function refusal(run: () => unknown): IdpTransitionError {
  try {
    run();
  } catch (err) {
    if (err instanceof IdpTransitionError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('IDP transitions', () => {
  it('goes draft → submitted → returned → submitted → agreed, one version per change', () => {
    const d = draft();
    expect(d).toMatchObject({ id: 'E010__2570', status: 'draft', version: 1, goals: [GOAL] });
    const sent = submitIdp(d, 'E010', NOW, 'E009');
    expect(sent).toMatchObject({
      status: 'submitted',
      supervisorId: 'E009',
      version: 2,
      submittedAt: NOW.toISOString(),
    });
    const back = returnIdp(sent, 'E009', NOW, '  เพิ่มวิธีเรียนรู้ด้วยตนเอง  ');
    expect(back).toMatchObject({ status: 'returned', version: 3, supervisorComment: 'เพิ่มวิธีเรียนรู้ด้วยตนเอง' });
    const edited = saveIdp(back, 'E010', NOW, [{ ...GOAL, methods: ['training', 'selfLearning'] }]);
    expect(edited.status).toBe('returned');
    const agreed = agreeIdp(submitIdp(edited, 'E010', NOW, 'E009'), 'E009', NOW);
    expect(agreed).toMatchObject({ status: 'agreed', agreedBy: 'E009', version: 6 });
    expect(agreed.supervisorComment).toBeUndefined();
    expect(agreed.history.map((h) => `${h.action}:${h.by}:${h.version}`)).toEqual([
      'saved:E010:1',
      'submitted:E010:2',
      'returned:E009:3',
      'saved:E010:4',
      'submitted:E010:5',
      'agreed:E009:6',
    ]);
  });

  it('refuses others, the wrong step and the wrong reviewer, in Thai', () => {
    expect(refusal(() => saveIdp(draft(), 'E011', NOW, [])).kind).toBe('notYours');
    expect(refusal(() => submitIdp(draft(), 'E011', NOW, 'E009')).kind).toBe('notYours');
    const sent = submitIdp(draft(), 'E010', NOW, 'E009');
    const locked = refusal(() => saveIdp(sent, 'E010', NOW, [GOAL]));
    expect(locked).toMatchObject({ kind: 'wrongStatus', message: expect.stringContaining('รอความเห็นชอบ') });
    expect(refusal(() => agreeIdp(sent, 'E002', NOW)).kind).toBe('notYourTurn');
    expect(refusal(() => agreeIdp(draft(), 'E009', NOW)).kind).toBe('wrongStatus');
    const agreed = agreeIdp(sent, 'E009', NOW, 'ดีมาก');
    expect(refusal(() => agreeIdp(agreed, 'E009', NOW)).message).toContain('ได้รับความเห็นชอบแล้ว');
    expect(refusal(() => returnIdp(sent, 'E009', NOW, 'สั้น')).kind).toBe('incomplete');
    expect(refusal(() => submitIdp(draft(), 'E010', NOW, null))).toMatchObject({
      kind: 'noSupervisor',
      message: expect.stringContaining('ฝ่ายบุคคล'),
    });
  });

  it('an agreed plan moves only progress and linked trainings', () => {
    const agreed = agreeIdp(submitIdp(draft(), 'E010', NOW, 'E009'), 'E009', NOW);
    const moved = saveIdp(agreed, 'E010', NOW, [{ ...GOAL, progress: 60, trainingIds: ['T1__E010'] }]);
    expect(moved).toMatchObject({ status: 'agreed', goals: [{ progress: 60, trainingIds: ['T1__E010'] }] });
    expect(refusal(() => saveIdp(agreed, 'E010', NOW, [{ ...GOAL, targetLevel: 4 }])).kind).toBe('locked');
    expect(refusal(() => saveIdp(agreed, 'E010', NOW, [GOAL, { ...GOAL, id: 'g2' }])).kind).toBe('locked');
  });

  it('says what stops a plan from being sent, goal by goal', () => {
    expect(idpMissing({ fiscalYear: 2570, goals: [] })).toEqual([
      'ยังไม่มีเป้าหมายการพัฒนา กรุณาเพิ่มอย่างน้อย 1 เป้าหมาย',
    ]);
    const { startDate: _s, ...noDates } = GOAL;
    expect(
      idpMissing({ fiscalYear: 2570, goals: [GOAL, { ...noDates, goal: '', methods: [], targetLevel: 2 }] }),
    ).toEqual([
      'เป้าหมายที่ 2: ยังไม่ได้เขียนเป้าหมายการพัฒนา',
      'เป้าหมายที่ 2: ระดับเป้าหมายต้องสูงกว่าระดับปัจจุบัน',
      'เป้าหมายที่ 2: ยังไม่ได้เลือกวิธีการพัฒนา',
      'เป้าหมายที่ 2: ยังไม่ได้กำหนดช่วงเวลา',
    ]);
    const sendEmpty = refusal(() => submitIdp(emptyIdp('E010', 'x', 2570), 'E010', NOW, 'E009'));
    expect(sendEmpty).toMatchObject({ kind: 'incomplete', message: expect.stringContaining('ยังส่งไม่ได้') });
  });

  it('pushes the supervisor on sending and the person on a decision, keyed by version', () => {
    const sent = submitIdp(draft(), 'E010', NOW, 'E009');
    expect(idpNotice(draft())).toBeUndefined();
    expect(idpNotice(sent)).toMatchObject({ employeeId: 'E009', key: 'idp:E010__2570:v2:submitted' });
    const back = returnIdp(sent, 'E009', NOW, 'เพิ่มวิธีเรียนรู้ด้วยตนเอง');
    const n = idpNotice(back);
    expect(n).toMatchObject({ employeeId: 'E010', key: 'idp:E010__2570:v3:returned' });
    expect(JSON.stringify(n?.replies)).toContain('ความเห็นหัวหน้า: เพิ่มวิธีเรียนรู้ด้วยตนเอง');
    expect(JSON.stringify(idpNotice(agreeIdp(sent, 'E009', NOW))?.replies)).toContain('ปีงบประมาณ พ.ศ. 2570');
  });
});

describe('IDP input', () => {
  it('accepts a draft that is unfinished, trimmed and de-duplicated', () => {
    const r = parseIdpGoals(
      [
        {
          ...GOAL,
          goal: '  ',
          methods: ['training', 'training'],
          startDate: '',
          endDate: null,
          progress: undefined,
        },
      ],
      2570,
    );
    expect(r).toEqual({
      goals: [
        { ...GOAL, goal: '', methods: ['training'], startDate: undefined, endDate: undefined, progress: 0 },
      ].map(({ startDate: _s, endDate: _e, ...g }) => g),
    });
  });

  it('refuses wrong values with a Thai message per field, at the fiscal year’s edges too', () => {
    expect(parseIdpGoals('goals', 2570)).toEqual({ errors: { goals: expect.stringContaining('ไม่พบ') } });
    expect(
      parseIdpGoals(
        Array.from({ length: 11 }, () => GOAL),
        2570,
      ),
    ).toEqual({
      errors: { goals: expect.stringContaining('ไม่เกิน 10 ข้อ') },
    });
    // 30 Sep 2026 is FY2569's last day; 1 Oct 2027 is FY2571's first
    const r = parseIdpGoals(
      [
        { ...GOAL, startDate: '2026-09-30', endDate: '2027-10-01', targetLevel: 1, trainingIds: ['a/b'] },
        { ...GOAL, id: 'g2', startDate: '2027-03-01', endDate: '2027-02-28', progress: 50.5, goal: 7 },
        { ...GOAL, id: 'g 3', competencyId: 'x', currentLevel: '2' },
      ],
      2570,
    );
    expect(r).toEqual({
      errors: {
        'goals.0.startDate': 'วันเริ่มต้องอยู่ในปีงบประมาณ พ.ศ. 2570',
        'goals.0.endDate': 'วันสิ้นสุดต้องอยู่ในปีงบประมาณ พ.ศ. 2570',
        'goals.0.targetLevel': 'ระดับเป้าหมายต้องไม่ต่ำกว่าระดับปัจจุบัน',
        'goals.0.trainingIds': 'รายการอบรมที่เชื่อมโยงไม่ถูกต้อง',
        'goals.1.endDate': 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม',
        'goals.1.progress': expect.stringContaining('จำนวนเต็ม 0 ถึง 100'),
        'goals.1.goal': 'เป้าหมายการพัฒนาต้องเป็นข้อความ',
        'goals.2.id': 'รหัสเป้าหมายไม่ถูกต้อง',
        'goals.2.competencyId': 'กรุณาเลือกสมรรถนะจากรายการ',
        'goals.2.currentLevel': 'ระดับปัจจุบันต้องเป็นตัวเลข 0 ถึง 5',
      },
    });
    const ok = parseIdpGoals([{ ...GOAL, startDate: '2026-10-01', endDate: '2027-09-30' }], 2570);
    expect(ok).toEqual({ goals: [GOAL] });
  });
});
