import { bangkokDate, type PersonContext, waitingOnLinkReplies } from '@phattana/shared';
import type { Express } from 'express';
import type { CollectionReference, Firestore } from 'firebase-admin/firestore';
import { createApiApp } from './api/api-app';
import { createApiRouter } from './api/api-router';
import { createIdTokenVerifier, type IdTokenVerifier } from './api/id-token-verifier';
import { createReportThumbnailRoutes } from './api/report-thumbnail-routes';
import { readWaitingWorkNow } from './approvals/read-waiting-work';
import { sendDeferredBroadcasts } from './broadcast/deferred-broadcasts';
import { createBotMessageBudget } from './budget/bot-message-budget';
import { withMessageBudget } from './budget/budget-gate';
import { messageBudgetCollection } from './budget/budget-ledger';
import { createDailyDigest } from './budget/daily-digest-sender';
import { createHolidayCalendarSource } from './calendar/holiday-calendar';
import { runEthicsQuizJobs } from './ethics/ethics-quiz-jobs';
import { broadcastTaskDeps } from './features/hr-broadcast-turn';
import { turnFeatures } from './features/registry';
import { runLibraryDigest } from './library/library-digest-job';
import { createHmacPostbackSigner } from './line/hmac-postback-signer';
import { createHttpLineClient, type LineClient } from './line/line-client';
import { withMunicipalityRetryKeys } from './line/municipality-retry-keys';
import type { MediaStore } from './media/media-store';
import { municipalityCollections } from './municipality-collections';
import { createAfterCommit } from './outbox/after-commit';
import { OUTBOX_SWEEP_AFTER_MS, sweepOutbox } from './outbox/deliver-entry';
import { createFirestoreOutbox } from './outbox/firestore-outbox';
import { holdNoticeIfQuiet, releaseHeldNotices } from './outbox/held-notices';
import { enforceRetention } from './people/retention';
import { type StaffRecord, staffRecords } from './people/staff-record-repository';
import { runDailyReportJobs } from './reports/daily-report-jobs';
import { createOnceOnlySender } from './reports/once-only-sender';
import { claimDueDateRecompute, recomputeOpenDueDates } from './reports/recompute-due-dates';
import { reportPhotoLinker } from './reports/report-photo-link';
import { runAdvanceReminders } from './requests/advance-reminders';
import { runTravelOrderNotices } from './requests/travel-order-notices';
import { linkMenuForRoles, type MenuRole, resolveMenuIdsByRole } from './rich-menus';
import { createRichMenuAdminClient } from './rich-menus/rich-menu-admin-client';
import type { BotConfig } from './runtime/config';
import { createJsonLogger, type Logger, silentLogger } from './runtime/logger';
import { createInProcessTaskQueue, type Task, type TaskQueue } from './runtime/task-queue';
import { createFirestoreTurnStore } from './store/firestore-turn-store';
import type { TaskIo } from './store/turn-feature';
import type { TurnStore } from './store/turn-store';
import { runSurveyJobs } from './surveys/survey-jobs';
import { freezeTargetResults } from './targets/freeze-target-results';
import type { EventHandlerDeps } from './webhook/handle-event';
import { warmUp } from './webhook/warm-up';
import { createWebhookApp } from './webhook/webhook-app';

export { municipalityCollections } from './municipality-collections';

export interface CreateBotOptions {
  config: BotConfig;
  db: Firestore;
  logger?: Logger;
  clock?: () => Date;
  /** Cloud Tasks in production; in-process when omitted */
  tasks?: TaskQueue;
  line?: LineClient;
  store?: TurnStore;
  loadingAfterMs?: number;
  onLinked?: (userId: string, person: PersonContext) => Promise<void>;
  /** LINE ID tokens' checker, shared by the platform's municipalities (one key cache) */
  verifier?: IdTokenVerifier;
  /** what the link turn's reply adds (the platform routes it to the person's own municipality) */
  linkedReplies?: EventHandlerDeps['linkedReplies'];
  /**
   * Which rich menu each role gets once linked: ids from the setup script, or 'lookup' to find the
   * menus the setup created by name (once per instance). Omitted: menus are left alone.
   */
  richMenus?: Readonly<Record<MenuRole, string>> | 'lookup';
  /** where report photos are kept (Cloud Storage); without it their tasks fail and are retried */
  media?: MediaStore;
  /** the in-process queue's waits between retries: 1 = Cloud Tasks' own (tests shrink them) */
  taskBackoffScale?: number;
  /** false: pushes are not metered against LINE's monthly quota (the bench's "before") */
  messageBudget?: false;
  /** false: the daily jobs push each message on its own instead of one morning digest per person */
  dailyDigest?: false;
  /**
   * the deployment's message-budget months, one LINE Official Account's (default `messageBudget`):
   * a deployment serving several municipalities hands in the same collection to each
   */
  messageBudgetMonths?: CollectionReference;
  /** the app's public address when known only once it listens (local); else config.publicBaseUrl */
  publicBaseUrl?: () => string | undefined;
}

/** Wires the webhook app to Firestore and LINE. Collections are named here, once. */
export function createBot(o: CreateBotOptions) {
  const logger = o.logger ?? createJsonLogger();
  const org = o.config.organisation;
  const municipality = o.db.collection('municipalities').doc(org.municipalityId);
  // retry keys scoped to the municipality: others on the same Official Account derive the same ones
  const unmetered = withMunicipalityRetryKeys(
    o.line ??
      createHttpLineClient({
        channelAccessToken: o.config.channelAccessToken,
        apiBase: o.config.lineApiBase,
        dataBase: o.config.lineDataApiBase,
      }),
    org.municipalityId,
  );
  const collections = municipalityCollections(municipality);
  const calendar = createHolidayCalendarSource(collections.holidays, {
    national: o.db.collection('nationalHolidays'),
  });
  const clock = o.clock ?? (() => new Date());
  const signer = createHmacPostbackSigner(o.config.postbackSecret);
  // approval cards show the report's photos small, at signed expiring addresses LINE fetches
  const mediaUrl = reportPhotoLinker(
    signer,
    org.municipalityId,
    () => o.publicBaseUrl?.() ?? o.config.publicBaseUrl,
  );
  // every push and multicast passes the message budget (see budget/budget-gate.ts)
  const budgetMonths = o.messageBudgetMonths ?? messageBudgetCollection(o.db);
  const budget = createBotMessageBudget({
    db: o.db,
    months: budgetMonths,
    line: unmetered,
    staff: staffRecords(collections),
    municipalityId: org.municipalityId,
    signer,
    clock,
    logger,
  });
  const line = o.messageBudget === false ? unmetered : withMessageBudget(unmetered, budget);
  const processedEvents = o.db.collection('processedEvents');
  const store =
    o.store ??
    createFirestoreTurnStore(
      o.db,
      {
        ...collections,
        conversations: o.db.collection('conversations'),
        processedEvents,
        externalTrainings: o.db.collection('externalTrainings'),
      },
      { birthDatePepper: o.config.birthDatePepper },
    );
  // the turns' outbox lives on the processed-event records the Firestore store writes; the API's
  // follow-up work is recorded there too (outbox/after-commit.ts), so one sweeper covers both
  const firestoreOutbox = createFirestoreOutbox(processedEvents);
  const outbox = o.store ? undefined : firestoreOutbox;
  const taskDeps: TaskDeps = {
    db: o.db,
    municipalityId: org.municipalityId,
    media: o.media,
    logger,
    signer,
    clock,
    calendar: () => calendar.get(),
  };
  // everything that waited while the person was unreachable, told once in the link turn's reply
  const ownLinkedReplies = async (person: PersonContext, now: Date, room: number) =>
    waitingOnLinkReplies(
      await readWaitingWorkNow(o.db, collections, person.employeeId, now),
      now,
      o.config.lineLogin?.liffId,
      room,
    );
  const inProcess = createInProcessTaskQueue(
    (task) => runTask(task, line, taskDeps),
    (err, task) => logger.error('task.failed', { type: task.type, err: (err as Error).message }),
    {
      backoffScale: o.taskBackoffScale,
      onRetry: (err, task, attempt) =>
        logger.warn('task.retrying', { type: task.type, attempt, err: (err as Error).message }),
    },
  );
  /** everything a webhook event of this municipality's people needs (the platform routes events here) */
  const eventDeps: EventHandlerDeps = {
    line,
    store,
    signer,
    tasks: o.tasks ?? inProcess.queue,
    logger,
    clock,
    loadingAfterMs: o.loadingAfterMs ?? 700,
    privacy: {
      municipalityName: org.municipalityName,
      retentionYears: org.retentionYears,
      contact: org.contact,
    },
    onLinked: o.onLinked ?? linkRoleMenu(o, line),
    linkedReplies: o.linkedReplies ?? ownLinkedReplies,
    liffId: o.config.lineLogin?.liffId,
    calendar: () => calendar.get(),
    outbox,
    mediaUrl,
  };
  const app: Express = createWebhookApp({ ...eventDeps, channelSecret: o.config.channelSecret, logger });
  app.use(
    '/media',
    createReportThumbnailRoutes({
      municipalityId: org.municipalityId,
      source: collections,
      media: o.media,
      signer,
      clock,
      logger,
    }),
  );
  let apiRouter: ReturnType<typeof createApiRouter> | undefined;
  if (o.config.lineLogin) {
    apiRouter = createApiRouter({
      liffId: o.config.lineLogin.liffId,
      verifier:
        o.verifier ??
        createIdTokenVerifier({
          lineApiBase: o.config.lineApiBase,
          loginChannelId: o.config.lineLogin.channelId,
        }),
      logger,
      clock,
      allowedOrigins: o.config.lineLogin.allowedOrigins,
      db: o.db,
      collections: {
        ...collections,
        conversations: o.db.collection('conversations'),
        externalTrainings: o.db.collection('externalTrainings'),
      },
      calendar: () => calendar.get(),
      tasks: o.tasks ?? inProcess.queue,
      afterCommit: createAfterCommit({
        processedEvents,
        delivery: { line, tasks: o.tasks ?? inProcess.queue, outbox: firestoreOutbox, logger },
        logger,
      }),
      signer,
      birthDatePepper: o.config.birthDatePepper,
      invalidateCalendar: () => calendar.invalidate(),
      media: o.media,
      budget,
      budgetMonths,
      mediaUrl,
    });
    app.use('/api', apiRouter);
  }
  /**
   * the daily scheduler's work: open reports of ended trainings, remind, escalate, tell HR; invite to
   * open surveys and remind whoever has not answered
   */
  /**
   * What quiet hours kept (HR broadcasts confirmed and notices to other people that came up at night):
   * sent at the opening hour (its own schedule) or by the daily job
   */
  const releaseDeferred = async (now = clock()) => {
    const notices = await releaseHeldNotices(collections.heldNotices, line, now, logger);
    const broadcasts = await sendDeferredBroadcasts(
      collections.broadcasts,
      broadcastTaskDeps({ ...taskDeps, line, logger, clock: () => now }),
    );
    return { broadcasts, notices };
  };
  const runDailyJobs = async (now = clock()) => {
    const cal = await calendar.get();
    const digest =
      o.dailyDigest === false
        ? undefined
        : createDailyDigest({
            db: o.db,
            log: collections.notifications,
            line,
            signer,
            logger,
            now,
            today: bangkokDate(now),
          });
    // what every morning job sends with: the digest's sender when there is one; the staff read once for all
    let staffRead: Promise<readonly StaffRecord[]> | undefined;
    const staff = () => (staffRead ??= staffRecords(collections).all());
    const jobs = {
      db: o.db,
      c: collections,
      line,
      signer,
      calendar: cal,
      logger,
      sender: digest?.sender,
      staff,
    };
    const reports = await runDailyReportJobs({ ...jobs, now });
    const advances = await runAdvanceReminders({ ...jobs, now });
    const travelOrders = await runTravelOrderNotices({ ...jobs, now, liffId: o.config.lineLogin?.liffId });
    const surveys = await runSurveyJobs(jobs, now);
    const ethicsQuiz = await runEthicsQuizJobs(
      {
        db: o.db,
        c: collections,
        calendar: cal,
        logger,
        sender:
          digest?.sender ??
          createOnceOnlySender({ db: o.db, log: collections.notifications, line, signer, logger, now }),
      },
      now,
    );
    const digestResult = digest ? await digest.flush() : undefined;
    const released = await releaseDeferred(now);
    // this year's indicator results, kept for next year's comparison (the dashboard only reads)
    const targets = await freezeTargetResults(o.db, collections, now);
    return {
      ...reports,
      advances,
      travelOrders,
      surveys,
      ethicsQuiz,
      ...(digestResult ? { digest: digestResult } : {}),
      deferredBroadcasts: released.broadcasts,
      releasedNotices: released.notices,
      targets,
    };
  };
  /**
   * after a holiday edit: fresh calendar, and every open report's due date follows it; `writtenAt` (the
   * holiday write's commit time) lets the triggers of a bulk edit recompute once
   */
  const recomputeDueDates = async (now = clock(), o2: { writtenAt?: Date } = {}) => {
    // one run per bulk edit: a trigger whose holiday an already started run can see does nothing
    if (!(await claimDueDateRecompute(o.db, collections.municipality, o2.writtenAt))) return 0;
    calendar.invalidate();
    return recomputeOpenDueDates(o.db, collections, await calendar.get(), now);
  };
  return {
    app,
    eventDeps,
    /** the API router alone (the platform mounts the one of the caller's municipality) */
    apiRouter,
    /** the link turn's extra reply for a person of this municipality */
    linkedReplies: ownLinkedReplies,
    /** the LIFF/HR API alone (`/api/...`), for its own function; `app` also serves it, for local use */
    api: createApiApp(apiRouter),
    /** an instance's start: the calendar read and the chat's code compiled before the first webhook */
    warmUp: () =>
      warmUp({
        calendar: () => calendar.get(),
        emptyCommit: () => o.db.batch().commit(),
        signer,
        privacy: {
          municipalityName: org.municipalityName,
          retentionYears: org.retentionYears,
          contact: org.contact,
        },
        now: clock(),
      }).catch((err) => {
        // a failed warm-up costs only speed: the first turn reads the calendar itself
        logger.warn('bot.warm_up_failed', { err: (err as Error).message });
        return { turns: 0 };
      }),
    line,
    budget,
    store,
    drain: inProcess.drain,
    /**
     * What the outbox sweeper runs (scheduled): answers and tasks turns left unsent (a crash between the
     * commit and the delivery) after `olderThanMs`, by push
     */
    sweepOutbox: async (o2: { now?: Date; olderThanMs?: number } = {}) =>
      sweepOutbox(
        { line, tasks: o.tasks ?? inProcess.queue, outbox: firestoreOutbox, logger },
        { now: o2.now ?? new Date(), olderThanMs: o2.olderThanMs ?? OUTBOX_SWEEP_AFTER_MS, limit: 200 },
      ),
    /** shutting down: retries waiting for their backoff run now, once */
    closeTasks: inProcess.close,
    runDailyJobs,
    /** the weekly library digest: this week's new entries to colleagues of the same division, once each */
    runLibraryDigest: (now = clock()) =>
      runLibraryDigest({
        db: o.db,
        c: collections,
        line,
        signer,
        logger,
        now,
        liffId: o.config.lineLogin?.liffId,
      }),
    releaseDeferred,
    recomputeDueDates,
    /** the nightly PDPA job: LINE data of people gone longer than RETENTION_YEARS is deleted */
    enforceRetention: (now = clock()) =>
      enforceRetention(
        {
          db: o.db,
          c: collections,
          conversations: o.db.collection('conversations'),
          retentionYears: org.retentionYears,
          logger,
        },
        now,
      ),
    calendar,
    collections,
    /** what the Cloud Tasks function calls */
    runTask: (task: Task) => runTask(task, line, taskDeps),
  };
}

/** After linking, the person gets their role's rich menu (HR and supervisors see more). */
function linkRoleMenu(o: CreateBotOptions, line: LineClient) {
  const source = o.richMenus;
  if (!source) return undefined;
  let ids: Promise<Readonly<Record<MenuRole, string>> | undefined> | undefined;
  const menuIds = () => {
    ids ??=
      source === 'lookup'
        ? resolveMenuIdsByRole(
            createRichMenuAdminClient({
              channelAccessToken: o.config.channelAccessToken,
              apiBase: o.config.lineApiBase,
              dataBase: o.config.lineDataApiBase,
            }),
          ).catch((err) => {
            ids = undefined; // try again next time
            throw err;
          })
        : Promise.resolve(source);
    return ids;
  };
  return async (userId: string, person: PersonContext) => {
    const byRole = await menuIds();
    if (byRole) await linkMenuForRoles(line, userId, person.roles, byRole);
  };
}

/** What tasks other than pushes need; createBot supplies it. */
export type TaskDeps = Omit<TaskIo, 'line' | 'logger' | 'clock'> & {
  readonly logger?: Logger;
  readonly clock?: () => Date;
};

/** Runs one queued task; Cloud Tasks calls this through functions/ as well. */
export async function runTask(task: Task, line: LineClient, deps?: TaskDeps): Promise<void> {
  if (task.type === 'push') {
    if (task.notice && deps) {
      const held = municipalityCollections(
        deps.db.collection('municipalities').doc(deps.municipalityId),
      ).heldNotices;
      if (await holdNoticeIfQuiet(held, task, (deps.clock ?? (() => new Date()))())) return;
    }
    await line.push(task.to, task.messages as Parameters<LineClient['push']>[1], task.retryKey);
    return;
  }
  // every other task belongs to the feature that queued it
  const run = turnFeatures.taskOf(task.type);
  if (!run) throw new Error(`${task.type}: no feature runs this task`);
  if (!deps) throw new Error(`${task.type}: no task settings configured`);
  await run(task, {
    ...deps,
    line,
    logger: deps.logger ?? silentLogger,
    clock: deps.clock ?? (() => new Date()),
  });
}
