import type { TargetsData } from '../../shared/src/targets/target-api-contract';
import type { TargetRule } from '../../shared/src/targets/target-rule';
import type { ApiClient } from './api-client';
import { json, send } from './hr-api';

// The yearly targets API (bot/src/api/target-routes.ts at /targets) as the LIFF pages see it.

export type { TargetIndicatorView, TargetsData } from '../../shared/src/targets/target-api-contract';
export type { TargetRule } from '../../shared/src/targets/target-rule';

export const loadTargets = (api: ApiClient, fy?: number) =>
  send<TargetsData>(api, fy === undefined ? 'targets' : `targets?fy=${fy}`);

export const saveTargetRule = (api: ApiClient, fy: number, id: string, rule: TargetRule | null) =>
  send<{ saved: true }>(api, `targets/${fy}/${encodeURIComponent(id)}`, json('PUT', { rule }));

export const saveTargetResult = (api: ApiClient, fy: number, id: string, value: number | null) =>
  send<{ saved: true }>(api, `targets/${fy}/${encodeURIComponent(id)}/result`, json('PUT', { value }));
