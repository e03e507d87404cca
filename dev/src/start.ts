// `npm start`: the whole system on this machine — the real Firestore emulator, the Storage emulator, the
// fake LINE platform with the chat simulator, the bot, and the LIFF app — seeded with a demo municipality.
import { createCloudStorageMediaStore, loadRichMenuImages, setupRichMenus } from '@phattana/bot';
import { formatInviteCode } from '@phattana/shared';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { getStorage } from 'firebase-admin/storage';
import { freePort } from './child-service';
import { DEV_CHANNEL, DEV_PORTS, DEV_PROJECT_ID, DEV_STORAGE_BUCKET, localBotConfig } from './dev-settings';
import { type RunningEmulator, startFirestoreEmulator } from './firestore/emulator';
import { EmulatorJarMissingError } from './firestore/emulator-jar';
import { type LocalBot, startLocalBot } from './local-bot';
import { demoBirthDate, demoEmployees, demoInviteCode, demoLineUserId } from './seed/demo-municipality';
import {
  demoRegion,
  demoRegionalOfficer,
  secondBirthDate,
  secondEmployees,
  secondInviteCode,
  secondLineUserId,
  secondMunicipality,
} from './seed/second-municipality';
import { seedDemo } from './seed/seed';
import { dailyJobsAction } from './simulator/daily-jobs-action';
import { libraryDigestAction } from './simulator/library-digest-action';
import { startSimulatorStack } from './simulator/stack';
import { asEmulatorAdmin } from './storage/emulator-credential';
import {
  type RunningStorageEmulator,
  StorageEmulatorMissingError,
  startStorageEmulator,
} from './storage/storage-emulator';

const host = '127.0.0.1';
const stops: Array<() => Promise<void>> = [];
let stoppingSince = 0;

async function main() {
  process.env.METADATA_SERVER_DETECTION = 'none';
  process.env.FIRESTORE_ENABLE_TRACING ??= 'off'; // as deployed (functions/src/index.ts): no exporter, no spans
  const emulator = await startEmulator();
  stops.unshift(() => emulator.stop());
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const storage = await startStorage();
  stops.unshift(() => storage.stop());
  process.env.FIREBASE_STORAGE_EMULATOR_HOST = storage.hostPort;
  const app = initializeApp({ projectId: DEV_PROJECT_ID, storageBucket: DEV_STORAGE_BUCKET }, 'phattana-dev');
  stops.unshift(() => deleteApp(app));
  const db = getFirestore(app);
  const seeded = await seedDemo(db);

  const platformPort = await portOrFree(DEV_PORTS.line);
  const botPort = await portOrFree(DEV_PORTS.bot);
  const liffPort = await portOrFree(DEV_PORTS.liff);
  const liffUrl = `http://${host}:${liffPort}`;

  let localBot: LocalBot | undefined;
  const stack = await startSimulatorStack({
    devActions: [dailyJobsAction(() => localBot), libraryDigestAction(() => localBot)],
    host,
    port: platformPort,
    channelSecret: DEV_CHANNEL.secret,
    channelAccessToken: DEV_CHANNEL.accessToken,
    loginChannelId: DEV_CHANNEL.loginChannelId,
    liffUrl,
    liffId: DEV_CHANNEL.liffId,
    demoUsers: [
      ...demoEmployees.map((e) => ({
        userId: demoLineUserId(e.code),
        displayName: e.name,
        note: `${e.position} · รหัสเชิญ ${formatInviteCode(demoInviteCode(e.code))}`,
      })),
      // the second municipality of the same deployment (same LINE account), and the province office
      ...secondEmployees.map((e) => ({
        userId: secondLineUserId(e.code),
        displayName: e.name,
        note: `${secondMunicipality.name} · ${e.position} · รหัสเชิญ ${formatInviteCode(secondInviteCode(e.code))}`,
      })),
      {
        userId: demoRegionalOfficer.userId,
        displayName: demoRegionalOfficer.name,
        note: `${demoRegion.name} · เปิด LIFF หน้า /region`,
      },
    ],
    startBot: async ({ platform }) => {
      // The same idempotent setup a deployment runs once: menus per role, images, HR tab aliases.
      const menus = await setupRichMenus({
        http: { channelAccessToken: DEV_CHANNEL.accessToken, apiBase: platform.url, dataBase: platform.url },
        liffId: DEV_CHANNEL.liffId,
        images: await loadRichMenuImages(),
      });
      localBot = await startLocalBot({
        db,
        media: createCloudStorageMediaStore(asEmulatorAdmin(getStorage(app).bucket())),
        richMenus: menus.menuIdByRole,
        host,
        port: botPort,
        // one deployment for every seeded municipality, as for a province
        platform: true,
        config: localBotConfig({
          channelSecret: DEV_CHANNEL.secret,
          channelAccessToken: DEV_CHANNEL.accessToken,
          lineBase: platform.url,
          liffOrigins: [liffUrl],
        }),
      });
      return localBot;
    },
  });
  stops.unshift(() => stack.close());
  const { platform, bot } = stack;
  for (const e of demoEmployees) {
    platform.setProfile(demoLineUserId(e.code), { displayName: e.name });
  }
  for (const e of secondEmployees) platform.setProfile(secondLineUserId(e.code), { displayName: e.name });
  platform.setProfile(demoRegionalOfficer.userId, { displayName: demoRegionalOfficer.name });

  const liff = await startLiff(liffPort, bot.webhookUrl.replace(/\/webhook$/, '/api'), platform.url);
  stops.unshift(liff);

  const lines = [
    '',
    'พัฒนา (Phattana) is running locally',
    `  LINE simulator     ${platform.url}/simulator`,
    `  LIFF app           ${liffUrl}/`,
    `  Bot webhook        ${bot.webhookUrl}`,
    `  Fake LINE API      ${platform.url}  (OpenAPI validation: ${platform.specLoaded ? 'on' : 'OFF, ../shared/line-openapi not found; limits still checked'})`,
    `  Firestore emulator ${emulator.hostPort}  (project ${DEV_PROJECT_ID})`,
    `  Storage emulator   http://${storage.hostPort}  (bucket ${DEV_STORAGE_BUCKET}: report photos)`,
    `  Seeded: ${seeded.employees} employees, ${seeded.trainings} trainings, ${seeded.holidays} holidays`,
    '  Demo people: pick one in the simulator, tap "เพิ่มเพื่อน" (add friend), accept the privacy notice and',
    '  register with the invite code shown next to their name, or with employee code + birth date:',
    ...demoEmployees
      .filter((e) => e.roles.some((r) => r !== 'staff') || e.code === 'E010')
      .map(
        (e) =>
          `    ${e.code} ${e.name} (${e.roles.join(', ')}): ${formatInviteCode(demoInviteCode(e.code))}, born ${demoBirthDate(e.code)}`,
      ),
    `  A second municipality in the same deployment, ${secondMunicipality.name} (own holidays and settings;`,
    "  employee codes repeat the demo's), registers the same way:",
    ...secondEmployees
      .filter((e) => e.roles.some((r) => r !== 'staff'))
      .map(
        (e) =>
          `    ${e.code} ${e.name} (${e.roles.join(', ')}): ${formatInviteCode(secondInviteCode(e.code))}, born ${secondBirthDate(e.code)}`,
      ),
    `  The province office's view (both municipalities, no person): ${liffUrl}/region?sim_user=${demoRegionalOfficer.userId}`,
    'Press Ctrl-C to stop everything.',
    '',
  ];
  console.log(lines.join('\n'));
}

async function startEmulator(): Promise<RunningEmulator> {
  const port = await portOrFree(DEV_PORTS.firestore);
  try {
    return await startFirestoreEmulator({ host, port });
  } catch (err) {
    if (err instanceof EmulatorJarMissingError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function startStorage(): Promise<RunningStorageEmulator> {
  const port = await portOrFree(DEV_PORTS.storage);
  try {
    return await startStorageEmulator({ host, port, projectId: DEV_PROJECT_ID });
  } catch (err) {
    if (err instanceof StorageEmulatorMissingError) {
      console.error(err.message);
      await shutdown(1);
    }
    throw err;
  }
}

async function startLiff(port: number, apiBase: string, lineDevBase: string): Promise<() => Promise<void>> {
  const { createServer } = await import('vite');
  process.env.VITE_LIFF_MOCK = '1';
  process.env.VITE_LIFF_ID = DEV_CHANNEL.liffId;
  process.env.VITE_API_BASE = apiBase;
  // the fake platform's dev LINE Login signs real ID tokens for whoever the simulator opens LIFF as
  process.env.VITE_LINE_DEV_BASE = lineDevBase;
  process.env.VITE_LOGIN_CHANNEL_ID = DEV_CHANNEL.loginChannelId;
  const server = await createServer({
    configFile: new URL('../../liff/vite.config.ts', import.meta.url).pathname,
    root: new URL('../../liff', import.meta.url).pathname,
    server: { host, port, strictPort: true },
    logLevel: 'warn',
  });
  await server.listen();
  return () => server.close();
}

/** The usual port when it is free, else any free one (e.g. a previous run is still shutting down). */
async function portOrFree(preferred: number): Promise<number> {
  const { createServer } = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(preferred, host, () => s.close(() => resolve(true)));
  });
  return free ? preferred : freePort(host);
}

async function shutdown(code: number) {
  // One Ctrl-C reaches us twice (the terminal signals the whole group and npm relays it too):
  // only a second press, a moment later, forces the exit.
  if (stoppingSince) {
    if (Date.now() - stoppingSince < 1500) return;
    console.log('Forcing exit.');
    process.exit(1);
  }
  stoppingSince = Date.now();
  console.log('\nStopping…');
  for (const stop of stops) {
    try {
      await stop();
    } catch (err) {
      console.error('while stopping:', (err as Error).message);
    }
  }
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (err) => {
  console.error(err);
  await shutdown(1);
});
