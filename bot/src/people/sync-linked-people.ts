import type { PersonContext, Role } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import { indexStaffWrite } from '../owing/owing-writes';
import { linkMenuForRoles, type MenuRole } from '../rich-menus';
import { staffRecords } from './staff-record-repository';

export interface LinkedPersonChange {
  employeeId: string;
  lineUserId: string;
  roles: readonly Role[];
  /** false: the person left; their LINE link ends (history stays with the staff record) */
  active: boolean;
}

/**
 * After a staff import, linked people follow their record: new roles reach the chat context the bot
 * keeps (what they may do) and their rich menu; people who left are unlinked. Each person is updated
 * in a transaction that first checks the LINE account still belongs to that record.
 */
export async function syncLinkedPeople(
  db: Firestore,
  changes: readonly LinkedPersonChange[],
  o: {
    conversations: CollectionReference;
    employees: CollectionReference;
    now: Date;
    /** when LINE is reachable: link the new role's menu */
    menus?: { line: Pick<LineClient, 'linkRichMenu'>; menuIdByRole: Readonly<Record<MenuRole, string>> };
  },
): Promise<{ updated: number; unlinked: number; menusLinked: number; skipped: number }> {
  const counts = { updated: 0, unlinked: 0, menusLinked: 0, skipped: 0 };
  for (const c of changes) {
    const ref = o.conversations.doc(c.lineUserId);
    const outcome = await db.runTransaction(async (tx) => {
      const snap = await tx.get(ref);
      const person = snap.exists ? (snap.get('person') as PersonContext | undefined) : undefined;
      if (person?.employeeId !== c.employeeId) return 'skipped' as const;
      if (!c.active) {
        tx.update(ref, { person: FieldValue.delete(), state: { flow: null, turn: 0 } });
        const unlinked = {
          lineUserId: FieldValue.delete(),
          lineFollowing: FieldValue.delete(),
          lineUnlinkedAt: Timestamp.fromDate(o.now),
          lineUnlinkedBy: 'import: no longer active',
        };
        tx.update(o.employees.doc(c.employeeId), unlinked);
        indexStaffWrite(tx, o.employees.doc(c.employeeId), unlinked);
        return 'unlinked' as const;
      }
      tx.update(ref, { 'person.roles': [...c.roles] });
      return 'updated' as const;
    });
    counts[outcome]++;
    if (outcome === 'updated' && o.menus) {
      await linkMenuForRoles(o.menus.line, c.lineUserId, c.roles, o.menus.menuIdByRole);
      counts.menusLinked++;
    }
  }
  return counts;
}

/**
 * Every active linked person of a municipality as a change to follow, roles as their record says. After
 * `richmenu:setup` replaced the menus (LINE cannot edit a menu, so a changed one is a new one and the old
 * is deleted), syncing these links each person to their role's new menu: otherwise supervisors and HR,
 * linked to a deleted menu, would see the default staff menu.
 */
export async function linkedPeopleOf(employees: CollectionReference): Promise<LinkedPersonChange[]> {
  return (await staffRecords({ employees }).linked()).flatMap((p) =>
    p.active && p.lineUserId
      ? [{ employeeId: p.id, lineUserId: p.lineUserId, roles: [...p.roles], active: true }]
      : [],
  );
}
