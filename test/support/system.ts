import { randomBytes } from 'node:crypto';
import { createMemoryLogger, loadRichMenuImages, setupRichMenus } from '@phattana/bot';
import { consentRecord, nameSortKey, type Role } from '@phattana/shared';
import { afterAll, afterEach } from 'vitest';
import { indexStaffWrite } from '../../bot/src/owing/owing-writes';
import { localBotConfig } from '../../dev/src/dev-settings';
import { type LinePlatform, startLinePlatform } from '../../dev/src/line-platform';
import { type LocalBot, startLocalBot } from '../../dev/src/local-bot';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import {
  buildFollowEvent,
  buildImageEvent,
  buildPostbackEvent,
  buildTextEvent,
  buildUnfollowEvent,
  signBody,
} from '../../dev/src/simulator/webhook-events';
import { useTestFirestore } from './firestore';
import { useTestStorage } from './storage';

export const TEST_CHANNEL = {
  secret: 'test-channel-secret-0123456789',
  accessToken: 'test-channel-access-token',
} as const;

/**
 * The whole bot as it runs for real, for integration tests: the real Firestore emulator (a project of
 * this file's own), the fake LINE platform validating every outgoing call, and the webhook app over HTTP.
 * Call at module level; it starts lazily and stops after the file.
 */
export function useSystem(
  o: {
    clock?: () => Date;
    loadingAfterMs?: number;
    richMenus?: boolean;
    /** web origins allowed to call the LIFF API (read when the system starts) */
    liffOrigins?: () => string[];
    /** one deployment for every municipality in the database (the demo one is the default) */
    platform?: boolean;
  } = {},
) {
  const fs = useTestFirestore();
  const storage = useTestStorage();
  const log = createMemoryLogger();
  let platform: LinePlatform | undefined;
  let bot: LocalBot | undefined;

  async function start() {
    if (bot && platform) return { bot, platform };
    platform = await startLinePlatform({ channelAccessToken: TEST_CHANNEL.accessToken });
    const menus = o.richMenus
      ? await setupRichMenus({
          http: {
            channelAccessToken: TEST_CHANNEL.accessToken,
            apiBase: platform.url,
            dataBase: platform.url,
          },
          liffId: '2000000000-test',
          images: await loadRichMenuImages(),
        })
      : undefined;
    bot = await startLocalBot({
      platform: o.platform,
      richMenus: menus?.menuIdByRole,
      db: fs.db,
      media: storage.media,
      logger: log.logger,
      clock: o.clock,
      loadingAfterMs: o.loadingAfterMs,
      // Cloud Tasks' retries, with waits of 100 ms instead of 10 s
      taskBackoffScale: 0.01,
      config: localBotConfig({
        channelSecret: TEST_CHANNEL.secret,
        channelAccessToken: TEST_CHANNEL.accessToken,
        lineBase: platform.url,
        liffOrigins: o.liffOrigins?.(),
      }),
    });
    return { bot, platform };
  }

  afterEach(() => platform?.clearFaults());
  afterAll(async () => {
    await bot?.close();
    await platform?.close();
  });

  /** POSTs a webhook body as LINE does: raw JSON, signed with the channel secret. */
  async function post(body: string | object, signature: string | null = 'valid'): Promise<Response> {
    const { bot } = await start();
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature === 'valid') headers['x-line-signature'] = signBody(TEST_CHANNEL.secret, raw);
    else if (signature !== null) headers['x-line-signature'] = signature;
    const res = await fetch(bot.webhookUrl, { method: 'POST', headers, body: raw });
    await bot.drain();
    return res;
  }

  const envelope = (events: object[]) => ({ destination: 'Uphattanatest00000000000000000000', events });

  return {
    fs,
    storage,
    logs: log.lines,
    start,
    post,
    envelope,
    get platform() {
      if (!platform) throw new Error('call start() first');
      return platform;
    },
    newUserId: () => `U${randomBytes(16).toString('hex')}`,
    /**
     * A LINE user already linked to a staff record (as if they had consented and used an invite), for
     * tests of features that need a person. The linking itself is tested through chat elsewhere.
     */
    async linkedUser(o: { employeeId?: string; name?: string; roles?: Role[] } = {}): Promise<string> {
      await start();
      const userId = `U${randomBytes(16).toString('hex')}`;
      const employeeId = o.employeeId ?? `T${randomBytes(3).toString('hex').toUpperCase()}`;
      const name = o.name ?? 'นางสาวทดสอบ ระบบดี';
      const roles = o.roles ?? ['staff'];
      const municipality = fs.db.collection('municipalities').doc(DEMO_MUNICIPALITY_ID);
      // with its line in the who-owes-what index, as every product write of a staff record does
      const staff = {
        id: employeeId,
        code: employeeId,
        name,
        nameSortKey: nameSortKey(name),
        roles,
        active: true,
        lineUserId: userId,
        lineFollowing: true,
      };
      const batch = fs.db.batch();
      batch.set(municipality.collection('employees').doc(employeeId), staff);
      indexStaffWrite(batch, municipality.collection('employees').doc(employeeId), staff);
      await batch.commit();
      await fs.db
        .collection('conversations')
        .doc(userId)
        .set({ person: { employeeId, name, roles }, consent: consentRecord('granted', new Date()) });
      platform?.setFollowing(userId, true);
      return userId;
    },
    async text(userId: string, text: string) {
      const { platform } = await start();
      return post(envelope([buildTextEvent({ userId, text, replyToken: platform.issueReplyToken(userId) })]));
    },
    async postback(userId: string, data: string, params?: Record<string, string>) {
      const { platform } = await start();
      return post(
        envelope([
          buildPostbackEvent({ userId, data, params, replyToken: platform.issueReplyToken(userId) }),
        ]),
      );
    },
    /** sends a photo as LINE does: an image message whose bytes the platform serves as its content */
    async image(userId: string, bytes: Buffer, contentType = 'image/jpeg') {
      const { platform } = await start();
      const messageId = String(Date.now()) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
      platform.putContent(messageId, bytes, contentType);
      const res = await post(
        envelope([buildImageEvent({ userId, messageId, replyToken: platform.issueReplyToken(userId) })]),
      );
      return { res, messageId };
    },
    /** taps a button the bot sent this user (quick reply or Flex), by its label */
    async tap(userId: string, label: string) {
      const a = findAction(this.botMessages(userId), label);
      if (a.type === 'postback' && a.data) return this.postback(userId, a.data);
      if (a.type === 'message' && a.text) return this.text(userId, a.text);
      throw new Error(`button "${label}" is a ${a.type} action`);
    },
    async follow(userId: string) {
      const { platform } = await start();
      platform.setFollowing(userId, true);
      return post(envelope([buildFollowEvent({ userId, replyToken: platform.issueReplyToken(userId) })]));
    },
    async unfollow(userId: string) {
      const { platform } = await start();
      platform.setFollowing(userId, false);
      return post(envelope([buildUnfollowEvent({ userId })]));
    },
    /** LINE message objects the platform accepted for this user, oldest first */
    botMessages(userId: string): Array<Record<string, unknown>> {
      return (platform?.messagesFor(userId) ?? []).filter((d) => d.delivered).map((d) => d.message);
    },
  };
}

/** The texts of a message list (text messages and Flex alt texts), for readable assertions. */
export function textsOf(messages: Array<Record<string, unknown>>): string[] {
  return messages.map((m) => (m.type === 'text' ? String(m.text) : String(m.altText ?? m.type)));
}

type QuickItem = { action: { type: string; label: string; data?: string; text?: string } };

/** Finds a button (quick reply or Flex button) by its label in the last messages, as a person would. */
export function findAction(messages: Array<Record<string, unknown>>, label: string) {
  for (const m of [...messages].reverse()) {
    const quick = (m.quickReply as { items?: QuickItem[] } | undefined)?.items ?? [];
    const flexButtons = JSON.stringify(m.contents ?? {}).includes(label)
      ? collectFlexActions(m.contents)
      : [];
    for (const a of [...quick.map((q) => q.action), ...flexButtons]) if (a.label === label) return a;
  }
  throw new Error(`no button "${label}" in the bot's messages`);
}

function collectFlexActions(node: unknown): QuickItem['action'][] {
  if (!node || typeof node !== 'object') return [];
  const out: QuickItem['action'][] = [];
  const n = node as Record<string, unknown>;
  if (n.type === 'button' && n.action) out.push(n.action as QuickItem['action']);
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) for (const c of v) out.push(...collectFlexActions(c));
    else if (v && typeof v === 'object') out.push(...collectFlexActions(v));
  }
  return out;
}
