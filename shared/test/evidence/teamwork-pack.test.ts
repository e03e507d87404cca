import { describe, expect, it } from 'vitest';
import { type TeamworkGoalRow, teamworkPack } from '../../src/evidence/teamwork-pack';

const goal = (o: Partial<TeamworkGoalRow>): TeamworkGoalRow => ({
  employeeName: 'นายสมชาย ใจดี',
  goal: 'ประสานงานกับกองอื่นให้ราบรื่น',
  methods: ['coaching'],
  currentLevel: 1,
  targetLevel: 2,
  progress: 0,
  planStatus: 'draft',
  ...o,
});

describe('standards 1.22 teamwork pack', () => {
  it('passes only with a goal in a plan the supervisor agreed to', () => {
    expect(
      teamworkPack(2570, [goal({ planStatus: 'submitted' }), goal({ planStatus: 'returned' })]).met,
    ).toBe(false);
    expect(teamworkPack(2570, [goal({ planStatus: 'agreed' })]).met).toBe(true);
  });

  it('counts people once and goals developed in a group once, whatever the number of group methods', () => {
    const p = teamworkPack(2570, [
      goal({ planStatus: 'agreed', methods: ['seminar', 'studyVisit', 'coaching'] }),
      goal({ goal: 'แบ่งงานในทีมให้ชัดเจน', methods: ['mentoring'] }),
      goal({ employeeName: 'นางสาวกานดา รักงาน', methods: ['training'] }),
    ]);
    expect(p.result).toBe('3 เป้าหมาย จาก 2 คน เห็นชอบแล้ว 1 เป้าหมาย พัฒนาแบบกลุ่ม 2 เป้าหมาย');
    expect(p.rows.map((r) => r[1])).toEqual(['นางสาวกานดา รักงาน', 'นายสมชาย ใจดี', 'นายสมชาย ใจดี']);
    expect(p.rows[1]?.[3]).toBe('สัมมนา/เวิร์กช็อป, ศึกษาดูงาน, สอนงาน (Coaching)');
  });

  it('says so when the year has no teamwork goal, and never hides where its criterion comes from', () => {
    const p = teamworkPack(2571, []);
    expect(p).toMatchObject({ met: false, rows: [], result: 'ยังไม่มีเป้าหมายด้านการทำงานเป็นทีมในปีนี้' });
    expect(p.title).toContain('ปีงบประมาณ 2571');
    expect(p.basis).toContain('ไม่พบเอกสารเกณฑ์ฉบับทางการของข้อ 1.22');
  });
});
