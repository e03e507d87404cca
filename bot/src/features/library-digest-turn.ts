import type { LibraryDigestChoiceEffect } from '@phattana/shared';
import type { TurnFeature } from '../store/turn-feature';

/** The weekly library digest turned off (or on) in chat: a blind merge on the person's staff record. */
export const libraryDigestTurn: TurnFeature<LibraryDigestChoiceEffect> = {
  id: 'libraryDigest',
  effects: {
    libraryDigestChoice: {
      batchable: true,
      write: (e, io) =>
        io.w.set(io.c.employees.doc(e.employeeId), { libraryDigest: e.digest }, { merge: true }),
    },
  },
};
