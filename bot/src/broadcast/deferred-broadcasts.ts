import { type CollectionReference, Timestamp } from 'firebase-admin/firestore';
import { type BroadcastTaskDeps, runBroadcastTask } from './broadcast-tasks';

// HR broadcasts confirmed outside hours wait, queued, with `deferredUntil`; the morning release (its
// own schedule at the opening hour, and the daily job as a safety net) sends those whose time has come.
// Sending is safe to repeat: each batch goes once under its own retry key.

export const deferBroadcast = (broadcasts: CollectionReference) => async (id: string, until: Date) => {
  await broadcasts.doc(id).set({ deferredUntil: Timestamp.fromDate(until) }, { merge: true });
};

export async function sendDeferredBroadcasts(
  broadcasts: CollectionReference,
  d: BroadcastTaskDeps,
): Promise<number> {
  const due = await broadcasts
    .where('status', '==', 'queued')
    .where('deferredUntil', '<=', Timestamp.fromDate(d.clock()))
    .get();
  for (const b of due.docs) await runBroadcastTask({ type: 'broadcastSend', broadcastId: b.id }, d);
  return due.size;
}
