import type { ValidationDetail } from './openapi-validator';

// LINE's documented limits (Messaging API reference), checked whether or not the OpenAPI spec is on
// this machine. Labels and displayText count grapheme clusters; texts count UTF-16 code units.
export const LIMITS = {
  messages: 5,
  multicastTo: 500,
  text: 5000,
  altText: 1500,
  quickReplyItems: 13,
  actionLabel: 20,
  flexButtonLabel: 40,
  postbackData: 300,
  displayText: 300,
  uri: 1000,
  templateButtonsActions: 4,
  flexBubbleBytes: 30 * 1024,
  flexCarouselBytes: 50 * 1024,
  carouselBubbles: 12,
  loadingSeconds: { min: 5, max: 60 },
} as const;

const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });
const graphemes = (s: string) => [...segmenter.segment(s)].length;
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks `messages` of a reply/push/multicast/broadcast/narrowcast body. */
export function checkMessages(messages: unknown): ValidationDetail[] {
  const out: ValidationDetail[] = [];
  if (!Array.isArray(messages) || messages.length === 0) {
    return [{ property: 'messages', message: 'May not be empty' }];
  }
  if (messages.length > LIMITS.messages) {
    out.push({ property: 'messages', message: `Size must be between 1 and ${LIMITS.messages}` });
  }
  for (const [i, m] of messages.entries()) checkMessage(m, `messages[${i}]`, out);
  return out;
}

export function checkMulticastRecipients(to: unknown): ValidationDetail[] {
  if (!Array.isArray(to) || to.length === 0) return [{ property: 'to', message: 'May not be empty' }];
  if (to.length > LIMITS.multicastTo)
    return [{ property: 'to', message: `Size must be between 1 and ${LIMITS.multicastTo}` }];
  return to.every((t) => typeof t === 'string' && /^U[0-9a-f]{32}$/.test(t))
    ? []
    : [{ property: 'to', message: 'Every recipient must be a valid user ID' }];
}

function checkMessage(m: unknown, path: string, out: ValidationDetail[]): void {
  if (!isObj(m)) {
    out.push({ property: path, message: 'Must be an object' });
    return;
  }
  switch (m.type) {
    case 'text':
      if (typeof m.text !== 'string' || m.text.length === 0)
        out.push({ property: `${path}.text`, message: 'May not be empty' });
      else if (m.text.length > LIMITS.text)
        out.push({ property: `${path}.text`, message: `Length must be between 0 and ${LIMITS.text}` });
      break;
    case 'flex':
    case 'template':
    case 'imagemap':
      if (typeof m.altText !== 'string' || m.altText.length === 0)
        out.push({ property: `${path}.altText`, message: 'May not be empty' });
      else if (m.altText.length > LIMITS.altText) {
        out.push({ property: `${path}.altText`, message: `Length must be between 0 and ${LIMITS.altText}` });
      }
      break;
  }
  if (m.type === 'flex') checkFlex(m.contents, `${path}.contents`, out);
  if (m.type === 'template' && isObj(m.template)) {
    const actions = Array.isArray(m.template.actions) ? m.template.actions : [];
    if (m.template.type === 'buttons' && actions.length > LIMITS.templateButtonsActions) {
      out.push({
        property: `${path}.template.actions`,
        message: `Size must be between 1 and ${LIMITS.templateButtonsActions}`,
      });
    }
    if (m.template.type === 'confirm' && actions.length !== 2) {
      out.push({ property: `${path}.template.actions`, message: 'Size must be 2' });
    }
    for (const [i, a] of actions.entries()) {
      checkAction(a, `${path}.template.actions[${i}]`, LIMITS.actionLabel, true, out);
    }
  }
  const qr = m.quickReply;
  if (isObj(qr)) {
    const items = Array.isArray(qr.items) ? qr.items : [];
    if (items.length > LIMITS.quickReplyItems) {
      out.push({
        property: `${path}.quickReply.items`,
        message: `Size must be between 0 and ${LIMITS.quickReplyItems}`,
      });
    }
    items.forEach((item, i) => {
      const p = `${path}.quickReply.items[${i}]`;
      if (!isObj(item) || item.type !== 'action')
        out.push({ property: `${p}.type`, message: 'Must be action' });
      else checkAction(item.action, `${p}.action`, LIMITS.actionLabel, true, out);
    });
  }
}

function checkFlex(contents: unknown, path: string, out: ValidationDetail[]): void {
  if (!isObj(contents)) {
    out.push({ property: path, message: 'May not be empty' });
    return;
  }
  if (contents.type === 'carousel') {
    const bubbles = Array.isArray(contents.contents) ? contents.contents : [];
    if (bubbles.length === 0 || bubbles.length > LIMITS.carouselBubbles) {
      out.push({
        property: `${path}.contents`,
        message: `Size must be between 1 and ${LIMITS.carouselBubbles}`,
      });
    }
    if (bytes(contents) > LIMITS.flexCarouselBytes)
      out.push({ property: path, message: 'Carousel exceeds 50 KB' });
    for (const [i, b] of bubbles.entries()) checkBubble(b, `${path}.contents[${i}]`, out);
  } else {
    checkBubble(contents, path, out);
  }
}

function checkBubble(bubble: unknown, path: string, out: ValidationDetail[]): void {
  if (bytes(bubble) > LIMITS.flexBubbleBytes) out.push({ property: path, message: 'Bubble exceeds 30 KB' });
  walkFlex(bubble, path, out);
}

function walkFlex(node: unknown, path: string, out: ValidationDetail[]): void {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walkFlex(n, `${path}[${i}]`, out);
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'action') {
      const labelMax = node.type === 'button' ? LIMITS.flexButtonLabel : LIMITS.actionLabel;
      checkAction(v, `${path}.action`, labelMax, node.type === 'button', out);
    } else if (typeof v === 'object') walkFlex(v, `${path}.${k}`, out);
  }
}

function checkAction(
  a: unknown,
  path: string,
  labelMax: number,
  labelRequired: boolean,
  out: ValidationDetail[],
): void {
  if (!isObj(a)) {
    out.push({ property: path, message: 'May not be empty' });
    return;
  }
  if (typeof a.label === 'string') {
    const n = graphemes(a.label);
    if (n === 0 || n > labelMax)
      out.push({ property: `${path}.label`, message: `Length must be between 1 and ${labelMax}` });
  } else if (labelRequired) {
    out.push({ property: `${path}.label`, message: 'May not be empty' });
  }
  if (
    (a.type === 'postback' || a.type === 'datetimepicker') &&
    typeof a.data === 'string' &&
    a.data.length > LIMITS.postbackData
  ) {
    out.push({ property: `${path}.data`, message: `Length must be between 0 and ${LIMITS.postbackData}` });
  }
  if (typeof a.displayText === 'string' && graphemes(a.displayText) > LIMITS.displayText) {
    out.push({
      property: `${path}.displayText`,
      message: `Length must be between 0 and ${LIMITS.displayText}`,
    });
  }
  if (
    a.type === 'uri' &&
    (typeof a.uri !== 'string' || a.uri.length > LIMITS.uri || !/^(https?|line|tel):/.test(a.uri))
  ) {
    out.push({
      property: `${path}.uri`,
      message: 'Must be an http(s), line or tel URI of at most 1000 characters',
    });
  }
  if (
    a.type === 'message' &&
    (typeof a.text !== 'string' || a.text.length === 0 || a.text.length > LIMITS.text)
  ) {
    out.push({ property: `${path}.text`, message: `Length must be between 1 and ${LIMITS.text}` });
  }
}
