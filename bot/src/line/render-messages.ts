import type { messagingApi } from '@line/bot-sdk';
import {
  type Action,
  encodePostback,
  type MediaRef,
  type PostbackSigner,
  type Reply,
  splitUtf16,
  truncateGraphemes,
  truncateUtf16,
} from '@phattana/shared';
import { LINE_LIMITS } from './line-limits';

type Message = messagingApi.Message;

export interface RenderOptions {
  signer: PostbackSigner;
  now: Date;
  /** called when something had to be cut to fit LINE's limits, so it shows in the logs */
  onTrim?: (what: string) => void;
  /** the public address of a stored picture a card shows small; without it cards carry no pictures */
  mediaUrl?: (ref: MediaRef, now: Date) => string | undefined;
}

/**
 * The one place replies become LINE messages. Everything LINE limits is enforced here: labels in
 * grapheme clusters, texts in UTF-16 units, quick reply count, Flex size, postback signing.
 * Returns every message; `batches` splits them into requests of at most five.
 */
export function renderMessages(replies: readonly Reply[], o: RenderOptions): Message[] {
  const out: Message[] = [];
  const action = (a: Action, labelMax: number) => renderAction(a, labelMax, o);
  for (const r of replies) {
    switch (r.kind) {
      case 'text': {
        const pieces = splitUtf16(r.text, LINE_LIMITS.textUtf16);
        pieces.forEach((t, i) => {
          const last = i === pieces.length - 1;
          out.push(withQuickReply({ type: 'text', text: t }, last ? r.quickReplies : undefined, o));
        });
        break;
      }
      case 'card': {
        const pictures = (r.thumbnails ?? []).flatMap((t) => o.mediaUrl?.(t, o.now) ?? []);
        const bubble = cardBubble(r, (a) => action(a, LINE_LIMITS.flexButtonLabel), pictures);
        const altText = truncateUtf16(r.altText ?? r.title, LINE_LIMITS.altTextUtf16);
        const size = new TextEncoder().encode(JSON.stringify(bubble)).length;
        if (size > LINE_LIMITS.flexBubbleBytes) {
          o.onTrim?.(`flex bubble ${size} bytes; sent as text`);
          out.push(
            ...renderMessages([{ kind: 'text', text: cardAsText(r), quickReplies: r.quickReplies }], o),
          );
          break;
        }
        out.push(withQuickReply({ type: 'flex', altText, contents: bubble }, r.quickReplies, o));
        break;
      }
      case 'image':
        out.push({ type: 'image', originalContentUrl: r.url, previewImageUrl: r.previewUrl ?? r.url });
        break;
    }
  }
  return mergeToFit(out);
}

/** Splits messages into LINE requests of at most five (reply first, the rest must be pushed). */
export function batches(messages: readonly Message[]): Message[][] {
  const out: Message[][] = [];
  for (let i = 0; i < messages.length; i += LINE_LIMITS.messagesPerRequest) {
    out.push(messages.slice(i, i + LINE_LIMITS.messagesPerRequest));
  }
  return out;
}

// A reply token answers once, so more than five messages would need a paid push: first try to merge
// neighbouring plain texts into one message.
function mergeToFit(messages: Message[]): Message[] {
  const out = [...messages];
  let i = 0;
  while (out.length > LINE_LIMITS.messagesPerRequest && i < out.length - 1) {
    const a = out[i] as Message;
    const b = out[i + 1] as Message;
    if (a.type === 'text' && b.type === 'text' && !a.quickReply) {
      const joined = `${a.text}\n\n${b.text}`;
      if (joined.length <= LINE_LIMITS.textUtf16) {
        out.splice(i, 2, { ...b, text: joined });
        continue;
      }
    }
    i++;
  }
  return out;
}

function withQuickReply<M extends Message>(
  m: M,
  actions: readonly Action[] | undefined,
  o: RenderOptions,
): M {
  if (!actions || actions.length === 0) return m;
  if (actions.length > LINE_LIMITS.quickReplyItems) o.onTrim?.(`${actions.length} quick replies; kept 13`);
  const items = actions.slice(0, LINE_LIMITS.quickReplyItems).map(
    (a): messagingApi.QuickReplyItem => ({
      type: 'action',
      action: renderAction(a, LINE_LIMITS.actionLabel, o),
    }),
  );
  return { ...m, quickReply: { items } };
}

function renderAction(a: Action, labelMax: number, o: RenderOptions): messagingApi.Action {
  const label = fitLabel(a.label, labelMax, o);
  switch (a.type) {
    case 'message':
      return { type: 'message', label, text: truncateUtf16(a.text, LINE_LIMITS.textUtf16) };
    case 'uri':
      return { type: 'uri', label, uri: a.uri };
    case 'postback':
      return {
        type: 'postback',
        label,
        data: encodePostback(a.data, o.signer, o.now),
        ...(a.displayText ? { displayText: truncateGraphemes(a.displayText, LINE_LIMITS.displayText) } : {}),
      };
    case 'datetime':
      return {
        type: 'datetimepicker',
        label,
        data: encodePostback(a.data, o.signer, o.now),
        mode: a.mode,
        ...(a.initial ? { initial: a.initial } : {}),
        ...(a.min ? { min: a.min } : {}),
        ...(a.max ? { max: a.max } : {}),
      };
    case 'camera':
      return { type: 'camera', label };
    case 'cameraRoll':
      return { type: 'cameraRoll', label };
  }
}

function fitLabel(label: string, max: number, o: RenderOptions): string {
  const fitted = truncateGraphemes(label, max);
  if (fitted !== label) o.onTrim?.(`label "${label}" cut to ${max} graphemes`);
  return fitted;
}

function cardBubble(
  r: Extract<Reply, { kind: 'card' }>,
  action: (a: Action) => messagingApi.Action,
  pictures: readonly string[] = [],
): messagingApi.FlexBubble {
  const body: messagingApi.FlexComponent[] = [
    { type: 'text', text: r.title, weight: 'bold', size: 'lg', wrap: true, color: '#1F2937' },
  ];
  for (const line of r.lines ?? [])
    body.push({ type: 'text', text: line, wrap: true, size: 'sm', color: '#374151' });
  if (pictures.length > 0)
    // square thumbnails in one row; the full size is in LIFF
    body.push({
      type: 'box',
      layout: 'horizontal',
      spacing: 'sm',
      margin: 'md',
      contents: pictures.map(
        (url): messagingApi.FlexImage => ({
          type: 'image',
          url,
          size: 'full',
          aspectMode: 'cover',
          aspectRatio: '1:1',
        }),
      ),
    });
  if (r.fields && r.fields.length > 0) {
    body.push({ type: 'separator', margin: 'md' });
    // the question above its answer, each the bubble's full width: side by side, a Thai question in a
    // narrow column broke into four or five lines on a phone
    for (const f of r.fields) {
      body.push({
        type: 'box',
        layout: 'vertical',
        margin: 'md',
        contents: [
          { type: 'text', text: f.label, size: 'xs', color: '#6B7280', weight: 'bold', wrap: true },
          { type: 'text', text: f.value || '-', size: 'sm', color: '#111827', wrap: true },
        ],
      });
    }
  }
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: body },
  };
  if (r.actions.length > 0) {
    bubble.footer = {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: r.actions.map(
        (a, i): messagingApi.FlexButton => ({
          type: 'button',
          style: i === 0 ? 'primary' : 'secondary',
          color: i === 0 ? '#06C755' : undefined,
          height: 'sm',
          action: action(a),
        }),
      ),
    };
  }
  return bubble;
}

function cardAsText(r: Extract<Reply, { kind: 'card' }>): string {
  return [r.title, ...(r.lines ?? []), ...(r.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');
}
