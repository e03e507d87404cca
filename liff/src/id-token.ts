/** Seconds before `exp` at which a token already counts as expired (clock skew, request time). */
export const EXPIRY_SKEW_SECONDS = 60;

/**
 * The payload of a JWT, decoded but NOT verified: the client only reads `exp` to decide when to
 * refresh; the API verifies the token itself.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=');
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** True when the token cannot be read, has no numeric `exp`, or expires within the skew. */
export function isIdTokenExpired(token: string, nowMs: number, skewSeconds = EXPIRY_SKEW_SECONDS): boolean {
  const exp = decodeJwtPayload(token)?.exp;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return true;
  return exp - skewSeconds <= nowMs / 1000;
}
