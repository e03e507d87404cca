// Buttons that open a LIFF page (from chat, a push or the rich menu) all point at LINE's LIFF URL, which
// opens the app at that path: https://liff.line.me/{liffId}/hours

/** LIFF deep link for a page of the app. */
export function liffUrl(liffId: string, path: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(liffId)) throw new Error(`not a LIFF id: ${JSON.stringify(liffId)}`);
  return `https://liff.line.me/${liffId}${path.startsWith('/') ? path : `/${path}`}`;
}
