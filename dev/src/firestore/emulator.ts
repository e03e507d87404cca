import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort, superviseChild } from '../child-service';
import { findEmulatorJar } from './emulator-jar';

/** The rules `firebase deploy` deploys. */
export const FIRESTORE_RULES = fileURLToPath(new URL('../../../firestore.rules', import.meta.url));

export interface RunningEmulator {
  /** host:port, the value for FIRESTORE_EMULATOR_HOST */
  readonly hostPort: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface StartEmulatorOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  jar?: string;
  /** security rules every project starts with; the repository's firestore.rules unless given */
  rules?: string;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Starts the real Cloud Firestore emulator as a bare JVM (not the gcloud wrapper, which would leave
 * the JVM behind when killed) and resolves once it answers HTTP.
 */
export async function startFirestoreEmulator(opts: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port || (await freePort(host));
  const jar = opts.jar ?? findEmulatorJar();
  const child = spawn(
    'java',
    [
      '-Duser.language=en',
      '-Xss2m',
      '-cp',
      jar,
      'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
      'start',
      `--host=${host}`,
      `--port=${port}`,
      // the deployed rules, so a client on this machine is refused exactly as in production (the Admin
      // SDK's "owner" credential is not governed by rules, as in production)
      `--rules=${opts.rules ?? FIRESTORE_RULES}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: false },
  );
  const hostPort = `${host}:${port}`;
  const service = await superviseChild(child, {
    name: 'Firestore emulator',
    readyUrl: `http://${hostPort}/`,
    readyTimeoutMs: opts.readyTimeoutMs ?? 30_000,
    pollMs: 150,
    log: opts.log,
  });
  return { hostPort, ...service };
}

/** Deletes every document of one project in the emulator (its documented REST reset). */
export async function resetFirestore(hostPort: string, projectId: string): Promise<void> {
  const res = await fetch(
    `http://${hostPort}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`Firestore reset failed: ${res.status} ${await res.text()}`);
}
