import type { IdpGoal } from '../idp/idp-plan';
import type { NotifyEmployeeEffect } from '../people/notify-employee';
import type { Training } from '../trainings/training';
import type { BusyPeriod } from './request-input';
import type { RequestAction, TrainingRequest } from './training-request';

// What the request features (sending one, deciding on one) ask of the edge. Shared by both flows, as
// report-edge is for the report features.

export type RequestEffect =
  /** a request was sent or changed: the edge writes the whole document (read in this turn, or new) */
  | {
      readonly type: 'trainingRequestSaved';
      readonly request: TrainingRequest;
      readonly action: RequestAction;
    }
  /**
   * the last approval: the person now attends. A catalogue course gains them as an attendee, an external
   * one becomes a training of its own; either way with the request's return date, so the morning job
   * opens their report by itself when the course ends.
   */
  | { readonly type: 'attendanceFromRequest'; readonly request: TrainingRequest }
  | NotifyEmployeeEffect;

export type RequestLookup =
  | { readonly type: 'trainingRequest'; readonly requestId: string }
  /** HR's upcoming catalogue and the person's calendar and IDP goals, to offer and check a request */
  | { readonly type: 'requestContext' };

export interface RequestContextFact {
  /** upcoming catalogue courses, soonest first */
  readonly catalogue: readonly Training[];
  readonly busy: readonly BusyPeriod[];
  readonly goals: readonly IdpGoal[];
}

export interface RequestFacts {
  readonly trainingRequest?:
    | { readonly status: 'ok'; readonly request: TrainingRequest }
    | { readonly status: 'notFound' };
  readonly requestContext?: RequestContextFact;
}

/** The training a request's attendance lands in when the course is external. */
export const externalTrainingIdFor = (requestId: string) => `req-${requestId}`;

/** The training that an approved request attends. */
export const attendedTrainingId = (r: Pick<TrainingRequest, 'id' | 'course'>) =>
  r.course.trainingId ?? externalTrainingIdFor(r.id);
