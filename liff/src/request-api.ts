import type {
  RequestDecisionBody,
  RequestsPage,
  RequestView,
} from '../../shared/src/requests/request-api-contract';
import type { ApiClient } from './api-client';

// The training request API (bot/src/api/request-routes.ts) as the LIFF page sees it. Types only from
// shared/: nothing of it lands in the bundle.

export type {
  CatalogueCourse,
  RequestsPage,
  RequestView,
} from '../../shared/src/requests/request-api-contract';
export type { RequestErrors } from '../../shared/src/requests/request-input';
export type { RequestStatus } from '../../shared/src/requests/training-request';

/** A refusal from the API: the server's Thai message and, for the form, each field's. */
export class RequestApiError extends Error {
  override readonly name = 'RequestApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly errors: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

async function send<T>(api: ApiClient, path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await api.request(path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!json || !res.ok)
    throw new RequestApiError(
      typeof json?.message === 'string' ? json.message : `ทำรายการไม่สำเร็จ (${res.status}) กรุณาลองอีกครั้ง`,
      res.status,
      (json?.errors as Record<string, string> | undefined) ?? {},
    );
  return json as T;
}

const path = (id: string, rest: string) => `requests/${encodeURIComponent(id)}/${rest}`;

export const loadRequests = (api: ApiClient) => send<RequestsPage>(api, 'requests');
export const sendRequest = (api: ApiClient, body: Record<string, string>) =>
  send<RequestView>(api, 'requests', 'POST', body);
export const decideRequest = (api: ApiClient, id: string, body: RequestDecisionBody) =>
  send<RequestView>(api, path(id, 'decision'), 'POST', body);
export const recordTravelOrder = (api: ApiClient, id: string, number: string, date: string) =>
  send<RequestView>(api, path(id, 'travel-order'), 'PUT', { number, date });
export const recordAdvance = (api: ApiClient, id: string, amount: string) =>
  send<RequestView>(api, path(id, 'advance'), 'PUT', { amount });
export const markAdvanceCleared = (api: ApiClient, id: string) =>
  send<RequestView>(api, path(id, 'advance-cleared'), 'POST', {});

export const failureText = (err: unknown, fallback: string) =>
  err instanceof RequestApiError ? err.message : fallback;
