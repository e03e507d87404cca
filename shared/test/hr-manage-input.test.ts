import { describe, expect, it } from 'vitest';
import { describeFilter, PEOPLE_MAX, parseFilter } from '../src/broadcast/broadcast-filter';
import { selectRecipients } from '../src/broadcast/select-recipients';
import { parseSettingsInput } from '../src/domain/municipality-settings';
import { parseTrainingInput } from '../src/trainings/training-input';

// HR's inputs from the LIFF management pages: the hand-picked reminder group, a training, the settings.

describe('the people filter (recipients picked from the late list)', () => {
  const person = (id: string) => ({ id, name: id, active: true, lineUserId: `U${id}`, lineFollowing: true });
  const open = (employeeId: string, status: 'pending' | 'returned' | 'approved' = 'pending') => ({
    employeeId,
    dueDate: '2026-12-20',
    status,
  });

  it('keeps only the picked people who still owe a report', () => {
    const filter = parseFilter({ kind: 'people', employeeIds: [' A ', 'C', 'D'] });
    expect(filter).toEqual({ kind: 'people', employeeIds: ['A', 'C', 'D'] });
    if (!filter) throw new Error('unreachable');
    const s = selectRecipients(
      [open('A'), open('B'), open('C', 'approved'), open('D', 'returned')],
      ['A', 'B', 'C', 'D'].map(person),
      filter,
      '2026-12-16',
    );
    expect(s.recipients.map((r) => r.employeeId)).toEqual(['A', 'D']);
    expect(s.matchedPeople).toBe(2);
    expect(describeFilter(filter)).toBe('ผู้ค้างส่งที่เลือกไว้ 3 คน');
  });

  it('refuses an empty, oversized, duplicated or malformed pick', () => {
    expect(parseFilter({ kind: 'people', employeeIds: [] })).toBeUndefined();
    expect(parseFilter({ kind: 'people', employeeIds: ['A', 'A'] })).toBeUndefined();
    expect(parseFilter({ kind: 'people', employeeIds: ['A', 7] })).toBeUndefined();
    expect(parseFilter({ kind: 'people', employeeIds: 'A' })).toBeUndefined();
    const many = Array.from({ length: PEOPLE_MAX + 1 }, (_, i) => `E${i}`);
    expect(parseFilter({ kind: 'people', employeeIds: many })).toBeUndefined();
    expect(parseFilter({ kind: 'people', employeeIds: many.slice(1) })).toMatchObject({ kind: 'people' });
  });
});

describe('parseTrainingInput', () => {
  const good = {
    title: '  การจัดทำแผนพัฒนาท้องถิ่น  ',
    organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
    method: 'training',
    startDate: '2026-12-21',
    endDate: '2026-12-23',
    hours: '18',
    attendees: ['E1', ' E2', 'E1', ''],
  };

  it('normalises a good training and asks for a report by default', () => {
    expect(parseTrainingInput(good)).toEqual({
      training: {
        title: 'การจัดทำแผนพัฒนาท้องถิ่น',
        organiser: 'กรมส่งเสริมการปกครองท้องถิ่น',
        method: 'training',
        startDate: '2026-12-21',
        endDate: '2026-12-23',
        hours: 18,
        attendees: ['E1', 'E2'],
        reportRequired: true,
      },
    });
  });

  it('names every bad field in Thai', () => {
    const r = parseTrainingInput({
      ...good,
      organiser: '',
      organiserKind: 'moon',
      curriculum: 'x',
      startDate: '21/12/2569',
      hours: 1.25,
      reportRequired: 'yes',
      budget: 5,
    });
    expect(r).toEqual({
      errors: {
        training: 'ระบบไม่รู้จักช่อง budget',
        organiser: 'กรุณาระบุหน่วยงานผู้จัด (อย่างน้อย 2 ตัวอักษร)',
        organiserKind: 'กรุณาเลือกประเภทผู้จัดจากรายการ',
        curriculum: 'กรุณาเลือกหลักสูตรจากรายการ',
        startDate: 'วันเริ่มอบรมไม่ถูกต้อง กรุณาเลือกจากปฏิทิน',
        hours: 'จำนวนชั่วโมงต้องอยู่ระหว่าง 0.5 ถึง 500 (ทีละครึ่งชั่วโมง)',
        reportRequired: 'กรุณาเลือกว่าต้องส่งรายงานหรือไม่',
      },
    });
    expect(parseTrainingInput({ ...good, endDate: '2028-01-01' })).toEqual({
      errors: { endDate: 'ช่วงการอบรมยาวเกิน 366 วัน กรุณาตรวจสอบวันที่' },
    });
    expect(parseTrainingInput(null)).toEqual({ errors: { training: 'ไม่พบข้อมูลการอบรมที่จะบันทึก' } });
  });
});

describe('parseSettingsInput', () => {
  it('accepts numbers typed as text and drops an empty approval stop', () => {
    expect(
      parseSettingsInput({
        yearlyHoursTarget: '40',
        surveyMinGroupSize: 5,
        approvalChain: { stopAtRole: '', stopAtEmployeeId: ' E002 ', maxSteps: '' },
      }),
    ).toEqual({
      settings: { yearlyHoursTarget: 40, surveyMinGroupSize: 5, approvalChain: { stopAtEmployeeId: 'E002' } },
    });
  });

  it('refuses fractions, out-of-range values and unknown roles', () => {
    const r = parseSettingsInput({
      yearlyHoursTarget: 40.5,
      surveyMinGroupSize: 2,
      approvalChain: { stopAtRole: 'x' },
    });
    expect(r).toEqual({
      errors: {
        yearlyHoursTarget: 'เป้าหมายชั่วโมงอบรมต่อปีต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 500',
        surveyMinGroupSize: 'จำนวนผู้ตอบขั้นต่ำที่จะแสดงผลแยกกองต้องเป็นจำนวนเต็มตั้งแต่ 3 ถึง 50',
        stopAtRole: 'กรุณาเลือกบทบาทจากรายการ',
      },
    });
  });
});
