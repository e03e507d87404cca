import type { PersonContext } from '@phattana/shared';
import type { Express } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { createApiRouter } from './api/api-router';
import { createIdTokenVerifier } from './api/id-token-verifier';
import { createHmacPostbackSigner } from './line/hmac-postback-signer';
import { createHttpLineClient, type LineClient } from './line/line-client';
import { linkMenuForRoles, type MenuRole, resolveMenuIdsByRole } from './rich-menus';
import { createRichMenuAdminClient } from './rich-menus/rich-menu-admin-client';
import type { BotConfig } from './runtime/config';
import { createJsonLogger, type Logger } from './runtime/logger';
import { createInProcessTaskQueue, type Task, type TaskQueue } from './runtime/task-queue';
import { createFirestoreTurnStore } from './store/firestore-turn-store';
import type { TurnStore } from './store/turn-store';
import { createWebhookApp } from './webhook/webhook-app';

export interface CreateBotOptions {
  config: BotConfig;
  db: Firestore;
  logger?: Logger;
  clock?: () => Date;
  /** Cloud Tasks in production; in-process when omitted */
  tasks?: TaskQueue;
  line?: LineClient;
  store?: TurnStore;
  loadingAfterMs?: number;
  onLinked?: (userId: string, person: PersonContext) => Promise<void>;
  /**
   * Which rich menu each role gets once linked: ids from the setup script, or 'lookup' to find the
   * menus the setup created by name (once per instance). Omitted: menus are left alone.
   */
  richMenus?: Readonly<Record<MenuRole, string>> | 'lookup';
}

/** Wires the webhook app to Firestore and LINE. Collections are named here, once. */
export function createBot(o: CreateBotOptions) {
  const logger = o.logger ?? createJsonLogger();
  const org = o.config.organisation;
  const municipality = o.db.collection('municipalities').doc(org.municipalityId);
  const line =
    o.line ??
    createHttpLineClient({
      channelAccessToken: o.config.channelAccessToken,
      apiBase: o.config.lineApiBase,
      dataBase: o.config.lineDataApiBase,
    });
  const store =
    o.store ??
    createFirestoreTurnStore(
      o.db,
      {
        conversations: o.db.collection('conversations'),
        externalTrainings: o.db.collection('externalTrainings'),
        employees: municipality.collection('employees'),
        invites: municipality.collection('invites'),
        dataRequests: municipality.collection('dataRequests'),
      },
      { birthDatePepper: o.config.birthDatePepper },
    );
  const inProcess = createInProcessTaskQueue(
    (task) => runTask(task, line),
    (err, task) => logger.error('task.failed', { type: task.type, err: (err as Error).message }),
  );
  const app: Express = createWebhookApp({
    channelSecret: o.config.channelSecret,
    line,
    store,
    signer: createHmacPostbackSigner(o.config.postbackSecret),
    tasks: o.tasks ?? inProcess.queue,
    logger,
    clock: o.clock ?? (() => new Date()),
    loadingAfterMs: o.loadingAfterMs ?? 700,
    privacy: {
      municipalityName: org.municipalityName,
      retentionYears: org.retentionYears,
      contact: org.contact,
    },
    onLinked: o.onLinked ?? linkRoleMenu(o, line),
    liffId: o.config.lineLogin?.liffId,
  });
  if (o.config.lineLogin) {
    app.use(
      '/api',
      createApiRouter({
        verifier: createIdTokenVerifier({
          lineApiBase: o.config.lineApiBase,
          loginChannelId: o.config.lineLogin.channelId,
        }),
        logger,
        clock: o.clock ?? (() => new Date()),
        allowedOrigins: o.config.lineLogin.allowedOrigins,
        collections: {
          conversations: o.db.collection('conversations'),
          employees: municipality.collection('employees'),
          externalTrainings: o.db.collection('externalTrainings'),
          dataRequests: municipality.collection('dataRequests'),
        },
      }),
    );
  }
  return { app, line, store, drain: inProcess.drain };
}

/** After linking, the person gets their role's rich menu (HR and supervisors see more). */
function linkRoleMenu(o: CreateBotOptions, line: LineClient) {
  const source = o.richMenus;
  if (!source) return undefined;
  let ids: Promise<Readonly<Record<MenuRole, string>> | undefined> | undefined;
  const menuIds = () => {
    ids ??=
      source === 'lookup'
        ? resolveMenuIdsByRole(
            createRichMenuAdminClient({
              channelAccessToken: o.config.channelAccessToken,
              apiBase: o.config.lineApiBase,
              dataBase: o.config.lineDataApiBase,
            }),
          ).catch((err) => {
            ids = undefined; // try again next time
            throw err;
          })
        : Promise.resolve(source);
    return ids;
  };
  return async (userId: string, person: PersonContext) => {
    const byRole = await menuIds();
    if (byRole) await linkMenuForRoles(line, userId, person.roles, byRole);
  };
}

/** Runs one queued task; Cloud Tasks calls this through functions/ as well. */
export async function runTask(task: Task, line: LineClient): Promise<void> {
  switch (task.type) {
    case 'push':
      await line.push(task.to, task.messages as Parameters<LineClient['push']>[1], task.retryKey);
      break;
  }
}
