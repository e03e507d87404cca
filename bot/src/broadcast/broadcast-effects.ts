import type { Effect, PersonContext } from '@phattana/shared';
import type { CollectionReference, Timestamp } from 'firebase-admin/firestore';
import type { TurnWriter } from '../store/turn-writer';
import type { BroadcastTask } from './broadcast-tasks';
import { actorOf } from './firestore-broadcasts';

// What a turn writes about a reminder broadcast, in the turn's own transaction, and the task that
// follows once it has committed. The confirm writes draft → queued blindly: the HR flow accepts a
// confirm only while it waits for that broadcast and ends with it, and the flow state is read and
// written in the same transaction, so each broadcast is queued at most once.

export type BroadcastEffect = Extract<
  Effect,
  { type: 'broadcastRequested' | 'broadcastConfirmed' | 'broadcastCancelled' }
>;

export function applyBroadcastEffect(
  effect: BroadcastEffect,
  w: Pick<TurnWriter, 'create' | 'set'>,
  broadcasts: CollectionReference,
  input: { userId: string; eventId: string; person?: PersonContext },
  now: Timestamp,
): void {
  const ref = broadcasts.doc(effect.broadcastId);
  const actor = actorOf(input.person, input.userId);
  switch (effect.type) {
    case 'broadcastRequested':
      // create(): the id is the requester and the turn's instant, never reused
      w.create(ref, {
        id: effect.broadcastId,
        status: 'preparing',
        filter: { ...effect.filter },
        today: effect.today,
        requestedBy: actor,
        requestEventId: input.eventId,
        requestedAt: now,
      });
      return;
    case 'broadcastConfirmed':
      w.set(
        ref,
        { status: 'queued', confirmedBy: actor, confirmEventId: input.eventId, confirmedAt: now },
        { merge: true },
      );
      return;
    case 'broadcastCancelled':
      w.set(ref, { status: 'cancelled', cancelledBy: actor, cancelledAt: now }, { merge: true });
      return;
  }
}

/** Work to queue once the turn has committed (off the webhook's 2-second path). */
export function broadcastTasksFor(effects: readonly Effect[]): BroadcastTask[] {
  const tasks: BroadcastTask[] = [];
  for (const e of effects) {
    if (e.type === 'broadcastRequested') tasks.push({ type: 'broadcastPrepare', broadcastId: e.broadcastId });
    if (e.type === 'broadcastConfirmed') tasks.push({ type: 'broadcastSend', broadcastId: e.broadcastId });
  }
  return tasks;
}
