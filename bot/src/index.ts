export type { BatchRecord, BroadcastRecord, BroadcastStatus } from './broadcast/broadcast-records';
export { type SendResult, sendBroadcast } from './broadcast/broadcast-sender';
export {
  BroadcastIncompleteError,
  type BroadcastTask,
  type BroadcastTaskDeps,
  runBroadcastTask,
} from './broadcast/broadcast-tasks';
export {
  type BroadcastCollections,
  type BroadcastStore,
  batchRetryKey,
  createFirestoreBroadcastStore,
} from './broadcast/firestore-broadcasts';
export {
  addHoliday,
  HolidayInputError,
  type HolidayKind,
  removeHoliday,
  seedGovernmentHolidays,
} from './calendar/holiday-admin';
export { createHolidayCalendarSource, type HolidayCalendarSource } from './calendar/holiday-calendar';
export { type CreateBotOptions, createBot, runTask, type TaskDeps } from './create-bot';
export { type FeatureTask, TURN_FEATURES, turnFeatures } from './features/registry';
export { createHmacPostbackSigner } from './line/hmac-postback-signer';
export { LineApiError, LineMonthlyLimitError, LineUnavailableError } from './line/line-api-error';
export {
  createHttpLineClient,
  type LineClient,
  type LineMessage,
  type MessagePriority,
  type MessageQuota,
  type SendOptions,
} from './line/line-client';
export { LINE_LIMITS } from './line/line-limits';
export { batches, renderMessages } from './line/render-messages';
export { createCloudStorageMediaStore, type StorageBucket } from './media/cloud-storage-media-store';
export type { MediaStore, StoredMedia } from './media/media-store';
export {
  REPORT_PHOTO_MAX_BYTES,
  reportPhotoPath,
  type StoreReportPhotoOutcome,
  storeReportPhoto,
} from './media/store-report-photo';
export { type MunicipalityCollections, municipalityCollections } from './municipality-collections';
// who owes what (issue #15): the index broadcast planning and the late list read
export { owingDrift, readOwingIndex, rebuildOwingIndex } from './owing/owing-index-store';
export { backfillNameSortKeys, type NameSortKeyBackfill } from './people/backfill-name-sort-keys';
export { completeDeletionRequest, DataRequestError, openDataRequests } from './people/data-requests';
export {
  createFirestoreEmployeeDirectory,
  hashBirthDate,
} from './people/firestore-employee-directory';
export { importEmployees } from './people/import-employees';
export { EmployeeNotFoundError, issueInvite, unlinkEmployee } from './people/invites';
export {
  MunicipalitySetupError,
  type MunicipalitySetupResult,
  setUpMunicipality,
} from './people/municipality-setup';
export { readSpreadsheet, SpreadsheetError } from './people/read-spreadsheet';
export { type LinkedPersonChange, linkedPeopleOf, syncLinkedPeople } from './people/sync-linked-people';
export {
  type Bot,
  type CreatePlatformOptions,
  createPlatform,
  DAILY_JOBS_TASK,
  LOBBY_ID,
  type Platform,
  type PlatformTask,
} from './platform/create-platform';
export { homeOfLineUser, type LineUserHome } from './platform/line-user-index';
export {
  addPlatformAdmin,
  addRegionalStaff,
  issueMunicipalityInvites,
  listMunicipalities,
  type MunicipalityOverview,
  nameHrAdmins,
  PlatformAdminError,
  setRegion,
} from './platform/platform-admin';
export { type PlatformCollections, platformCollections } from './platform/platform-collections';
export { type DailyJobResult, openEndedTrainings, runDailyReportJobs } from './reports/daily-report-jobs';
export { recomputeOpenDueDates } from './reports/recompute-due-dates';
export * from './rich-menus';
export { type BotConfig, botConfigFromEnv, ConfigError, derivePostbackSecret } from './runtime/config';
export { createJsonLogger, createMemoryLogger, type Logger, silentLogger } from './runtime/logger';
export {
  createInProcessTaskQueue,
  TASK_RETRY,
  type Task,
  type TaskQueue,
  taskBackoffSeconds,
} from './runtime/task-queue';
export {
  type RebuildResult,
  rebuildStats,
  refreshStaffStats,
  type StatsCollections,
} from './stats/rebuild-stats';
export {
  birthDateHash,
  createFirestoreTurnStore,
  type FirestoreTurnStoreCollections,
} from './store/firestore-turn-store';
export { createMemoryTurnStore } from './store/memory-turn-store';
export type {
  EffectHandler,
  ReadIo,
  TaskIo,
  TurnCollections,
  TurnFeature,
  TurnIo,
  WriteIo,
} from './store/turn-feature';
export { type AnyTurnFeature, indexTurnFeatures, type TurnFeatureIndex } from './store/turn-features';
export type { TurnPlan, TurnStore } from './store/turn-store';
export { storeSurveyPhoto, surveyPhotoPath } from './surveys/store-survey-photo';
export {
  dueSurveyReminder,
  inviteKey,
  reminderKey,
  runSurveyJobs,
  type SurveyJobResult,
} from './surveys/survey-jobs';
export type { SurveyTask } from './surveys/survey-tasks';
export { createWebhookApp } from './webhook/webhook-app';
