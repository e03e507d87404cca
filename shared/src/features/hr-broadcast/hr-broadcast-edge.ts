import type { BroadcastFilter } from '../../broadcast/broadcast-filter';
import type { IsoDate } from '../../text/thai-date';

export type HrBroadcastEffect =
  /**
   * HR asked for a reminder broadcast: the edge stores the request and, after the commit, prepares the
   * recipient list and pushes HR a preview (nothing is sent yet)
   */
  | {
      readonly type: 'broadcastRequested';
      readonly broadcastId: string;
      readonly filter: BroadcastFilter;
      readonly today: IsoDate;
    }
  /** HR confirmed the previewed broadcast: draft → queued in this turn, then a task sends it */
  | { readonly type: 'broadcastConfirmed'; readonly broadcastId: string; readonly confirmedAt: string }
  | { readonly type: 'broadcastCancelled'; readonly broadcastId: string };
