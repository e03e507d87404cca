import {
  type Actor,
  bangkokDate,
  type CatalogueCourse,
  DEFAULT_ADVANCE_CLEARING_DAYS,
  fiscalYearOf,
  type IdpGoal,
  idpIdFor,
  type PersonContext,
  type ReportNow,
  type RequestInput,
  type RequestsPage,
  type RequestView,
  requestStepOf,
  requestTrailRows,
  type TrainingRequest,
} from '@phattana/shared';
import type { ApiDeps } from '../api/api-deps';
import { recordNotifications, sendNotifications } from '../api/push-notifications';
import { reportRecords } from '../reports/report-repository';
import type { KeyCursor } from '../store/query-page';
import { approvedRequestsPage, requestFromDoc, requestsOf, upcomingCatalogue } from './request-records';
import {
  decideRequest,
  type HrRecord,
  type RequestOutcome,
  recordForRequest,
  sendRequest,
} from './request-service';

// The LIFF request page's reads and writes as its routes (api/request-routes.ts) use them: the page (the
// person's requests, the catalogue, their IDP goals, what waits for their decision, HR's approved list),
// and each write through the request service with its pushes recorded in the same transaction and
// queued after it. The routes only parse, check roles and answer in Thai.

export const requestView = (r: TrainingRequest, report?: ReportNow): RequestView => ({
  request: r,
  trail: requestTrailRows(r, report),
  step: requestStepOf(r),
});

/** A write's outcome, its request as the page shows it; the pushes are already queued. */
export type RequestAnswer =
  | { readonly kind: 'done'; readonly view: RequestView }
  | Exclude<RequestOutcome, { kind: 'done' }>;

/** HR's approved requests, one page; `next` is the cursor after it (the route encodes it). */
export interface ApprovedViews {
  readonly approved: RequestView[];
  readonly next: KeyCursor | null;
}

/** What the request routes need; the routes' unit tests give an in-memory one. */
export interface RequestAdmin {
  /** the page, all but HR's list's cursor; with HR's first page when `approvedLimit` is given */
  page(
    employeeId: string,
    approvedLimit: number | undefined,
    now: Date,
  ): Promise<{ page: Omit<RequestsPage, 'approvedNextCursor'>; approvedNext?: KeyCursor | null }>;
  approved(limit: number, after: KeyCursor | undefined): Promise<ApprovedViews>;
  send(person: PersonContext, input: RequestInput, now: Date): Promise<RequestAnswer>;
  decide(
    o: { id: string; by: Actor; decision: 'approve' | 'return' | 'refuse'; comment: string; step: string },
    now: Date,
  ): Promise<RequestAnswer>;
  record(o: { id: string; by: Actor; record: HrRecord }, now: Date): Promise<RequestAnswer>;
}

export type RequestAdminDeps = Pick<
  ApiDeps,
  'db' | 'collections' | 'calendar' | 'afterCommit' | 'signer' | 'mediaUrl' | 'logger'
>;

export function firestoreRequestAdmin(d: RequestAdminDeps): RequestAdmin {
  const c = d.collections;

  /** Views of requests whose report is open, with the report as it stands (return date, status). */
  async function viewsWithReports(requests: readonly TrainingRequest[]): Promise<RequestView[]> {
    const ids = requests.flatMap((r) => (r.reportId ? [r.reportId] : []));
    const byId = await reportRecords(c).byIds(ids);
    return requests.map((r) => requestView(r, r.reportId ? byId.get(r.reportId) : undefined));
  }

  async function answer(outcome: RequestOutcome): Promise<RequestAnswer> {
    if (outcome.kind !== 'done') return outcome;
    await sendNotifications(d, outcome.work, outcome.notifications);
    return { kind: 'done', view: requestView(outcome.request) };
  }

  return {
    async page(employeeId, approvedLimit, now) {
      const [mine, catalogue, idp, waiting, approved, municipality] = await Promise.all([
        requestsOf(c, employeeId),
        upcomingCatalogue(c, now),
        c.idps.doc(idpIdFor(employeeId, fiscalYearOf(bangkokDate(now)))).get(),
        c.trainingRequests
          .where('currentApproverId', '==', employeeId)
          .where('status', '==', 'submitted')
          .get(),
        approvedLimit === undefined ? undefined : approvedRequestsPage(c, approvedLimit, undefined),
        c.municipality.get(),
      ]);
      return {
        page: {
          mine: await viewsWithReports(mine),
          catalogue: catalogue.map(
            (t): CatalogueCourse => ({
              id: t.id,
              title: t.title,
              organiser: t.organiser,
              startDate: t.startDate,
              endDate: t.endDate,
              hours: t.hours,
            }),
          ),
          goals: idp.exists ? ((idp.get('goals') as IdpGoal[] | undefined) ?? []) : [],
          waiting: waiting.docs
            .map(requestFromDoc)
            .sort((a, b) => (a.trail.at(-1)?.at ?? '').localeCompare(b.trail.at(-1)?.at ?? ''))
            .map((r) => requestView(r)),
          ...(approved ? { approved: await viewsWithReports(approved.requests) } : {}),
          advanceClearingDays: Number(
            municipality.get('advanceClearingDays') ?? DEFAULT_ADVANCE_CLEARING_DAYS,
          ),
        },
        ...(approved ? { approvedNext: approved.next } : {}),
      };
    },
    async approved(limit, after) {
      const { requests, next } = await approvedRequestsPage(c, limit, after);
      return { approved: await viewsWithReports(requests), next };
    },
    async send(person, input, now) {
      return answer(
        await sendRequest(d.db, c, person, input, now, (tx, n) => recordNotifications(d, tx, n, now)),
      );
    },
    async decide(o, now) {
      return answer(
        await decideRequest(d.db, c, {
          ...o,
          now,
          // the next approver's card or the person's "approved" notice, recorded with the decision
          record: (tx, n) => recordNotifications(d, tx, n, now),
        }),
      );
    },
    async record(o, now) {
      return answer(await recordForRequest(d.db, c, { ...o, now }, await d.calendar()));
    },
  };
}
