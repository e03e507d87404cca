import {
  COMPETENCY_LEVELS,
  CORE_COMPETENCIES,
  type Competency,
  competency,
  DEVELOPMENT_METHODS,
  EXECUTIVE_COMPETENCIES,
  emptyIdp,
  FUNCTIONAL_COMPETENCIES,
  fiscalYearRange,
  type HoursEntry,
  type IdpPlan,
  type IdpView,
  idpIdFor,
  idpMissing,
  isIdpEditable,
} from '@phattana/shared';
import type { CollectionReference, DocumentSnapshot, Transaction } from 'firebase-admin/firestore';
import { type StaffRecord, type StaffSource, staffRecords } from '../people/staff-record-repository';

// IDP documents in Firestore (municipalities/{m}/idps/{employeeId}__{fiscalYear}) and the view the
// LIFF pages get: the plan plus what the form offers (competencies, methods, the person's trainings).

/** A stored plan read back; the edge's timestamps stay out of the domain object. */
export function idpFromDoc(
  snap: DocumentSnapshot,
  fallback: { employeeId: string; employeeName: string; fiscalYear: number },
): IdpPlan {
  if (!snap.exists) return emptyIdp(fallback.employeeId, fallback.employeeName, fallback.fiscalYear);
  const { updatedAt: _u, ...rest } = snap.data() ?? {};
  return { ...emptyIdp(fallback.employeeId, fallback.employeeName, fallback.fiscalYear), ...rest } as IdpPlan;
}

/**
 * The competencies a person's plan names: the five core ones, the executive ones for people who lead
 * (supervisors and executives), and the functional ones HR set on their staff record (all of them
 * while HR has set none). A competency a stored plan already names is kept, so nothing is lost.
 */
export function competenciesFor(employee: StaffRecord | undefined, plan: IdpPlan): Competency[] {
  const roles = employee?.roles ?? ['staff'];
  const leads = roles.includes('supervisor') || roles.includes('executive');
  const ids = employee?.functionalCompetencyIds ?? [];
  const functional =
    ids.length > 0 ? FUNCTIONAL_COMPETENCIES.filter((c) => ids.includes(c.id)) : [...FUNCTIONAL_COMPETENCIES];
  const list: Competency[] = [...CORE_COMPETENCIES, ...(leads ? EXECUTIVE_COMPETENCIES : []), ...functional];
  for (const g of plan.goals) {
    const c = competency(g.competencyId);
    if (c && !list.some((x) => x.id === c.id)) list.push(c);
  }
  return list;
}

export function idpView(o: {
  plan: IdpPlan;
  stored: boolean;
  employee: StaffRecord | undefined;
  supervisor: { id: string; name: string } | null;
  entries: readonly HoursEntry[];
  canDecide?: boolean;
}): IdpView {
  const { plan } = o;
  return {
    plan,
    stored: o.stored,
    editable: isIdpEditable(plan),
    missing: idpMissing(plan),
    supervisor: o.supervisor,
    range: fiscalYearRange(plan.fiscalYear),
    competencies: competenciesFor(o.employee, plan),
    methods: DEVELOPMENT_METHODS.map((m) => ({ id: m.id, label: m.label })),
    levels: [...COMPETENCY_LEVELS],
    trainings: o.entries
      .filter((e) => e.fiscalYear === plan.fiscalYear)
      .map((e) => ({ id: e.id, title: e.title, endDate: e.endDate, hours: e.hours, method: e.method })),
    ...(o.canDecide === undefined ? {} : { canDecide: o.canDecide }),
  };
}

/** How far up the supervisor links we read at most. */
const MAX_UP = 12;

/**
 * Who agrees to a person's plan: their supervisor, or the next one up when that person has left (as the
 * approval chain does). Reads in `tx` when given.
 */
export async function nearestSupervisor(
  c: StaffSource,
  employee: StaffRecord | undefined,
  tx?: Transaction,
): Promise<{ id: string; name: string } | null> {
  let next = employee?.supervisorId ?? null;
  const seen = new Set<string>();
  for (let i = 0; next !== null && i < MAX_UP && !seen.has(next); i++) {
    seen.add(next);
    const up = await staffRecords(c).byId(next, tx ? { tx } : {});
    if (!up) return null;
    if (up.active) return { id: up.id, name: up.name };
    next = up.supervisorId;
  }
  return null;
}

/** The person's ledger entries of one fiscal year (equality filters only: no composite index). */
export async function entriesOf(hoursLedger: CollectionReference, employeeId: string, fiscalYear: number) {
  const q = await hoursLedger
    .where('employeeId', '==', employeeId)
    .where('fiscalYear', '==', fiscalYear)
    .get();
  return q.docs.map((d) => {
    const { createdAt: _c, ...e } = d.data();
    return { ...e, id: d.id } as HoursEntry;
  });
}

/** A person's plan for one fiscal year as the LIFF pages show it (an empty draft when none is stored). */
export async function loadIdpView(
  c: StaffSource & { idps: CollectionReference; hoursLedger: CollectionReference },
  employeeId: string,
  fiscalYear: number,
  viewerId?: string,
): Promise<IdpView> {
  const [snap, employee, entries] = await Promise.all([
    c.idps.doc(idpIdFor(employeeId, fiscalYear)).get(),
    staffRecords(c).byId(employeeId),
    entriesOf(c.hoursLedger, employeeId, fiscalYear),
  ]);
  const plan = idpFromDoc(snap, {
    employeeId,
    employeeName: employee?.name ?? '',
    fiscalYear,
  });
  const supervisor =
    plan.status === 'submitted' && plan.supervisorId
      ? {
          id: plan.supervisorId,
          name: (await staffRecords(c).byId(plan.supervisorId, { fields: ['name'] }))?.name ?? '',
        }
      : await nearestSupervisor(c, employee);
  return idpView({
    plan,
    stored: snap.exists,
    employee,
    supervisor,
    entries,
    ...(viewerId === undefined
      ? {}
      : { canDecide: plan.status === 'submitted' && plan.supervisorId === viewerId }),
  });
}
