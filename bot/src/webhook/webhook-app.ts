import { validateSignature, type webhook } from '@line/bot-sdk';
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from '../runtime/logger';
import { loggableEvent, malformedReason } from './event-shape';
import { type EventHandlerDeps, type EventOutcome, handleEvent } from './handle-event';
import { createKeyedSerial } from './keyed-serial';
import { PayloadTooLargeError, readRawBody } from './raw-body';
import { replayVerdict } from './replay-window';

export interface WebhookAppDeps extends EventHandlerDeps {
  channelSecret: string;
  /** the real time, for the replay window (the turn's `clock` may be a test's or the simulator's) */
  wallClock?: () => number;
  /** LINE's webhook bodies are small; anything bigger is not from LINE */
  maxBodyBytes?: number;
  logger: Logger;
  /**
   * One deployment, many municipalities: the deps of the person's own municipality (by the LINE user
   * id's index). Without it every event uses these deps.
   */
  route?: (e: webhook.Event) => Promise<EventHandlerDeps>;
}

const KNOWN_EVENT_TYPES = new Set([
  'message',
  'unsend',
  'follow',
  'unfollow',
  'join',
  'leave',
  'memberJoined',
  'memberLeft',
  'postback',
  'videoPlayComplete',
  'beacon',
  'accountLink',
  'things',
  'membership',
  'module',
  'activated',
  'deactivated',
  'botSuspended',
  'botResumed',
  'pnpDeliveryCompletion',
]);

/**
 * The LINE webhook as an express app: POST /webhook. The same app runs in Cloud Functions
 * (functions/ wraps it) and locally. No body parser runs before the signature check.
 */
export function createWebhookApp(deps: WebhookAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  const limit = deps.maxBodyBytes ?? 1024 * 1024;
  const serial = createKeyedSerial();

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  app.post('/webhook', async (req: Request, res: Response) => {
    const started = performance.now();
    let raw: Buffer;
    try {
      raw = await readRawBody(req, limit);
    } catch (err) {
      if (err instanceof PayloadTooLargeError) {
        deps.logger.warn('webhook.too_large', { err: err.message });
        res.status(413).json({ message: 'Request body too large' });
        return;
      }
      throw err;
    }
    const signature = req.header('x-line-signature');
    if (!signature || !validateSignature(raw, deps.channelSecret, signature)) {
      deps.logger.warn('webhook.bad_signature', { hasSignature: Boolean(signature), bytes: raw.length });
      res.status(401).json({ message: 'Invalid signature' });
      return;
    }
    let body: webhook.CallbackRequest;
    try {
      body = JSON.parse(raw.toString('utf8')) as webhook.CallbackRequest;
    } catch {
      res.status(400).json({ message: 'Malformed JSON' });
      return;
    }
    if (!body || typeof body !== 'object' || !Array.isArray(body.events)) {
      res.status(400).json({ message: 'Expected {"destination": ..., "events": [...]}' });
      return;
    }
    // LINE's "Verify" button and connection checks send no events.
    if (body.events.length === 0) {
      res.status(200).json({});
      return;
    }
    const failed = await processInOrder(body.events, deps, serial);
    const latencyMs = Math.round(performance.now() - started);
    deps.logger.info('webhook.request', { events: body.events.length, failed, latencyMs });
    // A failure before the turn was saved: 500 lets LINE redeliver, and de-duplication keeps
    // the events that did succeed from running twice.
    res.status(failed > 0 ? 500 : 200).json({});
  });

  return app;
}

/** Events of one person run one after another in the order LINE sent them; people run in parallel. */
async function processInOrder(
  events: webhook.Event[],
  deps: WebhookAppDeps,
  serial: ReturnType<typeof createKeyedSerial>,
): Promise<number> {
  const byChat = new Map<string, webhook.Event[]>();
  const nowMs = (deps.wallClock ?? Date.now)();
  for (const e of events) {
    // Skipped, not failed: a 500 would only bring the same event back, and hold up the rest.
    const malformed = malformedReason(e);
    if (malformed) {
      deps.logger.warn('webhook.event', { ...loggableEvent(e), outcome: 'malformed', reason: malformed });
      continue;
    }
    const replay = replayVerdict(e.timestamp, nowMs);
    if (replay !== 'ok') {
      deps.logger.warn('webhook.event', { ...loggableEvent(e), outcome: 'replay_refused', reason: replay });
      continue;
    }
    const key = chatKey(e);
    const list = byChat.get(key);
    if (list) list.push(e);
    else byChat.set(key, [e]);
  }
  let failed = 0;
  await Promise.all(
    [...byChat.entries()].map(([key, list]) =>
      serial(key, async () => {
        const ordered = list.sort((a, b) => a.timestamp - b.timestamp);
        for (const [i, e] of ordered.entries()) {
          const t0 = performance.now();
          const base = { eventId: e.webhookEventId, type: e.type, userId: e.source?.userId };
          if (!KNOWN_EVENT_TYPES.has(e.type)) {
            deps.logger.info('webhook.event', { ...base, outcome: 'unknown_type' });
            continue;
          }
          let outcome: EventOutcome;
          try {
            outcome = await handleEvent(e, deps.route ? await deps.route(e) : deps);
          } catch (err) {
            // The person's later events wait for LINE's redelivery, so they never overtake this one.
            failed += ordered.length - i;
            deps.logger.error('webhook.event_failed', {
              ...base,
              err: (err as Error).message,
              postponed: ordered.length - i - 1,
            });
            break;
          }
          deps.logger.info('webhook.event', {
            ...base,
            redelivery: e.deliveryContext?.isRedelivery ?? false,
            outcome,
            latencyMs: Math.round(performance.now() - t0),
          });
        }
      }),
    ),
  );
  return failed;
}

function chatKey(e: webhook.Event): string {
  const s = e?.source;
  if (!s) return '-';
  if (s.type === 'user') return `u:${s.userId}`;
  if (s.type === 'group') return `g:${s.groupId}`;
  if (s.type === 'room') return `r:${s.roomId}`;
  return '-';
}
