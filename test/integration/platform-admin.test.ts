import {
  addRegionalStaff,
  issueMunicipalityInvites,
  listMunicipalities,
  nameHrAdmins,
  PlatformAdminError,
  setRegion,
} from '@phattana/bot';
import { describe, expect, it } from 'vitest';
import { useTestFirestore } from '../support/firestore';

// The platform administrator's onboarding of a municipality without a developer (what
// `npm run municipality -- list / admins / invites / region / region-staff` call), against the emulator.

const fs = useTestFirestore();
const m = (id: string) => fs.db.collection('municipalities').doc(id);
const now = new Date('2026-12-08T02:00:00Z');

async function seed() {
  await m('banmai').set({ name: 'เทศบาลตำบลบ้านใหม่', province: 'ขอนแก่น', divisions: [] });
  await m('nongbua').set({ name: 'เทศบาลตำบลหนองบัว', province: 'ขอนแก่น', divisions: [] });
  const staff = [
    ['banmai', 'E001', ['staff'], undefined],
    ['banmai', 'E002', ['staff'], `U${'1'.repeat(32)}`],
    ['banmai', 'E003', ['staff'], undefined],
    ['nongbua', 'E001', ['staff', 'hr'], undefined],
  ] as const;
  for (const [mid, id, roles, line] of staff)
    await m(mid)
      .collection('employees')
      .doc(id)
      .set({
        id,
        code: id,
        name: `คน ${mid} ${id}`,
        roles,
        active: true,
        ...(line ? { lineUserId: line } : {}),
      });
}

describe('onboarding a municipality from the command line', () => {
  it('lists municipalities, names HR admins, hands out invite codes indexed for the shared LINE account', async () => {
    await seed();
    const before = await listMunicipalities(fs.db);
    expect(before.find((x) => x.id === 'banmai')).toMatchObject({ staff: 3, linked: 1, hrAdmins: 0 });
    expect(before.find((x) => x.id === 'nongbua')).toMatchObject({ staff: 1, linked: 0, hrAdmins: 1 });

    expect(await nameHrAdmins(fs.db, 'banmai', ['E003'], { by: 'platform', now })).toEqual([
      'คน banmai E003',
    ]);
    expect((await m('banmai').collection('employees').doc('E003').get()).get('roles')).toEqual([
      'staff',
      'hr',
    ]);
    await expect(nameHrAdmins(fs.db, 'banmai', ['E003', 'E404'], { by: 'p', now })).rejects.toThrow(
      'ไม่พบพนักงานที่ยังปฏิบัติงานอยู่: E404',
    );
    await expect(nameHrAdmins(fs.db, 'nowhere', ['E001'], { by: 'p', now })).rejects.toBeInstanceOf(
      PlatformAdminError,
    );

    const issued = await issueMunicipalityInvites(fs.db, 'banmai', 'unlinked', { by: 'platform', now });
    expect(issued.map((p) => p.id).sort()).toEqual(['E001', 'E003']);
    for (const p of issued)
      expect((await fs.db.collection('inviteCodes').doc(p.invite.code).get()).get('municipalityId')).toBe(
        'banmai',
      );
    expect((await listMunicipalities(fs.db)).find((x) => x.id === 'banmai')?.hrAdmins).toBe(1);
  });

  it('sets up a region of existing municipalities and its staff, never a LINE account linked to staff', async () => {
    await seed();
    await expect(
      setRegion(fs.db, { id: 'kk', name: 'สถ.จ.ขอนแก่น', municipalityIds: ['banmai', 'gone'] }),
    ).rejects.toThrow('ไม่พบเทศบาล "gone"');
    await setRegion(fs.db, { id: 'kk', name: 'สถ.จ.ขอนแก่น', municipalityIds: ['banmai', 'nongbua'] });
    const officer = `U${'2'.repeat(32)}`;
    await addRegionalStaff(fs.db, 'kk', officer);
    expect((await fs.db.collection('regions').doc('kk').get()).data()).toMatchObject({
      municipalityIds: ['banmai', 'nongbua'],
      staffLineUserIds: [officer],
    });
    expect((await fs.db.collection('lineUsers').doc(officer).get()).data()).toEqual({ regionId: 'kk' });

    const employee = `U${'3'.repeat(32)}`;
    await fs.db.collection('lineUsers').doc(employee).set({ municipalityId: 'banmai', employeeId: 'E002' });
    await expect(addRegionalStaff(fs.db, 'kk', employee)).rejects.toThrow('เชื่อมกับพนักงานของเทศบาลอยู่แล้ว');
    await expect(addRegionalStaff(fs.db, 'kk', 'not-a-line-id')).rejects.toBeInstanceOf(PlatformAdminError);
  });
});
