import {
  isFirestoreDocId,
  isLineUserId,
  type MunicipalityOverview,
  type RosterPerson,
} from '@phattana/shared';

export type { MunicipalityOverview } from '@phattana/shared';

import { FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { municipalityCollections } from '../municipality-collections';
import { inviteRoster, inviteTargets, issueInvites } from '../people/invite-roster';
import { staffRecords, staffSourceOf } from '../people/staff-record-repository';
import { platformCollections } from './platform-collections';

// What the platform's administrator does without a developer (the CLI `npm run municipality -- …`):
// see every municipality of the deployment, name a municipality's HR admins, hand out its invite codes,
// and set up a region with its staff. Creating the municipality and importing its staff are the
// existing `municipality init` and `employees:import`.

export class PlatformAdminError extends Error {
  override readonly name = 'PlatformAdminError';
}

/** Every municipality with its staff, linked and HR counts (count queries: no staff record is read). */
export async function listMunicipalities(db: Firestore): Promise<MunicipalityOverview[]> {
  const p = platformCollections(db);
  const snaps = await p.municipalities.get();
  return Promise.all(
    snaps.docs.map(async (m) => {
      const { staff, linked, hr } = await staffRecords(staffSourceOf(m.ref)).counts();
      return {
        id: m.id,
        name: String(m.get('name') ?? m.id),
        province: String(m.get('province') ?? ''),
        staff,
        linked,
        hrAdmins: hr,
      };
    }),
  );
}

const existing = async (db: Firestore, municipalityId: string) => {
  if (!isFirestoreDocId(municipalityId))
    throw new PlatformAdminError(`รหัสเทศบาล "${municipalityId}" ไม่ถูกต้อง`);
  const ref = platformCollections(db).municipalities.doc(municipalityId);
  if (!(await ref.get()).exists)
    throw new PlatformAdminError(`ไม่พบเทศบาล "${municipalityId}" — สร้างก่อนด้วย npm run municipality -- init`);
  return municipalityCollections(ref);
};

/** Gives these staff members the HR role (on top of theirs); all or nothing. */
export async function nameHrAdmins(
  db: Firestore,
  municipalityId: string,
  employeeIds: readonly string[],
  o: { by: string; now: Date },
): Promise<string[]> {
  const c = await existing(db, municipalityId);
  if (employeeIds.length === 0) throw new PlatformAdminError('กรุณาระบุรหัสพนักงานอย่างน้อยหนึ่งคน');
  return db.runTransaction(async (tx) => {
    const bad = employeeIds.find((id) => !isFirestoreDocId(id));
    if (bad !== undefined) throw new PlatformAdminError(`รหัสพนักงาน "${bad}" ไม่ถูกต้อง`);
    const staff = staffRecords(c);
    const found = await Promise.all(employeeIds.map((id) => staff.located(id, { tx })));
    const missing = employeeIds.filter((_, i) => !found[i]?.record.active);
    if (missing.length > 0)
      throw new PlatformAdminError(`ไม่พบพนักงานที่ยังปฏิบัติงานอยู่: ${missing.join(', ')} (นำเข้ารายชื่อพนักงานก่อน)`);
    for (const f of found)
      if (f)
        tx.update(f.ref, {
          roles: FieldValue.arrayUnion('hr'),
          rolesChangedBy: o.by,
          rolesChangedAt: Timestamp.fromDate(o.now),
        });
    return found.map((f, i) => f?.record.name || (employeeIds[i] as string));
  });
}

/** Invite codes for one person or everyone not yet linked; each reissue revokes the older code. */
export async function issueMunicipalityInvites(
  db: Firestore,
  municipalityId: string,
  scope: { employeeId: string } | 'unlinked',
  o: { by: string; now: Date; days?: number },
): Promise<Array<RosterPerson & { invite: { code: string; expiresAt: string } }>> {
  const c = await existing(db, municipalityId);
  const { people } = await inviteRoster(c, o.now);
  const targets = inviteTargets(
    people,
    scope === 'unlinked' ? { kind: 'unlinked' } : { kind: 'person', employeeId: scope.employeeId },
  );
  if (targets.length === 0)
    throw new PlatformAdminError(
      scope === 'unlinked' ? 'ทุกคนเชื่อม LINE แล้ว ไม่มีใครต้องได้รหัสเชิญ' : `ไม่พบพนักงานรหัส ${scope.employeeId}`,
    );
  return issueInvites(db, c, targets, { now: o.now, issuedBy: o.by, days: o.days });
}

/** Creates or updates a region (province office, league, the DLA) and the municipalities it follows. */
export async function setRegion(
  db: Firestore,
  o: { id: string; name: string; municipalityIds: readonly string[] },
): Promise<void> {
  if (!isFirestoreDocId(o.id)) throw new PlatformAdminError(`รหัสภูมิภาค "${o.id}" ไม่ถูกต้อง`);
  if (!o.name.trim())
    throw new PlatformAdminError('กรุณาระบุชื่อหน่วยงาน เช่น สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น');
  for (const id of o.municipalityIds) await existing(db, id);
  await platformCollections(db)
    .regions.doc(o.id)
    .set({ name: o.name.trim(), municipalityIds: [...new Set(o.municipalityIds)] }, { merge: true });
}

/** A LINE user becomes the region's staff: they see its page (aggregates only) in LIFF. */
export async function addRegionalStaff(db: Firestore, regionId: string, lineUserId: string): Promise<void> {
  if (!isLineUserId(lineUserId))
    throw new PlatformAdminError('LINE user id ต้องขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 ตัว');
  const p = platformCollections(db);
  await db.runTransaction(async (tx) => {
    const [region, home] = await Promise.all([
      tx.get(p.regions.doc(regionId)),
      tx.get(p.lineUsers.doc(lineUserId)),
    ]);
    if (!region.exists) throw new PlatformAdminError(`ไม่พบภูมิภาค "${regionId}" — สร้างก่อนด้วย region --id`);
    if (home.get('municipalityId'))
      throw new PlatformAdminError('บัญชี LINE นี้เชื่อมกับพนักงานของเทศบาลอยู่แล้ว กรุณาใช้บัญชีอื่นหรือยกเลิกการเชื่อมก่อน');
    tx.update(region.ref, { staffLineUserIds: FieldValue.arrayUnion(lineUserId) });
    tx.set(home.ref, { regionId });
  });
}

/** A LINE user becomes the deployment's administrator (LIFF /platform); never someone's staff account. */
export async function addPlatformAdmin(db: Firestore, lineUserId: string): Promise<void> {
  if (!isLineUserId(lineUserId))
    throw new PlatformAdminError('LINE user id ต้องขึ้นต้นด้วย U ตามด้วยเลขฐานสิบหก 32 ตัว');
  const ref = platformCollections(db).lineUsers.doc(lineUserId);
  await db.runTransaction(async (tx) => {
    const home = await tx.get(ref);
    if (home.get('municipalityId'))
      throw new PlatformAdminError('บัญชี LINE นี้เชื่อมกับพนักงานของเทศบาลอยู่แล้ว กรุณาใช้บัญชีอื่น');
    tx.set(ref, { platformAdmin: true }, { merge: true });
  });
}
