import {
  type EvidenceItemId,
  type EvidencePack,
  fiveSPack,
  isAutoId,
  meetingsPack,
  needsSurveyPack,
  type PolicyMeeting,
  planResultsPack,
  reportsPack,
  teamworkPack,
} from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';
import type { MunicipalityCollections } from '../municipality-collections';
import { readDashboard } from '../stats/dashboard-data';
import { readReportRows, readSurveyRows, readTeamworkGoals } from './evidence-rows';
import { readMeetings, type StoredMeeting } from './policy-meeting-docs';

// HR's assessment evidence as the routes (api/evidence-routes.ts) use it: the policy meetings HR records
// (standards 1.13) and one pack per assessment item from the rows behind it. The routes only translate
// HTTP (and turn a pack into a workbook).

/** What the evidence routes need; the routes' unit tests give an in-memory one. */
export interface EvidenceAdmin {
  meetings(fiscalYear: number): Promise<StoredMeeting[]>;
  /** stores a checked meeting with who recorded it; its new id */
  recordMeeting(meeting: PolicyMeeting, by: { name: string }, now: Date): Promise<string>;
  /** false when there is no such meeting (nothing deleted) */
  deleteMeeting(id: string): Promise<boolean>;
  pack(item: EvidenceItemId, fiscalYear: number, now: Date): Promise<EvidencePack>;
}

export function firestoreEvidenceAdmin(db: Firestore, c: MunicipalityCollections): EvidenceAdmin {
  return {
    meetings: (fy) => readMeetings(c.policyMeetings, fy),
    async recordMeeting(meeting, by, now) {
      const ref = c.policyMeetings.doc();
      await ref.set({ ...meeting, recordedBy: by.name, recordedAt: now.toISOString() });
      return ref.id;
    },
    async deleteMeeting(id) {
      const ref = isAutoId(id) ? c.policyMeetings.doc(id) : undefined;
      if (!ref || !(await ref.get()).exists) return false;
      await ref.delete();
      return true;
    },
    async pack(item, fy, now) {
      if (item === '1.13') return meetingsPack(fy, await readMeetings(c.policyMeetings, fy));
      if (item === 'lpa-27') return reportsPack(fy, await readReportRows(c, fy));
      if (item === '1.22') return teamworkPack(fy, await readTeamworkGoals(c.idps, fy));
      // the dashboard's own figures, so the pack and the dashboard never disagree
      if (item === 'ita-038') return planResultsPack(await readDashboard(db, c, fy, now));
      const surveys = await readSurveyRows(c.surveys, fy);
      return item === 'lpa-26'
        ? needsSurveyPack(
            fy,
            surveys.filter((s) => s.kind === 'trainingNeeds'),
          )
        : fiveSPack(
            fy,
            surveys.filter((s) => s.kind === 'fiveS' || s.kind === 'satisfaction'),
          );
    },
  };
}
