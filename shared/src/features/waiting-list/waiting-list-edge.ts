import type { WaitingWork } from '../../approvals/waiting-work';

/** what waits for the talking person: reports and IDPs to sign, their own reports and surveys */
export interface WaitingListLookup {
  readonly type: 'waitingForMe';
}

export interface WaitingListFacts {
  readonly waitingForMe?: WaitingWork;
}
