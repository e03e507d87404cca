import type {
  ApprovedRequestsPage,
  RequestDecisionBody,
  RequestsPage,
  RequestView,
} from '../../shared/src/requests/request-api-contract';
import type { ApiClient } from './api-client';
import { HrApiError, json, send } from './hr-api';

// The training request API (bot/src/api/request-routes.ts) as the LIFF page sees it, through the same
// `send` as HR's APIs: a refusal is an HrApiError with the server's Thai message and each field's.
// Types only from shared/: nothing of it lands in the bundle.

export type {
  CatalogueCourse,
  RequestsPage,
  RequestView,
} from '../../shared/src/requests/request-api-contract';
export type { RequestErrors } from '../../shared/src/requests/request-input';
export type { RequestStatus } from '../../shared/src/requests/training-request';

const path = (id: string, rest: string) => `requests/${encodeURIComponent(id)}/${rest}`;

export const loadRequests = (api: ApiClient) => send<RequestsPage>(api, 'requests');
/** HR: the next page of approved requests after `cursor` ("ดูเพิ่ม"). */
export const loadApprovedRequests = (api: ApiClient, cursor: string) =>
  send<ApprovedRequestsPage>(api, `requests/approved?cursor=${encodeURIComponent(cursor)}`);
export const sendRequest = (api: ApiClient, body: Record<string, string>) =>
  send<RequestView>(api, 'requests', json('POST', body));
export const decideRequest = (api: ApiClient, id: string, body: RequestDecisionBody) =>
  send<RequestView>(api, path(id, 'decision'), json('POST', body));
export const recordTravelOrder = (api: ApiClient, id: string, number: string, date: string) =>
  send<RequestView>(api, path(id, 'travel-order'), json('PUT', { number, date }));
export const recordAdvance = (api: ApiClient, id: string, amount: string) =>
  send<RequestView>(api, path(id, 'advance'), json('PUT', { amount }));
export const markAdvanceCleared = (api: ApiClient, id: string) =>
  send<RequestView>(api, path(id, 'advance-cleared'), json('POST', {}));

export const failureText = (err: unknown, fallback: string) =>
  err instanceof HrApiError ? err.message : fallback;
