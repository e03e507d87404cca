import type { ChatFeature } from '../../conversation/feature';
import type { RequestEffect, RequestFacts, RequestLookup } from '../../requests/request-edge';
import { type RequestReviewState, requestReviewFlow } from './request-review-flow';

/** An approver's decision on a training request, from the buttons of the card that asks for it. */
export const requestReviewFeature: ChatFeature<
  RequestReviewState,
  RequestEffect,
  RequestLookup,
  RequestFacts
> = {
  flow: requestReviewFlow,
};
