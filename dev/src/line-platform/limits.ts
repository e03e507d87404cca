import type { LineErrorDetail } from './line-errors';

// LINE's documented limits (Messaging API reference), checked whether or not the OpenAPI spec is on this
// machine: the spec leaves most of them out (it has no label or altText lengths, no Flex sizes). Texts
// count UTF-16 code units, as LINE does; action labels, message-action texts, displayText and template
// titles/texts count grapheme clusters, so Thai combining vowels and tone marks are not extra characters.

export const LINE_LIMITS = {
  messagesPerRequest: 5,
  multicastRecipients: 500,
  requestBodyBytes: 2 * 1024 * 1024,
  textLength: 5000,
  flexAltText: 1500,
  imagemapAltText: 1500,
  templateAltText: 400,
  senderName: 20,
  mediaUrl: 2000,
  quickReplyItems: 13,
  /** quick reply buttons, template actions, rich menu areas */
  actionLabel: 20,
  imageCarouselLabel: 12,
  /** Flex button (and other Flex component) actions */
  flexActionLabel: 40,
  postbackData: 300,
  displayText: 300,
  messageActionText: 300,
  uri: 1000,
  clipboardText: 1000,
  flexBubbleBytes: 30 * 1024,
  flexCarouselBytes: 50 * 1024,
  flexCarouselBubbles: 12,
  templateTitle: 40,
  buttonsActions: 4,
  buttonsText: 160,
  /** buttons/carousel text when the template also has an image or a title */
  templateTextWithImageOrTitle: 60,
  confirmText: 240,
  carouselColumns: 10,
  carouselActions: 3,
  carouselText: 120,
  richMenuAreas: 20,
  richMenuName: 300,
  richMenuChatBarText: 14,
  richMenuWidth: { min: 800, max: 2500 },
  richMenuMinHeight: 250,
  richMenuMinAspectRatio: 1.45,
  richMenuImageBytes: 1024 * 1024,
  loadingSeconds: { min: 5, max: 60, step: 5 },
} as const;

const L = LINE_LIMITS;
const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** User-perceived characters: 'ที่' is one, though it is three UTF-16 code units. */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

export const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

type Json = Record<string, unknown>;
type Out = LineErrorDetail[];
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const USER_ID = /^U[0-9a-f]{32}$/;
const CHAT_ID = /^[UCR][0-9a-f]{32}$/;

function length(
  out: Out,
  property: string,
  v: unknown,
  max: number,
  o: { graphemes?: boolean; min?: number } = {},
) {
  if (typeof v !== 'string') return;
  const n = o.graphemes ? graphemeLength(v) : v.length;
  if (n < (o.min ?? 0) || n > max)
    out.push({ property, message: `Length must be between ${o.min ?? 0} and ${max}` });
}

function required(out: Out, property: string, v: unknown): boolean {
  if (v === undefined || v === null || v === '') {
    out.push({ property, message: 'must be specified' });
    return false;
  }
  return true;
}

function size(out: Out, property: string, v: unknown, min: number, max: number) {
  if (Array.isArray(v) && (v.length < min || v.length > max)) {
    out.push({ property, message: `Size must be between ${min} and ${max}` });
  }
}

function httpsUrl(out: Out, property: string, v: unknown, max = L.mediaUrl) {
  if (typeof v !== 'string') return;
  if (!v.startsWith('https://')) out.push({ property, message: 'must be an HTTPS URL' });
  length(out, property, v, max);
}

/** Checks `messages` of a reply/push/multicast/narrowcast/broadcast body. */
export function checkMessages(messages: unknown, at = 'messages'): Out {
  const out: Out = [];
  if (!Array.isArray(messages)) {
    if (messages === undefined) out.push({ property: at, message: 'must be specified' });
    return out;
  }
  size(out, at, messages, 1, L.messagesPerRequest);
  messages.forEach((m, i) => {
    if (isObject(m)) checkMessage(m, `${at}[${i}]`, out);
  });
  return out;
}

// The spec's Message discriminator, in its order, so both checks word an unknown type alike.
const MESSAGE_TYPES = [
  'text',
  'textV2',
  'sticker',
  'image',
  'video',
  'audio',
  'location',
  'imagemap',
  'template',
  'flex',
  'coupon',
];

function checkMessage(m: Json, at: string, out: Out) {
  if (!required(out, `${at}.type`, m.type)) return;
  if (typeof m.type !== 'string' || !MESSAGE_TYPES.includes(m.type)) {
    out.push({
      property: `${at}.type`,
      message: `must be one of the following values: [${MESSAGE_TYPES.join(', ')}]`,
    });
    return;
  }
  if (isObject(m.sender)) {
    length(out, `${at}.sender.name`, m.sender.name, L.senderName);
    httpsUrl(out, `${at}.sender.iconUrl`, m.sender.iconUrl);
  }
  if (m.quickReply !== undefined) checkQuickReply(m.quickReply, `${at}.quickReply`, out);
  switch (m.type) {
    case 'text':
    case 'textV2':
      if (required(out, `${at}.text`, m.text)) length(out, `${at}.text`, m.text, L.textLength, { min: 1 });
      break;
    case 'image':
    case 'video':
      httpsUrl(out, `${at}.originalContentUrl`, m.originalContentUrl);
      httpsUrl(out, `${at}.previewImageUrl`, m.previewImageUrl);
      break;
    case 'audio':
      httpsUrl(out, `${at}.originalContentUrl`, m.originalContentUrl);
      break;
    case 'imagemap':
      if (required(out, `${at}.altText`, m.altText))
        length(out, `${at}.altText`, m.altText, L.imagemapAltText);
      httpsUrl(out, `${at}.baseUrl`, m.baseUrl);
      break;
    case 'template':
      if (required(out, `${at}.altText`, m.altText))
        length(out, `${at}.altText`, m.altText, L.templateAltText);
      if (isObject(m.template)) checkTemplate(m.template, `${at}.template`, out);
      break;
    case 'flex':
      if (required(out, `${at}.altText`, m.altText)) length(out, `${at}.altText`, m.altText, L.flexAltText);
      if (required(out, `${at}.contents`, m.contents) && isObject(m.contents)) {
        checkFlexContainer(m.contents, `${at}.contents`, out);
      }
      break;
  }
}

function checkQuickReply(q: unknown, at: string, out: Out) {
  if (!isObject(q)) return;
  if (!Array.isArray(q.items)) return void required(out, `${at}.items`, q.items);
  size(out, `${at}.items`, q.items, 1, L.quickReplyItems);
  q.items.forEach((item, i) => {
    const p = `${at}.items[${i}]`;
    if (!isObject(item)) return;
    if (item.type !== 'action') out.push({ property: `${p}.type`, message: 'must be "action"' });
    httpsUrl(out, `${p}.imageUrl`, item.imageUrl);
    if (required(out, `${p}.action`, item.action)) {
      checkAction(item.action, `${p}.action`, out, { labelMax: L.actionLabel, labelRequired: true });
    }
  });
}

interface ActionRules {
  labelMax: number;
  labelRequired: boolean;
}

function checkAction(a: unknown, at: string, out: Out, rules: ActionRules) {
  if (!isObject(a)) return;
  if (rules.labelRequired) required(out, `${at}.label`, a.label);
  length(out, `${at}.label`, a.label, rules.labelMax, { graphemes: true });
  switch (a.type) {
    case 'postback':
      if (required(out, `${at}.data`, a.data)) length(out, `${at}.data`, a.data, L.postbackData);
      length(out, `${at}.displayText`, a.displayText, L.displayText, { graphemes: true });
      length(out, `${at}.text`, a.text, L.displayText, { graphemes: true });
      if (a.displayText !== undefined && a.text !== undefined) {
        out.push({ property: `${at}.text`, message: 'displayText and text cannot both be set' });
      }
      break;
    case 'message':
      if (required(out, `${at}.text`, a.text)) {
        length(out, `${at}.text`, a.text, L.messageActionText, { graphemes: true, min: 1 });
      }
      break;
    case 'uri':
      if (required(out, `${at}.uri`, a.uri) && typeof a.uri === 'string') {
        length(out, `${at}.uri`, a.uri, L.uri);
        if (!/^(https?|line|tel):/i.test(a.uri)) {
          out.push({ property: `${at}.uri`, message: 'must use one of the schemes http, https, line, tel' });
        }
      }
      if (isObject(a.altUri)) length(out, `${at}.altUri.desktop`, a.altUri.desktop, L.uri);
      break;
    case 'datetimepicker':
      if (required(out, `${at}.data`, a.data)) length(out, `${at}.data`, a.data, L.postbackData);
      required(out, `${at}.mode`, a.mode);
      break;
    case 'clipboard':
      if (required(out, `${at}.clipboardText`, a.clipboardText)) {
        length(out, `${at}.clipboardText`, a.clipboardText, L.clipboardText, { min: 1 });
      }
      break;
    case 'richmenuswitch':
      required(out, `${at}.richMenuAliasId`, a.richMenuAliasId);
      if (required(out, `${at}.data`, a.data)) length(out, `${at}.data`, a.data, L.postbackData);
      break;
  }
}

const TEMPLATE_ACTION: ActionRules = { labelMax: L.actionLabel, labelRequired: true };
const DEFAULT_ACTION: ActionRules = { labelMax: L.actionLabel, labelRequired: false };

function checkTemplate(t: Json, at: string, out: Out) {
  const actions = (list: unknown, min: number, max: number, rules: ActionRules, p = `${at}.actions`) => {
    if (!Array.isArray(list)) return void required(out, p, list);
    size(out, p, list, min, max);
    for (const [i, a] of list.entries()) checkAction(a, `${p}[${i}]`, out, rules);
  };
  const titled = (c: Json) => c.thumbnailImageUrl !== undefined || c.title !== undefined;
  switch (t.type) {
    case 'buttons': {
      length(out, `${at}.title`, t.title, L.templateTitle, { graphemes: true });
      const max = titled(t) ? L.templateTextWithImageOrTitle : L.buttonsText;
      if (required(out, `${at}.text`, t.text)) length(out, `${at}.text`, t.text, max, { graphemes: true });
      httpsUrl(out, `${at}.thumbnailImageUrl`, t.thumbnailImageUrl);
      checkAction(t.defaultAction, `${at}.defaultAction`, out, DEFAULT_ACTION);
      actions(t.actions, 1, L.buttonsActions, TEMPLATE_ACTION);
      break;
    }
    case 'confirm':
      if (required(out, `${at}.text`, t.text))
        length(out, `${at}.text`, t.text, L.confirmText, { graphemes: true });
      actions(t.actions, 2, 2, TEMPLATE_ACTION);
      break;
    case 'carousel':
    case 'image_carousel': {
      const p = `${at}.columns`;
      if (!Array.isArray(t.columns)) return void required(out, p, t.columns);
      size(out, p, t.columns, 1, L.carouselColumns);
      const counts = new Set<number>();
      t.columns.forEach((c, i) => {
        const cp = `${p}[${i}]`;
        if (!isObject(c)) return;
        if (t.type === 'image_carousel') {
          httpsUrl(out, `${cp}.imageUrl`, c.imageUrl);
          if (required(out, `${cp}.action`, c.action)) {
            checkAction(c.action, `${cp}.action`, out, {
              labelMax: L.imageCarouselLabel,
              labelRequired: false,
            });
          }
          return;
        }
        length(out, `${cp}.title`, c.title, L.templateTitle, { graphemes: true });
        const max = titled(c) ? L.templateTextWithImageOrTitle : L.carouselText;
        if (required(out, `${cp}.text`, c.text)) length(out, `${cp}.text`, c.text, max, { graphemes: true });
        httpsUrl(out, `${cp}.thumbnailImageUrl`, c.thumbnailImageUrl);
        checkAction(c.defaultAction, `${cp}.defaultAction`, out, DEFAULT_ACTION);
        actions(c.actions, 1, L.carouselActions, TEMPLATE_ACTION, `${cp}.actions`);
        if (Array.isArray(c.actions)) counts.add(c.actions.length);
      });
      if (counts.size > 1)
        out.push({ property: p, message: 'all columns must have the same number of actions' });
      break;
    }
  }
}

function checkFlexContainer(c: Json, at: string, out: Out) {
  if (c.type === 'carousel') {
    if (!Array.isArray(c.contents)) return void required(out, `${at}.contents`, c.contents);
    size(out, `${at}.contents`, c.contents, 1, L.flexCarouselBubbles);
    const bytes = jsonBytes(c);
    if (bytes > L.flexCarouselBytes) {
      out.push({
        property: at,
        message: `carousel JSON is ${bytes} bytes; must be at most ${L.flexCarouselBytes}`,
      });
    }
    c.contents.forEach((b, i) => {
      if (isObject(b)) checkBubble(b, `${at}.contents[${i}]`, out);
    });
  } else if (c.type === 'bubble') {
    checkBubble(c, at, out);
  }
}

function checkBubble(b: Json, at: string, out: Out) {
  const bytes = jsonBytes(b);
  if (bytes > L.flexBubbleBytes) {
    out.push({
      property: at,
      message: `bubble JSON is ${bytes} bytes; must be at most ${L.flexBubbleBytes}`,
    });
  }
  walkFlex(b, at, out);
}

/** Every action anywhere in a Flex tree; a button must have a labelled one. */
function walkFlex(node: unknown, at: string, out: Out) {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walkFlex(n, `${at}[${i}]`, out);
    return;
  }
  if (!isObject(node)) return;
  const isButton = node.type === 'button';
  for (const [key, v] of Object.entries(node)) {
    const p = `${at}.${key}`;
    if (key === 'action') {
      checkAction(v, p, out, { labelMax: L.flexActionLabel, labelRequired: isButton });
    } else walkFlex(v, p, out);
  }
  if (isButton) required(out, `${at}.action`, node.action);
}

export type SendKind = 'reply' | 'push' | 'multicast' | 'narrowcast' | 'broadcast';

/** The limits of a send request's body besides the messages themselves. */
export function checkSendBody(kind: SendKind, body: unknown): Out {
  if (!isObject(body)) return [{ property: '', message: 'must be a JSON object' }];
  const out: Out = [];
  if (kind === 'reply') required(out, 'replyToken', body.replyToken);
  if (kind === 'push' && required(out, 'to', body.to)) {
    if (typeof body.to !== 'string' || !CHAT_ID.test(body.to)) {
      out.push({ property: 'to', message: 'must be a valid user, group or room ID' });
    }
  }
  if (kind === 'multicast') {
    if (!Array.isArray(body.to)) required(out, 'to', body.to);
    else {
      size(out, 'to', body.to, 1, L.multicastRecipients);
      if (new Set(body.to).size !== body.to.length)
        out.push({ property: 'to', message: 'must not contain duplicates' });
      body.to.forEach((id, i) => {
        if (typeof id !== 'string' || !USER_ID.test(id))
          out.push({ property: `to[${i}]`, message: 'must be a valid user ID' });
      });
    }
  }
  out.push(...checkMessages(body.messages));
  return out;
}

/** Rich menu object rules the spec leaves out (it marks nothing required). */
export function checkRichMenu(menu: unknown): Out {
  if (!isObject(menu)) return [{ property: '', message: 'must be a JSON object' }];
  const out: Out = [];
  for (const k of ['size', 'selected', 'name', 'chatBarText', 'areas']) required(out, k, menu[k]);
  length(out, 'name', menu.name, L.richMenuName);
  length(out, 'chatBarText', menu.chatBarText, L.richMenuChatBarText, { graphemes: true });
  const s = isObject(menu.size) ? menu.size : undefined;
  const w = typeof s?.width === 'number' ? s.width : undefined;
  const h = typeof s?.height === 'number' ? s.height : undefined;
  if (w !== undefined && (w < L.richMenuWidth.min || w > L.richMenuWidth.max)) {
    out.push({
      property: 'size.width',
      message: `must be between ${L.richMenuWidth.min} and ${L.richMenuWidth.max}`,
    });
  }
  if (h !== undefined && h < L.richMenuMinHeight) {
    out.push({ property: 'size.height', message: `must be at least ${L.richMenuMinHeight}` });
  }
  if (w !== undefined && h !== undefined && h > 0 && w / h < L.richMenuMinAspectRatio) {
    out.push({ property: 'size', message: `width/height must be at least ${L.richMenuMinAspectRatio}` });
  }
  if (Array.isArray(menu.areas)) {
    size(out, 'areas', menu.areas, 1, L.richMenuAreas);
    menu.areas.forEach((a, i) => {
      if (!isObject(a)) return;
      const p = `areas[${i}]`;
      const b = isObject(a.bounds) ? a.bounds : undefined;
      if (required(out, `${p}.bounds`, a.bounds) && b && w !== undefined && h !== undefined) {
        const [x, y, bw, bh] = [b.x, b.y, b.width, b.height].map((n) => (typeof n === 'number' ? n : 0)) as [
          number,
          number,
          number,
          number,
        ];
        if (x + bw > w || y + bh > h)
          out.push({ property: `${p}.bounds`, message: 'must lie within the rich menu' });
      }
      if (required(out, `${p}.action`, a.action)) {
        checkAction(a.action, `${p}.action`, out, { labelMax: L.actionLabel, labelRequired: false });
      }
    });
  }
  return out;
}

export function checkLoading(body: unknown): Out {
  if (!isObject(body)) return [{ property: '', message: 'must be a JSON object' }];
  const out: Out = [];
  if (
    required(out, 'chatId', body.chatId) &&
    (typeof body.chatId !== 'string' || !USER_ID.test(body.chatId))
  ) {
    out.push({ property: 'chatId', message: 'must be a user ID (one-on-one chats only)' });
  }
  const s = body.loadingSeconds;
  const { min, max, step } = L.loadingSeconds;
  if (s !== undefined && (typeof s !== 'number' || s < min || s > max || s % step !== 0)) {
    out.push({
      property: 'loadingSeconds',
      message: `must be a multiple of ${step} between ${min} and ${max}`,
    });
  }
  return out;
}
