import type { EthicsDrawRequest, EthicsPageData } from '../../shared/src/ethics/ethics-api-contract';
import type { DrawRecord } from '../../shared/src/ethics/ethics-quiz';
import type { ApiClient } from './api-client';
import { json, send } from './hr-api';

// HR's ethics quiz API (bot/src/api/ethics-routes.ts at /ethics) as the LIFF pages see it.

export type { EthicsDrawnPerson, EthicsPageData } from '../../shared/src/ethics/ethics-api-contract';
export type { BankQuestion, DrawRecord } from '../../shared/src/ethics/ethics-quiz';

export interface QuestionBody {
  readonly text: string;
  readonly choices: readonly string[];
  /** 1-based number of the right choice */
  readonly answer: number;
  readonly explanation?: string;
}

export const loadEthics = (api: ApiClient, fy?: number) =>
  send<EthicsPageData>(api, fy === undefined ? 'ethics' : `ethics?fy=${fy}`);

export const saveQuestion = (api: ApiClient, id: string | undefined, body: QuestionBody) =>
  send<{ id: string }>(
    api,
    id ? `ethics/questions/${encodeURIComponent(id)}` : 'ethics/questions',
    json(id ? 'PUT' : 'POST', body),
  );

export const retireQuestion = (api: ApiClient, id: string, retired: boolean) =>
  send<{ retired: boolean }>(
    api,
    `ethics/questions/${encodeURIComponent(id)}/retire`,
    json('POST', { retired }),
  );

export const drawSample = (api: ApiClient, fy: number, body: EthicsDrawRequest) =>
  send<{ draw: DrawRecord }>(api, `ethics/${fy}/draw`, json('POST', body));

export const setQuizStatus = (api: ApiClient, fy: number, status: 'open' | 'closed') =>
  send<{ status: string }>(api, `ethics/${fy}/status`, json('PUT', { status }));

export interface QuestionImportReport {
  readonly dryRun: boolean;
  readonly added: number;
  readonly errors: readonly { readonly line: number; readonly reasons: readonly string[] }[];
  readonly duplicates: readonly { readonly line: number; readonly text: string }[];
}

export const importQuestions = (api: ApiClient, file: File, dryRun: boolean) =>
  send<QuestionImportReport>(
    api,
    `ethics/questions/import?filename=${encodeURIComponent(file.name)}${dryRun ? '&dryRun=1' : ''}`,
    { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file },
  );
