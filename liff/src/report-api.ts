import type { ReportDetail, ReportSummary } from '../../shared/src/reports/report-api-contract';
import type { ReportAnswers } from '../../shared/src/reports/training-report';
import type { ApiClient } from './api-client';

// The post-training report API (bot/src/api/report-routes.ts) as the LIFF pages see it. The limits,
// sharing plans and rating labels come with the report, so the form never hard-codes the chat's rules.

// type-only: the contract comes from shared/, nothing of it lands in the bundle
export type { ReportDetail, ReportSummary } from '../../shared/src/reports/report-api-contract';
export type {
  Rating,
  ReportAnswers,
  ReportStatus,
  SharingPlanId,
  TextAnswerField as TextField,
} from '../../shared/src/reports/training-report';

import { ApiRefusal, apiSend, bodyOf, exchange, json, refusalOf, refusedText } from './api-send';
export type AnswerField = keyof ReportAnswers;

/** A refusal from the API; `message` is the server's Thai text (or the shared one), safe to show. */
export class ReportApiError extends ApiRefusal {
  override readonly name: string = 'ReportApiError';
}

/** What the API answers a save with: the saved report, field errors, or the chat's newer version. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly detail: ReportDetail }
  | {
      readonly kind: 'invalid';
      readonly message: string;
      readonly errors: Partial<Record<AnswerField, string>>;
    }
  | { readonly kind: 'changed'; readonly message: string; readonly current: ReportDetail }
  | { readonly kind: 'notEditable'; readonly message: string };

export type AnswerPatch = { -readonly [K in AnswerField]?: ReportAnswers[K] | null };

const reportPath = (id: string) => `reports/${encodeURIComponent(id)}`;

const getOrThrow = <T>(api: ApiClient, path: string): Promise<T> =>
  apiSend<T, ReportApiError>(api, path, {}, ReportApiError);

export function loadReport(api: ApiClient, id: string): Promise<ReportDetail> {
  return getOrThrow(api, reportPath(id));
}

export async function loadMyReports(api: ApiClient): Promise<readonly ReportSummary[]> {
  return (await getOrThrow<{ reports: ReportSummary[] }>(api, 'reports/mine')).reports;
}

export async function saveAnswers(
  api: ApiClient,
  id: string,
  answers: AnswerPatch,
  expectedUpdateTime: string,
): Promise<SaveOutcome> {
  const res = await exchange(
    api,
    `${reportPath(id)}/answers`,
    json('PUT', { answers, expectedUpdateTime }),
    ReportApiError,
  );
  const body = await bodyOf(res);
  if (!body) throw refusalOf(res, body, ReportApiError, 'PUT');
  const message = typeof body.message === 'string' ? body.message : refusedText(res.status, 'PUT');
  if (res.ok) return { kind: 'saved', detail: body as unknown as ReportDetail };
  if (res.status === 400 && body.errors && typeof body.errors === 'object') {
    return { kind: 'invalid', message, errors: body.errors as Partial<Record<AnswerField, string>> };
  }
  if (res.status === 409 && body.code === 'changed') {
    return { kind: 'changed', message, current: body.current as ReportDetail };
  }
  if (res.status === 409) return { kind: 'notEditable', message };
  throw refusalOf(res, body, ReportApiError, 'PUT');
}

/** The report's knowledge-library choice (published once approved, or internal); the saved report back. */
export async function saveLibraryChoice(
  api: ApiClient,
  id: string,
  libraryChoice: 'share' | 'internal',
): Promise<ReportDetail> {
  return apiSend<ReportDetail, ReportApiError>(
    api,
    `${reportPath(id)}/library-choice`,
    json('PUT', { libraryChoice }),
    ReportApiError,
  );
}
