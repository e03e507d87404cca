import type { Reply } from '../conversation/reply';

/**
 * Tell another member of staff (e.g. the next approver) by push after the turn commits; `key` makes
 * the push's retry key, so a retried turn never notifies twice. Any feature may ask for it.
 */
export interface NotifyEmployeeEffect {
  readonly type: 'notifyEmployee';
  readonly employeeId: string;
  readonly replies: readonly Reply[];
  readonly key: string;
}
