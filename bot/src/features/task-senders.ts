import { bangkokDate, type PostbackSigner } from '@phattana/shared';
import type { CollectionReference } from 'firebase-admin/firestore';
import { createDailyDigest, type DailyDigest } from '../budget/daily-digest-sender';
import { municipalityCollections } from '../municipality-collections';
import { createOnceOnlySender, type OnceOnlySender } from '../reports/once-only-sender';
import type { TaskIo } from '../store/turn-feature';

// What a feature's follow-up task needs to tell people something: the municipality's collections and a
// sender over its notifications log (once per key, through the message budget), built the same way by
// every task instead of each adapter repeating the construction.

/** The collections of the municipality a task names, or of the bot's own. */
export const taskCollections = (io: TaskIo, municipalityId?: string) =>
  municipalityCollections(io.db.collection('municipalities').doc(municipalityId ?? io.municipalityId));

/** Sends each message at most once per key, logged in `notifications`. */
export const taskSender = (
  io: TaskIo,
  signer: PostbackSigner,
  notifications: CollectionReference,
): OnceOnlySender =>
  createOnceOnlySender({
    db: io.db,
    log: notifications,
    line: io.line,
    signer,
    logger: io.logger,
    now: io.clock(),
  });

/** Gathers the same message to many people into multicasts, logged in `notifications`; flush() sends. */
export function taskDigest(
  io: TaskIo,
  signer: PostbackSigner,
  notifications: CollectionReference,
): DailyDigest {
  const now = io.clock();
  return createDailyDigest({
    db: io.db,
    log: notifications,
    line: io.line,
    signer,
    logger: io.logger,
    now,
    today: bangkokDate(now),
  });
}
