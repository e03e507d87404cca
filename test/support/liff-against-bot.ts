import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { buildLiff } from '../../liff/tools/build-app';

/**
 * Builds the LIFF app (with the LIFF mock) to talk to a running test bot's API and the fake platform's
 * dev LINE Login. Vite reads its settings from the environment, which is restored afterwards.
 */
export async function buildLiffAgainstBot(outDir: string, o: { botUrl: string; platformUrl: string }) {
  const env = {
    VITE_LIFF_ID: DEV_CHANNEL.liffId,
    VITE_API_BASE: `${o.botUrl}/api`,
    VITE_LINE_DEV_BASE: o.platformUrl,
    VITE_LOGIN_CHANNEL_ID: DEV_CHANNEL.loginChannelId,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await buildLiff({ outDir, mock: true });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
