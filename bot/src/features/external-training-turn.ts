import type { ExternalTrainingEffect } from '@phattana/shared';
import type { TurnFeature } from '../store/turn-feature';

/** A training reported from chat, stored for HR to verify. */
export const externalTrainingTurn: TurnFeature<ExternalTrainingEffect> = {
  id: 'externalTraining',
  effects: {
    externalTrainingSubmitted: {
      batchable: true,
      write(effect, io) {
        // keyed by the event, so even a retried transaction writes it once
        io.w.create(io.c.externalTrainings.doc(io.eventId), {
          lineUserId: io.userId,
          employeeId: io.person?.employeeId ?? null,
          ...effect.training,
          status: 'pendingVerification',
          submittedAt: io.now,
        });
      },
    },
  },
};
