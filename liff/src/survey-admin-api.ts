import type {
  SurveyListResponse,
  SurveyResultsView,
  SurveySummary,
  SurveyUpdateResponse,
} from '../../shared/src/surveys/survey-api-contract';
import type { ApiClient } from './api-client';
import { ApiRefusal, apiSend, json, photoUrl } from './api-send';
import { DownloadRefusedError, downloadFile } from './download-file';

// HR's survey API (bot/src/api/survey-routes.ts) as the LIFF pages see it. Types come from shared/ and
// vanish from the bundle; every refusal carries the server's Thai message (and its list of problems).

export type {
  SurveyListResponse,
  SurveyPhoto,
  SurveyResultsView,
  SurveySummary,
} from '../../shared/src/surveys/survey-api-contract';
export type { DivisionRate, QuestionResult } from '../../shared/src/surveys/survey-results';

/** A refusal from the survey APIs; `errors` lists every problem the server found. */
export class SurveyApiError extends ApiRefusal {
  override readonly name: string = 'SurveyApiError';
  get errors(): readonly string[] {
    return this.problems;
  }
}

const send = <T>(api: ApiClient, path: string, init?: RequestInit): Promise<T> =>
  apiSend<T, SurveyApiError>(api, path, init, SurveyApiError);

export const loadSurveys = (api: ApiClient, fiscalYear?: number) =>
  send<SurveyListResponse>(api, fiscalYear ? `surveys?fiscalYear=${fiscalYear}` : 'surveys');

export interface CreateFromTemplate {
  readonly template: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly audience?: { readonly divisionIds: readonly string[] };
  readonly activity?: { readonly date: string; readonly area: string };
}

export const createSurvey = (
  api: ApiClient,
  body: CreateFromTemplate | { copyFrom: string; opensOn: string; closesOn: string },
) => send<{ survey: SurveySummary }>(api, 'surveys', json('POST', body));

export const setSurveyStatus = (api: ApiClient, id: string, status: 'open' | 'closed') =>
  send<SurveyUpdateResponse>(api, `surveys/${encodeURIComponent(id)}`, json('PATCH', { status }));

export const loadSurveyResults = (api: ApiClient, id: string) =>
  send<SurveyResultsView>(api, `surveys/${encodeURIComponent(id)}/results`);

/**
 * A survey photo as a blob: URL for an `<img>` (the API wants the Bearer token, which an `<img src>`
 * cannot send). The caller revokes it with URL.revokeObjectURL when the image goes away.
 */
export async function loadSurveyPhotoUrl(api: ApiClient, id: string, messageId: string): Promise<string> {
  return photoUrl(
    api,
    `surveys/${encodeURIComponent(id)}/photos/${encodeURIComponent(messageId)}`,
    SurveyApiError,
  );
}

/** Downloads an export as the file the server names; returns that name. */
export async function downloadSurveyExport(
  api: ApiClient,
  id: string,
  format: 'csv' | 'xlsx',
): Promise<string> {
  try {
    return await downloadFile(
      api,
      `surveys/${encodeURIComponent(id)}/export.${format}`,
      `survey-${id}.${format}`,
    );
  } catch (err) {
    // A refusal reads like every other survey refusal (refusalText, retry only on 5xx).
    if (err instanceof DownloadRefusedError) throw new SurveyApiError(err.message, err.status, {});
    throw err;
  }
}

/** A refusal's text for a status line: the message and every problem the server listed. */
export function refusalText(err: unknown): string {
  if (err instanceof SurveyApiError)
    return err.errors.length > 0 ? `${err.message}: ${err.errors.join(' · ')}` : err.message;
  return 'เชื่อมต่อไม่สำเร็จ กรุณาลองใหม่';
}
