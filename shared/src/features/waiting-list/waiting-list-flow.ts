import { NOTHING_WAITING, waitingListReplies } from '../../approvals/waiting-work';
import type { Flow } from '../../conversation/flow';
import type { WaitingListFacts, WaitingListLookup } from './waiting-list-edge';

export interface WaitingListState {
  readonly flow: 'waitingList';
}

// "งานรออนุมัติ": a supervisor's or executive's list of what waits for their sign-off, oldest first,
// each with its buttons (reports: approve / return / read in full; IDPs: open the plan). One turn: the
// list is read from stored data at the start and the buttons start the review flow.
export const waitingListFlow: Flow<WaitingListState, never, WaitingListLookup, WaitingListFacts> = {
  id: 'waitingList',
  title: 'งานรออนุมัติ',
  needsPerson: true,
  lookups: () => [{ type: 'waitingForMe' }],
  start(now, ctx) {
    return {
      state: null,
      replies: waitingListReplies(ctx.facts?.waitingForMe ?? NOTHING_WAITING, now, ctx.liffId),
    };
  },
  step(_state, _event, now, ctx) {
    return this.start(now, ctx);
  },
  prompt: () => [],
};
