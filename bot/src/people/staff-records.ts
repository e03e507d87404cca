import {
  isEmployeeId,
  type PersonContext,
  type Respondent,
  type Role,
  type StaffType,
} from '@phattana/shared';
import type { CollectionReference, DocumentSnapshot } from 'firebase-admin/firestore';

// The rules about a staff record (municipalities/{m}/employees/{id}) that every reader shares: which
// roles it grants and who it names. Readers parse a record through these, never on their own.

const KNOWN_ROLES: readonly string[] = ['staff', 'supervisor', 'hr', 'executive'] satisfies Role[];

/** The roles a staff record grants: unknown ones grant nothing, and a record without roles is staff. */
export function staffRoles(value: unknown): Role[] {
  if (!Array.isArray(value) || value.length === 0) return ['staff'];
  return value.filter((r): r is Role => KNOWN_ROLES.includes(r));
}

/** The person a staff record names, as the chat and the API see them. */
export function personFromRecord(snap: DocumentSnapshot): PersonContext {
  const name: unknown = snap.get('name');
  return {
    employeeId: snap.id,
    name: typeof name === 'string' ? name : '',
    roles: staffRoles(snap.get('roles')),
  };
}

/** A record HR has not switched off (a missing `active` counts as active). */
export const isActiveRecord = (snap: DocumentSnapshot): boolean =>
  snap.exists && snap.get('active') !== false;

/**
 * Which of these staff codes HR may not name in a record (a training's attendees, a sign-off stop): codes
 * with no record (a code that cannot be a record's id, e.g. "/" or "..", is unknown, never a document
 * path) and records of people who have left.
 */
export async function unusableStaff(
  employees: CollectionReference,
  ids: readonly string[],
): Promise<{ unknown: string[]; left: string[] }> {
  const wellFormed = ids.filter((id) => isEmployeeId(id));
  const malformed = ids.filter((id) => !isEmployeeId(id));
  const snaps =
    wellFormed.length > 0
      ? await employees.firestore.getAll(...wellFormed.map((id) => employees.doc(id)), {
          fieldMask: ['active'],
        })
      : [];
  return {
    unknown: [...malformed, ...snaps.filter((s) => !s.exists).map((s) => s.id)],
    left: snaps.filter((s) => s.exists && !isActiveRecord(s)).map((s) => s.id),
  };
}

/** What a survey needs to know about the person; undefined when they have no active staff record. */
export function respondentFromDoc(snap: DocumentSnapshot): Respondent | undefined {
  if (!isActiveRecord(snap)) return undefined;
  const d = snap.data() ?? {};
  const ids = d.functionalCompetencyIds;
  return {
    divisionId: typeof d.divisionId === 'string' ? d.divisionId : '',
    staffType: (typeof d.staffType === 'string' ? d.staffType : '') as StaffType,
    roles: staffRoles(d.roles),
    functionalCompetencyIds: Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [],
  };
}
