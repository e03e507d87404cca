// Who signs off a document (a training request, a post-training report) follows the line of
// supervisors upward until the point each municipality sets: some stop at the ปลัด, some go to the
// mayor. The chain is derived at submit time from the staff list, never stored per person, so an
// HR edit to the structure takes effect on the next document.

import type { Employee, Role } from '../domain/organisation';

/** A municipality's setting for where approval ends. With none set the chain runs to the top. */
export interface ApprovalChainSetting {
  /** stop at (and include) the first approver holding this role, e.g. 'executive' for the mayor */
  readonly stopAtRole?: Role;
  /** stop at (and include) this person, e.g. the ปลัดเทศบาล */
  readonly stopAtEmployeeId?: string;
  /** at most this many approvers, however far the stop is */
  readonly maxSteps?: number;
}

export type ApprovalChainEnd = 'stopRole' | 'stopEmployee' | 'maxSteps' | 'top';

export interface ApprovalChain {
  readonly employeeId: string;
  /** in signing order: the nearest active supervisor first */
  readonly approvers: readonly Employee[];
  /** inactive people passed over on the way up (resigned, left), for the audit trail */
  readonly skipped: readonly Employee[];
  /**
   * why the chain ended; 'top' while a stop is configured means the stop was never reached, which HR
   * may want to hear about
   */
  readonly endedBy: ApprovalChainEnd;
}

export type ApprovalChainErrorKind = 'cycle' | 'unknownEmployee' | 'invalidSetting';

export class ApprovalChainError extends Error {
  override readonly name = 'ApprovalChainError';
  constructor(
    readonly kind: ApprovalChainErrorKind,
    message: string,
  ) {
    super(message);
  }
}

type People = readonly Employee[] | ReadonlyMap<string, Employee>;

/**
 * The ordered approvers for a document submitted by `employeeId`. Inactive people are skipped (their
 * own supervisor steps in). The submitter never approves their own document: when they are the stop
 * themselves the chain simply continues above them.
 * Throws ApprovalChainError when the links loop, point at nobody, or the setting is impossible.
 */
export function resolveApprovalChain(
  employeeId: string,
  people: People,
  setting: ApprovalChainSetting = {},
): ApprovalChain {
  const byId =
    people instanceof Map ? people : new Map((people as readonly Employee[]).map((e) => [e.id, e]));
  const { maxSteps } = setting;
  if (maxSteps !== undefined && (!Number.isInteger(maxSteps) || maxSteps < 1))
    throw new ApprovalChainError(
      'invalidSetting',
      `จำนวนผู้อนุมัติสูงสุดต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป (ได้ ${maxSteps})`,
    );

  const employee = byId.get(employeeId);
  if (!employee) throw new ApprovalChainError('unknownEmployee', `ไม่พบพนักงานรหัสอ้างอิง ${employeeId}`);

  const approvers: Employee[] = [];
  const skipped: Employee[] = [];
  const seen: Employee[] = [employee];
  let next = employee.supervisorId;
  while (next !== null) {
    const person = byId.get(next);
    if (!person)
      throw new ApprovalChainError(
        'unknownEmployee',
        `ไม่พบผู้บังคับบัญชาของ ${seen.at(-1)!.name} ในรายชื่อ กรุณาแจ้งฝ่ายบุคคลให้แก้ไขผู้บังคับบัญชา`,
      );
    const loopAt = seen.indexOf(person);
    if (loopAt >= 0) {
      const names = [...seen.slice(loopAt), person].map((p) => p.name).join(' → ');
      throw new ApprovalChainError(
        'cycle',
        `สายการบังคับบัญชาวนกลับมาที่เดิม (${names}) กรุณาแจ้งฝ่ายบุคคลให้แก้ไขผู้บังคับบัญชา`,
      );
    }
    seen.push(person);
    next = person.supervisorId;
    if (!person.active) {
      skipped.push(person);
      continue;
    }
    approvers.push(person);
    if (setting.stopAtEmployeeId === person.id) return done('stopEmployee');
    if (setting.stopAtRole !== undefined && person.roles.includes(setting.stopAtRole))
      return done('stopRole');
    if (maxSteps !== undefined && approvers.length >= maxSteps) return done('maxSteps');
  }
  return done('top');

  function done(endedBy: ApprovalChainEnd): ApprovalChain {
    return { employeeId, approvers, skipped, endedBy };
  }
}

/**
 * The approver whose turn it is: the first in the chain who has not approved yet, or undefined when
 * everyone has. Approvals recorded out of order do not let anyone below be skipped.
 */
export function nextApprover(chain: ApprovalChain, approvedSoFar: Iterable<string>): Employee | undefined {
  const approved = new Set(approvedSoFar);
  return chain.approvers.find((a) => !approved.has(a.id));
}
