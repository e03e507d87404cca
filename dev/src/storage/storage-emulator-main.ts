// The child process behind startStorageEmulator(): the Firebase Storage emulator's own server from
// firebase-tools (Node), started without its rules engine. That engine is a separate Java jar which
// `firebase emulators:start` downloads on first use (and that command needs Java 21+), so it cannot run
// offline here. Its Cloud Storage JSON API would take any request from anyone on the machine, so a gate
// in front of it asks for the emulators' admin credential (STORAGE_EMULATOR_CREDENTIAL, which the bot's
// Admin SDK sends locally) and refuses everything else: what the deny-all storage.rules says, and what
// production does with a request without Google credentials.
// Args: host port projectId. Stops on SIGTERM/SIGINT or when the parent closes stdin.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORAGE_EMULATOR_CREDENTIAL } from './emulator-credential';

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
  createApp(projectId: string, emulator: StorageEmulatorInternals): Promise<RequestListener>;
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
const admitted = (req: IncomingMessage) => req.headers.authorization === STORAGE_EMULATOR_CREDENTIAL;
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return;
  }
  if (!admitted(req)) {
    req.resume();
    res
      .writeHead(403, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { code: 403, message: 'Permission denied: no admin credential' } }));
    return;
  }
  app(req, res);
});
server.listen(port, host);
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
