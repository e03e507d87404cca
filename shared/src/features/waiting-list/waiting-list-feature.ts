import { WAITING_LIST_WORD } from '../../approvals/waiting-work';
import type { ChatFeature } from '../../conversation/feature';
import type { WaitingListFacts, WaitingListLookup } from './waiting-list-edge';
import { type WaitingListState, waitingListFlow } from './waiting-list-flow';

/** Typed or from the supervisor's and executive's rich menu. */
export const waitingListFeature: ChatFeature<WaitingListState, never, WaitingListLookup, WaitingListFacts> = {
  flow: waitingListFlow,
  startWords: [WAITING_LIST_WORD, 'รออนุมัติ', 'งานรอพิจารณา'],
  menuLine: `${WAITING_LIST_WORD}: รายงานและแผนพัฒนาที่รอท่านพิจารณา เรียงจากที่รอนานที่สุด`,
};
