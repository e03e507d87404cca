import type { HrBroadcastEffect } from '@phattana/shared';
import { applyBroadcastEffect, broadcastTasksFor } from '../broadcast/broadcast-effects';
import { type BroadcastTask, type BroadcastTaskDeps, runBroadcastTask } from '../broadcast/broadcast-tasks';
import { deferBroadcast } from '../broadcast/deferred-broadcasts';
import { createFirestoreBroadcastStore } from '../broadcast/firestore-broadcasts';
import { noteBroadcastSending } from '../budget/broadcast-sending-notes';
import { readQuota } from '../budget/message-budget';
import type { TaskIo, TurnFeature, WriteIo } from '../store/turn-feature';
import { taskCollections } from './task-senders';

// HR's reminder broadcast: the request, confirm and cancel are written in the turn; preparing the
// recipients and sending run as tasks after the commit.

const write = (effect: HrBroadcastEffect, io: WriteIo<undefined>) =>
  applyBroadcastEffect(effect, io.w, io.c.broadcasts, io, io.now);

/** What preparing and sending need; the morning release of held broadcasts uses the same. */
export function broadcastTaskDeps(io: TaskIo): BroadcastTaskDeps {
  if (!io.signer || !io.calendar) throw new Error('broadcast tasks: no broadcast settings configured');
  const c = taskCollections(io);
  const store = createFirestoreBroadcastStore(io.db, {
    municipality: c.municipality,
    broadcasts: c.broadcasts,
    hoursTotals: c.hoursTotals,
  });
  return {
    store,
    line: io.line,
    signer: io.signer,
    logger: io.logger,
    clock: io.clock,
    calendar: io.calendar,
    // the preview says when it goes out, its cost against this month's quota, who was just reminded
    notes: (broadcastId, now) =>
      noteBroadcastSending({
        broadcasts: c.broadcasts,
        notifications: c.notifications,
        budget: { reading: () => readQuota(io.line, now) },
        broadcastId,
        now,
      }),
    // confirmed outside hours: kept queued for the 08:00 release
    defer: deferBroadcast(c.broadcasts),
  };
}

const run = (task: BroadcastTask, io: TaskIo) => runBroadcastTask(task, broadcastTaskDeps(io));

export const hrBroadcastTurn: TurnFeature<HrBroadcastEffect, never, unknown, BroadcastTask> = {
  id: 'hrBroadcast',
  effects: {
    broadcastRequested: { write },
    broadcastConfirmed: { write },
    broadcastCancelled: { write },
  },
  tasksFor: (effect) => broadcastTasksFor([effect]),
  tasks: { broadcastPrepare: run, broadcastSend: run },
};
