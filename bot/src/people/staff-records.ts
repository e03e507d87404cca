import type { PersonContext, Role } from '@phattana/shared';
import type { DocumentSnapshot } from 'firebase-admin/firestore';

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
