import type { HrBroadcastEffect } from '@phattana/shared';
import { applyBroadcastEffect, broadcastTasksFor } from '../broadcast/broadcast-effects';
import { type BroadcastTask, runBroadcastTask } from '../broadcast/broadcast-tasks';
import { createFirestoreBroadcastStore } from '../broadcast/firestore-broadcasts';
import { municipalityCollections } from '../municipality-collections';
import type { TaskIo, TurnFeature, WriteIo } from '../store/turn-feature';

// HR's reminder broadcast: the request, confirm and cancel are written in the turn; preparing the
// recipients and sending run as tasks after the commit.

const write = (effect: HrBroadcastEffect, io: WriteIo<undefined>) =>
  applyBroadcastEffect(effect, io.w, io.c.broadcasts, io, io.now);

const run = async (task: BroadcastTask, io: TaskIo) => {
  if (!io.signer || !io.calendar) throw new Error(`${task.type}: no broadcast settings configured`);
  const c = municipalityCollections(io.db.collection('municipalities').doc(io.municipalityId));
  const store = createFirestoreBroadcastStore(io.db, {
    municipality: c.municipality,
    broadcasts: c.broadcasts,
    employees: c.employees,
    reports: c.reports,
    hoursTotals: c.hoursTotals,
  });
  await runBroadcastTask(task, {
    store,
    line: io.line,
    signer: io.signer,
    logger: io.logger,
    clock: io.clock,
    calendar: io.calendar,
  });
};

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
