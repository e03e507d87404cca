// The child process behind startStorageEmulator(): the Firebase Storage emulator's own server from
// firebase-tools (Node), started without its rules engine. That engine is a separate Java jar which
// `firebase emulators:start` downloads on first use (and that command needs Java 21+), so it cannot run
// offline here. The admin API the bot uses never consults rules; the client API refuses everything
// because no ruleset is loaded, which is what the deny-all storage.rules says anyway.
// Args: host port projectId. Stops on SIGTERM/SIGINT or when the parent closes stdin.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface StorageEmulatorInternals {
  getName(): string;
}
type StorageEmulatorClass = new (args: {
  projectId: string;
  host: string;
  port: number;
  rules: [];
  auto_download: false;
}) => StorageEmulatorInternals;

const require = createRequire(import.meta.url);
const { StorageEmulator } = require('firebase-tools/lib/emulator/storage/index.js') as {
  StorageEmulator: StorageEmulatorClass;
};
const { createApp } = require('firebase-tools/lib/emulator/storage/server.js') as {
  createApp(
    projectId: string,
    emulator: StorageEmulatorInternals,
  ): Promise<{
    listen(port: number, host: string): Server;
  }>;
};
const { EmulatorRegistry } = require('firebase-tools/lib/emulator/registry.js') as {
  EmulatorRegistry: { set(name: string, instance: StorageEmulatorInternals): void };
};

const [host = '127.0.0.1', portArg = '9199', projectId = 'demo-phattana'] = process.argv.slice(2);
const port = Number(portArg);
// Its default blob directory is one per machine and deleted on stop: keep one per process instead,
// so `npm start` and a test run side by side never delete each other's objects.
const blobs = mkdtempSync(join(tmpdir(), 'phattana-storage-'));

class IsolatedStorageEmulator extends StorageEmulator {
  getPersistenceTmpDir() {
    return blobs;
  }
}

const emulator = new IsolatedStorageEmulator({ projectId, host, port, rules: [], auto_download: false });
// Object metadata asks the registry for the emulator's URL (download links).
EmulatorRegistry.set(emulator.getName(), emulator);
const app = await createApp(projectId, emulator);
const server = app.listen(port, host);
server.once('error', (err) => {
  console.error(String(err));
  process.exit(1);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  rmSync(blobs, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin: when it dies, even by SIGKILL, we go too.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
