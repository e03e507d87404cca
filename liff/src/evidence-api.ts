import type { EvidencePack } from '../../shared/src/evidence/evidence-pack';
import type { ApiClient } from './api-client';
import { json, send } from './hr-api';

// Assessment evidence (bot/src/api/evidence-routes.ts at /evidence) as the LIFF pages see it.

export type { EvidencePack } from '../../shared/src/evidence/evidence-pack';

export interface MeetingView {
  readonly id: string;
  readonly date: string;
  readonly agenda: string;
  readonly attendance: number;
  readonly recordedBy: string;
}

export const loadMeetings = (api: ApiClient) =>
  send<{
    fiscalYear: number;
    target: number;
    meetings: MeetingView[];
    items: { id: string; label: string }[];
  }>(api, 'evidence/meetings');

export const recordMeeting = (api: ApiClient, body: { date: string; agenda: string; attendance: string }) =>
  send<{ id: string }>(api, 'evidence/meetings', json('POST', body));

export const deleteMeeting = (api: ApiClient, id: string) =>
  send<{ deleted: true }>(api, `evidence/meetings/${encodeURIComponent(id)}`, json('DELETE'));

export const loadPack = (api: ApiClient, item: string, fy: number) =>
  send<EvidencePack>(api, `evidence/${encodeURIComponent(item)}?fy=${fy}`);
