/**
 * LIFF puts the path of a deep link (`https://liff.line.me/{liffId}/hours`) into the `liff.state`
 * query parameter of the endpoint URL. This returns the same-origin path to go to, or null.
 * The endpoint URL's other parameters belong to LIFF / LINE Login (code, state, …) and are dropped:
 * anything the deep link itself carries is inside liff.state.
 */
export function liffStateTarget(href: string): string | null {
  const current = new URL(href);
  const state = current.searchParams.get('liff.state');
  if (!state) return null;
  // Only a path (or query / hash) on this origin: no scheme, no protocol-relative `//host`.
  const isPath = state.startsWith('/') && !state.startsWith('//') && !state.startsWith('/\\');
  if (!isPath && !state.startsWith('?') && !state.startsWith('#')) return null;
  let target: URL;
  try {
    target = new URL(state, `${current.origin}${current.pathname}`);
  } catch {
    return null;
  }
  if (target.origin !== current.origin) return null;
  return `${target.pathname}${target.search}${target.hash}`;
}
