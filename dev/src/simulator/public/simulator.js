// LINE chat simulator page. Plain ES module, no build step. Talks to the simulator router next to it:
// api/users, api/messages, api/stream (SSE), api/send, api/richmenu.
import { renderFlexContainer } from './flex.js';

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
};

const state = {
  config: { liffId: null, liffUrl: null },
  users: [],
  userId: '',
  entries: [],
  seen: new Set(),
  stream: null,
  /** the SharedWorker holding the page's one event stream */
  worker: null,
  richMenu: null,
  richMenuOpen: false,
  richMenuKey: '',
  typingTimer: 0,
  following: new Map(),
};

const chat = $('chat');
const picker = /** @type {HTMLSelectElement} */ ($('user-picker'));
const input = /** @type {HTMLInputElement} */ ($('message-input'));
const sendButton = /** @type {HTMLButtonElement} */ ($('send-button'));
const imageInput = /** @type {HTMLInputElement} */ ($('image-input'));
const quickBar = $('quick-replies');

const timeFmt = new Intl.DateTimeFormat('th-TH', { hour: '2-digit', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat('th-TH', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

async function api(path, init) {
  const res = await fetch(path, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : undefined,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok && res.status !== 502) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

let toastTimer = 0;
function toast(message) {
  const t = $('toast');
  t.textContent = message;
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    t.hidden = true;
  }, 3500);
}

// ---------------------------------------------------------------- users

async function loadUsers(selectId) {
  const { users } = await api('api/users');
  state.users = users;
  picker.replaceChildren(el('option', { value: '', text: '— เลือกผู้ใช้ —' }));
  const demo = users.filter((u) => !u.created);
  const mine = users.filter((u) => u.created);
  const option = (u) =>
    el('option', { value: u.userId, text: u.note ? `${u.displayName} · ${u.note}` : u.displayName });
  if (demo.length) picker.append(el('optgroup', { label: 'พนักงานตัวอย่าง' }, demo.map(option)));
  if (mine.length) picker.append(el('optgroup', { label: 'ผู้ใช้ที่สร้างเอง' }, mine.map(option)));
  if (selectId) picker.value = selectId;
}

function currentUser() {
  return state.users.find((u) => u.userId === state.userId);
}

async function selectUser(userId) {
  state.stream?.close();
  state.stream = null;
  state.userId = userId;
  state.entries = [];
  state.seen = new Set();
  state.richMenu = null;
  state.richMenuKey = '';
  clearTyping();
  const url = new URL(location.href);
  if (userId) url.searchParams.set('userId', userId);
  else url.searchParams.delete('userId');
  history.replaceState(null, '', url);
  for (const b of [
    input,
    sendButton,
    $('attach-button'),
    $('sticker-button'),
    $('follow-button'),
    $('block-button'),
  ])
    b.toggleAttribute('disabled', !userId);
  const u = currentUser();
  $('current-user-label').textContent = u ? `คุณคือ ${u.displayName}` : 'ยังไม่ได้เลือกผู้ใช้';
  renderChat();
  renderRichMenu();
  if (!userId) return;
  // stream first, then history: entries seen twice are dropped by id
  const stream = await watchChat(userId, (entry) => {
    if (state.userId === userId) addEntry(entry);
  });
  if (state.userId !== userId) {
    stream.close();
    return;
  }
  state.stream = stream;
  const { messages } = await api(`api/messages?userId=${encodeURIComponent(userId)}`);
  if (state.userId !== userId) return;
  for (const m of messages) addEntry(m, { quiet: true });
  renderChat();
  await refreshRichMenu();
  input.focus();
}

/**
 * Live entries of one chat. All tabs share one stream through a SharedWorker (the browser's
 * six-connections-per-host limit); a browser without SharedWorker gets a stream of its own.
 * Resolves once watching, with `{ close() }`.
 */
function watchChat(userId, onEntry) {
  if (typeof SharedWorker === 'undefined') {
    const source = new EventSource(`api/stream?userId=${encodeURIComponent(userId)}`);
    source.addEventListener('entry', (e) => onEntry(JSON.parse(e.data)));
    return Promise.resolve({ close: () => source.close() });
  }
  state.worker ??= new SharedWorker('stream-worker.js', { name: 'simulator-stream' });
  const port = state.worker.port;
  port.start();
  return new Promise((resolve) => {
    const listener = (m) => {
      const msg = m.data ?? {};
      if (msg.type === 'entry' && msg.entry.userId === userId) onEntry(msg.entry);
      if (msg.type === 'watching' && msg.userId === userId)
        resolve({
          close: () => {
            port.removeEventListener('message', listener);
            port.postMessage({ type: 'close', userId });
          },
        });
    };
    port.addEventListener('message', listener);
    port.postMessage({ type: 'watch', userId });
  });
}

async function createUser(displayName) {
  const user = await api('api/users', { method: 'POST', body: JSON.stringify({ displayName }) });
  await loadUsers(user.userId);
  await selectUser(user.userId);
  await send({ type: 'follow' });
}

// ---------------------------------------------------------------- chat

function addEntry(entry, { quiet = false } = {}) {
  if (state.seen.has(entry.id)) return;
  state.seen.add(entry.id);
  state.entries.push(entry);
  if (entry.from === 'bot') clearTyping();
  if (entry.message?.type === 'follow') state.following.set(state.userId, true);
  if (entry.message?.type === 'unfollow') state.following.set(state.userId, false);
  if (!quiet) {
    appendEntry(entry, state.entries[state.entries.length - 2]);
    renderQuickReplies();
    updateFollowButtons();
    if (entry.from === 'bot') void refreshRichMenu();
  }
}

function renderChat() {
  chat.replaceChildren();
  if (!state.userId) {
    chat.append(el('div', { class: 'empty' }, 'เลือกผู้ใช้ด้านบนเพื่อเริ่มแชทกับบอท “พัฒนา”'));
  } else if (state.entries.length === 0) {
    chat.append(el('div', { class: 'empty' }, 'ยังไม่มีข้อความ ลองพิมพ์ “เมนู” หรือกด “เพิ่มเพื่อน”'));
  }
  let prev;
  for (const e of state.entries) {
    appendEntry(e, prev);
    prev = e;
  }
  renderQuickReplies();
  updateFollowButtons();
}

function updateFollowButtons() {
  const f = state.following.get(state.userId);
  $('follow-button').setAttribute('aria-pressed', String(f === true));
  $('block-button').setAttribute('aria-pressed', String(f === false));
}

function dayKey(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

function appendEntry(entry, prev) {
  chat.querySelector('.empty')?.remove();
  if (!prev || dayKey(prev.at) !== dayKey(entry.at)) {
    const today = dayKey(new Date().toISOString()) === dayKey(entry.at);
    chat.append(el('div', { class: 'date-chip' }, today ? 'วันนี้' : dateFmt.format(new Date(entry.at))));
  }
  const node = entry.from === 'bot' ? botRow(entry, prev) : userRow(entry);
  if (node) {
    const typing = chat.querySelector('.row--typing');
    if (typing) chat.insertBefore(node, typing);
    else chat.append(node);
  }
  scrollToEnd();
}

function scrollToEnd() {
  requestAnimationFrame(() => {
    chat.scrollTop = chat.scrollHeight;
  });
}

function meta(entry, read) {
  return el(
    'div',
    { class: 'meta' },
    read ? el('span', {}, 'อ่านแล้ว') : null,
    el('time', { datetime: entry.at }, timeFmt.format(new Date(entry.at))),
  );
}

function botRow(entry, prev) {
  const grouped = prev?.from === 'bot' && Date.parse(entry.at) - Date.parse(prev.at) < 60_000;
  const content = renderBotMessage(entry.message);
  content.dataset.testid = 'bubble-bot';
  content.dataset.messageType = String(entry.message?.type ?? '');
  const col = el(
    'div',
    { class: 'bot-col' },
    grouped ? null : el('div', { class: 'bot-name' }, 'พัฒนา'),
    el(
      'div',
      { class: `bot-line${entry.delivered === false ? ' undelivered' : ''}` },
      content,
      meta(entry, false),
    ),
    entry.delivered === false ? el('div', { class: 'undelivered-note' }, 'ไม่ได้ส่งถึงผู้ใช้ (ผู้ใช้บล็อกบอทอยู่)') : null,
  );
  return el(
    'div',
    { class: 'row row--bot', dataset: { via: entry.via ?? '' } },
    el('div', { class: `avatar${grouped ? ' avatar--spacer' : ''}`, 'aria-hidden': 'true' }, 'พ'),
    col,
  );
}

function userRow(entry) {
  const m = entry.message ?? {};
  const bubble = (child, extra = '') =>
    el(
      'div',
      { class: 'row row--user' },
      meta(entry, true),
      el('div', { class: `bubble bubble--user ${extra}`, dataset: { testid: 'bubble-user' } }, child),
    );
  switch (m.type) {
    case 'text':
      return bubble(linkify(m.text));
    case 'postback':
      if (m.displayText) return bubble(m.displayText);
      // a rich menu tab tap: LINE shows nothing in the chat, only the other menu
      if (m.params?.newRichMenuAliasId) return null;
      // LINE shows nothing in the chat for a postback without displayText; a quiet note (raw data on
      // hover) keeps the conversation readable while still showing what was sent.
      return el(
        'div',
        { class: 'system-note', title: m.data, dataset: { testid: 'system-note' } },
        m.params
          ? `เลือก ${m.params.date ?? m.params.time ?? m.params.datetime ?? JSON.stringify(m.params)}`
          : 'แตะปุ่ม',
      );
    case 'image':
      return bubble(el('img', { src: m.contentUrl, alt: 'รูปภาพที่ส่ง', loading: 'lazy' }), 'bubble--image');
    case 'sticker':
      return el(
        'div',
        { class: 'row row--user' },
        meta(entry, true),
        el(
          'div',
          {
            class: 'bubble--sticker',
            role: 'img',
            'aria-label': 'สติกเกอร์',
            dataset: { testid: 'bubble-user' },
          },
          el('span', {}, stickerFace(), stickerName(m)),
        ),
      );
    case 'follow':
      return el(
        'div',
        { class: 'system-note', dataset: { testid: 'system-note' } },
        m.isUnblocked ? 'คุณเลิกบล็อก “พัฒนา” แล้ว' : 'คุณเพิ่ม “พัฒนา” เป็นเพื่อนแล้ว',
      );
    case 'unfollow':
      return el('div', { class: 'system-note', dataset: { testid: 'system-note' } }, 'คุณบล็อก “พัฒนา” แล้ว');
    default:
      return bubble(JSON.stringify(m));
  }
}

function linkify(text) {
  const frag = document.createDocumentFragment();
  const re = /(https?:\/\/[^\s]+)/g;
  let last = 0;
  for (const match of text.matchAll(re)) {
    frag.append(text.slice(last, match.index));
    const href = match[0];
    frag.append(
      el(
        'a',
        {
          href,
          onclick: (e) => {
            e.preventDefault();
            openUri(href);
          },
        },
        href,
      ),
    );
    last = match.index + href.length;
  }
  frag.append(text.slice(last));
  return frag;
}

function renderBotMessage(m) {
  const altBubble = (text) => el('div', { class: 'bubble bubble--alt' }, text);
  switch (m?.type) {
    case 'text':
      return el('div', { class: 'bubble bubble--bot' }, linkify(String(m.text ?? '')));
    case 'textV2':
      return el('div', { class: 'bubble bubble--bot' }, textV2(m));
    case 'flex':
      try {
        return el(
          'div',
          { class: 'flex-msg', 'aria-label': m.altText },
          renderFlexContainer(m.contents, runAction),
        );
      } catch (err) {
        console.error('flex render failed', err, m);
        return altBubble(`${m.altText ?? 'Flex message'} (แสดงผลไม่ได้)`);
      }
    case 'template':
      return renderTemplate(m) ?? altBubble(m.altText ?? 'template');
    case 'image':
      return el(
        'div',
        { class: 'bubble bubble--image' },
        el(
          'a',
          { href: m.originalContentUrl, target: '_blank', rel: 'noopener' },
          el('img', { src: m.previewImageUrl ?? m.originalContentUrl, alt: 'รูปภาพจากบอท', loading: 'lazy' }),
        ),
      );
    case 'sticker':
      return el(
        'div',
        { class: 'bubble bubble--sticker', role: 'img', 'aria-label': 'สติกเกอร์' },
        el('span', {}, stickerFace(), `สติกเกอร์ ${m.packageId}/${m.stickerId}`),
      );
    case 'imagemap':
      return renderImagemap(m);
    case 'video':
      return altBubble(`[วิดีโอ] ${m.originalContentUrl}`);
    case 'audio':
      return altBubble(`[เสียง ${Math.round((m.duration ?? 0) / 1000)} วินาที]`);
    case 'location':
      return altBubble(`[ตำแหน่ง] ${m.title ?? ''} ${m.address ?? ''}`);
    default:
      return altBubble(m?.altText ?? `[${m?.type ?? 'ข้อความ'}]`);
  }
}

function stickerFace() {
  const wrap = document.createElement('span');
  wrap.innerHTML =
    '<svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true"><circle cx="24" cy="24" r="20" fill="#f5c542"/><circle cx="17" cy="20" r="3" fill="#333"/><circle cx="31" cy="20" r="3" fill="#333"/><path d="M15 29q9 8 18 0" stroke="#333" stroke-width="3" fill="none" stroke-linecap="round"/></svg>';
  return wrap;
}

function textV2(m) {
  const subs = m.substitution ?? {};
  return String(m.text ?? '').replace(/\{([a-zA-Z0-9_]+)\}/g, (all, key) => {
    const s = subs[key];
    if (!s) return all;
    if (s.type === 'mention') return s.mentionee?.type === 'all' ? '@All' : '@คุณ';
    if (s.type === 'emoji') return '(อีโมจิ)';
    return all;
  });
}

function actionButton(action, cls) {
  return el(
    'button',
    { type: 'button', class: cls, onclick: () => runAction(action) },
    action?.label ?? action?.displayText ?? action?.text ?? '…',
  );
}

function renderTemplate(m) {
  const t = m.template;
  if (!t) return null;
  const image = (url, ratio, size, action) =>
    url
      ? el('img', {
          src: url,
          alt: '',
          style: {
            aspectRatio: ratio === 'square' ? '1 / 1' : '1.51 / 1',
            objectFit: size === 'contain' ? 'contain' : 'cover',
          },
          class: action ? 'flex-clickable' : undefined,
          onclick: action ? () => runAction(action) : undefined,
        })
      : null;
  const column = (c, ratio, size) =>
    el(
      'div',
      { class: 'tpl' },
      image(c.thumbnailImageUrl, ratio, size, c.defaultAction),
      el(
        'div',
        { class: 'tpl-body' },
        c.title ? el('div', { class: 'tpl-title' }, c.title) : null,
        el('div', {}, c.text ?? ''),
      ),
      el(
        'div',
        { class: 'tpl-actions' },
        (c.actions ?? []).map((a) => actionButton(a, 'tpl-action')),
      ),
    );
  switch (t.type) {
    case 'buttons':
      return column(t, t.imageAspectRatio, t.imageSize);
    case 'confirm':
      return el(
        'div',
        { class: 'tpl' },
        el('div', { class: 'tpl-body', style: { textAlign: 'center' } }, t.text),
        el(
          'div',
          { class: 'tpl-actions tpl-actions--row' },
          (t.actions ?? []).map((a) => actionButton(a, 'tpl-action')),
        ),
      );
    case 'carousel':
      return el(
        'div',
        { class: 'tpl-carousel' },
        (t.columns ?? []).map((c) => column(c, t.imageAspectRatio, t.imageSize)),
      );
    case 'image_carousel':
      return el(
        'div',
        { class: 'tpl-carousel' },
        (t.columns ?? []).map((c) =>
          el(
            'div',
            { class: 'tpl', style: { width: '160px' } },
            el('img', { src: c.imageUrl, alt: '', style: { aspectRatio: '1 / 1' } }),
            el('div', { class: 'tpl-actions' }, actionButton(c.action, 'tpl-action')),
          ),
        ),
      );
    default:
      return null;
  }
}

function renderImagemap(m) {
  const w = m.baseSize?.width ?? 1040;
  const h = m.baseSize?.height ?? 1040;
  const box = el(
    'div',
    { class: 'imagemap', role: 'group', 'aria-label': m.altText },
    el('img', { src: `${m.baseUrl}/700`, alt: m.altText ?? '', style: { aspectRatio: `${w} / ${h}` } }),
  );
  for (const a of m.actions ?? []) {
    const area = a.area ?? {};
    const action =
      a.type === 'uri'
        ? { type: 'uri', uri: a.linkUri, label: a.label }
        : { type: 'message', text: a.text, label: a.label };
    box.append(
      el('button', {
        type: 'button',
        class: 'richmenu-area',
        'aria-label': a.label ?? a.text ?? a.linkUri ?? 'พื้นที่',
        style: {
          left: `${(area.x / w) * 100}%`,
          top: `${(area.y / h) * 100}%`,
          width: `${(area.width / w) * 100}%`,
          height: `${(area.height / h) * 100}%`,
        },
        onclick: () => runAction(action),
      }),
    );
  }
  return box;
}

// ---------------------------------------------------------------- quick replies

function renderQuickReplies() {
  quickBar.replaceChildren();
  const last = state.entries[state.entries.length - 1];
  const items = last?.from === 'bot' ? (last.message?.quickReply?.items ?? []) : [];
  quickBar.hidden = items.length === 0;
  for (const item of items) {
    const a = item.action ?? {};
    const label = a.label ?? a.displayText ?? a.text ?? a.type;
    quickBar.append(
      el(
        'button',
        {
          type: 'button',
          class: 'quick-reply',
          dataset: { testid: 'quick-reply', actionType: a.type },
          onclick: () => runAction(a),
        },
        item.imageUrl ? el('img', { src: item.imageUrl, alt: '' }) : null,
        quickIcon(a.type),
        label,
      ),
    );
  }
}

const QUICK_ICONS = {
  camera:
    '<path fill="currentColor" d="M4 7h3l2-2h6l2 2h3a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1Zm8 3a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7Z"/>',
  cameraRoll: '<path fill="currentColor" d="M4 5h16v14H4zM6 17h12l-4-5-3 4-2-2z"/>',
  datetimepicker: '<path fill="currentColor" d="M7 3v2H4v15h16V5h-3V3h-2v2H9V3zm-1 6h12v9H6z"/>',
  uri: '<path fill="currentColor" d="M10 14 8.6 12.6 14.2 7H11V5h7v7h-2V8.8zM5 7h4v2H7v8h8v-2h2v4H5z"/>',
  location:
    '<path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7Zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5Z"/>',
};

function quickIcon(type) {
  if (!QUICK_ICONS[type]) return null;
  const span = document.createElement('span');
  span.setAttribute('aria-hidden', 'true');
  span.style.display = 'inline-flex';
  span.style.color = '#06C755';
  span.innerHTML = `<svg viewBox="0 0 24 24" width="16" height="16">${QUICK_ICONS[type]}</svg>`;
  return span;
}

// ---------------------------------------------------------------- actions

async function send(event) {
  if (!state.userId) return;
  const userId = state.userId;
  showTyping();
  try {
    const res = await api('api/send', { method: 'POST', body: JSON.stringify({ userId, event }) });
    if (res.status === 0) {
      clearTyping();
      toast(`ส่งไปที่บอทไม่ได้: ${res.error ?? 'ไม่ทราบสาเหตุ'}`);
    } else if (res.status >= 300) {
      clearTyping();
      toast(`บอทตอบ HTTP ${res.status}`);
    }
    if (event.type === 'unfollow') clearTyping();
  } catch (err) {
    clearTyping();
    toast(`ส่งไม่สำเร็จ: ${err.message}`);
  }
}

function showTyping() {
  clearTyping();
  const row = el(
    'div',
    { class: 'row row--bot row--typing', dataset: { testid: 'typing' }, 'aria-label': 'บอทกำลังพิมพ์' },
    el('div', { class: 'avatar', 'aria-hidden': 'true' }, 'พ'),
    el('div', { class: 'bubble bubble--bot typing' }, el('span'), el('span'), el('span')),
  );
  chat.append(row);
  scrollToEnd();
  state.typingTimer = setTimeout(clearTyping, 8000);
}

function clearTyping() {
  clearTimeout(state.typingTimer);
  for (const n of chat.querySelectorAll('.row--typing')) n.remove();
}

function runAction(action) {
  if (!action || !state.userId) return;
  switch (action.type) {
    case 'message':
      return send({ type: 'text', text: String(action.text ?? action.label ?? '') });
    case 'postback': {
      const displayText = action.displayText ?? action.text;
      if (action.inputOption === 'openKeyboard') {
        if (action.fillInText) input.value = action.fillInText;
        input.focus();
      }
      return send({ type: 'postback', data: String(action.data ?? ''), displayText });
    }
    case 'datetimepicker':
      return pickDateTime(action);
    case 'uri':
      return openUri(String(action.uri ?? ''));
    case 'camera':
    case 'cameraRoll':
      imageInput.click();
      return;
    case 'richmenuswitch':
      // the simulator links the alias's menu (as the LINE app does) before the postback reaches the bot
      return send({
        type: 'postback',
        data: String(action.data ?? ''),
        params: { newRichMenuAliasId: String(action.richMenuAliasId ?? '') },
      }).then(() => {
        clearTyping(); // the bot has nothing to answer to a tab tap
        return refreshRichMenu();
      });
    case 'clipboard':
      void navigator.clipboard?.writeText(String(action.clipboardText ?? '')).catch(() => undefined);
      toast('คัดลอกแล้ว');
      return;
    case 'location':
      toast('ตัวจำลองยังไม่รองรับการส่งตำแหน่ง');
      return;
    default:
      toast(`ไม่รองรับ action แบบ ${action.type}`);
  }
}

function pickDateTime(action) {
  const dialog = /** @type {HTMLDialogElement} */ ($('datetime-dialog'));
  const field = /** @type {HTMLInputElement} */ ($('datetime-input'));
  const mode = action.mode === 'time' ? 'time' : action.mode === 'datetime' ? 'datetime' : 'date';
  field.type = mode === 'datetime' ? 'datetime-local' : mode;
  field.value = action.initial ?? '';
  field.min = action.min ?? '';
  field.max = action.max ?? '';
  $('datetime-title').textContent =
    mode === 'time' ? 'เลือกเวลา' : mode === 'datetime' ? 'เลือกวันและเวลา' : 'เลือกวันที่';
  const form = /** @type {HTMLFormElement} */ ($('datetime-form'));
  form.onsubmit = (e) => {
    e.preventDefault();
    if (!field.value) return;
    dialog.close();
    void send({ type: 'postback', data: String(action.data ?? ''), params: { [mode]: field.value } });
  };
  $('datetime-cancel').onclick = () => dialog.close();
  dialog.showModal();
  field.focus();
}

/** https://liff.line.me/{liffId}/path?q → the local LIFF app (opts.liffUrl) + /path?q */
export function rewriteLiffUrl(uri, liffId, liffUrl) {
  if (!liffUrl) return null;
  const m = /^(?:https:\/\/liff\.line\.me\/|line:\/\/app\/)([^/?#]+)(.*)$/.exec(uri);
  if (!m || (liffId && m[1] !== liffId)) return null;
  const rest = m[2] ?? '';
  const base = liffUrl.replace(/\/+$/, '');
  return rest.startsWith('/') ? base + rest : `${base}/${rest}`;
}

function openUri(uri) {
  const local = rewriteLiffUrl(uri, state.config.liffId, state.config.liffUrl);
  if (local) {
    // Local LIFF logs in as the person chatting here (dev LINE Login on the fake platform).
    const url = new URL(local);
    if (state.userId) url.searchParams.set('sim_user', state.userId);
    openLiff(url.toString(), uri);
    return;
  }
  if (/^https?:/i.test(uri)) window.open(uri, '_blank', 'noopener');
  else if (uri) toast(`ลิงก์: ${uri}`);
}

function openLiff(url, original) {
  const sheet = $('liff-sheet');
  const frame = /** @type {HTMLIFrameElement} */ ($('liff-frame'));
  frame.src = url;
  $('liff-title').textContent = original;
  $('liff-newtab').onclick = () => window.open(url, '_blank', 'noopener');
  sheet.hidden = false;
  $('liff-close').focus();
}

$('liff-close').addEventListener('click', () => {
  $('liff-sheet').hidden = true;
  /** @type {HTMLIFrameElement} */ ($('liff-frame')).src = 'about:blank';
});

// ---------------------------------------------------------------- rich menu

async function refreshRichMenu() {
  if (!state.userId) return;
  const userId = state.userId;
  try {
    const { richMenu } = await api(`api/richmenu?userId=${encodeURIComponent(userId)}`);
    if (state.userId !== userId) return;
    const key = richMenu ? `${richMenu.richMenuId}:${richMenu.hasImage}` : '';
    if (key === state.richMenuKey) return;
    const first = !state.richMenuKey;
    state.richMenuKey = key;
    state.richMenu = richMenu;
    if (first) state.richMenuOpen = Boolean(richMenu?.menu?.selected);
    renderRichMenu();
  } catch {
    // the platform may be restarting; the next message retries
  }
}

function renderRichMenu() {
  const bar = $('richmenu-bar');
  const panel = $('richmenu-panel');
  const toggle = $('richmenu-toggle');
  const rm = state.richMenu;
  bar.hidden = !rm;
  panel.hidden = !rm || !state.richMenuOpen;
  toggle.setAttribute('aria-expanded', String(Boolean(rm && state.richMenuOpen)));
  panel.replaceChildren();
  if (!rm) return;
  const menu = rm.menu ?? {};
  $('richmenu-label').textContent = menu.chatBarText ?? 'เมนู';
  const w = menu.size?.width ?? 2500;
  const h = menu.size?.height ?? 1686;
  panel.style.aspectRatio = `${w} / ${h}`;
  panel.classList.toggle('richmenu-panel--noimage', !rm.imageUrl);
  if (rm.imageUrl) panel.append(el('img', { src: rm.imageUrl, alt: menu.name ?? 'ริชเมนู' }));
  (menu.areas ?? []).forEach((area, i) => {
    const b = area.bounds ?? {};
    const a = area.action ?? {};
    const label = a.label ?? a.displayText ?? a.text ?? `เมนู ${i + 1}`;
    panel.append(
      el(
        'button',
        {
          type: 'button',
          class: 'richmenu-area',
          'aria-label': label,
          dataset: { testid: 'richmenu-area' },
          style: {
            left: `${(b.x / w) * 100}%`,
            top: `${(b.y / h) * 100}%`,
            width: `${(b.width / w) * 100}%`,
            height: `${(b.height / h) * 100}%`,
          },
          onclick: () => runAction(a),
        },
        rm.imageUrl ? null : label,
      ),
    );
  });
}

$('richmenu-toggle').addEventListener('click', () => {
  state.richMenuOpen = !state.richMenuOpen;
  renderRichMenu();
  if (state.richMenuOpen) void refreshRichMenu();
});

// ---------------------------------------------------------------- wiring

$('composer').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  void send({ type: 'text', text });
});

picker.addEventListener('change', () => void selectUser(picker.value));

$('follow-button').addEventListener('click', () => void send({ type: 'follow' }));
$('block-button').addEventListener('click', () => void send({ type: 'unfollow' }));
$('attach-button').addEventListener('click', () => imageInput.click());

// A few stickers of LINE's free set, sent as LINE sends them: package and sticker ids plus keywords.
const STICKERS = [
  { packageId: '446', stickerId: '1988', keywords: ['Hello', 'Hi'], name: 'สวัสดี' },
  { packageId: '446', stickerId: '1989', keywords: ['Thanks', 'Thank you'], name: 'ขอบคุณ' },
  { packageId: '446', stickerId: '1990', keywords: ['OK', 'Okay'], name: 'โอเค' },
  { packageId: '446', stickerId: '2007', keywords: ['Sad', 'Sorry'], name: 'เสียใจ' },
];
const stickerName = (m) =>
  STICKERS.find((s) => s.packageId === m.packageId && s.stickerId === m.stickerId)?.name ??
  `สติกเกอร์ ${m.packageId}/${m.stickerId}`;

function toggleStickers(open) {
  const panel = $('sticker-panel');
  panel.hidden = !open;
  $('sticker-button').setAttribute('aria-expanded', String(open));
  if (!open) return;
  panel.replaceChildren(
    ...STICKERS.map((st) =>
      el(
        'button',
        {
          type: 'button',
          class: 'sticker-choice',
          role: 'menuitem',
          'aria-label': `สติกเกอร์ ${st.name}`,
          dataset: { testid: 'sticker-choice' },
          onclick: () => {
            toggleStickers(false);
            void send({
              type: 'sticker',
              packageId: st.packageId,
              stickerId: st.stickerId,
              keywords: st.keywords,
            });
          },
        },
        stickerFace(),
        el('span', {}, st.name),
      ),
    ),
  );
}
$('sticker-button').addEventListener('click', () => toggleStickers($('sticker-panel').hidden));

imageInput.addEventListener('change', async () => {
  const file = imageInput.files?.[0];
  imageInput.value = '';
  if (!file) return;
  if (file.size > 10 * 1024 * 1024) {
    toast('รูปใหญ่เกิน 10 MB');
    return;
  }
  const contentBase64 = await new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
  await send({ type: 'image', contentBase64, contentType: file.type || 'image/jpeg' });
});

const THAI_NAMES = [
  'นายทดสอบ ใจเย็น',
  'นางสาวมะลิ หอมหวาน',
  'นายกล้า หาญสู้',
  'นางสาวพลอย ใสสะอาด',
  'นายภูผา มั่นคง',
];
const newUserDialog = /** @type {HTMLDialogElement} */ ($('new-user-dialog'));
$('new-user-button').addEventListener('click', () => {
  const field = /** @type {HTMLInputElement} */ ($('new-user-name'));
  field.value = THAI_NAMES[Math.floor(Math.random() * THAI_NAMES.length)];
  newUserDialog.showModal();
  field.select();
});
$('new-user-cancel').addEventListener('click', () => newUserDialog.close());
$('new-user-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const name = /** @type {HTMLInputElement} */ ($('new-user-name')).value.trim();
  if (!name) return;
  newUserDialog.close();
  createUser(name).catch((err) => toast(`สร้างผู้ใช้ไม่สำเร็จ: ${err.message}`));
});

window.addEventListener('focus', () => void refreshRichMenu());

/** Demo controls for background work (e.g. the morning scheduler), when the stack offers any. */
async function loadDevActions() {
  const { actions } = await api('api/dev-actions');
  const bar = document.querySelector('.devbar');
  for (const a of actions) {
    const b = el('button', { type: 'button', class: 'devbtn', text: a.label });
    b.dataset.testid = `dev-action-${a.id}`;
    // an action that runs "as of" a day gets its own row: the day, what kind of day it is, a better one
    const dated = a.hasDate ? datedAction(a, b) : undefined;
    b.addEventListener('click', async () => {
      b.disabled = true;
      try {
        const res = await fetch(`api/dev-actions/${encodeURIComponent(a.id)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(dated?.value() ? { date: dated.value() } : {}),
        });
        const body = await res.json();
        const message = body.message ?? body.error ?? `HTTP ${res.status}`;
        toast(message);
        dated?.said(message);
      } catch (err) {
        toast(`ไม่สำเร็จ: ${err.message}`);
      } finally {
        b.disabled = false;
      }
    });
    if (!dated) bar.append(b);
  }
}

function datedAction(a, button) {
  const field = el('input', {
    type: 'date',
    class: 'devdate',
    'aria-label': `วันที่ของ${a.label}`,
    dataset: { testid: `dev-action-${a.id}-date` },
  });
  const note = el('span', { class: 'devnote', dataset: { testid: `dev-action-${a.id}-note` } });
  const suggest = el('button', {
    type: 'button',
    class: 'devbtn devbtn--green',
    hidden: true,
    dataset: { testid: `dev-action-${a.id}-suggest` },
  });
  const result = el('div', {
    class: 'devresult',
    role: 'status',
    hidden: true,
    dataset: { testid: `dev-action-${a.id}-result` },
  });
  const describe = async (date) => {
    try {
      const info = await api(
        `api/dev-actions/${encodeURIComponent(a.id)}/date${date ? `?date=${encodeURIComponent(date)}` : ''}`,
      );
      field.value = info.value;
      note.textContent = info.note;
      suggest.hidden = !info.suggest;
      if (info.suggest) {
        suggest.textContent = info.suggest.label;
        suggest.onclick = () => void describe(info.suggest.value);
      }
    } catch (err) {
      note.textContent = err.message;
    }
  };
  field.addEventListener('change', () => void describe(field.value));
  const row = el(
    'section',
    { class: 'devbar devbar--dated', 'aria-label': a.label },
    el('div', { class: 'devline' }, button, el('span', { class: 'devlabel' }, 'ของวันที่'), field),
    el('div', { class: 'devline' }, note, suggest),
    result,
  );
  document.querySelector('.devbar').after(row);
  void describe();
  return {
    value: () => field.value,
    said: (message) => {
      result.textContent = message;
      result.hidden = false;
    },
  };
}

async function main() {
  state.config = await api('api/config');
  await loadDevActions();
  const wanted = new URL(location.href).searchParams.get('userId') ?? '';
  await loadUsers(wanted);
  if (/^U[0-9a-f]{32}$/.test(wanted) && picker.value !== wanted) {
    // a user the page does not list (e.g. made by a test through the API): still openable by URL
    state.users.push({ userId: wanted, displayName: wanted.slice(0, 9), created: true });
    picker.append(el('option', { value: wanted, text: wanted }));
    picker.value = wanted;
  }
  if (wanted && picker.value === wanted) await selectUser(wanted);
  document.body.dataset.ready = 'true';
}

main().catch((err) => toast(`เริ่มต้นไม่สำเร็จ: ${err.message}`));
