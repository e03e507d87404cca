import type {
  RequestEffect as AnyRequestEffect,
  NotifyEmployeeEffect,
  RequestFacts,
  RequestLookup,
} from '@phattana/shared';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import {
  readRequest,
  readRequestContext,
  requestFromDoc,
  writeAttendance,
  writeRequest,
} from '../requests/request-records';
import type { TurnFeature } from '../store/turn-feature';

// Training requests at the edge, for both request features (sending one, deciding on one): the
// request is read in the turn so two approvers' taps serialise, the person's calendar is read to check
// a new one, and the last approval adds the attendance in the same transaction.

type RequestEffect = Exclude<AnyRequestEffect, NotifyEmployeeEffect>;

interface Read {
  readonly requests: Map<string, DocumentSnapshot>;
  /** catalogue trainings an approval adds the person to, read before any write */
  readonly trainings: Map<string, DocumentSnapshot>;
}

export const trainingRequestTurn: TurnFeature<RequestEffect, RequestLookup, RequestFacts, never, Read> = {
  id: 'trainingRequests',
  scratch: () => ({ requests: new Map(), trainings: new Map() }),
  lookups: {
    async trainingRequest(l, io) {
      const snap = await readRequest(io.tx, io.c, l.requestId);
      if (!snap) return { status: 'notFound' };
      io.scratch.requests.set(snap.id, snap);
      return { status: 'ok', request: requestFromDoc(snap) };
    },
    requestContext: async (_l, io) => readRequestContext(io.c, io.person?.employeeId ?? '', io.at),
  },
  async prepare(effects, io) {
    for (const e of effects) {
      const id = e.type === 'attendanceFromRequest' ? e.request.course.trainingId : undefined;
      if (id && !io.scratch.trainings.has(id))
        io.scratch.trainings.set(id, await io.tx.get(io.c.trainings.doc(id)));
    }
  },
  effects: {
    trainingRequestSaved: {
      write: (e, io) =>
        writeRequest(io.w, io.c, e.request, e.action, io.now, io.scratch.requests.get(e.request.id)),
    },
    attendanceFromRequest: {
      write: (e, io) =>
        writeAttendance(
          io.w,
          io.c,
          e.request,
          e.request.course.trainingId ? io.scratch.trainings.get(e.request.course.trainingId) : undefined,
          io.now,
        ),
    },
  },
};
