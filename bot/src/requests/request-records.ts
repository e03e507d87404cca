import {
  attendedTrainingId,
  type BusyPeriod,
  bangkokDate,
  fiscalYearOf,
  type IdpGoal,
  idpIdFor,
  isLiveRequest,
  isRequestId,
  type RequestContextFact,
  type Training,
  type TrainingRequest,
} from '@phattana/shared';
import {
  type CollectionReference,
  type DocumentSnapshot,
  FieldValue,
  type Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { type KeyCursor, queryPage } from '../store/query-page';
import type { TurnWriter } from '../store/turn-writer';
import { withoutUndefined } from '../store/without-undefined';

// The rules about stored training requests (municipalities/{m}/trainingRequests/{id}) that chat, the
// LIFF routes and the morning job share: how one reads back, what the person's calendar holds, and how
// an approved request becomes the attendance (the training's attendee list, with the request's own
// return date beside it so the morning job opens the report with that date).

export interface RequestCollections {
  readonly trainingRequests: CollectionReference;
  readonly trainings: CollectionReference;
  readonly idps: CollectionReference;
}

/** A stored request read back; the edge's timestamps stay out of the domain object. */
export function requestFromDoc(snap: DocumentSnapshot): TrainingRequest {
  const { updatedAt: _u, lastAction: _l, ...rest } = snap.data() ?? {};
  return {
    approvers: [],
    approvedBy: [],
    currentApproverId: null,
    trail: [],
    ...rest,
    id: snap.id,
  } as unknown as TrainingRequest;
}

/** Reads one request in a transaction; an id no request can have is "not found", never a Firestore error. */
export async function readRequest(
  tx: Transaction,
  c: Pick<RequestCollections, 'trainingRequests'>,
  id: string,
): Promise<DocumentSnapshot | undefined> {
  if (!isRequestId(id)) return undefined;
  const snap = await tx.get(c.trainingRequests.doc(id));
  return snap.exists ? snap : undefined;
}

/** A person's requests, newest first. */
export async function requestsOf(c: Pick<RequestCollections, 'trainingRequests'>, employeeId: string) {
  const q = await c.trainingRequests.where('employeeId', '==', employeeId).get();
  return q.docs
    .map(requestFromDoc)
    .sort((a, b) => (b.trail[0]?.at ?? '').localeCompare(a.trail[0]?.at ?? ''));
}

/**
 * One page of the approved requests HR records orders and advances on, by the course's start date: the
 * list grows every year, so it is read `limit` at a time (index: status, course.startDate, __name__).
 */
export async function approvedRequestsPage(
  c: Pick<RequestCollections, 'trainingRequests'>,
  limit: number,
  after: KeyCursor | undefined,
) {
  const page = await queryPage(
    c.trainingRequests.where('status', '==', 'approved'),
    'course.startDate',
    limit,
    after,
  );
  return { requests: page.docs.map(requestFromDoc), next: page.next };
}

/** Trainings HR offers: not started yet, soonest first (trainings made from external requests are not offered). */
export async function upcomingCatalogue(
  c: Pick<RequestCollections, 'trainings'>,
  now: Date,
): Promise<Training[]> {
  const q = await c.trainings.where('startDate', '>', bangkokDate(now)).get();
  return q.docs
    .filter((d) => typeof d.get('fromRequest') !== 'string')
    .map((d) => ({ ...(d.data() as Training), id: d.id }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
}

/**
 * What a new request is checked against: the catalogue, the person's live requests and the trainings
 * they attend (not finished yet), and the goals of their IDP for this fiscal year. Plain queries, as
 * the waiting list reads them: a listing must not lock other people's documents.
 */
export async function readRequestContext(
  c: RequestCollections,
  employeeId: string,
  now: Date,
): Promise<RequestContextFact> {
  const today = bangkokDate(now);
  const [catalogue, mine, attending, idp] = await Promise.all([
    upcomingCatalogue(c, now),
    requestsOf(c, employeeId),
    c.trainings.where('attendees', 'array-contains', employeeId).get(),
    c.idps.doc(idpIdFor(employeeId, fiscalYearOf(today))).get(),
  ]);
  const busy: BusyPeriod[] = [
    ...mine.filter(isLiveRequest).map((r) => ({
      title: r.course.title,
      startDate: r.course.startDate,
      endDate: r.course.endDate,
      ...(r.course.trainingId ? { trainingId: r.course.trainingId } : {}),
      requestStatus: r.status,
    })),
    ...attending.docs
      .filter((d) => String(d.get('endDate')) >= today && typeof d.get('fromRequest') !== 'string')
      .map((d) => ({
        title: String(d.get('title')),
        startDate: String(d.get('startDate')),
        endDate: String(d.get('endDate')),
        trainingId: d.id,
      })),
  ];
  const goals = idp.exists ? ((idp.get('goals') as IdpGoal[] | undefined) ?? []) : [];
  return { catalogue, busy, goals };
}

/** Writes a request (new: created, so a retried turn never writes it twice; else over what was read). */
export function writeRequest(
  w: Pick<TurnWriter, 'create' | 'set'>,
  c: Pick<RequestCollections, 'trainingRequests'>,
  request: TrainingRequest,
  action: string,
  now: Timestamp,
  read: DocumentSnapshot | undefined,
): void {
  const ref = c.trainingRequests.doc(request.id);
  const data = { ...withoutUndefined(request), updatedAt: now, lastAction: action };
  if (action === 'requested') w.create(ref, data);
  else if (!read) throw new Error(`trainingRequestSaved for ${request.id} without reading it in this turn`);
  else w.set(ref, data);
}

/**
 * The approved request becomes the attendance. A catalogue training that still exists (`catalogue`,
 * read before any write) gains the person; otherwise (external, or HR deleted it) the request makes a
 * training of its own. Either way `requestReturns` holds the person's return date and request.
 */
export function writeAttendance(
  w: Pick<TurnWriter, 'set' | 'update'>,
  c: Pick<RequestCollections, 'trainings'>,
  r: TrainingRequest,
  catalogue: DocumentSnapshot | undefined,
  now: Timestamp,
): void {
  const back = { requestId: r.id, returnDate: r.returnDate };
  if (r.course.trainingId && catalogue?.exists) {
    w.update(catalogue.ref, {
      attendees: FieldValue.arrayUnion(r.employeeId),
      [`requestReturns.${r.employeeId}`]: back,
      updatedAt: now,
    });
    return;
  }
  const training: Omit<Training, 'id'> & Record<string, unknown> = {
    title: r.course.title,
    organiser: r.course.organiser,
    method: 'training',
    ...(r.competencyId ? { competency: r.competencyId } : {}),
    startDate: r.course.startDate,
    endDate: r.course.endDate,
    hours: r.course.hours,
    attendees: [r.employeeId],
    fromRequest: r.id,
    requestReturns: { [r.employeeId]: back },
    createdAt: now,
  };
  w.set(
    c.trainings.doc(attendedTrainingId({ id: r.id, course: { ...r.course, trainingId: undefined } })),
    training,
  );
}
