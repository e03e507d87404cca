import { birthDateHash, municipalityCollections, platformCollections } from '@phattana/bot';
import { bangkokDate, nameSortKey, THAI_GOVERNMENT_HOLIDAYS } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import { DEV_BIRTH_DATE_PEPPER } from '../dev-settings';
import { demoEmployees, demoInviteCode } from './demo-municipality';
import { seedDemoStats } from './demo-stats';
import {
  DEMO_REGION_ID,
  demoRegion,
  demoRegionalOfficer,
  SECOND_MUNICIPALITY_ID,
  secondBirthDate,
  secondEmployees,
  secondInviteCode,
  secondMunicipality,
  secondMunicipalityHolidays,
} from './second-municipality';

/**
 * The deployment around the demo municipality: the national holiday list every municipality's own edits
 * sit on, a second municipality, the province office that follows both, and the invite-code index that
 * lets one LINE account register people of either. Fixed ids: safe on every start.
 */
export async function seedPlatform(
  db: Firestore,
  now: Date = new Date(),
): Promise<{ municipalities: number }> {
  const p = platformCollections(db);
  const batch = db.batch();
  for (const h of THAI_GOVERNMENT_HOLIDAYS)
    batch.set(db.collection('nationalHolidays').doc(h.date), { ...h });
  for (const e of demoEmployees)
    batch.set(p.inviteCodes.doc(demoInviteCode(e.code)), { municipalityId: e.municipalityId });

  const m = p.municipalities.doc(SECOND_MUNICIPALITY_ID);
  batch.set(m, secondMunicipality);
  for (const e of secondEmployees) {
    const hash = birthDateHash(DEV_BIRTH_DATE_PEPPER, e.code, secondBirthDate(e.code));
    batch.set(m.collection('employees').doc(e.id), {
      ...e,
      nameSortKey: nameSortKey(e.name),
      birthDateHash: hash,
    });
    batch.set(m.collection('invites').doc(secondInviteCode(e.code)), {
      employeeId: e.id,
      expiresAt: '2099-12-31',
      usedBy: null,
      revoked: false,
      issuedBy: 'seed',
    });
    batch.set(p.inviteCodes.doc(secondInviteCode(e.code)), { municipalityId: SECOND_MUNICIPALITY_ID });
  }
  for (const h of secondMunicipalityHolidays) batch.set(m.collection('holidays').doc(h.date), h);
  batch.set(m.collection('trainings').doc('NS2570-01'), {
    id: 'NS2570-01',
    title: 'การควบคุมงานก่อสร้างถนนคอนกรีต',
    organiser: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดขอนแก่น',
    method: 'training',
    startDate: '2026-11-09',
    endDate: '2026-11-10',
    hours: 12,
    attendees: ['E004', 'E005'],
    seededOn: bangkokDate(now),
  });

  batch.set(p.regions.doc(DEMO_REGION_ID), { ...demoRegion, staffLineUserIds: [demoRegionalOfficer.userId] });
  batch.set(p.lineUsers.doc(demoRegionalOfficer.userId), { regionId: DEMO_REGION_ID });
  await batch.commit();
  await seedDemoStats(db, municipalityCollections(m).municipality, now);
  return { municipalities: 2 };
}
