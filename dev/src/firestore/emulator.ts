import { type ChildProcess, spawn } from 'node:child_process';
import { findEmulatorJar } from './emulator-jar';

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
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: false },
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
    await waitUntilReady(`http://${hostPort}/`, child, opts.readyTimeoutMs ?? 30_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`Firestore emulator did not start: ${(err as Error).message}\n${output.join('')}`);
  }
  return {
    hostPort,
    pid: child.pid ?? -1,
    stop: () => stopChild(child),
  };
}

/** Deletes every document of one project in the emulator (its documented REST reset). */
export async function resetFirestore(hostPort: string, projectId: string): Promise<void> {
  const res = await fetch(
    `http://${hostPort}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`Firestore reset failed: ${res.status} ${await res.text()}`);
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`java exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
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

export async function freePort(host = '127.0.0.1'): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
