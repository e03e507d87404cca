import type { ChildProcess } from 'node:child_process';

// A local service we run as a child process (the Firestore emulator's JVM, the Storage emulator's Node
// server): keep its recent output for error messages, wait until it answers HTTP, stop it by its pid.

export interface ChildService {
  readonly pid: number;
  stop(): Promise<void>;
}

export async function superviseChild(
  child: ChildProcess,
  o: {
    /** e.g. 'Firestore emulator', for error messages */
    name: string;
    readyUrl: string;
    readyTimeoutMs: number;
    pollMs: number;
    log?: (line: string) => void;
  },
): Promise<ChildService> {
  const output: string[] = [];
  const collect = (b: Buffer) => {
    const text = b.toString();
    output.push(text);
    if (output.length > 200) output.shift();
    o.log?.(text);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitUntilReady(o.readyUrl, child, o.readyTimeoutMs, o.pollMs);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${o.name} did not start: ${(err as Error).message}\n${output.join('')}`);
  }
  return { pid: child.pid ?? -1, stop: () => stopChild(child) };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number, pollMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, pollMs));
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
