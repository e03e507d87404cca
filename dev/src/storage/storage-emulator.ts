import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort, superviseChild } from '../child-service';
import { STORAGE_EMULATOR_CREDENTIAL } from './emulator-credential';

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
  const hostPort = `${host}:${port}`;
  const service = await superviseChild(child, {
    name: 'Storage emulator',
    readyUrl: `http://${hostPort}/healthz`,
    readyTimeoutMs: opts.readyTimeoutMs ?? 30_000,
    pollMs: 100,
    log: opts.log,
  });
  return { hostPort, ...service };
}

/** Deletes every object in every bucket (the emulator's own reset endpoint). */
export async function resetStorage(hostPort: string): Promise<void> {
  const res = await fetch(`http://${hostPort}/internal/reset`, {
    method: 'POST',
    headers: { authorization: STORAGE_EMULATOR_CREDENTIAL },
  });
  if (!res.ok) throw new Error(`Storage reset failed: ${res.status} ${await res.text()}`);
}
