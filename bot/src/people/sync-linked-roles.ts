import type { PersonContext, Role } from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import { linkMenuForRoles, type MenuRole } from '../rich-menus';

/**
 * After HR changes someone's roles, the chat context the bot keeps for them (who they are, what they
 * may do) and their rich menu follow. Menus are linked only when `menus` is given (LINE reachable).
 */
export async function syncLinkedRoles(
  changes: ReadonlyArray<{ employeeId: string; lineUserId: string; roles: readonly Role[] }>,
  o: {
    conversations: CollectionReference;
    menus?: { line: Pick<LineClient, 'linkRichMenu'>; menuIdByRole: Readonly<Record<MenuRole, string>> };
  },
): Promise<{ updated: number; menusLinked: number }> {
  let updated = 0;
  let menusLinked = 0;
  for (const c of changes) {
    const ref = o.conversations.doc(c.lineUserId);
    const snap = await ref.get();
    const person = snap.get('person') as PersonContext | undefined;
    if (person?.employeeId === c.employeeId) {
      await ref.update({ 'person.roles': [...c.roles] });
      updated++;
    }
    if (o.menus) {
      await linkMenuForRoles(o.menus.line, c.lineUserId, c.roles, o.menus.menuIdByRole);
      menusLinked++;
    }
  }
  return { updated, menusLinked };
}
