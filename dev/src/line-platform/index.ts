// The fake LINE platform: `startLinePlatform` and the types the simulator, `npm start` and tests use.
export type { IdTokenClaims, IssueIdTokenOptions } from './id-tokens';
export { LINE_ISSUER } from './id-tokens';
export { checkMessages, checkRichMenu, graphemeLength, LINE_LIMITS } from './limits';
export type { LineErrorBody, LineErrorDetail } from './line-errors';
export { MONTHLY_LIMIT_MESSAGE, quotaMonthOf } from './message-quota';
export {
  defaultSpecDir,
  loadOpenApiValidator,
  type OpenApiValidator,
  resolveSpecDir,
} from './openapi-validator';
export { createLinePlatformApp, type LinePlatformCore, startLinePlatform } from './server';
export type {
  DeliveredMessage,
  DeliveryVia,
  FaultSpec,
  LinePlatform,
  LinePlatformOptions,
  QuotaSetting,
  RecordedRequest,
} from './types';
