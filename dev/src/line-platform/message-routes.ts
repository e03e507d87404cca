import express, { type Request, type Response } from 'express';
import { jsonBody, validateBody } from './body-checks';
import { checkLoading, checkSendBody, type SendKind } from './limits';
import { badRequest, LineHttpError, notFound } from './line-errors';
import { MONTHLY_LIMIT_MESSAGE } from './message-quota';
import type { OpenApiValidator } from './openapi-validator';
import type { PlatformState, SentMessage } from './platform-state';

// Sending messages, the loading animation, profiles and message content: the Messaging API calls the
// bot makes in a conversation.

type Messages = Array<Record<string, unknown>>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createMessageRouter(state: PlatformState, validator: OpenApiValidator): express.Router {
  const r = express.Router();
  const requestId = (res: Response) => String(res.getHeader('x-line-request-id'));

  /** Validates a send request; its messages once accepted. */
  const accept = (kind: SendKind, req: Request) => {
    const body = jsonBody(req);
    validateBody(validator, `/v2/bot/message/${kind}`, body, checkSendBody(kind, body));
    return body as { messages: Messages; to?: string | string[]; replyToken?: string };
  };

  /**
   * X-Line-Retry-Key: a UUID; a key LINE already accepted answers 409 with the accepted request's id
   * and sends nothing again. Only a 2xx answer consumes the key, so a 400 or 5xx can be retried with it.
   */
  const retried = (req: Request, res: Response): { key?: string; done: boolean } => {
    const key = req.get('x-line-retry-key');
    if (key === undefined) return { done: false };
    if (!UUID.test(key)) throw badRequest('The retry key must be a UUID (X-Line-Retry-Key)');
    const accepted = state.retryKeys.get(key.toLowerCase());
    if (!accepted) return { key: key.toLowerCase(), done: false };
    res.set('x-line-accepted-request-id', accepted.requestId);
    res
      .status(409)
      .json({ message: 'The retry key is already accepted', sentMessages: accepted.sentMessages });
    return { done: true };
  };
  /** LINE refuses the whole request when its recipients would pass this month's quota. */
  const charge = (recipients: number) => {
    if (!state.quota.allows(recipients)) throw new LineHttpError(429, { message: MONTHLY_LIMIT_MESSAGE });
    state.quota.count(recipients);
  };
  const remember = (key: string | undefined, res: Response, sentMessages: SentMessage[]) => {
    if (key) state.retryKeys.set(key, { requestId: requestId(res), sentMessages });
  };

  r.post('/v2/bot/message/reply', (req, res) => {
    const body = accept('reply', req);
    const userId = state.consumeReplyToken(String(body.replyToken));
    if (!userId) throw badRequest('Invalid reply token');
    const sent = state.sentMessages(body.messages);
    state.record(userId, 'reply', body.messages, sent, requestId(res), state.canReply(userId));
    res.json({ sentMessages: sent });
  });

  r.post('/v2/bot/message/push', (req, res) => {
    const retry = retried(req, res);
    if (retry.done) return;
    const body = accept('push', req);
    const to = String(body.to);
    if (state.canPush(to)) charge(1);
    const sent = state.sentMessages(body.messages);
    if (!state.canPush(to)) {
      // Recorded so the simulator can show it, but LINE tells the sender it failed.
      state.record(to, 'push', body.messages, sent, requestId(res), false);
      throw badRequest('Failed to send messages');
    }
    state.record(to, 'push', body.messages, sent, requestId(res), true);
    remember(retry.key, res, sent);
    res.json({ sentMessages: sent });
  });

  r.post('/v2/bot/message/multicast', (req, res) => {
    const retry = retried(req, res);
    if (retry.done) return;
    const body = accept('multicast', req);
    charge([...new Set(body.to as string[])].filter((to) => state.canPush(to)).length);
    const sent = state.sentMessages(body.messages);
    // LINE does not say which recipients blocked the bot: 200 either way.
    for (const to of body.to as string[])
      state.record(to, 'multicast', body.messages, sent, requestId(res), state.canPush(to));
    remember(retry.key, res, []);
    res.json({});
  });

  const toEveryFollower = (via: 'narrowcast' | 'broadcast', req: Request, res: Response) => {
    const retry = retried(req, res);
    if (retry.done) return false;
    const body = accept(via, req);
    charge([...state.users.values()].filter((u) => u.following === true).length);
    const sent = state.sentMessages(body.messages);
    for (const [userId, u] of state.users) {
      if (u.following === true) state.record(userId, via, body.messages, sent, requestId(res), true);
    }
    remember(retry.key, res, []);
    return true;
  };
  // Narrowcast filters and audiences are not modelled: every follower is a recipient.
  r.post('/v2/bot/message/narrowcast', (req, res) => {
    if (toEveryFollower('narrowcast', req, res)) res.status(202).json({});
  });
  r.post('/v2/bot/message/broadcast', (req, res) => {
    if (toEveryFollower('broadcast', req, res)) res.json({});
  });
  r.get('/v2/bot/message/progress/narrowcast', (req, res) => {
    const id = String(req.query.requestId ?? '');
    const count = [...state.deliveries.values()].flat().filter((d) => d.requestId === id).length;
    if (!count) throw notFound();
    const now = new Date().toISOString();
    res.json({
      phase: 'succeeded',
      successCount: count,
      failureCount: 0,
      acceptedTime: now,
      completedTime: now,
    });
  });

  r.get('/v2/bot/message/quota', (_req, res) => {
    res.json(state.quota.setting);
  });
  r.get('/v2/bot/message/quota/consumption', (_req, res) => {
    res.json({ totalUsage: state.quota.used() });
  });

  r.post('/v2/bot/chat/loading/start', (req, res) => {
    const body = jsonBody(req);
    validateBody(validator, '/v2/bot/chat/loading/start', body, checkLoading(body));
    res.status(202).json({});
  });

  r.get('/v2/bot/profile/:userId', (req, res) => {
    const userId = req.params.userId;
    const u = state.users.get(userId);
    // LINE shows profiles of friends only; a friend the test never named gets a placeholder name.
    if (!u || u.following === false || (!u.profile && u.following !== true)) throw notFound();
    const p = u.profile ?? { displayName: `LINE user ${userId.slice(-4)}` };
    res.json({ userId, ...p, language: 'th' });
  });

  r.get('/v2/bot/message/:messageId/content', (req, res) => {
    const c = state.contents.get(req.params.messageId);
    if (!c) throw notFound();
    res.type(c.contentType).send(c.body);
  });

  return r;
}
