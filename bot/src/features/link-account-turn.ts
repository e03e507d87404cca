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
import { birthDateHash } from '../people/birth-date-hash';
import { isActiveRecord, personFromRecord } from '../people/staff-records';
import type { TurnFeature } from '../store/turn-feature';

// Registration at the edge: the invite or the staff record is read in the turn's transaction, so a
// code cannot be used twice, and the link is written against exactly the record that was read.

interface Read {
  invite?: DocumentSnapshot;
  employee?: DocumentSnapshot;
}

const employeeFact = (snap: DocumentSnapshot, userId: string): EmployeeFact => {
  const lineUserId = snap.get('lineUserId') as string | undefined;
  return { ...personFromRecord(snap), linkedToAnother: Boolean(lineUserId && lineUserId !== userId) };
};

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
      const invite = await io.tx.get(io.c.invites.doc(l.code));
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
      const employee = await io.tx.get(io.c.employees.doc(String(invite.get('employeeId'))));
      io.scratch.employee = employee;
      return !isActiveRecord(employee)
        ? { status: 'employeeInactive' }
        : { status: 'ok', employee: employeeFact(employee, io.userId) };
    },
    async employeeByCode(l, io) {
      // whatever was typed: a code no staff record can have matches nobody
      if (!isEmployeeId(l.code)) return { status: 'noMatch' };
      const employee = await io.tx.get(io.c.employees.doc(l.code));
      io.scratch.employee = employee;
      const matches =
        employee.exists &&
        employee.get('birthDateHash') === birthDateHash(io.settings.birthDatePepper, l.code, l.birthDate);
      return !matches
        ? { status: 'noMatch' }
        : employee.get('active') === false
          ? { status: 'employeeInactive' }
          : { status: 'ok', employee: employeeFact(employee, io.userId) };
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
        if (!employee?.exists || employee.id !== effect.employeeId) {
          throw new Error(
            `accountLinked for ${effect.employeeId} without its staff record read in this turn`,
          );
        }
        const person: PersonContext = personFromRecord(employee);
        io.w.set(
          employee.ref,
          { lineUserId: io.userId, lineLinkedAt: io.now, lineLinkedVia: effect.via, lineFollowing: true },
          { merge: true },
        );
        if (effect.via === 'invite' && io.scratch.invite?.exists) {
          io.w.update(io.scratch.invite.ref, { usedBy: io.userId, usedAt: io.now });
        }
        io.conversation.person = person;
        io.person = person;
      },
    },
  },
};
