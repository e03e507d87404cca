export { type CreateBotOptions, createBot, runTask } from './create-bot';
export { createHmacPostbackSigner } from './line/hmac-postback-signer';
export { LineApiError, LineUnavailableError } from './line/line-api-error';
export { createHttpLineClient, type LineClient, type LineMessage } from './line/line-client';
export { LINE_LIMITS } from './line/line-limits';
export { batches, renderMessages } from './line/render-messages';
export { completeDeletionRequest, DataRequestError, openDataRequests } from './people/data-requests';
export {
  createFirestoreEmployeeDirectory,
  hashBirthDate,
} from './people/firestore-employee-directory';
export { importEmployees } from './people/import-employees';
export { EmployeeNotFoundError, issueInvite, unlinkEmployee } from './people/invites';
export { readSpreadsheet, SpreadsheetError } from './people/read-spreadsheet';
export { type LinkedPersonChange, syncLinkedPeople } from './people/sync-linked-people';
export * from './rich-menus';
export { type BotConfig, botConfigFromEnv, ConfigError, derivePostbackSecret } from './runtime/config';
export { createJsonLogger, createMemoryLogger, type Logger, silentLogger } from './runtime/logger';
export { createInProcessTaskQueue, type Task, type TaskQueue } from './runtime/task-queue';
export {
  birthDateHash,
  createFirestoreTurnStore,
  type FirestoreTurnStoreCollections,
} from './store/firestore-turn-store';
export { createMemoryTurnStore } from './store/memory-turn-store';
export type { TurnStore } from './store/turn-store';
export { createWebhookApp } from './webhook/webhook-app';
