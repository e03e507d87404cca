import { isFirestoreDocId } from '@phattana/shared';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createApiApp } from '../api/api-app';
import { apiCors } from '../api/api-cors';
import { createIdTokenVerifier } from '../api/id-token-verifier';
import { type CreateBotOptions, createBot } from '../create-bot';
import { createHmacPostbackSigner } from '../line/hmac-postback-signer';
import { checkReportPhotoToken } from '../reports/report-photo-link';
import type { OrganisationConfig } from '../runtime/config';
import { createJsonLogger } from '../runtime/logger';
import { createInProcessTaskQueue, type Task, type TaskQueue } from '../runtime/task-queue';
import { createGroupedReads } from '../store/grouped-reads';
import { createWebhookApp } from '../webhook/webhook-app';
import { homeOfLineUser } from './line-user-index';
import { platformCollections } from './platform-collections';
import { createPlatformRouter } from './platform-routes';
import { createRegionRouter } from './region-routes';
import { unverifiedSubject } from './unverified-subject';

// One LINE Official Account, one webhook, one LIFF app and one Firebase project for many municipalities.
// Each municipality keeps its own bot (its collections, calendar, budget and settings), made on first
// use and kept; the platform only routes: a webhook event and an API call by the LINE user's index
// (`lineUsers/{userId}`, written when the account is linked), a queued task by the municipality it was
// queued for, the scheduled jobs to every municipality in turn. A bot reads and writes only under its
// own `municipalities/{id}`, so a person of one municipality never reaches another one's data.

export type Bot = ReturnType<typeof createBot>;

/**
 * One municipality's morning (reports, reminders, surveys, digest), queued by the scheduled job: one
 * task each, so hundreds of municipalities run side by side within the queue's limits instead of in
 * turn inside one 540 s run, and a failing one is retried alone (a rerun sends nothing twice).
 */
export interface DailyJobsTask {
  readonly type: 'platformDailyJobs';
  readonly municipalityId: string;
}
export const DAILY_JOBS_TASK = 'platformDailyJobs';

/** A task as the platform queues it: the municipality whose bot queued it rides along. */
export type PlatformTask = (Task & { readonly municipalityId?: string }) | DailyJobsTask;

export interface CreatePlatformOptions extends Omit<CreateBotOptions, 'tasks' | 'store' | 'verifier'> {
  /**
   * The deployment's queue (Cloud Tasks in production; in-process when omitted). `config.organisation`
   * names the default municipality (MUNICIPALITY_ID): people linked before the index existed, and
   * people not linked yet, are its. Without one (empty id) the `lobby` greets people not linked yet.
   */
  tasks?: { enqueue(task: PlatformTask): Promise<void> };
  /** who the privacy notice names before a person's municipality is known (no default municipality) */
  lobby?: Omit<OrganisationConfig, 'municipalityId'>;
}

/** The id under which the lobby's bot runs: no municipality has it, so it reads and writes nothing of one. */
export const LOBBY_ID = 'platform-lobby';

export function createPlatform(o: CreatePlatformOptions) {
  const logger = o.logger ?? createJsonLogger();
  const p = platformCollections(o.db);
  const defaultId = o.config.organisation.municipalityId;
  const verifier = o.config.lineLogin
    ? createIdTokenVerifier({
        lineApiBase: o.config.lineApiBase,
        loginChannelId: o.config.lineLogin.channelId,
      })
    : undefined;
  const inProcess = createInProcessTaskQueue(
    (task) => runTask(task as PlatformTask),
    (err, task) => logger.error('task.failed', { type: task.type, err: (err as Error).message }),
    { backoffScale: o.taskBackoffScale },
  );
  // the in-process runner hands every task to runTask below, which knows the platform's own as well
  const queue = o.tasks ?? (inProcess.queue as unknown as { enqueue(task: PlatformTask): Promise<void> });
  const bots = new Map<string, Promise<Bot>>();

  const make = (organisation: OrganisationConfig): Bot => {
    const id = organisation.municipalityId;
    const tasks: TaskQueue = {
      enqueue: (task) => queue.enqueue({ ...task, municipalityId: id } as PlatformTask),
    };
    return createBot({
      ...o,
      logger,
      config: { ...o.config, organisation },
      tasks,
      verifier,
      // the link turn may find the person in another municipality than the bot it ran in: what waited
      // for them is read in their own
      linkedReplies: async (person, now, room, userId) =>
        (await botForUser(userId)).linkedReplies(person, now, room),
    });
  };

  /** The bot of one municipality, made once (its name and privacy contact from its record). */
  function botFor(municipalityId: string): Promise<Bot> {
    let bot = bots.get(municipalityId);
    if (!bot) {
      bot =
        municipalityId === defaultId
          ? Promise.resolve(make(o.config.organisation))
          : municipalityId === LOBBY_ID
            ? Promise.resolve(make({ ...lobbyOrganisation(), municipalityId: LOBBY_ID }))
            : p.municipalities
                .doc(municipalityId)
                .get()
                .then((snap) => {
                  const name = snap.get('name') as unknown;
                  const contact = snap.get('privacyContact') as unknown;
                  const years = snap.get('retentionYears') as unknown;
                  return make({
                    municipalityId,
                    municipalityName: typeof name === 'string' && name ? name : municipalityId,
                    contact: typeof contact === 'string' && contact ? contact : o.config.organisation.contact,
                    retentionYears: typeof years === 'number' ? years : o.config.organisation.retentionYears,
                  });
                });
      bot.catch(() => bots.delete(municipalityId)); // a failed read is tried again next time
      bots.set(municipalityId, bot);
    }
    return bot;
  }

  const lobbyOrganisation = () =>
    o.lobby ?? {
      municipalityName: 'ระบบพัฒนาบุคลากรท้องถิ่น',
      retentionYears: o.config.organisation.retentionYears,
      contact: o.config.organisation.contact,
    };
  /** people not linked through the index: the default municipality's, or the lobby's to register */
  const entryBot = () => botFor(defaultId || LOBBY_ID);

  // every event's routing read; events arriving together share one getAll (never a cached route)
  const routingReads = createGroupedReads(o.db);
  /** The bot of a LINE user's municipality. */
  async function botForUser(userId: string | undefined): Promise<Bot> {
    if (userId) {
      const home = await homeOfLineUser(o.db, userId, routingReads.get);
      if (home?.municipalityId && isFirestoreDocId(home.municipalityId)) return botFor(home.municipalityId);
    }
    return entryBot();
  }

  async function runTask(task: PlatformTask): Promise<void> {
    if (task.type === DAILY_JOBS_TASK) {
      // a task for a municipality that is not valid runs nowhere (never the default one's morning twice)
      if (!isFirestoreDocId(task.municipalityId)) throw new Error(`no municipality ${task.municipalityId}`);
      await (await botFor(task.municipalityId)).runDailyJobs();
      return;
    }
    const id = task.municipalityId;
    const bot = id && isFirestoreDocId(id) ? await botFor(id) : await entryBot();
    await bot.runTask(task);
  }

  /** Every municipality of the deployment (and the default one, whether or not its record exists). */
  async function municipalityIds(): Promise<string[]> {
    const listed = (await p.municipalities.select().get()).docs.map((d) => d.id);
    return [...new Set([...(defaultId ? [defaultId] : []), ...listed])];
  }

  /** Runs a job for each municipality in turn; one failing does not stop the others (a rerun is safe). */
  async function eachMunicipality<R>(job: (bot: Bot, id: string) => Promise<R>): Promise<Record<string, R>> {
    const out: Record<string, R> = {};
    const failed: string[] = [];
    for (const id of await municipalityIds()) {
      try {
        out[id] = await job(await botFor(id), id);
      } catch (err) {
        failed.push(id);
        logger.error('platform.job_failed', { municipalityId: id, err: (err as Error).message });
      }
    }
    if (failed.length > 0) throw new Error(`the job failed for ${failed.join(', ')} (the others ran)`);
    return out;
  }

  /**
   * The scheduled morning fanned out: one task per municipality. One that cannot be queued does not
   * stop the others; the scheduler's retry queues them all again, and a queued morning that already
   * ran sends nothing twice (every message is recorded once-only before it is sent).
   */
  async function queueDailyJobs(): Promise<string[]> {
    const ids = await municipalityIds();
    const failed: string[] = [];
    await Promise.all(
      ids.map((municipalityId) =>
        queue.enqueue({ type: DAILY_JOBS_TASK, municipalityId }).catch((err: unknown) => {
          failed.push(municipalityId);
          logger.error('platform.queue_failed', { municipalityId, err: (err as Error).message });
        }),
      ),
    );
    if (failed.length > 0) throw new Error(`could not queue the morning of ${failed.join(', ')}`);
    return ids;
  }

  const webhookDeps = async () => (await entryBot()).eventDeps;
  const app: Express = express();
  app.disable('x-powered-by');
  const webhook = webhookDeps().then((base) =>
    createWebhookApp({
      ...base,
      channelSecret: o.config.channelSecret,
      logger,
      route: async (e) =>
        (await botForUser(e.source?.type === 'user' ? e.source.userId : undefined)).eventDeps,
    }),
  );
  const apiRouter = express.Router();
  // regional staff are not anyone's employees: their own page, aggregates only
  const cors = apiCors(o.config.lineLogin?.allowedOrigins ?? []);
  apiRouter.use('/region', cors, createRegionRouter({ db: o.db, verifier, logger }));
  // the deployment's administrator: onboarding municipalities
  apiRouter.use(
    '/platform',
    cors,
    createPlatformRouter({ db: o.db, verifier, logger, clock: o.clock ?? (() => new Date()) }),
  );
  apiRouter.use(async (req: Request, res: Response, next: NextFunction) => {
    // routing only: the municipality's own API verifies the token before anything is read
    const bot = await botForUser(unverifiedSubject(req.header('authorization')));
    if (!bot.apiRouter) {
      next();
      return;
    }
    bot.apiRouter(req, res, next);
  });
  app.use('/api', apiRouter);
  // the pictures in approvers' cards (LINE fetches them, no login): the signed token names its
  // municipality, whose bot serves the photo; only a token we signed picks a bot
  const photoSigner = createHmacPostbackSigner(o.config.postbackSecret);
  app.get('/media/report-photos/:token', async (req, res, next) => {
    const check = checkReportPhotoToken(
      photoSigner,
      String(req.params.token),
      (o.clock ?? (() => new Date()))(),
    );
    if (!check.ok || !isFirestoreDocId(check.municipalityId)) {
      res.status(403).type('text/plain').send('ลิงก์รูปนี้หมดอายุหรือไม่ถูกต้อง');
      return;
    }
    (await botFor(check.municipalityId)).app(req, res, next);
  });
  app.use((req, res, next) => {
    webhook.then((w) => w(req, res, next), next);
  });

  return {
    app,
    /** the LIFF/HR API alone, for its own function */
    api: createApiApp(o.config.lineLogin ? apiRouter : undefined),
    botFor,
    botForUser,
    municipalityIds,
    runTask,
    drain: inProcess.drain,
    closeTasks: inProcess.close,
    runDailyJobs: (now?: Date) => eachMunicipality((bot) => bot.runDailyJobs(now)),
    /** the weekly knowledge-library digest, for each municipality */
    runLibraryDigest: (now?: Date) => eachMunicipality((bot) => bot.runLibraryDigest(now)),
    queueDailyJobs,
    releaseDeferred: () => eachMunicipality((bot) => bot.releaseDeferred()),
    enforceRetention: (now?: Date) => eachMunicipality((bot) => bot.enforceRetention(now)),
    recomputeDueDates: async (municipalityId: string, now?: Date, o?: { writtenAt?: Date }) =>
      (await botFor(municipalityId)).recomputeDueDates(now, o),
    /** the outbox is deployment-wide (processed events are keyed by LINE's event id): one sweep */
    sweepOutbox: async (o2?: { now?: Date; olderThanMs?: number }) => (await entryBot()).sweepOutbox(o2),
    warmUp: async () => (await entryBot()).warmUp(),
  };
}

export type Platform = ReturnType<typeof createPlatform>;
