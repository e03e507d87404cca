import { isQuietHour, nextSendingTime, type QuietHours } from '@phattana/shared';
import { type CollectionReference, FieldValue, Timestamp } from 'firebase-admin/firestore';
import { MessageHeldBackError } from '../budget/budget-gate';
import type { LineClient } from '../line/line-client';
import type { Logger } from '../runtime/logger';
import type { PushTask } from '../runtime/task-queue';
import { EXPIRE_AT, expireAt, KEEP_DAYS } from '../store/expire-at';

// Notices pushed to someone who did not just write (the next approver, an IDP sign-off, a returned
// report) follow the one quiet-hours rule: one that comes up at night is kept, one document per push
// (keyed by its retry key, so a redelivered event keeps it once), and released at the opening hour by
// the same morning release as HR broadcasts. Replies to the person who wrote are never held.

/** Sends the notice now, or keeps it for the opening hour; true when it was kept. */
export async function holdNoticeIfQuiet(
  held: CollectionReference,
  task: PushTask,
  now: Date,
  quiet?: QuietHours,
): Promise<boolean> {
  if (!isQuietHour(now, quiet)) return false;
  const ref = held.doc(task.retryKey);
  await held.firestore.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (snap.exists) return; // kept already (a retried task): once
    tx.set(ref, {
      to: task.to,
      messages: JSON.parse(JSON.stringify(task.messages)),
      retryKey: task.retryKey,
      status: 'held',
      heldAt: Timestamp.fromDate(now),
      releaseAt: Timestamp.fromDate(nextSendingTime(now, quiet)),
      // it holds what the notice says (names, a report's title): deleted by Firestore's TTL
      [EXPIRE_AT]: expireAt(now, KEEP_DAYS.heldNotice),
    });
  });
  return true;
}

/** The morning release: pushes every kept notice whose time has come, once each. */
export async function releaseHeldNotices(
  held: CollectionReference,
  line: Pick<LineClient, 'push'>,
  now: Date,
  logger: Logger,
): Promise<number> {
  const due = await held.where('releaseAt', '<=', Timestamp.fromDate(now)).get();
  let sent = 0;
  for (const doc of due.docs) {
    // claimed in a transaction: two releases at once (the schedule and the daily job) push it once
    const mine = await held.firestore.runTransaction(async (tx) => {
      const snap = await tx.get(doc.ref);
      if (snap.get('status') !== 'held') return false;
      tx.update(doc.ref, { status: 'sending' });
      return true;
    });
    if (!mine) continue;
    const retryKey = String(doc.get('retryKey'));
    try {
      await line.push(
        String(doc.get('to')),
        doc.get('messages') as Parameters<LineClient['push']>[1],
        retryKey,
        { purpose: 'notice', key: retryKey },
      );
      // out of the release's query once sent; the record stays
      await doc.ref.update({
        status: 'sent',
        sentAt: Timestamp.fromDate(now),
        releaseAt: FieldValue.delete(),
      });
      sent++;
    } catch (err) {
      const heldBack = err instanceof MessageHeldBackError;
      logger.warn('notice.release_failed', { retryKey, err: (err as Error).message });
      // the budget kept it back (recorded there); anything else is tried again at the next release
      await doc.ref.update(
        heldBack
          ? { status: 'heldBack', reason: err.reason, releaseAt: FieldValue.delete() }
          : { status: 'held' },
      );
    }
  }
  return sent;
}
