import type { Employee } from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { employeeFromDoc } from './firestore-employee-directory';

// Who a supervisor's team is. A supervisor sees the people who report to them directly; an executive
// (ปลัด, นายก: role 'executive') sees everyone below them down the supervisor links, because they sign
// those people's documents further up the chain. HR with no one below them has an empty team: HR's
// municipality-wide view is the HR dashboard. Agreeing to an IDP stays with the direct supervisor.

export interface TeamMember {
  readonly employee: Employee;
  /** reports to the viewer directly */
  readonly direct: boolean;
}

/** How many levels below the viewer we read at most (a loop or a deep tree stops here). */
const MAX_DEPTH = 6;

export async function loadTeam(
  employees: CollectionReference,
  viewer: { readonly employeeId: string; readonly roles: readonly string[] },
): Promise<TeamMember[]> {
  const chain = viewer.roles.includes('executive');
  const seen = new Set<string>([viewer.employeeId]);
  const out: TeamMember[] = [];
  let level = [viewer.employeeId];
  for (let depth = 0; depth < (chain ? MAX_DEPTH : 1) && level.length > 0; depth++) {
    const next: string[] = [];
    // `in` takes at most 30 values
    for (let i = 0; i < level.length; i += 30) {
      const q = await employees.where('supervisorId', 'in', level.slice(i, i + 30)).get();
      for (const d of q.docs) {
        if (seen.has(d.id)) continue;
        seen.add(d.id);
        const e = employeeFromDoc(d.id, d.data(), employees.parent?.id ?? '');
        next.push(e.id); // someone who left still links the people below them
        if (!e.active) continue;
        out.push({ employee: e, direct: depth === 0 });
      }
    }
    level = next;
  }
  return out.sort(
    (a, b) => Number(b.direct) - Number(a.direct) || a.employee.name.localeCompare(b.employee.name, 'th'),
  );
}

/** The member if they are in the viewer's team, checked against the staff list now. */
export async function teamMember(
  employees: CollectionReference,
  viewer: { readonly employeeId: string; readonly roles: readonly string[] },
  employeeId: string,
): Promise<TeamMember | undefined> {
  if (employeeId === viewer.employeeId) return undefined;
  const chain = viewer.roles.includes('executive');
  let id: string | null = employeeId;
  let first: Employee | undefined;
  // walk up from the member: the viewer must be met within the allowed depth
  for (let depth = 0; id !== null && depth < (chain ? MAX_DEPTH : 1); depth++) {
    const snap = await employees.doc(id).get();
    if (!snap.exists) return undefined;
    const e = employeeFromDoc(snap.id, snap.data() ?? {}, employees.parent?.id ?? '');
    if (depth === 0) {
      if (!e.active) return undefined;
      first = e;
    }
    if (e.supervisorId === viewer.employeeId)
      return first ? { employee: first, direct: depth === 0 } : undefined;
    id = e.supervisorId;
  }
  return undefined;
}
