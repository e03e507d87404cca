import type { Effect, Lookup } from '@phattana/shared';
import { type EffectTypeOf, indexTurnFeatures, type LookupTypeOf, type TaskOf } from '../store/turn-features';
import { dataRequestTurn } from './data-request-turn';
import { ethicsQuizTurn } from './ethics-quiz-turn';
import { externalTrainingTurn } from './external-training-turn';
import { hrBroadcastTurn } from './hr-broadcast-turn';
import { libraryDigestTurn } from './library-digest-turn';
import { linkAccountTurn } from './link-account-turn';
import { notifyTurn } from './notify-turn';
import { reportTurn } from './report-turn';
import { surveyAnswerTurn } from './survey-answer-turn';
import { trainingRequestTurn } from './training-request-turn';
import { waitingListTurn } from './waiting-list-turn';

// How each chat feature meets Firestore and the task queue, one line each (the chat side's list is
// shared/src/features/registry.ts). Both report features (filing, review) share one adapter, and any
// feature may ask for pushes to other staff (notifyTurn).

export const TURN_FEATURES = [
  linkAccountTurn,
  externalTrainingTurn,
  reportTurn,
  notifyTurn,
  surveyAnswerTurn,
  dataRequestTurn,
  hrBroadcastTurn,
  waitingListTurn,
  ethicsQuizTurn,
  libraryDigestTurn,
  trainingRequestTurn,
] as const;

type Adapter = (typeof TURN_FEATURES)[number];
/** The slow work the features queue (besides the kernel's pushes). */
export type FeatureTask = TaskOf<Adapter>;

export const turnFeatures = indexTurnFeatures(TURN_FEATURES);

// Every effect and lookup the chat can produce has an adapter, or this does not compile.
type Unhandled =
  | Exclude<Effect['type'], EffectTypeOf<Adapter>>
  | Exclude<Lookup['type'], LookupTypeOf<Adapter>>;
export const EVERY_EFFECT_AND_LOOKUP_HANDLED: [Unhandled] extends [never] ? true : Unhandled = true;
