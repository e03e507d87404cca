import { type BroadcastSendingNotes, isQuietHour, type QuietHours, sendsAtFor } from '@phattana/shared';
import { type CollectionReference, Timestamp } from 'firebase-admin/firestore';
import type { BatchRecord } from '../broadcast/broadcast-records';
import type { MessageBudget } from './message-budget';

// Written on a prepared broadcast (field `sending`) so the chat card and the LIFF page say the same:
// when it goes out, its cost against what is left this month, and how many of its people were already
// reminded in the last 24 hours (by another HR broadcast or by the morning reminders).

const DAY_MS = 86_400_000;
const REPORT_REMINDERS = new Set(['opened', 'dueIn3', 'dueIn1', 'dueToday', 'overdue']);

export async function noteBroadcastSending(d: {
  broadcasts: CollectionReference;
  notifications: CollectionReference;
  budget?: Pick<MessageBudget, 'reading'>;
  broadcastId: string;
  now: Date;
  quietHours?: QuietHours;
}): Promise<BroadcastSendingNotes> {
  const ref = d.broadcasts.doc(d.broadcastId);
  const batches = (await ref.collection('batches').get()).docs.map((x) => x.data() as BatchRecord);
  const people = new Set(batches.flatMap((b) => b.employeeIds));
  const cost = batches.reduce((n, b) => n + b.lineUserIds.length, 0);
  const since = Timestamp.fromMillis(d.now.getTime() - DAY_MS);

  const reminded = new Set<string>();
  const [earlier, notices] = await Promise.all([
    d.broadcasts.where('sendStartedAt', '>=', since).get(),
    d.notifications.where('sentAt', '>=', since).get(),
  ]);
  for (const b of earlier.docs) {
    if (b.id === d.broadcastId) continue;
    const sent = await b.ref.collection('batches').where('status', '==', 'sent').get();
    for (const batch of sent.docs)
      for (const id of (batch.get('employeeIds') as string[] | undefined) ?? [])
        if (people.has(id)) reminded.add(id);
  }
  for (const n of notices.docs) {
    const id = n.get('employeeId') as string | undefined;
    if (id && people.has(id) && REPORT_REMINDERS.has(String(n.get('kind')))) reminded.add(id);
  }

  // LINE's figures unreadable: the preview says the cost without what is left
  const reading = await d.budget?.reading().catch(() => undefined);
  const remaining = reading && reading.limit !== null ? Math.max(0, reading.limit - reading.used) : null;
  const notes: BroadcastSendingNotes = {
    sendsAt: sendsAtFor(isQuietHour(d.now, d.quietHours), d.quietHours),
    cost,
    remaining,
    remindedWithinDay: reminded.size,
  };
  await ref.set({ sending: notes }, { merge: true });
  return notes;
}
