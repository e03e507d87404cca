import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// `npm start` runs a tree of processes (npm → tsx → the dev server → the Firestore emulator's JVM and
// the Storage emulator). A signal sent to the npm process alone (a process manager, `kill <pid>`, an
// IDE's stop button), not to the whole terminal group, must still stop every one of them.
const root = fileURLToPath(new URL('../../', import.meta.url));

/** true while any process of the group is alive */
const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start stops on a signal to the npm process alone', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: every child process exits`, { timeout: 180_000 }, async () => {
      // its own process group, so that the test can see (and in the worst case end) the whole tree
      const npm = spawn('npm', ['start'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      const pgid = npm.pid!;
      let output = '';
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 150_000);
          const onData = (b: Buffer) => {
            output += b.toString();
            if (output.includes('Press Ctrl-C to stop everything.')) {
              clearTimeout(timer);
              resolve();
            }
          };
          npm.stdout.on('data', onData);
          npm.stderr.on('data', onData);
          npm.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
        });
        process.kill(npm.pid!, signal);
        const deadline = Date.now() + 20_000;
        while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
        expect(groupAlive(pgid), `processes left after ${signal}:\n${output}`).toBe(false);
      } finally {
        if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
      }
    });
  }
});
