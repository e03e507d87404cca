import type { Server } from 'node:http';
import {
  type BotConfig,
  type CreateBotOptions,
  createBot,
  createPlatform,
  type LineClient,
  type Logger,
  type MediaStore,
  type Platform,
  type Task,
} from '@phattana/bot';
import { type IsoDate, THAI_GOVERNMENT_HOLIDAYS, type WorkingDayCalendar } from '@phattana/shared';
import type { Firestore } from 'firebase-admin/firestore';

export interface LocalBot {
  url: string;
  webhookUrl: string;
  /** waits for queued background work (pushes) to finish */
  drain(): Promise<void>;
  /** what the daily scheduler does in production (Cloud Scheduler calls it each working morning) */
  runDailyJobs(now?: Date): ReturnType<ReturnType<typeof createBot>['runDailyJobs']>;
  /** what the weekly library-digest schedule does (Monday mornings in production) */
  runLibraryDigest(now?: Date): ReturnType<ReturnType<typeof createBot>['runLibraryDigest']>;
  /** the opening-hour release (08:00): what quiet hours kept goes out */
  releaseDeferred(now?: Date): ReturnType<ReturnType<typeof createBot>['releaseDeferred']>;
  /** the municipality's working-day calendar (its holiday list) */
  calendar(): Promise<WorkingDayCalendar>;
  /** the holiday's name on that date, from the municipality's list (or the shipped one) */
  holidayName(date: IsoDate): Promise<string | undefined>;
  /** what the holiday trigger does after HR edits a holiday */
  recomputeDueDates(): Promise<number>;
  /** what an instance may do at start (read the calendar, compile the chat's code); writes nothing */
  warmUp(): Promise<{ turns: number }>;
  /** runs one task as the Cloud Tasks function does (e.g. to retry one by hand) */
  runTask(task: Task): Promise<void>;
  /** the bot's LINE client, behind the message budget like every push the bot makes */
  line: LineClient;
  /** one deployment for many municipalities (started with `platform: true`), routing to each one's bot */
  platform?: Platform;
  /** the bot's view of this month's LINE quota (LINE's figures, read at most once a minute) */
  budget: ReturnType<typeof createBot>['budget'];
  close(): Promise<void>;
}

/** Runs the same express app Cloud Functions runs, as a plain local HTTP server. */
export async function startLocalBot(o: {
  db: Firestore;
  config: BotConfig;
  port?: number;
  host?: string;
  logger?: Logger;
  clock?: () => Date;
  loadingAfterMs?: number;
  richMenus?: CreateBotOptions['richMenus'];
  media?: MediaStore;
  taskBackoffScale?: number;
  messageBudget?: CreateBotOptions['messageBudget'];
  dailyDigest?: CreateBotOptions['dailyDigest'];
  /**
   * Serve every municipality in the database through one webhook and one API, as one deployment for a
   * province does; `config.organisation` is the default one (the calendar, the LINE client and the
   * daily jobs' result below are its)
   */
  platform?: boolean;
}): Promise<LocalBot> {
  let url: string | undefined;
  const options = {
    // the simulator fetches card pictures from this app (LINE would need https)
    publicBaseUrl: () => url,
    db: o.db,
    config: o.config,
    logger: o.logger,
    clock: o.clock,
    loadingAfterMs: o.loadingAfterMs,
    richMenus: o.richMenus,
    media: o.media,
    taskBackoffScale: o.taskBackoffScale,
    messageBudget: o.messageBudget,
    dailyDigest: o.dailyDigest,
  };
  const platform = o.platform ? createPlatform(options) : undefined;
  const bot = platform ? await platform.botFor(o.config.organisation.municipalityId) : createBot(options);
  const app = platform?.app ?? bot.app;
  const drain = platform?.drain ?? bot.drain;
  const host = o.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(o.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  // LINE keeps connections open; keep-alive lets the benchmark measure the app, not TCP set-up.
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  url = `http://${host}:${port}`;
  return {
    url,
    webhookUrl: `${url}/webhook`,
    drain,
    runDailyJobs: async (now) => {
      // every municipality's morning; the default one's figures are what the simulator shows
      const r = platform
        ? (await platform.runDailyJobs(now))[o.config.organisation.municipalityId]
        : await bot.runDailyJobs(now);
      await drain();
      if (!r) throw new Error('the default municipality did not run');
      return r;
    },
    runLibraryDigest: async (now) => {
      const r = await bot.runLibraryDigest(now);
      await bot.drain();
      return r;
    },
    releaseDeferred: async (now) => {
      const r = await bot.releaseDeferred(now);
      await bot.drain();
      return r;
    },
    recomputeDueDates: () => bot.recomputeDueDates(),
    calendar: () => bot.calendar.get(),
    holidayName: async (date) => {
      const doc = await bot.collections.holidays.doc(date).get();
      if (doc.exists && doc.get('removed') !== true) return String(doc.get('name') ?? '') || undefined;
      return THAI_GOVERNMENT_HOLIDAYS.find((h) => h.date === date)?.name;
    },
    runTask: platform?.runTask ?? bot.runTask,
    warmUp: bot.warmUp,
    line: bot.line,
    platform,
    budget: bot.budget,
    close: async () => {
      await bot.closeTasks();
      await platform?.closeTasks();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
