export { type IdTokenClaims, LINE_ISSUER } from './id-tokens';
export { LIMITS as LINE_DOCUMENTED_LIMITS } from './line-limits';
export {
  type DeliveredMessage,
  type FaultSpec,
  type LinePlatform,
  type LinePlatformOptions,
  type RecordedRequest,
  startLinePlatform,
} from './platform';
