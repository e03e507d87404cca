// The fake LINE platform with the simulator mounted at /simulator, plus a bot behind it: the setup the
// simulator's tests (node and browser) share. The bot defaults to the stub; pass `startBot` for the real one.
import { type LinePlatform, startLinePlatform } from '../line-platform';
import { createSimulatorRouter, type SimulatorOptions } from './index';
import { startStubBot } from './stub-bot';

export interface StackBot {
  webhookUrl: string;
  close(): Promise<void>;
}

export interface SimulatorStack {
  platform: LinePlatform;
  /** e.g. http://127.0.0.1:PORT/simulator/ */
  simulatorUrl: string;
  bot: StackBot;
  channelSecret: string;
  channelAccessToken: string;
  close(): Promise<void>;
}

export interface SimulatorStackOptions {
  channelSecret?: string;
  channelAccessToken?: string;
  host?: string;
  /** the platform's port; 0 (default) picks a free one */
  port?: number;
  /** starts the bot once the platform runs (it needs the platform's URL); default: the stub bot */
  startBot?: (ctx: {
    platform: LinePlatform;
    channelSecret: string;
    channelAccessToken: string;
  }) => Promise<StackBot>;
  demoUsers?: SimulatorOptions['demoUsers'];
  devActions?: SimulatorOptions['devActions'];
  liffUrl?: string;
  liffId?: string;
  loginChannelId?: string;
}

export async function startSimulatorStack(o: SimulatorStackOptions = {}): Promise<SimulatorStack> {
  const channelSecret = o.channelSecret ?? 'simulator-test-channel-secret';
  const channelAccessToken = o.channelAccessToken ?? 'simulator-test-access-token';
  const host = o.host ?? '127.0.0.1';
  let ref: LinePlatform | undefined;
  let bot: StackBot | undefined;
  const platform = await startLinePlatform({
    host,
    port: o.port ?? 0,
    channelAccessToken,
    loginChannelId: o.loginChannelId,
    mount: (app) => {
      app.use(
        '/simulator',
        createSimulatorRouter({
          platform: lazyPlatform(() => ref),
          webhookUrl: () => {
            if (!bot) throw new Error('bot not started yet');
            return bot.webhookUrl;
          },
          channelSecret,
          devActions: o.devActions,
          channelAccessToken,
          demoUsers: o.demoUsers,
          liffUrl: o.liffUrl,
          liffId: o.liffId,
        }),
      );
    },
  });
  ref = platform;
  try {
    bot = o.startBot
      ? await o.startBot({ platform, channelSecret, channelAccessToken })
      : await startStubBot({ channelSecret, channelAccessToken, platformUrl: platform.url, host });
  } catch (err) {
    await platform.close();
    throw err;
  }
  const started = bot;
  return {
    platform,
    simulatorUrl: `${platform.url}/simulator/`,
    bot: started,
    channelSecret,
    channelAccessToken,
    close: async () => {
      await started.close();
      await platform.close();
    },
  };
}

/** A platform handle usable before the platform exists (routers are mounted while it starts). */
export function lazyPlatform(get: () => LinePlatform | undefined): LinePlatform {
  return new Proxy({} as LinePlatform, {
    get(_t, prop) {
      const p = get();
      if (!p) throw new Error('LINE platform not started yet');
      const v = (p as unknown as Record<string | symbol, unknown>)[prop];
      return typeof v === 'function' ? v.bind(p) : v;
    },
  });
}
