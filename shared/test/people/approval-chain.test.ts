import { describe, expect, it } from 'vitest';
import type { Employee, Role } from '../../src/domain/organisation';
import { ApprovalChainError, nextApprover, resolveApprovalChain } from '../../src/people/approval-chain';

function person(
  id: string,
  name: string,
  position: string,
  supervisorId: string | null,
  roles: Role[] = ['staff'],
  active = true,
): Employee {
  return {
    id,
    municipalityId: 'bansathit',
    code: id,
    name,
    divisionId: 'palad',
    position,
    staffType: 'municipalEmployee',
    jobLine: '',
    supervisorId,
    roles,
    active,
  };
}

// นายก ← ปลัด ← หัวหน้าสำนักปลัด ← นักทรัพยากรบุคคล; รองปลัด (ลาออก) sits between ปลัด and กองคลัง
const people: Employee[] = [
  person('E001', 'นายสมชาย ใจดี', 'นายกเทศมนตรี', null, ['executive']),
  person('E002', 'นางสาววิไลวรรณ ศรีสุข', 'ปลัดเทศบาล', 'E001', ['supervisor', 'executive']),
  person('E003', 'นางกาญจนา มีทรัพย์', 'หัวหน้าสำนักปลัดเทศบาล', 'E002', ['supervisor']),
  person('E004', 'นางสาวปิยะนุช แก้วมณี', 'นักทรัพยากรบุคคลชำนาญการ', 'E003', ['staff', 'hr']),
  person('E008', 'นายวิชัย รุ่งโรจน์', 'รองปลัดเทศบาล', 'E002', ['supervisor'], false),
  person('E009', 'นางสุภาพร เจริญผล', 'ผู้อำนวยการกองคลัง', 'E008', ['supervisor']),
  person('E010', 'นางสาวจิราพร สายทอง', 'นักวิชาการเงินและบัญชี', 'E009'),
];
const ids = (chain: { approvers: readonly Employee[] }) => chain.approvers.map((a) => a.id);

describe('resolveApprovalChain', () => {
  it('walks up to the top when no stop is set', () => {
    const chain = resolveApprovalChain('E004', people);
    expect(ids(chain)).toEqual(['E003', 'E002', 'E001']);
    expect(chain.endedBy).toBe('top');
    expect(chain.skipped).toEqual([]);
  });

  it('stops at the first executive when the municipality stops at the mayor’s level', () => {
    const chain = resolveApprovalChain('E004', people, { stopAtRole: 'executive' });
    // the ปลัด also holds the executive role, so the chain ends there
    expect(ids(chain)).toEqual(['E003', 'E002']);
    expect(chain.endedBy).toBe('stopRole');
  });

  it('stops at the ปลัด by id', () => {
    const chain = resolveApprovalChain('E010', people, { stopAtEmployeeId: 'E002' });
    expect(ids(chain)).toEqual(['E009', 'E002']);
    expect(chain.endedBy).toBe('stopEmployee');
  });

  it('skips someone who has left and goes to their supervisor', () => {
    const chain = resolveApprovalChain('E010', people);
    expect(ids(chain)).toEqual(['E009', 'E002', 'E001']);
    expect(chain.skipped.map((s) => s.id)).toEqual(['E008']);
  });

  it('limits the number of approvers', () => {
    const chain = resolveApprovalChain('E004', people, { maxSteps: 2 });
    expect(ids(chain)).toEqual(['E003', 'E002']);
    expect(chain.endedBy).toBe('maxSteps');
  });

  it('sends the stop person’s own document above them, never to themselves', () => {
    const chain = resolveApprovalChain('E002', people, { stopAtEmployeeId: 'E002' });
    expect(ids(chain)).toEqual(['E001']);
    expect(chain.endedBy).toBe('top');
  });

  it('gives the mayor an empty chain', () => {
    expect(resolveApprovalChain('E001', people, { stopAtRole: 'executive' })).toEqual({
      employeeId: 'E001',
      approvers: [],
      skipped: [],
      endedBy: 'top',
    });
  });

  it('accepts a Map of people as well as a list', () => {
    const map = new Map(people.map((p) => [p.id, p]));
    expect(ids(resolveApprovalChain('E004', map, { stopAtEmployeeId: 'E002' }))).toEqual(['E003', 'E002']);
  });

  it('detects a loop, with a Thai message naming the people in it', () => {
    const looped = [
      person('A', 'นายเกียรติศักดิ์ ทองสุข', 'ผู้อำนวยการกองช่าง', 'B', ['supervisor']),
      person('B', 'นายณัฐวุฒิ แสงทอง', 'นายช่างโยธา', 'C'),
      person('C', 'นายพงศกร สีดา', 'วิศวกรโยธา', 'B'),
    ];
    let error: unknown;
    try {
      resolveApprovalChain('A', looped);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApprovalChainError);
    expect((error as ApprovalChainError).kind).toBe('cycle');
    expect((error as ApprovalChainError).message).toBe(
      'สายการบังคับบัญชาวนกลับมาที่เดิม (นายณัฐวุฒิ แสงทอง → นายพงศกร สีดา → นายณัฐวุฒิ แสงทอง) กรุณาแจ้งฝ่ายบุคคลให้แก้ไขผู้บังคับบัญชา',
    );
  });

  it('detects a loop back to the submitter, even through inactive people', () => {
    const looped = [
      person('A', 'นายอุดม ภูมิใจ', 'ผู้ช่วยนายช่างโยธา', 'B'),
      person('B', 'นายบุญเลิศ นาคสุข', 'นายช่างไฟฟ้า', 'A', ['supervisor'], false),
    ];
    expect(() => resolveApprovalChain('A', looped)).toThrow(
      expect.objectContaining({ kind: 'cycle', name: 'ApprovalChainError' }),
    );
  });

  it('refuses an unknown employee, a dangling supervisor link and an impossible setting', () => {
    expect(() => resolveApprovalChain('E999', people)).toThrow(
      expect.objectContaining({ kind: 'unknownEmployee', message: 'ไม่พบพนักงานรหัสอ้างอิง E999' }),
    );
    const dangling = [person('E020', 'นายอุดม ภูมิใจ', 'ผู้ช่วยนายช่างโยธา', 'E015')];
    expect(() => resolveApprovalChain('E020', dangling)).toThrow(
      expect.objectContaining({
        kind: 'unknownEmployee',
        message: 'ไม่พบผู้บังคับบัญชาของ นายอุดม ภูมิใจ ในรายชื่อ กรุณาแจ้งฝ่ายบุคคลให้แก้ไขผู้บังคับบัญชา',
      }),
    );
    expect(() => resolveApprovalChain('E004', people, { maxSteps: 0 })).toThrow(
      expect.objectContaining({ kind: 'invalidSetting' }),
    );
  });
});

describe('nextApprover', () => {
  const chain = resolveApprovalChain('E010', people, { stopAtEmployeeId: 'E002' });

  it('goes through the chain in order and ends with undefined', () => {
    expect(nextApprover(chain, [])?.id).toBe('E009');
    expect(nextApprover(chain, ['E009'])?.id).toBe('E002');
    expect(nextApprover(chain, ['E009', 'E002'])).toBeUndefined();
  });

  it('does not let an approval out of order skip someone below', () => {
    expect(nextApprover(chain, ['E002'])?.id).toBe('E009');
  });

  it('ignores approvals by people not in the chain', () => {
    expect(nextApprover(chain, new Set(['E001', 'E009']))?.id).toBe('E002');
  });
});
