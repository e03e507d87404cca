import { type Division, isInviteUsable, type RosterPerson } from '@phattana/shared';
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { issueInvite } from './invites';
import { type StaffSource, staffRecords } from './staff-record-repository';

// HR hands out invite codes from the LIFF app: the roster of active staff with whether LINE is linked
// and each one's code that still works, and issuing for one person, a division, or everyone not yet
// linked. A new code revokes the person's older unused ones (issueInvite), so reissuing is the same
// act: only the latest printed slip works.

export interface InviteCollections extends StaffSource {
  readonly municipality: DocumentReference;
  readonly invites: CollectionReference;
}

export type InviteScope =
  | { readonly kind: 'person'; readonly employeeId: string }
  | { readonly kind: 'division'; readonly divisionId: string }
  | { readonly kind: 'unlinked' };

export async function inviteRoster(
  c: InviteCollections,
  now: Date,
): Promise<{ people: RosterPerson[]; divisions: Division[] }> {
  const [staff, open, municipality] = await Promise.all([
    staffRecords(c).active({ fields: ['code', 'name', 'divisionId', 'position', 'lineUserId'] }),
    c.invites.where('usedBy', '==', null).get(),
    c.municipality.get(),
  ]);
  const latest = new Map<string, { code: string; expiresAt: string; at: number }>();
  for (const d of open.docs) {
    const invite = {
      code: d.id,
      employeeId: String(d.get('employeeId')),
      expiresAt: String(d.get('expiresAt')),
      revoked: d.get('revoked') === true,
    };
    if (isInviteUsable(invite, now) !== 'ok') continue;
    const at = d.get('issuedAt')?.toMillis?.() ?? 0;
    const had = latest.get(invite.employeeId);
    if (!had || had.at < at) latest.set(invite.employeeId, { code: d.id, expiresAt: invite.expiresAt, at });
  }
  const people = staff
    .map((s): RosterPerson => {
      const invite = latest.get(s.id);
      const linked = Boolean(s.lineUserId);
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        position: s.position || null,
        divisionId: s.divisionId || null,
        linked,
        invite: invite && !linked ? { code: invite.code, expiresAt: invite.expiresAt } : null,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const divisions = ((municipality.get('divisions') as Division[] | undefined) ?? []).map((d) => ({
    id: d.id,
    name: d.name,
  }));
  return { people, divisions };
}

/** Who a scope names: the one person (linked or not, HR asked for them), or the not-yet-linked. */
export function inviteTargets(people: readonly RosterPerson[], scope: InviteScope): RosterPerson[] {
  switch (scope.kind) {
    case 'person':
      return people.filter((p) => p.id === scope.employeeId);
    case 'division':
      return people.filter((p) => !p.linked && p.divisionId === scope.divisionId);
    case 'unlinked':
      return people.filter((p) => !p.linked);
  }
}

/** Issues a fresh code to each target, one after another (each is its own transaction). */
export async function issueInvites(
  db: Firestore,
  c: InviteCollections,
  targets: readonly RosterPerson[],
  o: { now: Date; issuedBy: string; days?: number },
): Promise<Array<RosterPerson & { invite: { code: string; expiresAt: string } }>> {
  const issued = [];
  for (const p of targets) {
    const invite = await issueInvite(db, c, {
      employeeId: p.id,
      now: o.now,
      issuedBy: o.issuedBy,
      days: o.days,
    });
    issued.push({ ...p, invite });
  }
  return issued;
}

/** What the invite routes need; the routes' unit tests give an in-memory one. */
export interface InviteAdmin {
  roster(now: Date): ReturnType<typeof inviteRoster>;
  issue(
    targets: readonly RosterPerson[],
    o: { now: Date; issuedBy: string },
  ): ReturnType<typeof issueInvites>;
}

export const firestoreInviteAdmin = (db: Firestore, c: InviteCollections): InviteAdmin => ({
  roster: (now) => inviteRoster(c, now),
  issue: (targets, o) => issueInvites(db, c, targets, o),
});
