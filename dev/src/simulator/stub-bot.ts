// A tiny stand-in bot for the simulator's own tests: verifies the webhook signature, records what it got,
// and answers each event through the platform's reply endpoint with a text that has a quick reply. It is
// not the Phattana bot (that one is bot/, tested against the same platform elsewhere).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';

export interface StubBot {
  readonly webhookUrl: string;
  /** raw bodies and whether their signature was valid, oldest first */
  readonly received: Array<{ raw: string; signature: string; valid: boolean; body: unknown }>;
  /** results of the stub's own calls to the platform */
  readonly replies: Array<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

type AnyEvent = {
  type: string;
  replyToken?: string;
  message?: {
    id: string;
    type: string;
    text?: string;
    packageId?: string;
    stickerId?: string;
    keywords?: string[];
  };
  postback?: { data: string; params?: Record<string, string> };
};

/**
 * Replies (before acknowledging, so a test sees the answer once the webhook POST returns):
 * text "X" → "ได้รับ: X" with quick replies [ถัดไป (postback step=2), เลือกวันที่ (datetimepicker)];
 * postback → "postback: {data} {params}"; follow → "ยินดีต้อนรับ"; image → "ได้รับรูป N ไบต์ (type)".
 */
export async function startStubBot(o: {
  channelSecret: string;
  channelAccessToken: string;
  platformUrl: string | (() => string);
  host?: string;
}): Promise<StubBot> {
  const host = o.host ?? '127.0.0.1';
  const received: StubBot['received'] = [];
  const replies: StubBot['replies'] = [];
  const platformUrl = () => (typeof o.platformUrl === 'string' ? o.platformUrl : o.platformUrl());
  const auth = { authorization: `Bearer ${o.channelAccessToken}` };

  const app = express();
  app.post('/webhook', express.raw({ type: '*/*', limit: '20mb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const signature = req.get('x-line-signature') ?? '';
    const expected = createHmac('sha256', o.channelSecret).update(raw).digest();
    const given = Buffer.from(signature, 'base64');
    const valid = given.length === expected.length && timingSafeEqual(given, expected);
    const text = raw.toString('utf8');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    received.push({ raw: text, signature, valid, body });
    if (!valid) {
      res.status(401).json({ error: 'bad signature' });
      return;
    }
    for (const ev of ((body as { events?: AnyEvent[] })?.events ?? []) as AnyEvent[]) {
      const messages = await answer(ev);
      if (!messages || !ev.replyToken) continue;
      const r = await fetch(`${platformUrl()}/v2/bot/message/reply`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ replyToken: ev.replyToken, messages }),
      });
      replies.push({ status: r.status, body: await r.json().catch(() => null) });
    }
    res.status(200).json({});
  });

  async function answer(ev: AnyEvent): Promise<object[] | undefined> {
    if (ev.type === 'message' && ev.message?.type === 'text') {
      return [
        {
          type: 'text',
          text: `ได้รับ: ${ev.message.text}`,
          quickReply: {
            items: [
              {
                type: 'action',
                action: { type: 'postback', label: 'ถัดไป', data: 'step=2', displayText: 'ถัดไป' },
              },
              {
                type: 'action',
                action: { type: 'datetimepicker', label: 'เลือกวันที่', data: 'pick=date', mode: 'date' },
              },
            ],
          },
        },
      ];
    }
    if (ev.type === 'postback' && ev.postback) {
      const params = ev.postback.params ? ` ${JSON.stringify(ev.postback.params)}` : '';
      return [{ type: 'text', text: `postback: ${ev.postback.data}${params}` }];
    }
    if (ev.type === 'follow') return [{ type: 'text', text: 'ยินดีต้อนรับ' }];
    if (ev.type === 'message' && ev.message?.type === 'sticker') {
      const m = ev.message;
      return [
        {
          type: 'text',
          text: `ได้รับสติกเกอร์ ${m.packageId}/${m.stickerId} (${(m.keywords ?? []).join(', ')})`,
        },
      ];
    }
    if (ev.type === 'message' && ev.message?.type === 'image') {
      const r = await fetch(`${platformUrl()}/v2/bot/message/${ev.message.id}/content`, { headers: auth });
      const bytes = Buffer.from(await r.arrayBuffer());
      return [{ type: 'text', text: `ได้รับรูป ${bytes.length} ไบต์ (${r.headers.get('content-type')})` }];
    }
    return undefined;
  }

  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    webhookUrl: `http://${host}:${port}/webhook`,
    received,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
