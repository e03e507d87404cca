import type { MediaRef, PostbackSigner, WorkingDayCalendar } from '@phattana/shared';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import type { MessageBudget } from '../budget/message-budget';
import type { MediaStore } from '../media/media-store';
import type { MunicipalityCollections } from '../municipality-collections';
import type { AfterCommit } from '../outbox/after-commit';
import type { Logger } from '../runtime/logger';
import type { TaskQueue } from '../runtime/task-queue';
import type { IdTokenVerifier } from './id-token-verifier';

/** What the API's route modules are given (apart from the router that mounts them). */
export interface ApiDeps {
  verifier: IdTokenVerifier;
  logger: Logger;
  db: Firestore;
  /** the municipality's collections, plus the LINE-user-keyed ones outside it */
  collections: MunicipalityCollections & {
    conversations: CollectionReference;
    externalTrainings: CollectionReference;
  };
  /** working days with the municipality's holidays (cached by the bot) */
  calendar: () => Promise<WorkingDayCalendar>;
  /** work done after a response, e.g. a broadcast's sending (Cloud Tasks in production) */
  tasks: TaskQueue;
  /** follow-up work recorded in a write's own transaction and queued after it (never lost to a crash) */
  afterCommit: AfterCommit;
  /** signs the postback buttons of messages the API causes to be pushed */
  signer: PostbackSigner;
  /** the LIFF app, for buttons in those messages that open its pages */
  liffId?: string;
  /** keys the birth-date hashes of a staff import from the LIFF app (the bot's BIRTH_DATE_PEPPER) */
  birthDatePepper?: string;
  /** drops the cached working-day calendar after HR edited the holidays */
  invalidateCalendar?: () => void;
  /** origins of the LIFF app allowed to call the API from a browser */
  allowedOrigins: readonly string[];
  clock: () => Date;
  /** where report and survey photos are kept (Cloud Storage): the survey results show them to HR */
  media?: MediaStore;
  /** public addresses of report photos shown small in the approval cards the API causes to be pushed */
  mediaUrl?: (ref: MediaRef, now: Date) => string | undefined;
  /** the deployment's message-budget months (each municipality's share inside) */
  budgetMonths?: CollectionReference;
  /** this month's LINE message quota: HR's dashboard and the broadcast preview show it */
  budget?: MessageBudget;
}
