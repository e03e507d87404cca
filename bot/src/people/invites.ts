import { randomBytes } from 'node:crypto';
import { addDays, bangkokDate, generateInviteCode, INVITE_CODE_MIN_RANDOM_BYTES } from '@phattana/shared';
import { type CollectionReference, FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { indexStaffWrite } from '../owing/owing-writes';
import { municipalityIdOf } from '../platform/line-user-index';
import { platformCollections } from '../platform/platform-collections';
import { type StaffSource, staffRecords } from './staff-record-repository';

export class EmployeeNotFoundError extends Error {
  override readonly name = 'EmployeeNotFoundError';
}

/**
 * HR issues a one-time invite for one staff record. It works through `days` whole days in Thailand.
 * A new invite for the same person revokes their older unused ones, so only the latest slip works.
 */
export async function issueInvite(
  db: Firestore,
  c: StaffSource & { invites: CollectionReference },
  o: { employeeId: string; now: Date; days?: number; issuedBy: string },
): Promise<{ code: string; expiresAt: string }> {
  const code = generateInviteCode(randomBytes(INVITE_CODE_MIN_RANDOM_BYTES));
  const expiresAt = addDays(bangkokDate(o.now), o.days ?? 14);
  await db.runTransaction(async (tx) => {
    const employee = await staffRecords(c).byId(o.employeeId, { tx });
    if (!employee) throw new EmployeeNotFoundError(`ไม่พบพนักงานรหัส ${o.employeeId}`);
    const older = await tx.get(c.invites.where('employeeId', '==', o.employeeId).where('usedBy', '==', null));
    for (const doc of older.docs) tx.update(doc.ref, { revoked: true });
    tx.create(c.invites.doc(code), {
      employeeId: o.employeeId,
      expiresAt,
      usedBy: null,
      revoked: false,
      issuedBy: o.issuedBy,
      issuedAt: Timestamp.fromDate(o.now),
    });
    // one LINE account serves every municipality of the deployment: the code says which one it is
    // (`create` fails the transaction on the rare clash with another municipality's code)
    tx.create(platformCollections(db).inviteCodes.doc(code), {
      municipalityId: municipalityIdOf(c.invites.doc(code)),
    });
  });
  return { code, expiresAt };
}

/**
 * HR unlinks a LINE account from a staff record (lost phone, wrong person). The training history stays
 * with the staff record; the LINE side forgets the person, so the next message starts registration.
 */
export async function unlinkEmployee(
  db: Firestore,
  c: StaffSource & { conversations: CollectionReference },
  o: { employeeId: string; now: Date; by: string },
): Promise<{ lineUserId?: string }> {
  return db.runTransaction(async (tx) => {
    const employee = await staffRecords(c).located(o.employeeId, { tx });
    if (!employee) throw new EmployeeNotFoundError(`ไม่พบพนักงานรหัส ${o.employeeId}`);
    const { ref } = employee;
    const { lineUserId } = employee.record;
    const unlinked = {
      lineUserId: FieldValue.delete(),
      lineFollowing: FieldValue.delete(),
      lineUnlinkedAt: Timestamp.fromDate(o.now),
      lineUnlinkedBy: o.by,
    };
    tx.update(ref, unlinked);
    indexStaffWrite(tx, ref, unlinked);
    if (lineUserId) tx.delete(platformCollections(db).lineUsers.doc(lineUserId));
    if (lineUserId)
      tx.set(
        c.conversations.doc(lineUserId),
        { person: FieldValue.delete(), state: { flow: null, turn: 0 } },
        { merge: true },
      );
    return { lineUserId };
  });
}
