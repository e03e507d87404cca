import type { PolicyMeeting } from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';

// The monthly policy meetings (standards 1.13) as stored: one document each, with who recorded it.

export interface StoredMeeting extends PolicyMeeting {
  readonly id: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

export async function readMeetings(
  meetings: CollectionReference,
  fiscalYear: number,
): Promise<StoredMeeting[]> {
  const snap = await meetings.where('fiscalYear', '==', fiscalYear).get();
  return snap.docs
    .map((d) => ({ ...(d.data() as Omit<StoredMeeting, 'id'>), id: d.id }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
