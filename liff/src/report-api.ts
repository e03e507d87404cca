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
export type AnswerField = keyof ReportAnswers;

/** A refusal from the API; `message` is the server's Thai text, safe to show. */
export class ReportApiError extends Error {
  override readonly name = 'ReportApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
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

async function readBody(res: Response): Promise<Record<string, unknown>> {
  return (await res.json().catch(() => ({}))) as Record<string, unknown>;
}

async function getOrThrow<T>(api: ApiClient, path: string): Promise<T> {
  const res = await api.request(path);
  const body = await readBody(res);
  if (!res.ok) {
    throw new ReportApiError(
      typeof body.message === 'string' ? body.message : `โหลดข้อมูลไม่สำเร็จ (${res.status})`,
      res.status,
      body,
    );
  }
  return body as unknown as T;
}

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
  const res = await api.request(`${reportPath(id)}/answers`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers, expectedUpdateTime }),
  });
  const body = await readBody(res);
  const message = typeof body.message === 'string' ? body.message : `บันทึกไม่สำเร็จ (${res.status})`;
  if (res.ok) return { kind: 'saved', detail: body as unknown as ReportDetail };
  if (res.status === 400 && body.errors && typeof body.errors === 'object') {
    return { kind: 'invalid', message, errors: body.errors as Partial<Record<AnswerField, string>> };
  }
  if (res.status === 409 && body.code === 'changed') {
    return { kind: 'changed', message, current: body.current as ReportDetail };
  }
  if (res.status === 409) return { kind: 'notEditable', message };
  throw new ReportApiError(message, res.status, body);
}

/** The report's knowledge-library choice (published once approved, or internal); the saved report back. */
export async function saveLibraryChoice(
  api: ApiClient,
  id: string,
  libraryChoice: 'share' | 'internal',
): Promise<ReportDetail> {
  const res = await api.request(`${reportPath(id)}/library-choice`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ libraryChoice }),
  });
  const body = await readBody(res);
  if (res.ok) return body as unknown as ReportDetail;
  throw new ReportApiError(
    typeof body.message === 'string' ? body.message : `บันทึกไม่สำเร็จ (${res.status})`,
    res.status,
    body,
  );
}
