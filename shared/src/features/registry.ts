import type { TurnContext as KernelContext } from '../conversation/context';
import type { EffectOf, FactsOf, LookupOf, StateOf } from '../conversation/feature';
import type { ConversationState as KernelState } from '../conversation/state';
import { createConversation, type TurnResult as KernelTurnResult } from '../conversation/step';
import { dataRequestFeature } from './data-request/data-request-feature';
import { ethicsQuizFeature } from './ethics-quiz/ethics-quiz-feature';
import { externalTrainingFeature } from './external-training/external-training-feature';
import { hrBroadcastFeature } from './hr-broadcast/hr-broadcast-feature';
import { libraryDigestFeature } from './library-digest/library-digest-feature';
import { linkAccountFeature } from './link-account/link-account-feature';
import { reportReviewFeature } from './report-review/report-review-feature';
import { requestReviewFeature } from './request-review/request-review-feature';
import { surveyAnswerFeature } from './survey-answer/survey-answer-feature';
import { trainingReportFeature } from './training-report/training-report-feature';
import { trainingRequestFeature } from './training-request/training-request-feature';
import { waitingListFeature } from './waiting-list/waiting-list-feature';

// The chat's features, one line each (the order is the "เมนู" help's). The bot side has its own list
// (bot/src/features/registry.ts) saying how each feature's lookups and effects meet Firestore.

export const FEATURES = [
  linkAccountFeature,
  trainingReportFeature,
  externalTrainingFeature,
  surveyAnswerFeature,
  reportReviewFeature,
  dataRequestFeature,
  hrBroadcastFeature,
  waitingListFeature,
  ethicsQuizFeature,
  libraryDigestFeature,
  trainingRequestFeature,
  requestReviewFeature,
] as const;

type Feature = (typeof FEATURES)[number];
/** Any flow's state; each carries its flow id as the discriminant. */
export type FlowState = StateOf<Feature>;
/** Side effects a turn asks for, as data; the edge writes them with the conversation state. */
export type Effect = EffectOf<Feature>;
/** Facts a flow asks the edge to look up inside the turn's transaction. */
export type Lookup = LookupOf<Feature>;
/** The looked-up facts, keyed by lookup type. */
export type Facts = FactsOf<Feature>;
/** Per-person conversation state (a test's own flows may name theirs). */
export type ConversationState<S extends { readonly flow: string } = FlowState> = KernelState<S>;
export type TurnContext<X = Facts> = KernelContext<X>;
export type TurnResult<S extends { readonly flow: string } = FlowState, E = Effect> = KernelTurnResult<S, E>;

export const { step, lookupsFor } = createConversation<FlowState, Effect, Lookup, Facts>(FEATURES);
