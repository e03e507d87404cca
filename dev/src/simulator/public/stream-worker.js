// One event stream for every tab of the simulator (a SharedWorker). A browser keeps at most six
// connections per host; a stream per tab held one each, so the seventh tab never finished loading.
// Each tab says which chat it shows; the worker passes it that chat's entries only.

/** @type {Map<MessagePort, string>} port → the userId its tab shows */
const watching = new Map();
let source = null;

function open() {
  if (source) return;
  source = new EventSource('api/stream?all=1');
  source.addEventListener('entry', (e) => {
    const entry = JSON.parse(e.data);
    for (const [port, userId] of watching)
      if (userId === entry.userId) port.postMessage({ type: 'entry', entry });
  });
}

self.addEventListener('connect', (e) => {
  const port = /** @type {MessageEvent} */ (e).ports[0];
  port.addEventListener('message', (m) => {
    const msg = m.data ?? {};
    if (msg.type === 'watch') {
      watching.set(port, String(msg.userId ?? ''));
      open();
      // the tab loads the chat's history only after this, so nothing falls between the two
      port.postMessage({ type: 'watching', userId: msg.userId });
    } else if (msg.type === 'close' && watching.get(port) === msg.userId) {
      watching.delete(port);
    }
  });
  port.start();
});
