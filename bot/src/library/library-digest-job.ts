import {
  DEFAULT_QUIET_HOURS,
  digestEntriesFor,
  digestKey,
  digestWeek,
  type LibraryEntry,
  libraryDigestReplies,
  lineReach,
  type PostbackSigner,
} from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import type { LineClient } from '../line/line-client';
import { type StaffSource, staffRecords } from '../people/staff-record-repository';
import {
  createOnceOnlySender,
  noOutcomes,
  type OnceOnlySender,
  type OnceOutcome,
  onceRecipient,
} from '../reports/once-only-sender';
import type { Logger } from '../runtime/logger';
import { isQuietHour, type QuietHours } from '../runtime/quiet-hours';
import { entryFromDoc } from './library-records';

// The weekly library digest (a scheduled job, once a week in the Thai morning): each colleague in the
// same division as the week's newly published entries gets ONE message listing them, unless they turned
// the digest off. Keyed once per (week, person) in the notifications log, so a rerun or a retry sends
// nothing twice; optional priority, so it is the first thing the message budget holds back.

export interface LibraryDigestDeps {
  readonly db: Firestore;
  readonly c: StaffSource & {
    readonly library: CollectionReference;
    readonly notifications: CollectionReference;
  };
  readonly line: LineClient;
  readonly signer: PostbackSigner;
  readonly logger: Logger;
  readonly now: Date;
  readonly liffId?: string;
  readonly quietHours?: QuietHours;
  readonly sender?: OnceOnlySender;
}

export interface LibraryDigestResult {
  readonly skipped?: 'quietHours';
  readonly entries: number;
  readonly people: number;
  readonly optedOut: number;
  readonly messages: Readonly<Record<OnceOutcome, number>>;
}

export async function runLibraryDigest(d: LibraryDigestDeps): Promise<LibraryDigestResult> {
  const messages = noOutcomes();
  if (isQuietHour(d.now, d.quietHours ?? DEFAULT_QUIET_HOURS))
    return { skipped: 'quietHours', entries: 0, people: 0, optedOut: 0, messages };
  const week = digestWeek(d.now);
  // approvals of the last 8 days by instant (the week's dates are judged in Bangkok time)
  const since = new Date(d.now.getTime() - 8 * 86_400_000).toISOString();
  const snap = await d.c.library.where('approvedAt', '>=', since).get();
  const entries: LibraryEntry[] = snap.docs.map(entryFromDoc).filter((e) => e.visibility === 'published');
  const divisions = [...new Set(entries.flatMap((e) => (e.divisionId ? [e.divisionId] : [])))];
  if (divisions.length === 0) return { entries: 0, people: 0, optedOut: 0, messages };
  const sender =
    d.sender ??
    createOnceOnlySender({
      db: d.db,
      log: d.c.notifications,
      line: d.line,
      signer: d.signer,
      logger: d.logger,
      now: d.now,
    });
  let people = 0;
  let optedOut = 0;
  let counted = 0;
  for (const person of await staffRecords(d.c).inDivisions(divisions)) {
    if (!person.active) continue;
    const mine = digestEntriesFor({ employeeId: person.id, divisionId: person.divisionId }, entries, week);
    if (mine.length === 0) continue;
    if (!person.libraryDigest) {
      optedOut++;
      continue;
    }
    people++;
    counted += mine.length;
    const reach = lineReach(person);
    const outcome = await sender.send({
      key: digestKey(week.to, person.id),
      to: onceRecipient(person.id, reach),
      replies: libraryDigestReplies(mine, d.liffId),
      meta: {
        kind: 'libraryDigest',
        entries: mine.map((e) => e.id),
        week: week.to,
        at: Timestamp.fromDate(d.now),
      },
      priority: 'optional',
    });
    messages[outcome]++;
  }
  const result = { entries: entries.length, people, optedOut, messages };
  d.logger.info('jobs.library_digest', { ...result, counted });
  return result;
}
