import type { DataRequestEffect } from '@phattana/shared';
import type { TurnFeature } from '../store/turn-feature';

/** PDPA requests, logged with the date by which they must be answered. */
export const dataRequestTurn: TurnFeature<DataRequestEffect> = {
  id: 'dataRequest',
  effects: {
    dataRequestLogged: {
      batchable: true,
      write(effect, io) {
        io.w.create(io.c.dataRequests.doc(io.eventId), {
          kind: effect.kind,
          lineUserId: io.userId,
          employeeId: io.person?.employeeId ?? null,
          dueBy: effect.dueBy,
          status: 'open',
          requestedAt: io.now,
        });
      },
    },
  },
};
