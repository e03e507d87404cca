import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../firestore/emulator';

export interface RunningStorageEmulator {
  /** host:port, the value for FIREBASE_STORAGE_EMULATOR_HOST */
  readonly hostPort: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartStorageEmulatorOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  projectId?: string;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/** firebase-tools (a root devDependency) is where the emulator's code lives. */
export class StorageEmulatorMissingError extends Error {
  override readonly name = 'StorageEmulatorMissingError';
  constructor(cause: unknown) {
    super(
      'The Cloud Storage emulator comes with firebase-tools, which is not installed: run `npm install` ' +
        `at the repository root.\n(${(cause as Error)?.message ?? String(cause)})`,
    );
  }
}

const require = createRequire(import.meta.url);

/**
 * Starts the Firebase Storage emulator (firebase-tools' own server, see storage-emulator-main.ts) as a
 * child process and resolves once it answers the Cloud Storage JSON API.
 */
export async function startStorageEmulator(
  opts: StartStorageEmulatorOptions = {},
): Promise<RunningStorageEmulator> {
  try {
    require.resolve('firebase-tools/lib/emulator/storage/server.js');
  } catch (err) {
    throw new StorageEmulatorMissingError(err);
  }
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port || (await freePort(host));
  const main = fileURLToPath(new URL('./storage-emulator-main.ts', import.meta.url));
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const child = spawn(
    process.execPath,
    ['--import', tsx, main, host, String(port), opts.projectId ?? 'demo-phattana'],
    // stdin stays open: the child exits when it closes, so it never outlives us
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
  );
  const output: string[] = [];
  const collect = (b: Buffer) => {
    const text = b.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    opts.log?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const hostPort = `${host}:${port}`;
  try {
    await waitUntilReady(`http://${hostPort}/b`, child, opts.readyTimeoutMs ?? 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`Storage emulator did not start: ${(err as Error).message}\n${output.join('')}`);
  }
  return { hostPort, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

/** Deletes every object in every bucket (the emulator's own reset endpoint). */
export async function resetStorage(hostPort: string): Promise<void> {
  const res = await fetch(`http://${hostPort}/internal/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`Storage reset failed: ${res.status} ${await res.text()}`);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
