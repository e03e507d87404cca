import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starts test/support/bot-child.ts in a process of its own (to be killed with SIGKILL as a Cloud
 * Functions instance can die), on the given emulator project and fake LINE platform.
 */
export async function startBotChild(o: {
  firestoreHostPort: string;
  projectId: string;
  lineBase: string;
  channelSecret: string;
  channelToken: string;
  /** queued work never reaches the task queue */
  tasksHang?: boolean;
}): Promise<{ child: ChildProcess; url: string }> {
  const require = createRequire(import.meta.url);
  const script = fileURLToPath(new URL('./bot-child.ts', import.meta.url));
  const c = spawn(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, script], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      FIRESTORE_EMULATOR_HOST: o.firestoreHostPort,
      CHILD_PROJECT_ID: o.projectId,
      CHILD_LINE_BASE: o.lineBase,
      CHILD_CHANNEL_SECRET: o.channelSecret,
      CHILD_CHANNEL_TOKEN: o.channelToken,
      CHILD_TASKS_HANG: o.tasksHang ? '1' : '',
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    c.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /READY (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    c.stderr?.on('data', (b: Buffer) => {
      out += b.toString();
    });
    c.once('exit', (code) => reject(new Error(`child exited ${code}: ${out}`)));
  });
  return { child: c, url };
}
