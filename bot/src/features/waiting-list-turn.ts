import { NOTHING_WAITING, type WaitingListFacts, type WaitingListLookup } from '@phattana/shared';
import { readWaitingWork } from '../approvals/read-waiting-work';
import type { TurnFeature } from '../store/turn-feature';

/** "งานรออนุมัติ": what waits for the talking person, read when they ask. */
export const waitingListTurn: TurnFeature<never, WaitingListLookup, WaitingListFacts> = {
  id: 'waitingList',
  lookups: {
    waitingForMe: async (_lookup, io) =>
      io.person ? readWaitingWork(io.tx, io.c, io.person.employeeId, io.at) : NOTHING_WAITING,
  },
};
