import type { PostbackPayload } from './reply';

/**
 * Signs and checks strings with a secret the edge holds (HMAC there). Postback data comes back from
 * the client, so anything in it could be forged: we sign it and carry an expiry.
 */
export interface PostbackSigner {
  sign(input: string): string;
  verify(input: string, signature: string): boolean;
}

/** LINE's limit on postback data. */
export const POSTBACK_DATA_MAX = 300;
/** Buttons in reminders are tapped days later; after this they are refused politely. */
export const POSTBACK_TTL_SECONDS = 30 * 24 * 3600;

export class PostbackTooLongError extends Error {
  override readonly name = 'PostbackTooLongError';
}

export type DecodedPostback =
  | { readonly ok: true; readonly payload: PostbackPayload }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' };

export function encodePostback(
  payload: PostbackPayload,
  signer: PostbackSigner,
  now: Date,
  ttlSeconds = POSTBACK_TTL_SECONDS,
): string {
  const body = base64UrlEncode(JSON.stringify(payload));
  const exp = Math.floor(now.getTime() / 1000 + ttlSeconds).toString(36);
  const signed = `${body}.${exp}`;
  const data = `${signed}.${signer.sign(signed)}`;
  if (data.length > POSTBACK_DATA_MAX) {
    throw new PostbackTooLongError(
      `postback data for '${payload.a}' is ${data.length} chars (max ${POSTBACK_DATA_MAX})`,
    );
  }
  return data;
}

export function decodePostback(data: string, signer: PostbackSigner, now: Date): DecodedPostback {
  const parts = data.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'invalid' };
  const [body, exp, sig] = parts as [string, string, string];
  if (!signer.verify(`${body}.${exp}`, sig)) return { ok: false, reason: 'invalid' };
  const expiresAt = Number.parseInt(exp, 36) * 1000;
  if (!Number.isFinite(expiresAt) || expiresAt < now.getTime()) return { ok: false, reason: 'expired' };
  try {
    const payload = JSON.parse(base64UrlDecode(body)) as unknown;
    if (
      typeof payload !== 'object' ||
      payload === null ||
      typeof (payload as { a?: unknown }).a !== 'string'
    ) {
      return { ok: false, reason: 'invalid' };
    }
    return { ok: true, payload: payload as PostbackPayload };
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

// TextEncoder/atob exist in every runtime we target (Node ≥ 16, browsers) without importing node:*.
function base64UrlEncode(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64UrlDecode(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}
