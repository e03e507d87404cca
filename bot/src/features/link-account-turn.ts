import {
  type EmployeeFact,
  isEmployeeId,
  isFirestoreDocId,
  isInviteUsable,
  type LinkAccountEffect,
  type LinkAccountFacts,
  type LinkAccountLookup,
  type PersonContext,
} from '@phattana/shared';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import { indexStaffWrite } from '../owing/owing-writes';
import { birthDateHash } from '../people/birth-date-hash';
import {
  type LocatedStaffRecord,
  personFromStaff,
  type StaffRecord,
  staffByBirthDateHash,
  staffRecords,
  staffSourceOf,
} from '../people/staff-record-repository';
import { indexLineUser } from '../platform/line-user-index';
import { platformCollections } from '../platform/platform-collections';
import type { ReadIo, TurnFeature } from '../store/turn-feature';

// Registration at the edge: the invite or the staff record is read in the turn's transaction, so a
// code cannot be used twice, and the link is written against exactly the record that was read.
// One deployment may serve many municipalities: a person not yet linked is found in any of them (an
// invite code through the deployment-wide `inviteCodes` index, an employee code + birth date by its
// keyed hash), and the link writes `lineUsers/{userId}` so their next events go to their municipality.

interface Read {
  invite?: DocumentSnapshot;
  employee?: LocatedStaffRecord;
}

const employeeFact = (r: StaffRecord, userId: string): EmployeeFact => ({
  ...personFromStaff(r),
  linkedToAnother: Boolean(r.lineUserId && r.lineUserId !== userId),
});

export const linkAccountTurn: TurnFeature<
  LinkAccountEffect,
  LinkAccountLookup,
  LinkAccountFacts,
  never,
  Read
> = {
  id: 'linkAccount',
  scratch: () => ({}),
  lookups: {
    async invite(l, io) {
      if (!isFirestoreDocId(l.code)) return { status: 'notFound' };
      const invite = await readInvite(l.code, io);
      io.scratch.invite = invite;
      if (!invite.exists) return { status: 'notFound' };
      const usable = isInviteUsable(
        {
          code: invite.id,
          employeeId: String(invite.get('employeeId')),
          expiresAt: String(invite.get('expiresAt')),
          usedBy: invite.get('usedBy') as string | undefined,
          revoked: invite.get('revoked') as boolean | undefined,
        },
        io.at,
      );
      if (usable !== 'ok') return { status: usable };
      // the staff record of the invite's own municipality (the invite's parent)
      const owner = invite.ref.parent.parent;
      const employee = await staffRecords(owner ? staffSourceOf(owner) : io.c).located(
        String(invite.get('employeeId')),
        { tx: io.tx },
      );
      if (employee) io.scratch.employee = employee;
      return !employee?.record.active
        ? { status: 'employeeInactive' }
        : { status: 'ok', employee: employeeFact(employee.record, io.userId) };
    },
    async employeeByCode(l, io) {
      // whatever was typed: a code no staff record can have matches nobody
      if (!isEmployeeId(l.code)) return { status: 'noMatch' };
      const hash = birthDateHash(io.settings.birthDatePepper, l.code, l.birthDate);
      // employee codes repeat across municipalities: code and birth date together (the keyed hash) say
      // whose record it is, in this municipality or any other of the deployment
      const [own, anywhere] = await Promise.all([
        staffRecords(io.c).located(l.code, { tx: io.tx }),
        staffByBirthDateHash(io.c.municipality.firestore, hash, io.tx),
      ]);
      const candidates = new Map<string, LocatedStaffRecord>();
      if (own?.record.birthDateHash === hash) candidates.set(own.ref.path, own);
      for (const d of anywhere) if (d.record.id === l.code) candidates.set(d.ref.path, d);
      if (candidates.size > 1) return { status: 'ambiguous' };
      const employee = [...candidates.values()][0] ?? own;
      if (employee) io.scratch.employee = employee;
      return employee?.record.birthDateHash !== hash
        ? { status: 'noMatch' }
        : !employee.record.active
          ? { status: 'employeeInactive' }
          : { status: 'ok', employee: employeeFact(employee.record, io.userId) };
    },
  },
  effects: {
    consentRecorded: {
      batchable: true,
      write(effect, io) {
        io.conversation.consent = effect.consent;
      },
    },
    accountLinked: {
      write(effect, io) {
        const employee = io.scratch.employee;
        if (!employee || employee.record.id !== effect.employeeId) {
          throw new Error(
            `accountLinked for ${effect.employeeId} without its staff record read in this turn`,
          );
        }
        const person: PersonContext = personFromStaff(employee.record);
        const linked = {
          lineUserId: io.userId,
          lineLinkedAt: io.now,
          lineLinkedVia: effect.via,
          lineFollowing: true,
        };
        io.w.set(employee.ref, linked, { merge: true });
        indexStaffWrite(io.w, employee.ref, linked);
        if (effect.via === 'invite' && io.scratch.invite?.exists) {
          io.w.update(io.scratch.invite.ref, { usedBy: io.userId, usedAt: io.now });
        }
        indexLineUser(io.w, io.c.municipality.firestore, io.userId, employee.ref, io.now);
        io.conversation.person = person;
        io.person = person;
      },
    },
  },
};

/**
 * The invite in this bot's municipality, or in the one the deployment-wide index names for the code
 * (read in the turn's transaction like the invite itself).
 */
async function readInvite(code: string, io: ReadIo<Read>): Promise<DocumentSnapshot> {
  const own = await io.tx.get(io.c.invites.doc(code));
  if (own.exists) return own;
  const p = platformCollections(io.c.municipality.firestore);
  const municipalityId = (await io.tx.get(p.inviteCodes.doc(code))).get('municipalityId') as unknown;
  if (
    typeof municipalityId !== 'string' ||
    !isFirestoreDocId(municipalityId) ||
    municipalityId === io.c.municipality.id
  )
    return own;
  return io.tx.get(p.municipalities.doc(municipalityId).collection('invites').doc(code));
}
