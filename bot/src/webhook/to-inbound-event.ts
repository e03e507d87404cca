import type { webhook } from '@line/bot-sdk';
import { decodePostback, type InboundEvent, type PostbackSigner } from '@phattana/shared';
import { RICH_MENU_SWITCH_DATA_PREFIX } from '../rich-menus/menu-definitions';

/**
 * LINE's webhook event → the domain's InboundEvent. Postback data is verified here: a forged or
 * expired button becomes `stalePostback`, never a trusted payload. Returns undefined for events
 * no conversation cares about (join, leave, beacon, membership, types LINE adds later…).
 */
export function toInboundEvent(
  e: webhook.Event,
  signer: PostbackSigner,
  now: Date,
): InboundEvent | undefined {
  switch (e.type) {
    case 'follow':
      return { kind: 'follow' };
    case 'unfollow':
      return { kind: 'unfollow' };
    case 'postback': {
      // A rich menu tab switch: LINE switches the menu itself; there is nothing to answer.
      if ((e.postback.params as { newRichMenuAliasId?: string } | undefined)?.newRichMenuAliasId)
        return undefined;
      if (e.postback.data.startsWith(RICH_MENU_SWITCH_DATA_PREFIX)) return undefined;
      const decoded = decodePostback(e.postback.data, signer, now);
      if (!decoded.ok) return { kind: 'stalePostback', reason: decoded.reason };
      const p = e.postback.params as { date?: string; time?: string; datetime?: string } | undefined;
      return p && (p.date || p.time || p.datetime)
        ? {
            kind: 'postback',
            payload: decoded.payload,
            params: { date: p.date, time: p.time, datetime: p.datetime },
          }
        : { kind: 'postback', payload: decoded.payload };
    }
    case 'message': {
      const m = e.message;
      if (m.type === 'text') return { kind: 'text', text: (m as webhook.TextMessageContent).text };
      if (m.type === 'image') return { kind: 'image', messageId: m.id };
      return { kind: 'unsupported', what: String(m.type) };
    }
    default:
      return undefined;
  }
}
