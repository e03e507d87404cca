import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort } from '../../dev/src/child-service';

const require = createRequire(import.meta.url);

export interface RunningEmulators {
  functionsUrl: string;
  hostingUrl: string;
  /** everything the CLI printed so far */
  output(): string;
  /** ends `emulators:exec` (its script exits) and waits for the CLI to stop the emulators */
  stop(): Promise<number | null>;
}

/**
 * `firebase emulators:exec --only functions,hosting` in `dir` (a copy of the deploy: firebase.json, the
 * functions bundle, the LIFF build) on the Node running us, with every emulator port a free one. The exec
 * script only waits for a file: the checks run here while the emulators are up.
 */
export async function startFunctionsAndHosting(
  dir: string,
  o: {
    projectId: string;
    env: Record<string, string>;
    readyTimeoutMs: number;
    /** the ports firebase.json in `dir` gives them */
    ports: { functions: number; hosting: number };
  },
): Promise<RunningEmulators> {
  const cli = require.resolve('firebase-tools/lib/bin/firebase.js');
  const done = path.join(dir, '.done');
  const waitForDone = `const f=require('fs');setInterval(()=>{if(f.existsSync(${JSON.stringify(done)}))process.exit(0)},200)`;
  const script = `"${process.execPath}" -e "${waitForDone.replace(/"/g, '\\"')}"`;
  const child = spawn(
    process.execPath,
    [cli, 'emulators:exec', '--only', 'functions,hosting', '--project', o.projectId, script],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...o.env, NO_UPDATE_NOTIFIER: '1', CI: 'true' },
    },
  );
  let out = '';
  const collect = (b: Buffer) => {
    out += b.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = await Promise.race([
    waitFor(() => out.includes('Running script:'), o.readyTimeoutMs).then(() => true),
    exited.then(() => false),
  ]);
  if (!ready) throw new Error(`firebase emulators:exec ended before the emulators were ready:\n${out}`);
  return {
    functionsUrl: `http://127.0.0.1:${o.ports.functions}`,
    hostingUrl: `http://127.0.0.1:${o.ports.hosting}`,
    output: () => out,
    stop: async () => {
      await writeFile(done, '');
      const timer = setTimeout(() => kill(child), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The emulators' part of firebase.json with a free port for each, so parallel runs never collide. */
export async function freeEmulatorPorts(emulators: Record<string, unknown>) {
  const port = async () => ({ host: '127.0.0.1', port: await freePort() });
  return {
    ...emulators,
    hub: await port(),
    logging: await port(),
    functions: await port(),
    hosting: await port(),
    tasks: await port(),
    eventarc: await port(),
    ui: { enabled: false },
  };
}

function kill(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function waitFor(ok: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
