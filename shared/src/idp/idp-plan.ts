import { fiscalYearRange } from '../calendar/fiscal-year';
import type { CompetencyLevel } from '../domain/competencies';
import type { DevelopmentMethodId } from '../domain/development-methods';
import type { IsoDate } from '../text/thai-date';

// The individual development plan (แผนพัฒนารายบุคคล, IDP): one per person per fiscal year. The person
// drafts it, sends it to their supervisor, who agrees or returns it with a comment. `version` goes up
// with every change, so two open copies (phone and desktop, or the person and the supervisor) can never
// overwrite each other: a write names the version it started from.

export type IdpStatus = 'draft' | 'submitted' | 'agreed' | 'returned';

export const IDP_STATUS_LABELS: Record<IdpStatus, string> = {
  draft: 'ร่าง',
  submitted: 'รอหัวหน้าเห็นชอบ',
  agreed: 'หัวหน้าเห็นชอบแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
};

/** One development goal: a competency to raise, how, when, and how far it has come. */
export interface IdpGoal {
  /** stable within the plan, chosen by the client (e.g. g1, g2) */
  readonly id: string;
  readonly competencyId: string;
  readonly currentLevel: CompetencyLevel;
  readonly targetLevel: CompetencyLevel;
  /** what the person means to achieve, in their words */
  readonly goal: string;
  readonly methods: readonly DevelopmentMethodId[];
  /** the goal's timeline, inside the plan's fiscal year */
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  /** 0–100, the person's own estimate */
  readonly progress: number;
  /** hours-ledger entry ids (= report ids) of trainings that served this goal */
  readonly trainingIds: readonly string[];
}

export type IdpAction = 'saved' | 'submitted' | 'agreed' | 'returned';

export interface IdpTransition {
  readonly action: IdpAction;
  readonly by: string;
  /** ISO instant */
  readonly at: string;
  /** the version this transition produced */
  readonly version: number;
  readonly comment?: string;
}

export interface IdpPlan {
  /** `${employeeId}__${fiscalYear}` */
  readonly id: string;
  readonly employeeId: string;
  readonly employeeName: string;
  readonly fiscalYear: number;
  readonly status: IdpStatus;
  /** 0 before the first save; +1 with every change */
  readonly version: number;
  readonly goals: readonly IdpGoal[];
  /** who agrees to it: the person's supervisor when it was sent */
  readonly supervisorId: string | null;
  readonly submittedAt?: string;
  readonly agreedAt?: string;
  readonly agreedBy?: string;
  /** the supervisor's latest comment (a return, or a note with the agreement) */
  readonly supervisorComment?: string;
  readonly history: readonly IdpTransition[];
}

export const idpIdFor = (employeeId: string, fiscalYear: number) => `${employeeId}__${fiscalYear}`;

/** At most this many goals: a plan is a few priorities, not a catalogue. */
export const IDP_GOALS_MAX = 10;
export const IDP_GOAL_TEXT = { min: 5, max: 500 } as const;
export const IDP_COMMENT = { min: 5, max: 500 } as const;
export const IDP_TRAININGS_MAX = 20;

/** A plan nobody has written yet (not stored until the first save). */
export function emptyIdp(employeeId: string, employeeName: string, fiscalYear: number): IdpPlan {
  return {
    id: idpIdFor(employeeId, fiscalYear),
    employeeId,
    employeeName,
    fiscalYear,
    status: 'draft',
    version: 0,
    goals: [],
    supervisorId: null,
    history: [],
  };
}

export type IdpErrorKind =
  | 'notYours'
  | 'notYourTurn'
  | 'wrongStatus'
  | 'incomplete'
  | 'noSupervisor'
  | 'locked';

/** A transition that is not allowed; `message` is Thai and safe to show. */
export class IdpTransitionError extends Error {
  override readonly name = 'IdpTransitionError';
  constructor(
    readonly kind: IdpErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const isIdpEditable = (p: Pick<IdpPlan, 'status'>) => p.status !== 'submitted';

/** What an agreed plan's owner may still change without asking again: how far each goal has come. */
const substance = (g: IdpGoal) => {
  const { progress: _p, trainingIds: _t, ...rest } = g;
  return JSON.stringify({ ...rest, methods: [...rest.methods] });
};

/**
 * The owner saves their goals. A sent plan waits for the supervisor and cannot change; an agreed one
 * keeps its goals and only progress and linked trainings move (changing a goal means a new agreement:
 * the person returns it to draft by editing it before it is agreed, or HR reopens it).
 */
export function saveIdp(p: IdpPlan, by: string, at: Date, goals: readonly IdpGoal[]): IdpPlan {
  if (by !== p.employeeId) throw new IdpTransitionError('notYours', 'แผนพัฒนานี้ไม่ใช่ของท่าน');
  if (p.status === 'submitted')
    throw new IdpTransitionError('wrongStatus', 'แผนพัฒนานี้ส่งให้หัวหน้าแล้ว อยู่ระหว่างรอความเห็นชอบ จึงแก้ไขไม่ได้');
  if (p.status === 'agreed') {
    const before = new Map(p.goals.map((g) => [g.id, substance(g)]));
    const same = goals.length === p.goals.length && goals.every((g) => before.get(g.id) === substance(g));
    if (!same)
      throw new IdpTransitionError(
        'locked',
        'แผนที่หัวหน้าเห็นชอบแล้ว แก้ไขได้เฉพาะความก้าวหน้าและการอบรมที่เชื่อมโยง หากต้องการเปลี่ยนเป้าหมาย กรุณาปรึกษาหัวหน้า',
      );
  }
  const version = p.version + 1;
  return {
    ...p,
    goals: [...goals],
    version,
    history: [...p.history, { action: 'saved', by, at: at.toISOString(), version }],
  };
}

/** What is still missing before the plan can be sent, as Thai sentences (empty: ready). */
export function idpMissing(p: Pick<IdpPlan, 'goals' | 'fiscalYear'>): string[] {
  if (p.goals.length === 0) return ['ยังไม่มีเป้าหมายการพัฒนา กรุณาเพิ่มอย่างน้อย 1 เป้าหมาย'];
  const out: string[] = [];
  const fy = fiscalYearRange(p.fiscalYear);
  p.goals.forEach((g, i) => {
    const n = `เป้าหมายที่ ${i + 1}`;
    if (g.goal.trim().length < IDP_GOAL_TEXT.min) out.push(`${n}: ยังไม่ได้เขียนเป้าหมายการพัฒนา`);
    if (g.targetLevel <= g.currentLevel) out.push(`${n}: ระดับเป้าหมายต้องสูงกว่าระดับปัจจุบัน`);
    if (g.methods.length === 0) out.push(`${n}: ยังไม่ได้เลือกวิธีการพัฒนา`);
    if (!g.startDate || !g.endDate) out.push(`${n}: ยังไม่ได้กำหนดช่วงเวลา`);
    else if (g.startDate < fy.start || g.endDate > fy.end)
      out.push(`${n}: ช่วงเวลาต้องอยู่ในปีงบประมาณ พ.ศ. ${p.fiscalYear}`);
  });
  return out;
}

/** The owner sends it to their supervisor for agreement. */
export function submitIdp(p: IdpPlan, by: string, at: Date, supervisorId: string | null): IdpPlan {
  if (by !== p.employeeId) throw new IdpTransitionError('notYours', 'แผนพัฒนานี้ไม่ใช่ของท่าน');
  if (p.status === 'submitted') throw new IdpTransitionError('wrongStatus', 'แผนพัฒนานี้ส่งให้หัวหน้าแล้ว');
  if (p.status === 'agreed') throw new IdpTransitionError('wrongStatus', 'แผนพัฒนานี้หัวหน้าเห็นชอบแล้ว');
  const missing = idpMissing(p);
  if (missing.length > 0) throw new IdpTransitionError('incomplete', `ยังส่งไม่ได้: ${missing.join(' / ')}`);
  if (!supervisorId)
    throw new IdpTransitionError(
      'noSupervisor',
      'ไม่พบหัวหน้าของท่านในรายชื่อพนักงาน กรุณาแจ้งฝ่ายบุคคลให้กำหนดผู้บังคับบัญชา',
    );
  const iso = at.toISOString();
  const version = p.version + 1;
  return {
    ...p,
    status: 'submitted',
    supervisorId,
    submittedAt: iso,
    version,
    history: [...p.history, { action: 'submitted', by, at: iso, version }],
  };
}

function checkReviewer(p: IdpPlan, by: string): void {
  if (p.status !== 'submitted')
    throw new IdpTransitionError(
      'wrongStatus',
      p.status === 'agreed' ? 'แผนพัฒนานี้ได้รับความเห็นชอบแล้ว' : 'แผนพัฒนานี้ไม่ได้รอความเห็นชอบในขณะนี้',
    );
  if (p.supervisorId !== by) throw new IdpTransitionError('notYourTurn', 'แผนพัฒนานี้ไม่ได้รอความเห็นชอบจากท่าน');
}

/** The supervisor it was sent to agrees, optionally with a note. */
export function agreeIdp(p: IdpPlan, by: string, at: Date, comment?: string): IdpPlan {
  checkReviewer(p, by);
  const iso = at.toISOString();
  const version = p.version + 1;
  const note = comment?.trim() || undefined;
  return {
    ...p,
    status: 'agreed',
    agreedAt: iso,
    agreedBy: by,
    supervisorComment: note,
    version,
    history: [...p.history, { action: 'agreed', by, at: iso, version, ...(note ? { comment: note } : {}) }],
  };
}

/** The supervisor returns it with what to change; the person edits and sends it again. */
export function returnIdp(p: IdpPlan, by: string, at: Date, comment: string): IdpPlan {
  checkReviewer(p, by);
  const note = comment.trim();
  if (note.length < IDP_COMMENT.min || note.length > IDP_COMMENT.max)
    throw new IdpTransitionError(
      'incomplete',
      `กรุณาเขียนสิ่งที่ต้องการให้แก้ไข ${IDP_COMMENT.min}–${IDP_COMMENT.max} ตัวอักษร`,
    );
  const iso = at.toISOString();
  const version = p.version + 1;
  return {
    ...p,
    status: 'returned',
    supervisorComment: note,
    version,
    history: [...p.history, { action: 'returned', by, at: iso, version, comment: note }],
  };
}
