// A bot in a child process of its own, for the fault suite: it can be killed with SIGKILL between a
// turn's commit and its delivery, as a Cloud Functions instance can die. Env: FIRESTORE_EMULATOR_HOST,
// CHILD_PROJECT_ID, CHILD_LINE_BASE, CHILD_CHANNEL_SECRET, CHILD_CHANNEL_TOKEN; CHILD_TASKS_HANG=1: queued
// work never reaches the task queue (the instance dies between a commit and its enqueue). Prints "READY <url>".
import type { AddressInfo } from 'node:net';
import { createBot, silentLogger } from '@phattana/bot';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { localBotConfig } from '../../dev/src/dev-settings';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const app = initializeApp({ projectId: env('CHILD_PROJECT_ID') });
const bot = createBot({
  db: getFirestore(app),
  logger: silentLogger,
  loadingAfterMs: -1,
  ...(process.env.CHILD_TASKS_HANG === '1'
    ? { tasks: { enqueue: () => new Promise<void>(() => undefined) } }
    : {}),
  config: localBotConfig({
    channelSecret: env('CHILD_CHANNEL_SECRET'),
    channelAccessToken: env('CHILD_CHANNEL_TOKEN'),
    lineBase: env('CHILD_LINE_BASE'),
  }),
});
const server = bot.app.listen(0, '127.0.0.1', () => {
  console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
