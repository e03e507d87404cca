import type { Server } from 'node:http';
import { type BotConfig, type CreateBotOptions, createBot, type Logger } from '@phattana/bot';
import type { Firestore } from 'firebase-admin/firestore';

export interface LocalBot {
  url: string;
  webhookUrl: string;
  /** waits for queued background work (pushes) to finish */
  drain(): Promise<void>;
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
}): Promise<LocalBot> {
  const bot = createBot({
    db: o.db,
    config: o.config,
    logger: o.logger,
    clock: o.clock,
    loadingAfterMs: o.loadingAfterMs,
    richMenus: o.richMenus,
  });
  const host = o.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = bot.app.listen(o.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  // LINE keeps connections open; keep-alive lets the benchmark measure the app, not TCP set-up.
  server.keepAliveTimeout = 65_000;
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://${host}:${port}`;
  return {
    url,
    webhookUrl: `${url}/webhook`,
    drain: bot.drain,
    close: async () => {
      await bot.drain();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
