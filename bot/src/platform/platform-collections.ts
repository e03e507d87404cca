import type { Firestore } from 'firebase-admin/firestore';

/**
 * The deployment-wide collections above the municipalities: one LINE Official Account and one Firebase
 * project serve many municipalities, and these say which one a LINE user or an invite code belongs to.
 */
export function platformCollections(db: Firestore) {
  return {
    municipalities: db.collection('municipalities'),
    /** `lineUsers/{LINE userId}` → `{ municipalityId, employeeId }`, written in the linking transaction */
    lineUsers: db.collection('lineUsers'),
    /** `inviteCodes/{code}` → `{ municipalityId }`: an invite code is unique across the deployment */
    inviteCodes: db.collection('inviteCodes'),
    /** `regions/{id}`: a province office, league or the DLA, with its member municipalities and staff */
    regions: db.collection('regions'),
  };
}

export type PlatformCollections = ReturnType<typeof platformCollections>;
