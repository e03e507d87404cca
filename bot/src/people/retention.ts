import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import type { MunicipalityCollections } from '../municipality-collections';
import { indexStaffWrite } from '../owing/owing-writes';
import type { Logger } from '../runtime/logger';
import { type LocatedStaffRecord, type StaffSource, staffRecords } from './staff-record-repository';

// PDPA retention, as the privacy notice promises (shared/src/people/privacy-notice.ts, "ระยะเวลาเก็บ"):
// records are kept while someone works for the municipality and RETENTION_YEARS after they leave; then
// what identifies them on LINE is deleted. Their training history (reports, hours) is an official record
// kept under the government's records rules, so it stays, under the staff record's name and code.
//
// Deleted for each person gone longer than that: the LINE link (LINE user id, following flag), the
// conversation with the bot (its state and the consent record), the birth-date hash that linking
// compares, unused invite codes and unfinished survey drafts. The staff record is marked `anonymisedAt`.
//
// When someone left is not in the staff import: the first run that sees a person inactive starts their
// clock (`leftAt`); an import that makes them active again removes it.

export interface RetentionDeps {
  db: Firestore;
  c: StaffSource & Pick<MunicipalityCollections, 'invites' | 'surveyDrafts'>;
  /** conversations/{lineUserId}: the chat state and consent, outside the municipality */
  conversations: CollectionReference;
  retentionYears: number;
  logger: Logger;
}

export interface RetentionResult {
  /** people seen inactive for the first time: their clock started now */
  clocksStarted: number;
  /** people whose LINE data was deleted in this run */
  anonymised: number;
}

export async function enforceRetention(d: RetentionDeps, now: Date): Promise<RetentionResult> {
  if (!Number.isInteger(d.retentionYears) || d.retentionYears < 1)
    throw new RangeError(`RETENTION_YEARS must be a whole number of years, got ${d.retentionYears}`);
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - d.retentionYears);
  const gone = await staffRecords(d.c).left();
  const result: RetentionResult = { clocksStarted: 0, anonymised: 0 };
  for (const person of gone) {
    if (person.anonymised) continue;
    if (!person.leftAt) {
      await person.ref.update({ leftAt: Timestamp.fromDate(now) });
      result.clocksStarted++;
      continue;
    }
    if (person.leftAt > cutoff) continue;
    await anonymise(d, person, now);
    result.anonymised++;
  }
  if (result.anonymised > 0 || result.clocksStarted > 0) d.logger.info('retention.run', { ...result });
  return result;
}

async function anonymise(d: RetentionDeps, { record, ref }: LocatedStaffRecord, now: Date) {
  const { id: employeeId, lineUserId } = record;
  const [invites, drafts] = await Promise.all([
    d.c.invites.where('employeeId', '==', employeeId).get(),
    d.c.surveyDrafts.where('employeeId', '==', employeeId).get(),
  ]);
  const batch = d.db.batch();
  for (const doc of [...invites.docs, ...drafts.docs]) batch.delete(doc.ref);
  if (lineUserId) batch.delete(d.conversations.doc(lineUserId));
  const anonymised = {
    lineUserId: FieldValue.delete(),
    lineFollowing: FieldValue.delete(),
    birthDateHash: FieldValue.delete(),
    anonymisedAt: Timestamp.fromDate(now),
  };
  batch.update(ref, anonymised);
  indexStaffWrite(batch, ref, anonymised);
  await batch.commit();
}
