// Firebase Functions (2nd gen) triggers. This file only wires: everything else lives in bot/ and shared/,
// bundled into lib/ by build.mjs so Cloud Build's `npm install` here needs only the Firebase packages.
import {
  type BotConfig,
  createCloudStorageMediaStore,
  createPlatform,
  DAILY_JOBS_TASK,
  derivePostbackSecret,
  type PlatformTask,
  TASK_RETRY,
} from '@phattana/bot';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { getFunctions } from 'firebase-admin/functions';
import { getStorage } from 'firebase-admin/storage';
import { defineInt, defineSecret, defineString } from 'firebase-functions/params';
import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onRequest } from 'firebase-functions/v2/https';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { onTaskDispatched } from 'firebase-functions/v2/tasks';

/**
 * Singapore, the region nearest Thailand that Cloud Functions for Firebase offers (no Bangkok region in
 * the SDK's list); Firestore's location in firebase.json is the same, so no personal data leaves it.
 */
const REGION = 'asia-southeast1';
const LINE_CHANNEL_SECRET = defineSecret('LINE_CHANNEL_SECRET');
const LINE_CHANNEL_ACCESS_TOKEN = defineSecret('LINE_CHANNEL_ACCESS_TOKEN');
/** keys the birth-date hashes that LINE linking compares; the employee import uses the same */
const BIRTH_DATE_PEPPER = defineSecret('BIRTH_DATE_PEPPER');
const MUNICIPALITY_ID = defineString('MUNICIPALITY_ID');
const MUNICIPALITY_NAME = defineString('MUNICIPALITY_NAME');
const PRIVACY_CONTACT = defineString('PRIVACY_CONTACT');
const RETENTION_YEARS = defineInt('RETENTION_YEARS', { default: 10 });
const SECRETS = [LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN, BIRTH_DATE_PEPPER];
/** LINE Login channel id of the LIFF app; the API checks ID tokens' `aud` against it */
export const LIFF_CHANNEL_ID = defineString('LIFF_CHANNEL_ID', { default: '' });
/** where the LIFF app is hosted, comma-separated, e.g. https://<project>.web.app */
const LIFF_ORIGINS = defineString('LIFF_ORIGINS', { default: '' });
const LIFF_ID = defineString('LIFF_ID', { default: '' });
/** where report photos are kept; empty: the project's default Firebase Storage bucket */
const MEDIA_BUCKET = defineString('MEDIA_BUCKET', { default: '' });
/** webhook instances kept warm so a cold start does not eat LINE's 2 s; 0 saves money */
const WEBHOOK_MIN_INSTANCES = defineInt('WEBHOOK_MIN_INSTANCES', { default: 1 });
// Deployed functions never set this: only the production-shape test points them at the fake LINE platform.
const LINE_BASE = process.env.PHATTANA_FAKE_LINE_BASE;
// No OpenTelemetry exporter is set up, yet the Firestore SDK traces unless told not to: no-op spans and
// their contexts at every commit, for nothing. FIRESTORE_ENABLE_TRACING=on (functions/.env) brings them back.
process.env.FIRESTORE_ENABLE_TRACING ??= 'off';

let platform: ReturnType<typeof createPlatform> | undefined;

/**
 * One deployment serves every municipality in its Firestore (one LINE Official Account, one LIFF app):
 * each person's events and API calls go to their own municipality's bot. MUNICIPALITY_ID is the default
 * one: people linked before the platform index existed, and a one-municipality deployment, need nothing more.
 */
function getBot() {
  if (!platform) {
    initializeApp();
    const config: BotConfig = {
      channelSecret: LINE_CHANNEL_SECRET.value(),
      channelAccessToken: LINE_CHANNEL_ACCESS_TOKEN.value(),
      lineApiBase: LINE_BASE ?? 'https://api.line.me',
      lineDataApiBase: LINE_BASE ?? 'https://api-data.line.me',
      postbackSecret: derivePostbackSecret(LINE_CHANNEL_SECRET.value()),
      organisation: {
        municipalityId: MUNICIPALITY_ID.value(),
        municipalityName: MUNICIPALITY_NAME.value(),
        retentionYears: RETENTION_YEARS.value(),
        contact: PRIVACY_CONTACT.value(),
      },
      birthDatePepper: BIRTH_DATE_PEPPER.value(),
      lineLogin: LIFF_CHANNEL_ID.value()
        ? {
            channelId: LIFF_CHANNEL_ID.value(),
            liffId: LIFF_ID.value() || undefined,
            allowedOrigins: LIFF_ORIGINS.value().split(',').filter(Boolean),
          }
        : undefined,
      // the `line` function's own address: LINE fetches the photos in approval cards from its /media
      ...(process.env.GCLOUD_PROJECT
        ? { publicBaseUrl: `https://${REGION}-${process.env.GCLOUD_PROJECT}.cloudfunctions.net/line` }
        : {}),
    };
    const queue = getFunctions().taskQueue<PlatformTask>(`locations/${REGION}/functions/lineTasks`);
    platform = createPlatform({
      config,
      db: getFirestore(),
      // a municipality's morning may take as long as the whole morning did in one run
      tasks: {
        enqueue: (task) =>
          queue.enqueue(task, { dispatchDeadlineSeconds: task.type === DAILY_JOBS_TASK ? 540 : 60 }),
      },
      // menus made by `npm run richmenu:setup`, found by name
      richMenus: 'lookup',
      media: createCloudStorageMediaStore(getStorage().bucket(MEDIA_BUCKET.value() || undefined)),
    });
  }
  return platform;
}

// A new webhook instance warms up as it starts (the holidays read, the first Firestore channel, the chat's
// code compiled), while Cloud Run still gives it start-up CPU, instead of in the first person's turn.
// Only the webhook's own service (Cloud Run names the function it serves in FUNCTION_TARGET); never
// while the CLI loads this file to discover the functions (no FUNCTION_TARGET then, and no secrets).
if (process.env.FUNCTION_TARGET === 'line') {
  setImmediate(() => void getBot().warmUp());
}

/** LINE webhook URL: https://<region>-<project>.cloudfunctions.net/line/webhook */
export const line = onRequest(
  {
    region: REGION,
    secrets: SECRETS,
    concurrency: 80,
    memory: '512MiB',
    minInstances: WEBHOOK_MIN_INSTANCES,
  },
  (req, res) => getBot().app(req, res),
);

/**
 * The LIFF app's API and HR's imports and exports, apart from the webhook so they never take its CPU.
 * Hosting rewrites `/api/**` here: the LIFF app and its API share one origin.
 */
export const api = onRequest(
  {
    region: REGION,
    secrets: SECRETS,
    concurrency: 40,
    memory: '1GiB',
    timeoutSeconds: 300,
  },
  (req, res) => getBot().api(req, res),
);

/**
 * Slow work moved off the webhook: pushes that a reply could not carry, and copying report photos from
 * LINE to Cloud Storage. Retried by Cloud Tasks (every task is safe to run twice).
 */
export const lineTasks = onTaskDispatched<PlatformTask>(
  {
    region: REGION,
    secrets: SECRETS,
    // the same policy the local queue follows (bot/src/runtime/task-queue.ts)
    retryConfig: {
      maxAttempts: TASK_RETRY.maxAttempts,
      minBackoffSeconds: TASK_RETRY.minBackoffSeconds,
      maxBackoffSeconds: TASK_RETRY.maxBackoffSeconds,
      maxDoublings: TASK_RETRY.maxDoublings,
    },
    rateLimits: { maxConcurrentDispatches: 10 },
    // one municipality's morning (a task per municipality) has the scheduled run's old limit
    timeoutSeconds: 540,
  },
  async (req) => {
    await getBot().runTask(req.data);
  },
);

/**
 * Each morning in Thailand: open the reports of trainings that have ended, remind whoever still owes
 * one (3 and 1 working days before, on the day, once overdue), escalate late ones to the supervisor
 * and send HR the late list; invite the audience of open surveys and remind those who have not answered
 * (capped by each survey's policy). Safe to run twice: every message is recorded once-only before it is sent.
 */
export const dailyReports = onSchedule(
  {
    region: REGION,
    secrets: SECRETS,
    schedule: '30 8 * * *',
    timeZone: 'Asia/Bangkok',
    retryCount: 3,
    timeoutSeconds: 540,
  },
  async () => {
    // one task per municipality (lineTasks runs them side by side, each retried alone)
    await getBot().queueDailyJobs();
  },
);

/**
 * Each Monday morning in Thailand: colleagues in the same division hear, in ONE message each, about the
 * knowledge-library entries published in the past week (optional priority, once per person per week;
 * people who turned it off are skipped).
 */
export const libraryDigest = onSchedule(
  {
    region: REGION,
    secrets: SECRETS,
    schedule: '0 9 * * 1',
    timeZone: 'Asia/Bangkok',
    retryCount: 3,
    timeoutSeconds: 540,
  },
  async () => {
    await getBot().runLibraryDigest();
  },
);

/**
 * Each night in Thailand (PDPA): the LINE data of people who left longer than RETENTION_YEARS ago is
 * deleted, as the privacy notice says; their training history stays as an official record.
 */
export const retention = onSchedule(
  {
    region: REGION,
    secrets: SECRETS,
    schedule: '0 3 * * *',
    timeZone: 'Asia/Bangkok',
    retryCount: 3,
    timeoutSeconds: 540,
  },
  async () => {
    await getBot().enforceRetention();
  },
);

/**
 * The outbox sweeper: answers, notifications and follow-up tasks a turn committed but could not deliver
 * (the instance died between the commit and the send) go out by push within a minute or two.
 */
export const outboxSweeper = onSchedule(
  { region: REGION, secrets: SECRETS, schedule: 'every 1 minutes', retryCount: 0, timeoutSeconds: 120 },
  async () => {
    await getBot().sweepOutbox();
  },
);

/**
 * The opening of the day's sending hours (08:00 Thai time): HR reminders confirmed outside hours, held
 * until now, go out. The daily job does the same as a safety net; a broadcast is sent once either way.
 */
export const quietHoursRelease = onSchedule(
  { region: REGION, secrets: SECRETS, schedule: '0 8 * * *', timeZone: 'Asia/Bangkok', retryCount: 3 },
  async () => {
    await getBot().releaseDeferred();
  },
);

/** HR added or removed a holiday: that municipality's open reports get the due dates the new calendar gives. */
export const holidayChanged = onDocumentWritten(
  { region: REGION, secrets: SECRETS, document: 'municipalities/{municipalityId}/holidays/{date}' },
  async (event) => {
    // a bulk edit fires this once per holiday: only the first run that can see the write recomputes
    await getBot().recomputeDueDates(event.params.municipalityId, new Date(), {
      writtenAt: new Date(event.time),
    });
  },
);
