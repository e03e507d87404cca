import type { HoursView, IdpView, TeamView, WaitingReport } from '../../shared/src/idp/idp-api-contract';
import type { IdpGoal } from '../../shared/src/idp/idp-plan';
import type { ApiClient } from './api-client';
import { ApiRefusal, apiSend, json, photoUrl } from './api-send';

// The IDP, hours, team and "me" APIs (bot/src/api/idp-routes.ts, hours-routes.ts, team-routes.ts,
// me-routes.ts) as the LIFF pages see them. Types only from shared/: nothing of it lands in the bundle.

export type {
  HoursView,
  IdpView,
  MeView,
  TeamMemberRow,
  TeamView,
  WaitingReport,
} from '../../shared/src/idp/idp-api-contract';
export type { IdpGoal, IdpStatus } from '../../shared/src/idp/idp-plan';
export type { HoursBucket } from '../../shared/src/ledger/hours-summary';

/** A refusal from the API; `message` is the server's Thai text (or the shared one), safe to show. */
export class DevelopmentApiError extends ApiRefusal {
  override readonly name: string = 'DevelopmentApiError';
}

const send = <T>(api: ApiClient, path: string, method = 'GET', body?: unknown): Promise<T> =>
  apiSend<T, DevelopmentApiError>(
    api,
    path,
    body === undefined ? { method } : json(method, body),
    DevelopmentApiError,
  );

const fyQuery = (fy?: number) => (fy ? `?fy=${fy}` : '');

export const loadMyHours = (api: ApiClient, fy?: number) => send<HoursView>(api, `hours/mine${fyQuery(fy)}`);
export const loadMyIdp = (api: ApiClient, fy?: number) => send<IdpView>(api, `idp/mine${fyQuery(fy)}`);

export const saveMyIdp = (api: ApiClient, fiscalYear: number, version: number, goals: readonly IdpGoal[]) =>
  send<IdpView>(api, 'idp/mine', 'PUT', { fiscalYear, version, goals });

export const submitMyIdp = (api: ApiClient, fiscalYear: number, version: number) =>
  send<IdpView>(api, 'idp/mine/submit', 'POST', { fiscalYear, version });

/** One page of the team; `cursor` is the previous page's nextCursor ("ดูเพิ่ม"). */
export const loadTeam = (api: ApiClient, cursor?: string) =>
  send<TeamView>(api, cursor ? `team?cursor=${encodeURIComponent(cursor)}` : 'team');

const memberPath = (id: string) => `team/${encodeURIComponent(id)}/idp`;

export const loadMemberIdp = (api: ApiClient, employeeId: string, fy?: number) =>
  send<IdpView>(api, `${memberPath(employeeId)}${fyQuery(fy)}`);

export const decideMemberIdp = (
  api: ApiClient,
  employeeId: string,
  decision: 'agree' | 'return',
  body: { fiscalYear: number; version: number; comment?: string },
) => send<IdpView>(api, `${memberPath(employeeId)}/${decision}`, 'POST', body);

export const loadWaitingReports = (api: ApiClient) =>
  send<{ dueRule: string; reports: WaitingReport[] }>(api, 'team/reports/waiting');

export const decideReport = (api: ApiClient, id: string, decision: 'approve' | 'return', comment?: string) =>
  send<{ message: string; report: { id: string; status: string } }>(
    api,
    `team/reports/${encodeURIComponent(id)}/${decision}`,
    'POST',
    comment === undefined ? {} : { comment },
  );

/** The Thai message of any failure, for a status line. */
export function failureMessage(err: unknown, fallback: string): string {
  return err instanceof DevelopmentApiError ? err.message : fallback;
}

/** One of a report's photos as a blob: URL (the API needs the Bearer token, an <img> cannot send it). */
export async function loadReportPhotoUrl(
  api: ApiClient,
  reportId: string,
  messageId: string,
): Promise<string> {
  return photoUrl(
    api,
    `reports/${encodeURIComponent(reportId)}/photos/${encodeURIComponent(messageId)}`,
    DevelopmentApiError,
  );
}
